package org.karyo;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers never see half of it: the content goes to a temporary file in the
 * same folder, which is then moved over the target. A failure leaves the old target (or none).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a whole file at the path it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path tmp) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            writer.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, tmp -> Files.writeString(tmp, text));
    }
}
