package org.karyo.io;

import org.karyo.KaryoInputException;
import org.karyo.image.Hyperstack;
import org.karyo.image.Plane;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads microscope image files into the core image model. The one entry point for every format,
 * so callers never see a format library's types.
 */
public final class ImageFileReader {
    private ImageFileReader() {
    }

    /** Reads a whole file: all channels, slices and frames it holds. */
    public static Hyperstack read(Path file) throws KaryoInputException {
        if (!Files.isRegularFile(file)) {
            throw new KaryoInputException(file, "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return Hyperstack.single(readPng(file));
        }
        throw new KaryoInputException(file, "unsupported file type (expected .tif, .tiff or .png)");
    }

    /** Reads a file that must hold one 2-D grey image; a z-stack is max-projected. */
    public static Plane readPlane(Path file) throws KaryoInputException {
        Hyperstack s = read(file);
        if (s.channels() != 1 || s.frames() != 1) {
            throw new KaryoInputException(file, "expected one channel and one time point, found " + s);
        }
        return s.maxProjection(0, 0);
    }

    private static Plane readPng(Path file) throws KaryoInputException {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new KaryoInputException(file, "not a readable PNG (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new KaryoInputException(file, "not a readable PNG");
        }
        Raster r = img.getRaster();
        int w = r.getWidth();
        int h = r.getHeight();
        int bits = r.getSampleModel().getSampleSize(0);
        float[] px = new float[w * h];
        // Grey images store one band; RGB ones that are really grey have identical bands, so band 0 is the grey.
        r.getSamples(0, 0, w, h, 0, px);
        return new Plane(w, h, bits <= 8 ? 8 : 16, px);
    }
}
