package org.karyo.learn.data;

import java.util.Arrays;

/**
 * Per-image intensity normalisation: maps the low percentile to 0 and the high one to 1, clipping
 * outside. Per image, because exposure and stain uptake vary from well to well and the phenotype
 * is in the texture and shape, not the absolute brightness.
 *
 * @param lowPercentile  in [0, 100), default 1
 * @param highPercentile in (low, 100], default 99.8
 */
public record PercentileScaling(double lowPercentile, double highPercentile) {

    public static final PercentileScaling DEFAULT = new PercentileScaling(1.0, 99.8);

    public PercentileScaling {
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("need 0 <= low < high <= 100, got " + lowPercentile + ", " + highPercentile);
        }
    }

    /** A new array scaled to 0..1; a flat image becomes all zeros. */
    public float[] apply(float[] pixels) {
        float[] sorted = pixels.clone();
        Arrays.sort(sorted);
        float lo = percentile(sorted, lowPercentile);
        float hi = percentile(sorted, highPercentile);
        float[] out = new float[pixels.length];
        if (!(hi > lo)) {
            return out;
        }
        float scale = 1f / (hi - lo);
        for (int i = 0; i < pixels.length; i++) {
            out[i] = Math.min(1f, Math.max(0f, (pixels[i] - lo) * scale));
        }
        return out;
    }

    /** Linear interpolation between closest ranks on a sorted array. */
    static float percentile(float[] sorted, double p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        double frac = rank - below;
        return (float) (sorted[below] + frac * (sorted[above] - sorted[below]));
    }
}
