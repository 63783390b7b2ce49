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
        Path tmp = siblingFile(target);
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

    /**
     * A new empty hidden file beside {@code target} ({@code .<name><random>.part}) to write and then move
     * over it. Made like any new file, so the umask sets its permissions (createTempFile would make every
     * output readable by its owner only).
     */
    public static Path siblingFile(Path target) throws IOException {
        return sibling(target, false);
    }

    /** The same for a folder that is filled and then moved into place (a model bundle, a dataset). */
    public static Path siblingDirectory(Path target) throws IOException {
        return sibling(target, true);
    }

    private static Path sibling(Path target, boolean directory) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + target.getFileName() + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
            try {
                return directory ? Files.createDirectory(p) : Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
}
