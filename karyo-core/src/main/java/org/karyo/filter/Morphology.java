package org.karyo.filter;

import org.karyo.image.Plane;

/**
 * Grey-level morphology with flat structuring elements.
 *
 * <p>Disks are applied as a stack of horizontal runs (one per row offset), each run a 1-D min/max filter
 * computed by the van Herk/Gil-Werman method in O(1) per pixel whatever its length, so a disk of radius r
 * costs O(r) per pixel rather than O(r^2).
 */
public final class Morphology {
    private Morphology() {
    }

    public static float[] erode(float[] src, int w, int h, int radius) {
        return diskFilter(src, w, h, radius, true);
    }

    public static float[] dilate(float[] src, int w, int h, int radius) {
        return diskFilter(src, w, h, radius, false);
    }

    /** Opening: erosion then dilation; removes bright structures smaller than the disk. */
    public static float[] open(float[] src, int w, int h, int radius) {
        return dilate(erode(src, w, h, radius), w, h, radius);
    }

    /**
     * White top-hat: the image minus its opening, i.e. bright objects smaller than the disk on a flat
     * background. The opening is computed on a min-shrunken copy when the disk is large (as ImageJ's
     * rolling ball does), because the background it estimates is smooth at that scale.
     */
    public static Plane whiteTopHat(Plane in, int radius) {
        int w = in.width();
        int h = in.height();
        float[] src = in.pixels();
        int shrink = Math.max(1, radius / 8);
        float[] background;
        if (shrink == 1) {
            background = open(src, w, h, radius);
        } else {
            int sw = (w + shrink - 1) / shrink;
            int sh = (h + shrink - 1) / shrink;
            float[] small = new float[sw * sh];
            java.util.Arrays.fill(small, Float.POSITIVE_INFINITY);
            for (int y = 0; y < h; y++) {
                int sy = y / shrink;
                for (int x = 0; x < w; x++) {
                    int i = sy * sw + x / shrink;
                    float v = src[y * w + x];
                    if (v < small[i]) small[i] = v;
                }
            }
            float[] opened = open(small, sw, sh, Math.max(1, Math.round((float) radius / shrink)));
            background = upsample(opened, sw, sh, w, h, shrink);
        }
        float[] out = new float[src.length];
        for (int i = 0; i < out.length; i++) {
            float d = src[i] - background[i];
            out[i] = d > 0 ? d : 0;
        }
        return new Plane(w, h, 32, out);
    }

    /** Bilinear upsampling of a shrunken image, sample centres aligned with the blocks they summarise. */
    private static float[] upsample(float[] small, int sw, int sh, int w, int h, int shrink) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            float fy = (y + 0.5f) / shrink - 0.5f;
            int y0 = Math.max(0, Math.min(sh - 1, (int) Math.floor(fy)));
            int y1 = Math.min(sh - 1, y0 + 1);
            float ty = Math.max(0, Math.min(1, fy - y0));
            for (int x = 0; x < w; x++) {
                float fx = (x + 0.5f) / shrink - 0.5f;
                int x0 = Math.max(0, Math.min(sw - 1, (int) Math.floor(fx)));
                int x1 = Math.min(sw - 1, x0 + 1);
                float tx = Math.max(0, Math.min(1, fx - x0));
                float a = small[y0 * sw + x0] * (1 - tx) + small[y0 * sw + x1] * tx;
                float b = small[y1 * sw + x0] * (1 - tx) + small[y1 * sw + x1] * tx;
                out[y * w + x] = a * (1 - ty) + b * ty;
            }
        }
        return out;
    }

    private static float[] diskFilter(float[] src, int w, int h, int radius, boolean min) {
        float[] out = new float[src.length];
        java.util.Arrays.fill(out, min ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY);
        // Row runs of equal half-width share one filtered copy of the image.
        int previousHalf = -1;
        float[] filtered = null;
        int[] halves = new int[radius + 1];
        for (int dy = 0; dy <= radius; dy++) {
            halves[dy] = (int) Math.floor(Math.sqrt((double) radius * radius - (double) dy * dy) + 1e-9);
        }
        for (int dy = 0; dy <= radius; dy++) {
            int half = halves[dy];
            if (half != previousHalf) {
                filtered = rowFilter(src, w, h, half, min);
                previousHalf = half;
            }
            for (int sign = -1; sign <= 1; sign += 2) {
                if (dy == 0 && sign == 1) break;
                int shift = sign * dy;
                for (int y = 0; y < h; y++) {
                    int yy = y + shift;
                    if (yy < 0 || yy >= h) continue; // outside the image counts as neutral
                    int o = y * w;
                    int s = yy * w;
                    if (min) {
                        for (int x = 0; x < w; x++) if (filtered[s + x] < out[o + x]) out[o + x] = filtered[s + x];
                    } else {
                        for (int x = 0; x < w; x++) if (filtered[s + x] > out[o + x]) out[o + x] = filtered[s + x];
                    }
                }
            }
        }
        return out;
    }

    /** Maximum over the (2 radius + 1)-pixel square around each pixel: rows, then columns of the transpose. */
    public static float[] squareMax(float[] src, int w, int h, int radius) {
        float[] rows = rowFilter(src, w, h, radius, false);
        float[] t = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) t[x * h + y] = rows[y * w + x];
        }
        float[] cols = rowFilter(t, h, w, radius, false);
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out[y * w + x] = cols[x * h + y];
        }
        return out;
    }

    /** 1-D min or max over [x - half, x + half] in every row (van Herk/Gil-Werman). */
    static float[] rowFilter(float[] src, int w, int h, int half, boolean min) {
        float[] out = new float[src.length];
        if (half == 0) {
            System.arraycopy(src, 0, out, 0, src.length);
            return out;
        }
        int k = 2 * half + 1;
        int padded = w + 2 * half;
        int blocks = (padded + k - 1) / k;
        int n = blocks * k;
        float neutral = min ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        float[] line = new float[n];
        float[] g = new float[n];
        float[] hh = new float[n];
        for (int y = 0; y < h; y++) {
            int off = y * w;
            for (int i = 0; i < n; i++) {
                int x = i - half;
                line[i] = (x >= 0 && x < w) ? src[off + x] : neutral;
            }
            for (int b = 0; b < n; b += k) {
                g[b] = line[b];
                for (int i = b + 1; i < b + k; i++) g[i] = min ? Math.min(g[i - 1], line[i]) : Math.max(g[i - 1], line[i]);
                hh[b + k - 1] = line[b + k - 1];
                for (int i = b + k - 2; i >= b; i--) hh[i] = min ? Math.min(hh[i + 1], line[i]) : Math.max(hh[i + 1], line[i]);
            }
            for (int x = 0; x < w; x++) {
                // Window [x, x + k - 1] in padded coordinates = [x - half, x + half] in the image.
                float a = hh[x];
                float b = g[x + k - 1];
                out[off + x] = min ? Math.min(a, b) : Math.max(a, b);
            }
        }
        return out;
    }
}
