package org.karyo.learn.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * ONNX Runtime 1.29's Linux natives kill the JVM (SIGSEGV, no crash report) when the process's command
 * line is 4,000 bytes or longer: measured with nothing but ONNX Runtime on the class path, 3,900 bytes
 * run and 4,000 crash, whether the length comes from {@code -cp} or any {@code -D}. {@code bin/karyo}
 * runs a jar, and the scripts pass their class path in an {@code @argfile}; this check keeps anyone else
 * from losing a run to it: auto falls back to PyTorch, an explicit request fails with the reason.
 */
public final class OnnxRuntimeGuard {
    /** The shortest command line seen to crash. */
    static final int CRASHING_LENGTH = 4000;

    private OnnxRuntimeGuard() {
    }

    /** Why ONNX Runtime must not be loaded in this process, or null when it is safe. */
    public static String refusal() {
        OptionalInt length = commandLineLength();
        return length.isPresent() ? refusal(length.getAsInt()) : null;
    }

    static String refusal(int commandLineLength) {
        if (commandLineLength < CRASHING_LENGTH) {
            return null;
        }
        return "ONNX Runtime 1.29 crashes the JVM when its command line is " + CRASHING_LENGTH
                + " bytes or longer (this one is " + commandLineLength
                + "): start java with -jar or an @argfile, or use --inference pytorch";
    }

    /** Length of /proc/self/cmdline (Linux); empty where there is none. */
    private static OptionalInt commandLineLength() {
        Path cmdline = Path.of("/proc/self/cmdline");
        if (!Files.isReadable(cmdline)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Files.readAllBytes(cmdline).length);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }
}
