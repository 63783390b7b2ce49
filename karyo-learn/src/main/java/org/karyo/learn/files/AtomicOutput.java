package org.karyo.learn.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.karyo.AtomicFiles;

/**
 * {@link AtomicFiles} for writers that produce a stream (ONNX files, training checkpoints): the content goes
 * through a buffered stream into the temporary sibling, which is moved over the target only when complete.
 */
public final class AtomicOutput {
    private AtomicOutput() {
    }

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        AtomicFiles.write(target, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
        });
    }
}
