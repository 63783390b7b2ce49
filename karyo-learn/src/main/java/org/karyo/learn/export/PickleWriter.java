package org.karyo.learn.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few Python pickle (protocol 2) opcodes a TorchScript archive's {@code data.pkl} needs: globals,
 * strings, small integers, booleans, tuples, dicts, object construction and persistent ids (which point
 * at tensor storages stored beside the pickle). No memo: every value is written once.
 */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleWriter() {
        out.write(0x80); // PROTO
        out.write(2);
    }

    /** GLOBAL: pushes {@code module.name} (a class or function). */
    PickleWriter global(String module, String name) {
        out.write('c');
        ascii(module + "\n" + name + "\n");
        return this;
    }

    PickleWriter string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X'); // BINUNICODE
        int4(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    PickleWriter integer(long v) {
        if (v >= 0 && v < 256) {
            out.write('K'); // BININT1
            out.write((int) v);
        } else if (v >= 0 && v < 65536) {
            out.write('M'); // BININT2
            out.write((int) (v & 0xff));
            out.write((int) (v >>> 8));
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J'); // BININT
            int4((int) v);
        } else {
            out.write(0x8a); // LONG1: 8 bytes little-endian two's complement
            out.write(8);
            for (int i = 0; i < 8; i++) {
                out.write((int) (v >>> (8 * i)) & 0xff);
            }
        }
        return this;
    }

    PickleWriter bool(boolean b) {
        out.write(b ? 0x88 : 0x89); // NEWTRUE, NEWFALSE
        return this;
    }

    PickleWriter none() {
        out.write('N');
        return this;
    }

    /** MARK: starts the items of a tuple or of a dict's SETITEMS. */
    PickleWriter mark() {
        out.write('(');
        return this;
    }

    /** TUPLE: the items since the last mark. */
    PickleWriter tuple() {
        out.write('t');
        return this;
    }

    PickleWriter emptyTuple() {
        out.write(')');
        return this;
    }

    PickleWriter emptyDict() {
        out.write('}');
        return this;
    }

    /** SETITEMS: key/value pairs since the last mark go into the dict below them. */
    PickleWriter setItems() {
        out.write('u');
        return this;
    }

    /** NEWOBJ: {@code cls.__new__(cls, *args)} from a class and an argument tuple. */
    PickleWriter newObject() {
        out.write(0x81);
        return this;
    }

    /** BUILD: sets the object's state from the dict on top. */
    PickleWriter build() {
        out.write('b');
        return this;
    }

    /** REDUCE: calls the callable below the argument tuple on top. */
    PickleWriter reduce() {
        out.write('R');
        return this;
    }

    /** BINPERSID: the tuple on top is a persistent id, resolved by the loader. */
    PickleWriter persistentId() {
        out.write('Q');
        return this;
    }

    byte[] finish() {
        out.write('.'); // STOP
        return out.toByteArray();
    }

    private void int4(int v) {
        for (int i = 0; i < 4; i++) {
            out.write((v >>> (8 * i)) & 0xff);
        }
    }

    private void ascii(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.write(b, 0, b.length);
    }
}
