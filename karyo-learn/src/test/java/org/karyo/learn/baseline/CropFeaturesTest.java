package org.karyo.learn.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.karyo.image.Plane;

class CropFeaturesTest {
    private static final int S = 40;

    /** A disc of radius r on a dark background; optionally a bright rim (ring) instead of a flat disc. */
    private static Plane disc(double r, boolean rim) {
        float[] px = new float[S * S];
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                double d = Math.hypot(x - (S - 1) / 2.0, y - (S - 1) / 2.0);
                px[y * S + x] = d <= r ? (rim && d < r - 3 ? 120 : 200) : 10;
            }
        }
        return new Plane(S, S, 8, px);
    }

    private static double get(double[] f, String name) {
        return f[CropFeatures.NAMES.indexOf(name)];
    }

    @Test
    void measuresTheObjectItsShapeAndWhereItsBrightnessSits() {
        double[] flat = CropFeatures.of(disc(12, false));
        assertThat(flat).hasSize(CropFeatures.NAMES.size());
        assertThat(get(flat, "object_area_fraction")).isCloseTo(Math.PI * 144 / (S * S), within(0.02));
        assertThat(get(flat, "object_count")).isEqualTo(1);
        assertThat(get(flat, "object_circularity")).isGreaterThan(0.85);
        assertThat(get(flat, "object_eccentricity")).isLessThan(0.2);
        assertThat(get(flat, "raw_mean")).isCloseTo(10 + 190 * Math.PI * 144 / (S * S), within(3.0));
        assertThat(get(flat, "ring0")).as("centre brighter than the crop mean").isGreaterThan(1.5);
        assertThat(get(flat, "ring3")).as("background ring darker").isLessThan(get(flat, "ring0"));

        double[] ring = CropFeatures.of(disc(12, true));
        assertThat(get(ring, "object_rim_centre_ratio")).as("bright rim").isGreaterThan(1.2);
        assertThat(get(flat, "object_rim_centre_ratio")).isCloseTo(1.0, within(0.05));
        assertThat(get(ring, "object_sd")).isGreaterThan(get(flat, "object_sd"));
    }

    @Test
    void aFlatCropGivesFiniteFeatures() {
        double[] f = CropFeatures.of(new Plane(S, S, 8, new float[S * S]));
        for (double v : f) {
            assertThat(v).isFinite();
        }
        assertThat(get(f, "gradient")).isZero();
    }
}
