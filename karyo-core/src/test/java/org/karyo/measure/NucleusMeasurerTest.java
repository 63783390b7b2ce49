package org.karyo.measure;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NucleusMeasurerTest {
    private final NucleusMeasurer measurer = new NucleusMeasurer();

    /** Labels 1 inside the ellipse with semi-axes a (along x) and b (along y) centred at (cx, cy). */
    static int[] ellipse(int w, int h, double cx, double cy, double a, double b, int label, int[] into) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - cx) / a;
                double dy = (y - cy) / b;
                if (dx * dx + dy * dy <= 1) into[y * w + x] = label;
            }
        }
        return into;
    }

    @Test
    void measuresDiscGeometryCloseToTheContinuousDisc() {
        int[] lab = ellipse(100, 100, 50, 40, 20, 20, 1, new int[100 * 100]);
        Shape s = measurer.measure(new LabelImage(100, 100, lab, 1), Map.of()).get(0).shape();
        assertThat(s.x()).isCloseTo(50, within(1e-9));
        assertThat(s.y()).isCloseTo(40, within(1e-9));
        assertThat((double) s.area()).isCloseTo(Math.PI * 400, within(Math.PI * 400 * 0.02));
        assertThat(s.perimeter()).isCloseTo(2 * Math.PI * 20, within(2 * Math.PI * 20 * 0.05));
        assertThat(s.equivalentDiameter()).isCloseTo(40, within(0.5));
        assertThat(s.eccentricity()).isLessThan(0.1);
        assertThat(s.circularity()).isGreaterThan(0.9);
        assertThat(s.solidity()).isGreaterThan(0.95);
        assertThat(s.bboxX()).isEqualTo(30);
        assertThat(s.bboxWidth()).isEqualTo(41);
        assertThat(s.bboxY()).isEqualTo(20);
        assertThat(s.bboxHeight()).isEqualTo(41);
    }

    @Test
    void measuresEllipseEccentricityAndAxes() {
        int[] lab = ellipse(120, 80, 60, 40, 30, 15, 1, new int[120 * 80]);
        Shape s = measurer.measure(new LabelImage(120, 80, lab, 1), Map.of()).get(0).shape();
        assertThat(s.eccentricity()).isCloseTo(Math.sqrt(1 - 0.25), within(0.02));
        assertThat(s.majorAxis()).isCloseTo(60, within(1.5));
        assertThat(s.minorAxis()).isCloseTo(30, within(1.5));
        assertThat(Math.abs(s.orientation())).isLessThan(0.05);
    }

    @Test
    void concaveShapeHasLowSolidity() {
        int w = 60;
        int[] lab = new int[w * w];
        for (int y = 10; y < 50; y++) {
            for (int x = 10; x < 50; x++) {
                if (x < 20 || y >= 40) lab[y * w + x] = 1; // an L
            }
        }
        Shape s = measurer.measure(new LabelImage(w, w, lab, 1), Map.of()).get(0).shape();
        assertThat(s.area()).isEqualTo(40 * 10 + 30 * 10);
        // Hull of the L: the 40x40 square minus the triangle above its diagonal cut.
        double hull = 40 * 40 - 30 * 30 / 2.0;
        assertThat(s.solidity()).isCloseTo(700 / hull, within(0.01));
    }

    @Test
    void intensityStatisticsMatchTheValuesPainted() {
        int w = 10;
        int[] lab = new int[w * w];
        float[] px = new float[w * w];
        int[] values = {5, 1, 9, 3};
        for (int k = 0; k < 4; k++) {
            lab[k] = 1;
            px[k] = values[k];
        }
        lab[50] = 2;
        px[50] = 7;
        List<NucleusMeasurement> m = measurer.measure(new LabelImage(w, w, lab, 2), Map.of("dna", Plane.of(w, w, px)));
        ChannelStats a = m.get(0).channel("dna");
        assertThat(a.mean()).isEqualTo(4.5);
        assertThat(a.median()).isEqualTo(4.0);
        assertThat(a.min()).isEqualTo(1);
        assertThat(a.max()).isEqualTo(9);
        assertThat(a.integrated()).isEqualTo(18);
        assertThat(a.std()).isCloseTo(Math.sqrt((0.25 + 12.25 + 20.25 + 2.25) / 4), within(1e-9));
        assertThat(a.rimCentreRatio()).isNaN();
        assertThat(m.get(1).channel("dna").mean()).isEqualTo(7);
    }

    @Test
    void brightFociAreCountedAgainstTheNucleusMedian() {
        // 20 pixels: 14 at 100, 3 at 150 (exactly 1.5 x the median: counted), 3 at 149 (not counted).
        int w = 20;
        int[] lab = new int[w];
        float[] px = new float[w];
        for (int i = 0; i < w; i++) {
            lab[i] = 1;
            px[i] = i < 14 ? 100 : i < 17 ? 150 : 149;
        }
        ChannelStats s = measurer.measure(new LabelImage(w, 1, lab, 1), Map.of("dna", Plane.of(w, 1, px))).get(0).channel("dna");
        assertThat(s.median()).isEqualTo(100);
        assertThat(s.brightFraction()).isCloseTo(3.0 / 20, within(1e-12));
        // Sorted: 14 x 100, 3 x 149, 3 x 150; rank 0.9 * 19 = 17.1 lies between 149 (index 16) and 150 (index 17).
        assertThat(s.p90()).isCloseTo(150, within(1e-9));
        float[] dark = new float[w];
        ChannelStats d = measurer.measure(new LabelImage(w, 1, lab, 1), Map.of("dna", Plane.of(w, 1, dark))).get(0).channel("dna");
        assertThat(d.brightFraction()).as("a black nucleus has no foci").isZero();
    }

    @Test
    void rimCentreRatioSeesChromatinPushedToTheRim() {
        int w = 80;
        int[] lab = ellipse(w, w, 40, 40, 25, 18, 1, new int[w * w]);
        lab = ellipse(w, w, 40, 40, 0, 0, 0, lab);
        float[] even = new float[w * w];
        float[] rim = new float[w * w];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - 40) / 25.0;
                double dy = (y - 40) / 18.0;
                double r = Math.sqrt(dx * dx + dy * dy);
                even[y * w + x] = 100;
                rim[y * w + x] = r > 0.8 ? 300 : 60;
            }
        }
        LabelImage labels = new LabelImage(w, w, lab, 1);
        NucleusMeasurement m = measurer.measure(labels, Map.of("even", Plane.of(w, w, even), "rim", Plane.of(w, w, rim))).get(0);
        assertThat(m.channel("even").rimCentreRatio()).isCloseTo(1.0, within(1e-9));
        assertThat(m.channel("rim").rimCentreRatio()).isGreaterThan(3.0);
    }

    @Test
    void keepsChannelOrderAndSkipsMissingLabels() {
        int w = 8;
        int[] lab = new int[w * w];
        lab[3] = 2; // label 1 absent
        Map<String, Plane> ch = new java.util.LinkedHashMap<>();
        ch.put("z", Plane.zeros(w, w));
        ch.put("a", Plane.zeros(w, w));
        List<NucleusMeasurement> m = measurer.measure(new LabelImage(w, w, lab, 2), ch);
        assertThat(m).hasSize(1);
        assertThat(m.get(0).id()).isEqualTo(2);
        assertThat(m.get(0).channels().keySet()).containsExactly("z", "a");
    }
}
