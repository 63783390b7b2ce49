package org.karyo.render;

/**
 * A heat map (values in [0, 1]) laid over a grey image: the grey image on the left, the same image
 * with the heat blended in on the right, both enlarged by an integer factor so a small crop can be
 * seen. Colours run dark blue (0) through green and yellow to red (1), the usual "jet-like" scale
 * of class activation maps; where the heat is low the grey shows through.
 */
public final class HeatOverlay {
    private HeatOverlay() {
    }

    /**
     * @param grey  row-major intensities, shown clipped to [0, 1]
     * @param heat  row-major, same size, in [0, 1]
     * @param scale enlargement, at least 1
     */
    public static RgbImage sideBySide(float[] grey, float[] heat, int width, int height, int scale) {
        if (grey.length != width * height || heat.length != grey.length || scale < 1) {
            throw new IllegalArgumentException("grey and heat must both be " + width + "x" + height + ", scale >= 1");
        }
        int w = width * scale;
        int h = height * scale;
        int gap = Math.max(2, scale);
        int outW = 2 * w + gap;
        int[] rgb = new int[outW * h];
        java.util.Arrays.fill(rgb, 0xFFFFFF);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y / scale) * width + x / scale;
                int g = (int) Math.round(255 * clip(grey[i]));
                rgb[y * outW + x] = g << 16 | g << 8 | g;
                rgb[y * outW + w + gap + x] = blend(g, clip(heat[i]));
            }
        }
        return new RgbImage(outW, h, rgb);
    }

    /** Heat colour over grey, weighted by the heat itself (0.25 + 0.5 * heat) so cold areas stay readable. */
    static int blend(int grey, double heat) {
        int c = colour(heat);
        double a = 0.25 + 0.5 * heat;
        int r = (int) Math.round((1 - a) * grey + a * (c >> 16 & 0xFF));
        int gr = (int) Math.round((1 - a) * grey + a * (c >> 8 & 0xFF));
        int b = (int) Math.round((1 - a) * grey + a * (c & 0xFF));
        return r << 16 | gr << 8 | b;
    }

    /** Piecewise-linear jet-like scale: 0 dark blue, 0.35 cyan-green, 0.65 yellow, 1 red. */
    public static int colour(double v) {
        double t = clip(v);
        double r = ramp(t, 0.35, 0.65);
        double g = t < 0.65 ? ramp(t, 0.1, 0.4) : 1 - ramp(t, 0.75, 1.0);
        double b = t < 0.35 ? 0.55 + 0.45 * ramp(t, 0, 0.15) : 1 - ramp(t, 0.35, 0.55);
        return (int) Math.round(255 * r) << 16 | (int) Math.round(255 * g) << 8 | (int) Math.round(255 * b);
    }

    private static double ramp(double t, double from, double to) {
        return t <= from ? 0 : t >= to ? 1 : (t - from) / (to - from);
    }

    private static double clip(double v) {
        return Double.isNaN(v) ? 0 : Math.min(1, Math.max(0, v));
    }
}
