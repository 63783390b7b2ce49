package org.karyo.learn.torch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Python pickle reader for what {@code torch.save} writes (protocols 2 to 4): it builds plain Java
 * values and never runs code. Globals stay names ({@link Global}); calling one ({@code REDUCE},
 * {@code NEWOBJ}) becomes a {@link Call} unless {@code reducer} turns it into something else (a tensor,
 * a dict). Object state ({@code BUILD}) is dropped: a state dict's tensors and order do not depend on it.
 */
final class PickleReader {
    /** A Python global ({@code module.name}), e.g. {@code torch._utils._rebuild_tensor_v2}. */
    record Global(String module, String name) {
        boolean is(String m, String n) {
            return module.equals(m) && name.equals(n);
        }
    }

    /** A call of {@code callable} on {@code args} that the reducer did not interpret. */
    record Call(Object callable, List<Object> args) {
    }

    /** Decides what a {@code REDUCE} or {@code NEWOBJ} makes; returns null to keep a {@link Call}. */
    interface Reducer {
        Object reduce(Object callable, List<Object> args) throws IOException;
    }

    private static final Object MARK = new Object();

    private final ByteBuffer in;
    private final Function<List<Object>, Object> persistentLoad;
    private final Reducer reducer;
    private final Deque<Object> stack = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    PickleReader(byte[] data, Function<List<Object>, Object> persistentLoad, Reducer reducer) {
        this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        this.persistentLoad = persistentLoad;
        this.reducer = reducer;
    }

    Object read() throws IOException {
        try {
            while (true) {
                int op = in.get() & 0xff;
                switch (op) {
                    case 0x80 -> in.get(); // PROTO n
                    case 0x95 -> in.getLong(); // FRAME length (protocol 4)
                    case '.' -> { // STOP
                        return stack.pop();
                    }
                    case '(' -> { // MARK
                        stack.push(MARK);
                    }
                    case '}' -> stack.push(new LinkedHashMap<>());
                    case ']' -> stack.push(new ArrayList<>());
                    case ')' -> stack.push(List.of());
                    case 'N' -> stack.push(NONE);
                    case 0x88 -> stack.push(Boolean.TRUE);
                    case 0x89 -> stack.push(Boolean.FALSE);
                    case 'K' -> stack.push((long) (in.get() & 0xff));
                    case 'M' -> stack.push((long) (in.getShort() & 0xffff));
                    case 'J' -> stack.push((long) in.getInt());
                    case 0x8a -> stack.push(long1(in.get() & 0xff));
                    case 'G' -> stack.push(ByteBuffer.wrap(bytes(8)).order(ByteOrder.BIG_ENDIAN).getDouble()); // BINFLOAT
                    case 'X' -> stack.push(string(in.getInt()));
                    case 0x8c -> stack.push(string(in.get() & 0xff)); // SHORT_BINUNICODE
                    case 'B' -> stack.push(bytes(in.getInt()));
                    case 'C' -> stack.push(bytes(in.get() & 0xff));
                    case 'U' -> stack.push(new String(bytes(in.get() & 0xff), StandardCharsets.ISO_8859_1));
                    case 'c' -> stack.push(new Global(line(), line()));
                    case 0x93 -> { // STACK_GLOBAL
                        String name = (String) stack.pop();
                        stack.push(new Global((String) stack.pop(), name));
                    }
                    case 'q' -> memo.put((long) (in.get() & 0xff), stack.peek());
                    case 'r' -> memo.put(in.getInt() & 0xffffffffL, stack.peek());
                    case 0x94 -> memo.put((long) memo.size(), stack.peek()); // MEMOIZE
                    case 'h' -> stack.push(memo(in.get() & 0xff));
                    case 'j' -> stack.push(memo(in.getInt() & 0xffffffffL));
                    case 't' -> stack.push(List.copyOf(popMark()));
                    case 0x85 -> stack.push(tuple(1));
                    case 0x86 -> stack.push(tuple(2));
                    case 0x87 -> stack.push(tuple(3));
                    case 'l' -> stack.push(new ArrayList<>(popMark()));
                    case 'a' -> {
                        Object v = stack.pop();
                        list(stack.peek()).add(v);
                    }
                    case 'e' -> {
                        List<Object> items = popMark();
                        list(stack.peek()).addAll(items);
                    }
                    case 's' -> {
                        Object v = stack.pop();
                        Object k = stack.pop();
                        dict(stack.peek()).put(k, v);
                    }
                    case 'u' -> {
                        List<Object> items = popMark();
                        Map<Object, Object> d = dict(stack.peek());
                        for (int i = 0; i + 1 < items.size(); i += 2) {
                            d.put(items.get(i), items.get(i + 1));
                        }
                    }
                    case 'd' -> {
                        List<Object> items = popMark();
                        Map<Object, Object> d = new LinkedHashMap<>();
                        for (int i = 0; i + 1 < items.size(); i += 2) {
                            d.put(items.get(i), items.get(i + 1));
                        }
                        stack.push(d);
                    }
                    case 'Q' -> stack.push(persistentLoad.apply(tupleOf(stack.pop())));
                    case 'R', 0x81 -> {
                        List<Object> args = tupleOf(stack.pop());
                        Object callable = stack.pop();
                        Object made = reducer.reduce(callable, args);
                        stack.push(made != null ? made : new Call(callable, args));
                    }
                    case 'b' -> stack.pop(); // BUILD: the state is not needed
                    default -> throw new IOException(String.format("unsupported pickle opcode 0x%02x at byte %d", op,
                            in.position() - 1));
                }
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("pickle ends before its STOP opcode", e);
        } catch (ClassCastException | java.util.NoSuchElementException e) {
            throw new IOException("malformed pickle near byte " + in.position() + ": " + e.getMessage(), e);
        }
    }

    /** Python's None (Java null cannot go on the stack). */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private List<Object> popMark() throws IOException {
        List<Object> items = new ArrayList<>();
        while (true) {
            if (stack.isEmpty()) {
                throw new IOException("pickle pops past its stack");
            }
            Object o = stack.pop();
            if (o == MARK) {
                break;
            }
            items.add(0, o);
        }
        return items;
    }

    private List<Object> tuple(int n) {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = stack.pop();
        }
        return List.of(items);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> tupleOf(Object o) throws IOException {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IOException("expected a tuple, found " + o);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) throws IOException {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        // SETITEMS on an object other than a dict (e.g. one a reducer could not interpret): nothing to keep.
        return new LinkedHashMap<>();
    }

    private Object memo(long key) throws IOException {
        Object o = memo.get(key);
        if (o == null) {
            throw new IOException("pickle refers to memo entry " + key + " that was never stored");
        }
        return o;
    }

    private String string(int length) {
        return new String(bytes(length), StandardCharsets.UTF_8);
    }

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    private String line() {
        StringBuilder s = new StringBuilder();
        for (byte b = in.get(); b != '\n'; b = in.get()) {
            s.append((char) (b & 0xff));
        }
        return s.toString();
    }

    private long long1(int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (in.get() & 0xff) << (8 * i);
        }
        if (n > 0 && n < 8 && (v >>> (8 * n - 1) & 1) == 1) {
            v -= 1L << (8 * n); // sign-extend
        }
        return v;
    }
}
