package org.karyo.filter;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdsTest {
    @Test
    void otsuSplitsABimodalImageBetweenItsModes() {
        SplittableRandom r = new SplittableRandom(1);
        float[] px = new float[10_000];
        for (int i = 0; i < px.length; i++) px[i] = (float) (i < 7000 ? 100 + r.nextGaussian() * 5 : 300 + r.nextGaussian() * 5);
        assertThat(Thresholds.otsu(px)).isBetween(150f, 250f);
    }

    @Test
    void triangleCutsJustAboveTheBackgroundPeakForSparseForeground() {
        SplittableRandom r = new SplittableRandom(2);
        float[] px = new float[10_000];
        for (int i = 0; i < px.length; i++) px[i] = (float) (i < 9700 ? 100 + r.nextGaussian() * 5 : 300 + r.nextGaussian() * 20);
        assertThat(Thresholds.triangle(px)).isBetween(105f, 200f);
    }

    /** Regression: float rounding of (max - min) once put the maximum one bin past the histogram's end. */
    @Test
    void maximumPixelNeverFallsOutsideTheHistogram() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 2000; trial++) {
            float lo = (float) r.nextDouble(-1000, 1000);
            float hi = lo + (float) r.nextDouble(1e-3, 1000);
            float[] px = {lo, hi, (lo + hi) / 2, hi};
            Thresholds.otsu(px);
            Thresholds.triangle(px);
        }
    }

    @Test
    void constantImageThresholdIsItsValue() {
        assertThat(Thresholds.otsu(new float[] {4, 4, 4})).isEqualTo(4f);
    }
}
