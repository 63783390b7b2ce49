package org.karyo.learn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static double mean(double[] values, int[] idx) {
        return Arrays.stream(idx).mapToDouble(i -> values[i]).average().orElseThrow();
    }

    @Test
    void intervalOfAHalfProportionOfHundredIsAboutPlusMinusTenPoints() {
        double[] v = new double[100];
        for (int i = 0; i < 50; i++) {
            v[i] = 1;
        }
        Interval ci = Bootstrap.interval(100, idx -> mean(v, idx), 2000, 0.95, 5);
        assertThat(ci.estimate()).isEqualTo(0.5);
        // Normal approximation: 0.5 +- 1.96 * 0.05 = [0.402, 0.598]
        assertThat(ci.low()).isCloseTo(0.40, within(0.025));
        assertThat(ci.high()).isCloseTo(0.60, within(0.025));
    }

    @Test
    void constantDataGiveADegenerateInterval() {
        double[] v = {3, 3, 3, 3};
        Interval ci = Bootstrap.interval(4, idx -> mean(v, idx), 100, 0.9, 1);
        assertThat(ci.low()).isEqualTo(3);
        assertThat(ci.high()).isEqualTo(3);
    }

    @Test
    void metricsIntervalsBracketTheirEstimates() {
        float[][] p = new float[60][];
        int[] truth = new int[60];
        for (int i = 0; i < 60; i++) {
            truth[i] = i % 2;
            float s = (i % 2 == 1 ? 0.6f : 0.4f) + ((i * 37) % 11 - 5) * 0.04f;
            p[i] = new float[] {1 - s, s};
        }
        Metrics m = Metrics.of(p, truth, List.of("a", "b"));
        Interval[] ci = Metrics.intervals(p, truth, List.of("a", "b"), 300, 0.95, 3);
        assertThat(ci[0].estimate()).isEqualTo(m.accuracy());
        assertThat(ci[2].estimate()).isEqualTo(m.auc());
        for (Interval i : ci) {
            assertThat(i.low()).isLessThanOrEqualTo(i.estimate());
            assertThat(i.high()).isGreaterThanOrEqualTo(i.estimate());
            assertThat(i.high() - i.low()).isPositive();
        }
    }

    /** Crops with truth, probabilities and group. */
    private record Grouped(float[][] p, int[] truth, String[] groups) {
    }

    /**
     * 10 groups of 20 crops, the classes in turn; every crop of the first {@code rightGroups} groups is called right
     * (0.8 on its class), every crop of the others wrong (0.8 on the next class): really 10 observations, not 200.
     */
    private static Grouped groupsAllRightOrAllWrong(int classes, int rightGroups) {
        int n = 200;
        Grouped d = new Grouped(new float[n][], new int[n], new String[n]);
        for (int i = 0; i < n; i++) {
            int g = i / 20;
            d.truth[i] = i % classes;
            int called = g < rightGroups ? d.truth[i] : (d.truth[i] + 1) % classes;
            d.p[i] = new float[classes];
            java.util.Arrays.fill(d.p[i], 0.2f / (classes - 1));
            d.p[i][called] = 0.8f;
            d.groups[i] = "g" + g;
        }
        return d;
    }

    @Test
    void resamplingGroupsWidensTheIntervalWhenCropsOfAGroupAgree() {
        Grouped d = groupsAllRightOrAllWrong(2, 6);
        Interval crops = Metrics.intervals(d.p, d.truth, List.of("a", "b"), 1000, 0.95, 11)[0];
        Interval byGroup = Metrics.intervals(d.p, d.truth, d.groups, List.of("a", "b"), 1000, 0.95, 11)[0];
        assertThat(crops.estimate()).isEqualTo(0.6);
        assertThat(byGroup.estimate()).isEqualTo(0.6);
        // Crops: +- 1.96 sqrt(0.24 / 200) ~ 0.068; groups: +- 1.96 sqrt(0.24 / 10) ~ 0.30.
        assertThat(crops.high() - crops.low()).isCloseTo(0.136, within(0.03));
        assertThat(byGroup.high() - byGroup.low()).isGreaterThan(0.45);
    }

    @Test
    void balancedAccuracyIntervalResamplesGroupsAndBracketsItsEstimate() {
        Grouped d = groupsAllRightOrAllWrong(3, 7);
        int[] predicted = java.util.Arrays.stream(d.p).mapToInt(Metrics::argMax).toArray();
        double exact = ConfusionMatrix.of(d.truth, predicted, 3).balancedAccuracy();
        Interval crops = Metrics.balancedAccuracyInterval(d.p, d.truth, null, 1000, 0.95, 7);
        Interval byGroup = Metrics.balancedAccuracyInterval(d.p, d.truth, d.groups, 1000, 0.95, 7);
        assertThat(crops.estimate()).isEqualTo(exact);
        assertThat(byGroup.estimate()).isEqualTo(exact);
        assertThat(byGroup.low()).isLessThan(exact);
        assertThat(byGroup.high()).isGreaterThan(exact);
        assertThat(byGroup.high() - byGroup.low()).isGreaterThan(2 * (crops.high() - crops.low()));
    }

    @Test
    void aResampleMissingAClassIsSkippedNotScoredOnTheClassesItDrew() {
        // 19 crops of class 0, all right; 1 of class 1, wrong: balanced accuracy 0.5 in every resample that draws the
        // class-1 crop. Resamples without it would score 1.0 on class 0 alone; they must not count.
        float[][] p = new float[20][];
        int[] truth = new int[20];
        for (int i = 0; i < 20; i++) p[i] = new float[] {0.9f, 0.1f};
        truth[19] = 1;
        Interval ci = Metrics.balancedAccuracyInterval(p, truth, null, 500, 0.95, 3);
        assertThat(ci.estimate()).isEqualTo(0.5);
        assertThat(ci.low()).isEqualTo(0.5);
        assertThat(ci.high()).isEqualTo(0.5);
    }

    @Test
    void oneCropPerGroupIsTheCropBootstrap() {
        float[][] p = new float[40][];
        int[] truth = new int[40];
        String[] groups = new String[40];
        for (int i = 0; i < 40; i++) {
            truth[i] = i % 2;
            float s = 0.5f + ((i * 13) % 9 - 4) * 0.1f;
            p[i] = new float[] {1 - s, s};
            groups[i] = String.format("crop%02d", i);
        }
        Interval[] a = Metrics.intervals(p, truth, List.of("a", "b"), 200, 0.95, 5);
        Interval[] b = Metrics.intervals(p, truth, groups, List.of("a", "b"), 200, 0.95, 5);
        for (int k = 0; k < 3; k++) {
            assertThat(b[k]).isEqualTo(a[k]);
        }
    }
}
