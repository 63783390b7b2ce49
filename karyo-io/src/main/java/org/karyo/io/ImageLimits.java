package org.karyo.io;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;

import java.nio.file.Path;

/**
 * Sizes refused before any pixel array is allocated, so a damaged or absurd header gives a clear message
 * instead of NegativeArraySizeException (ImageJ's int overflow) or an OutOfMemoryError half-way through.
 */
final class ImageLimits {
    /** The most pixels one Java array (and so one {@link Plane}) can hold. */
    static final long MAX_PLANE_PIXELS = Integer.MAX_VALUE - 8;

    private ImageLimits() {
    }

    /**
     * @param bytesPerPixelWhileDecoding bytes each pixel takes on top of its float, while the decoder's own
     *                                   array is alive (e.g. 2 for 16-bit)
     */
    static void check(Path file, int width, int height, int planes, int bytesPerPixelWhileDecoding)
            throws KaryoInputException {
        if (width <= 0 || height <= 0) {
            throw new KaryoInputException(file, "corrupt image: size " + width + "x" + height);
        }
        long pixels = (long) width * height;
        if (pixels > MAX_PLANE_PIXELS) {
            throw new KaryoInputException(file, "image too large: " + width + "x" + height + " = " + pixels
                    + " pixels per plane, more than the " + MAX_PLANE_PIXELS + " one plane can hold");
        }
        long need = pixels * Float.BYTES * planes + pixels * bytesPerPixelWhileDecoding;
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new KaryoInputException(file, "image too large: " + planes + " plane(s) of " + width + "x" + height
                    + " need about " + (need >> 20) + " MB, more than the " + (max >> 20)
                    + " MB Java may use (raise -Xmx)");
        }
    }
}
