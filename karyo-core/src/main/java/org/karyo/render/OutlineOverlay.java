package org.karyo.render;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

import java.util.Arrays;

/**
 * Draws object outlines over a grey image: what a biologist looks at to judge a segmentation or a
 * classification (the study's colour-coded infection maps).
 */
public final class OutlineOverlay {
    private OutlineOverlay() {
    }

    /**
     * @param rgbPerLabel outline colour (0xRRGGBB) of each label, index 0 unused; a negative value draws no outline
     */
    public static RgbImage render(Plane background, LabelImage labels, int[] rgbPerLabel) {
        RgbImage img = grey(background);
        draw(img, labels, rgbPerLabel);
        return img;
    }

    /** Adds the outlines of another label image (e.g. ground truth) to an existing overlay. */
    public static void draw(RgbImage img, LabelImage labels, int[] rgbPerLabel) {
        int w = labels.width();
        int h = labels.height();
        int[] lab = labels.labels();
        int[] out = img.rgb();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int l = lab[i];
                if (l == 0 || l >= rgbPerLabel.length || rgbPerLabel[l] < 0) continue;
                boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1
                        || lab[i - 1] != l || lab[i + 1] != l || lab[i - w] != l || lab[i + w] != l;
                if (edge) out[i] = rgbPerLabel[l];
            }
        }
    }

    /** One colour for every label. */
    public static int[] uniform(int count, int rgb) {
        int[] c = new int[count + 1];
        Arrays.fill(c, rgb);
        return c;
    }

    /** The grey image scaled so the 0.5th to 99.8th percentiles span black to white. */
    public static RgbImage grey(Plane p) {
        float[] px = p.pixels();
        int stride = Math.max(1, px.length / 500_000);
        float[] sample = new float[(px.length + stride - 1) / stride];
        for (int i = 0, k = 0; i < px.length && k < sample.length; i += stride) sample[k++] = px[i];
        Arrays.sort(sample);
        float lo = sample[(int) (0.005 * (sample.length - 1))];
        float hi = sample[(int) (0.998 * (sample.length - 1))];
        if (hi <= lo) hi = lo + 1;
        int[] rgb = new int[px.length];
        float scale = 255f / (hi - lo);
        for (int i = 0; i < px.length; i++) {
            int g = Math.max(0, Math.min(255, Math.round((px[i] - lo) * scale)));
            rgb[i] = (g << 16) | (g << 8) | g;
        }
        return new RgbImage(p.width(), p.height(), rgb);
    }
}
