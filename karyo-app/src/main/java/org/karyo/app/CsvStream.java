package org.karyo.app;

import org.karyo.AtomicFiles;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * A CSV table written row by row (so long simulations never hold it in memory) into a hidden temporary file
 * that only becomes the target on {@link #commit()}: an interrupted run leaves no half table behind.
 */
final class CsvStream implements Closeable {
    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    private boolean committed;

    CsvStream(Path target, String... header) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.tmp = AtomicFiles.siblingFile(target);
        this.out = Files.newBufferedWriter(tmp);
        row((Object[]) header);
    }

    /** Writes one row; doubles get 4 decimals (NaN as empty), everything else its string form. */
    void row(Object... values) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(',');
            Object v = values[i];
            if (v instanceof Double d) {
                if (!d.isNaN()) sb.append(String.format(Locale.ROOT, "%.4f", d));
            } else if (v != null) {
                sb.append(v);
            }
        }
        out.write(sb.append('\n').toString());
    }

    void commit() throws IOException {
        out.close();
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            out.close();
            Files.deleteIfExists(tmp);
        }
    }
}
