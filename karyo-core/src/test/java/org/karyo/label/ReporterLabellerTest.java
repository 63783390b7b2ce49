package org.karyo.label;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReporterLabellerTest {
    private static final int W = 200;
    private static final int H = 40;

    /** Ten 8x8 square nuclei in a row, 20 px apart. */
    private static LabelImage tenNuclei() {
        int[] lab = new int[W * H];
        for (int k = 0; k < 10; k++) {
            for (int y = 16; y < 24; y++) {
                for (int x = 20 * k + 6; x < 20 * k + 14; x++) lab[y * W + x] = k + 1;
            }
        }
        return new LabelImage(W, H, lab, 10);
    }

    /** Reporter with noisy background and the given nuclei bright, inside or (cytoplasm) around them. */
    private static Plane reporter(LabelImage labels, Set<Integer> bright, boolean cytoplasmOnly) {
        SplittableRandom rnd = new SplittableRandom(7);
        float[] px = new float[W * H];
        for (int i = 0; i < px.length; i++) px[i] = 20 + (float) rnd.nextDouble(-5, 5);
        for (int i = 0; i < px.length; i++) {
            int x = i % W;
            int y = i / W;
            int nucleus = x / 20 + 1;
            boolean inNucleus = labels.labels()[i] != 0;
            boolean nearNucleus = y >= 13 && y < 27 && x % 20 >= 3 && x % 20 < 17;
            if (bright.contains(nucleus) && (cytoplasmOnly ? nearNucleus && !inNucleus : inNucleus)) {
                px[i] += 400 + 40 * nucleus;
            }
        }
        return Plane.of(W, H, px);
    }

    private static Set<Integer> infectedIds(ReporterLabelling r) {
        return r.calls().stream().filter(ReporterCall::infected).map(ReporterCall::nucleusId).collect(Collectors.toSet());
    }

    @Test
    void callsExactlyTheThreeBrightNucleiWithOtsu() {
        LabelImage labels = tenNuclei();
        ReporterLabelling r = new ReporterLabeller(LabellingSettings.DEFAULTS).label(labels, reporter(labels, Set.of(2, 5, 9), false));
        assertThat(infectedIds(r)).containsExactlyInAnyOrder(2, 5, 9);
        assertThat(r.infectedFraction()).isCloseTo(0.3, within(1e-9));
        assertThat(r.separation()).isGreaterThan(0.9);
        assertThat(r.threshold()).isBetween(25.0, 420.0);
    }

    @Test
    void callsExactlyTheThreeBrightNucleiWithMixture() {
        LabelImage labels = tenNuclei();
        LabellingSettings s = LabellingSettings.DEFAULTS.withMethod(ThresholdMethod.MIXTURE, Double.NaN);
        ReporterLabelling r = new ReporterLabeller(s).label(labels, reporter(labels, Set.of(1, 4, 10), false));
        assertThat(infectedIds(r)).containsExactlyInAnyOrder(1, 4, 10);
    }

    @Test
    void ringSeesACytoplasmicReporterThatTheNucleusMisses() {
        LabelImage labels = tenNuclei();
        Plane rep = reporter(labels, Set.of(3, 7, 8), true);
        ReporterLabeller ring = new ReporterLabeller(LabellingSettings.DEFAULTS.withRegion(ReporterRegion.RING, 2));
        assertThat(infectedIds(ring.label(labels, rep))).containsExactlyInAnyOrder(3, 7, 8);
        double[] inside = new ReporterLabeller(LabellingSettings.DEFAULTS).reporterMeans(labels, rep);
        assertThat(inside[3]).isLessThan(30);
    }

    @Test
    void fixedThresholdIsUsedAsGiven() {
        LabelImage labels = tenNuclei();
        LabellingSettings s = LabellingSettings.DEFAULTS.withMethod(ThresholdMethod.FIXED, 700);
        ReporterLabelling r = new ReporterLabeller(s).label(labels, reporter(labels, Set.of(2, 9), false));
        // 20 + 400 + 40 * 2 = 500 < 700 < 20 + 400 + 40 * 9 = 780
        assertThat(infectedIds(r)).containsExactly(9);
        assertThat(r.threshold()).isEqualTo(700);
    }

    @Test
    void otsuCutFallsBetweenTwoClusters() {
        double cut = ThresholdFinder.otsu(new double[] {1, 2, 3, 2, 1, 10, 11, 12});
        assertThat(cut).isEqualTo(6.5);
        assertThat(ThresholdFinder.separation(new double[] {0, 0, 1, 1}, 0.5)).isEqualTo(1.0);
    }

    @Test
    void ringNeverEntersAnotherNucleus() {
        int[] lab = new int[10 * 3];
        lab[4] = 1;
        lab[6] = 2;
        int[] ring = RingGrower.ring(new LabelImage(10, 3, lab, 2), 3);
        assertThat(ring[4]).isZero();
        assertThat(ring[6]).isZero();
        assertThat(ring[5]).isEqualTo(1); // the gap goes to whoever reaches it first: label 1, scanned first
        assertThat(ring[9]).isEqualTo(2);
        assertThat(ring[0]).isEqualTo(0); // 4 px away from label 1, ring width 3
    }
}
