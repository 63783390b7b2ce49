package org.karyo.io;

import ij.io.FileInfo;
import ij.io.RandomAccessStream;
import ij.io.TiffDecoder;
import org.karyo.KaryoInputException;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Reads a TIFF file's image directories with ImageJ's decoder, on a stream we own so it is closed
 * on every path (ImageJ closes its own stream only on the paths it expects).
 */
final class TiffDirectories extends TiffDecoder {

    private TiffDirectories(Path file, RandomAccessStream stream) {
        super(parentOf(file), file.getFileName().toString());
        this.in = stream;
    }

    /** One FileInfo per directory, or one with nImages &gt; 1 for an ImageJ stack (ImageJ skips its other directories). */
    static FileInfo[] read(Path file) throws KaryoInputException {
        FileInfo[] info;
        try (RandomAccessStream stream = new RandomAccessStream(new RandomAccessFile(file.toFile(), "r"))) {
            info = new TiffDirectories(file, stream).getTiffInfo();
        } catch (IOException | RuntimeException e) {
            // ImageJ signals unsupported layouts (tiles, odd compressions, sample counts) with IOException messages
            // written for users, so we pass them on; runtime errors here mean a directory that makes no sense.
            String why = describe(e);
            throw new KaryoInputException(file, (why.startsWith("Unsupported BitsPerSample")
                    || why.startsWith("Unsupported SamplesPerPixel") ? "unsupported pixel type" : "not a readable TIFF")
                    + " (" + why + ")", e);
        }
        if (info == null || info.length == 0) {
            throw new KaryoInputException(file, "not a readable TIFF (no image directory)");
        }
        return info;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? "" : parent + File.separator;
    }
}
