package org.karyo.segment;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class NucleusSegmenterTest {
    /** Noisy background with bright discs at the given centres. */
    static Plane discs(int w, int h, double radius, double[][] centres, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = 100 + (float) r.nextGaussian() * 5;
                for (double[] c : centres) {
                    if ((x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]) <= radius * radius) v += 1000;
                }
                px[y * w + x] = v;
            }
        }
        return new Plane(w, h, 16, px);
    }

    private static Segmentation segment(Plane p, SegmentationSettings s) {
        return new NucleusSegmenter(s).segment(p);
    }

    @Test
    void splitsTwoTouchingNucleiIntoTwo() {
        Plane p = discs(100, 60, 12, new double[][] {{38, 30}, {60, 30}}, 1);
        LabelImage l = segment(p, SegmentationSettings.DEFAULTS).labels();
        assertThat(l.count()).isEqualTo(2);
        assertThat(l.get(30, 30)).isNotEqualTo(l.get(68, 30)).isNotZero();
    }

    @Test
    void keepsTouchingNucleiTogetherWhenSplittingIsOff() {
        Plane p = discs(100, 60, 12, new double[][] {{38, 30}, {60, 30}}, 1);
        SegmentationSettings s = new SegmentationSettings(0, true, ThresholdMethod.OTSU, Double.NaN, 0.7, 0.06, 0.25,
                false, 0.1, 0, false);
        assertThat(segment(p, s).labels().count()).isEqualTo(1);
    }

    @Test
    void findsEveryNucleusOfAGridAndEstimatesTheirDiameter() {
        double[][] c = new double[12][];
        for (int i = 0; i < 12; i++) c[i] = new double[] {30 + 50 * (i % 4), 30 + 50 * (i / 4)};
        Segmentation s = segment(discs(200, 150, 10, c, 2), SegmentationSettings.DEFAULTS);
        assertThat(s.labels().count()).isEqualTo(12);
        assertThat(s.diameter()).isBetween(18.0, 22.0);
        int[] areas = s.labels().areas();
        for (int l = 1; l <= 12; l++) assertThat((double) areas[l]).isBetween(Math.PI * 100 * 0.8, Math.PI * 100 * 1.25);
    }

    @Test
    void fillsARingShapedNucleus() {
        int w = 80;
        float[] px = new float[w * w];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                double r = Math.hypot(x - 40, y - 40);
                px[y * w + x] = (r <= 15 && r >= 10) ? 1000 : 100;
            }
        }
        SegmentationSettings s = SegmentationSettings.DEFAULTS.withDiameter(30);
        LabelImage l = segment(new Plane(w, w, 16, px), s).labels();
        assertThat(l.count()).isEqualTo(1);
        assertThat(l.get(40, 40)).isEqualTo(1);
    }

    @Test
    void dropsObjectsBelowTheMinimumArea() {
        Plane p = discs(120, 60, 10, new double[][] {{30, 30}, {90, 30}}, 3);
        float[] px = p.pixels().clone();
        px[30 * 120 + 60] = 5000; // a one-pixel speck
        LabelImage l = segment(new Plane(120, 60, 16, px), SegmentationSettings.DEFAULTS.withDiameter(20)).labels();
        assertThat(l.count()).isEqualTo(2);
    }

    @Test
    void removesNucleiTouchingTheBorderWhenAsked() {
        Plane p = discs(120, 60, 10, new double[][] {{5, 30}, {60, 30}}, 4);
        assertThat(segment(p, SegmentationSettings.DEFAULTS.withDiameter(20)).labels().count()).isEqualTo(2);
        LabelImage l = segment(p, SegmentationSettings.DEFAULTS.withDiameter(20).withExcludeBorder(true)).labels();
        assertThat(l.count()).isEqualTo(1);
        assertThat(l.get(60, 30)).isEqualTo(1);
    }

    @Test
    void constantImageHasNoNuclei() {
        float[] px = new float[50 * 50];
        java.util.Arrays.fill(px, 7);
        assertThat(segment(new Plane(50, 50, 16, px), SegmentationSettings.DEFAULTS).labels().count()).isZero();
    }

    @Test
    void topHatRemovesASmoothGradient() {
        int w = 200;
        double[][] c = {{50, 50}, {150, 150}};
        Plane p = discs(w, w, 10, c, 5);
        float[] px = p.pixels().clone();
        for (int y = 0; y < w; y++) for (int x = 0; x < w; x++) px[y * w + x] += 8 * x; // background ramp to 1600
        LabelImage l = segment(new Plane(w, w, 16, px), SegmentationSettings.DEFAULTS.withDiameter(20)).labels();
        assertThat(l.count()).isEqualTo(2);
    }
}
