package org.karyo.io;

import org.karyo.KaryoInputException;
import org.karyo.image.Hyperstack;
import org.karyo.image.Plane;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads microscope image files into the core image model. The one entry point for every format,
 * so callers never see a format library's types.
 *
 * <p>The format is chosen by the file's first bytes, not its name, so a mislabelled file gets the right
 * reader (or a clear "not an image" message) instead of a decoder error. Every problem with the input is a
 * {@link KaryoInputException} naming the file.
 */
public final class ImageFileReader {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageFileReader() {
    }

    /** Reads a whole file: all channels, slices and frames it holds (ImageJ order, channel fastest). */
    public static Hyperstack read(Path file) throws KaryoInputException {
        byte[] head = head(file);
        if (isTiff(head)) {
            return TiffFileReader.read(file);
        }
        if (startsWith(head, PNG_SIGNATURE)) {
            return Hyperstack.single(PngFileReader.read(file));
        }
        throw new KaryoInputException(file, "not a TIFF or PNG image (unrecognised content"
                + (head.length < 8 ? ", only " + head.length + " bytes" : "") + ")");
    }

    /** Reads a file that must hold one 2-D grey image; a z-stack is max-projected. */
    public static Plane readPlane(Path file) throws KaryoInputException {
        Hyperstack s = read(file);
        if (s.channels() != 1 || s.frames() != 1) {
            throw new KaryoInputException(file, "expected one channel and one time point, found " + s);
        }
        return s.maxProjection(0, 0);
    }

    /** The first 8 bytes, after checking the file is there, is a file, and is not empty. */
    private static byte[] head(Path file) throws KaryoInputException {
        if (!Files.exists(file)) {
            throw new KaryoInputException(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new KaryoInputException(file, "is a folder, not an image file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            if (head.length == 0) {
                throw new KaryoInputException(file, "empty file (0 bytes)");
            }
            return head;
        } catch (IOException e) {
            throw new KaryoInputException(file, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isTiff(byte[] h) {
        return h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43)));
    }

    private static boolean startsWith(byte[] h, byte[] prefix) {
        if (h.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (h[i] != prefix[i]) return false;
        }
        return true;
    }
}
