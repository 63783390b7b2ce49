package org.karyo.image;

import java.util.Arrays;

/**
 * One 2-D grey image. Pixels are floats in row-major order whatever the source bit depth,
 * so every algorithm has one code path; {@link #bitDepth()} remembers what the file held
 * (8, 16 or 32) so writers and range checks can use it.
 *
 * <p>{@link #pixels()} hands out the backing array for speed: callers must not modify it.
 */
public final class Plane {
    private final int width;
    private final int height;
    private final int bitDepth;
    private final float[] pixels;

    public Plane(int width, int height, int bitDepth, float[] pixels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("plane size must be positive: " + width + "x" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("plane too large: " + width + "x" + height);
        }
        if (bitDepth != 8 && bitDepth != 16 && bitDepth != 32) {
            throw new IllegalArgumentException("bit depth must be 8, 16 or 32, not " + bitDepth);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.pixels = pixels;
    }

    /** A 32-bit plane over the given pixels (no copy). */
    public static Plane of(int width, int height, float[] pixels) {
        return new Plane(width, height, 32, pixels);
    }

    public static Plane zeros(int width, int height) {
        return new Plane(width, height, 32, new float[width * height]);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bitDepth() {
        return bitDepth;
    }

    public int size() {
        return pixels.length;
    }

    /** The backing array, row-major; do not modify. */
    public float[] pixels() {
        return pixels;
    }

    public float get(int x, int y) {
        return pixels[y * width + x];
    }

    public boolean sameSize(Plane other) {
        return width == other.width && height == other.height;
    }

    /** A copy of this plane's pixels as a new plane with the same bit depth. */
    public Plane copy() {
        return new Plane(width, height, bitDepth, pixels.clone());
    }

    /** The same pixels with another bit depth label (no copy). */
    public Plane withBitDepth(int depth) {
        return new Plane(width, height, depth, pixels);
    }

    public float min() {
        float m = Float.POSITIVE_INFINITY;
        for (float v : pixels) {
            if (v < m) m = v;
        }
        return m;
    }

    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : pixels) {
            if (v > m) m = v;
        }
        return m;
    }

    /** True when every pixel has the same value (an image with nothing in it). */
    public boolean isConstant() {
        float first = pixels[0];
        for (float v : pixels) {
            if (v != first) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "Plane[" + width + "x" + height + ", " + bitDepth + "-bit]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plane p && p.width == width && p.height == height
                && p.bitDepth == bitDepth && Arrays.equals(p.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }
}
