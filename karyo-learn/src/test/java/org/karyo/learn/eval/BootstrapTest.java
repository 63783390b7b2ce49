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
}
