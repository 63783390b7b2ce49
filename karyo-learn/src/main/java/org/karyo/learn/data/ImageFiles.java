package org.karyo.learn.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;

/**
 * Reads one crop image (PNG or TIFF, 8/16-bit or float, grey or RGB) into a grey {@link Plane}.
 * The JDK's ImageIO reads both formats since Java 9, which keeps this module free of the I/O module.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    public static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".tif") || name.endsWith(".tiff");
    }

    /** Reads the file; colour images become the mean of their first three bands. */
    public static Plane read(Path file) throws KaryoInputException {
        BufferedImage image;
        try (var in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (IOException e) {
            throw new KaryoInputException(file, "cannot read image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new KaryoInputException(file, "not a readable PNG or TIFF image");
        }
        Raster raster = image.getRaster();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int bitDepth = switch (raster.getDataBuffer().getDataType()) {
            case DataBuffer.TYPE_BYTE -> 8;
            case DataBuffer.TYPE_USHORT, DataBuffer.TYPE_SHORT -> 16;
            default -> 32;
        };
        float[] pixels = raster.getSamples(0, 0, w, h, 0, new float[w * h]);
        if (bands >= 3 && image.getColorModel().getColorSpace().getNumComponents() >= 3) {
            float[] g = raster.getSamples(0, 0, w, h, 1, new float[w * h]);
            float[] b = raster.getSamples(0, 0, w, h, 2, new float[w * h]);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (pixels[i] + g[i] + b[i]) / 3f;
            }
        }
        return new Plane(w, h, bitDepth, pixels);
    }
}
