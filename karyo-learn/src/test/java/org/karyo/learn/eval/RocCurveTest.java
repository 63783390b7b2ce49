package org.karyo.learn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void aucIsTheFractionOfPositiveNegativePairsRankedRight() {
        // Positives 0.9, 0.8, 0.6 vs negatives 0.7, 0.55, 0.5: 3 + 3 + 2 of 9 pairs right.
        RocCurve roc = RocCurve.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.55, 0.5},
                new boolean[] {true, true, false, true, false, false});
        assertThat(roc.auc()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(roc.falsePositiveRate()).startsWith(0.0).endsWith(1.0);
        assertThat(roc.truePositiveRate()).startsWith(0.0).endsWith(1.0);
        assertThat(roc.thresholds()[1]).isEqualTo(0.9);
    }

    @Test
    void tiedScoresCountHalfAndMakeOnePoint() {
        RocCurve roc = RocCurve.of(new double[] {0.5, 0.5}, new boolean[] {true, false});
        assertThat(roc.auc()).isCloseTo(0.5, within(1e-12));
        assertThat(roc.falsePositiveRate()).containsExactly(0.0, 1.0);
    }

    @Test
    void aucIsUndefinedWithoutNegatives() {
        assertThat(RocCurve.of(new double[] {0.1, 0.2}, new boolean[] {true, true}).auc()).isNaN();
    }

    @Test
    void macroAucOfTwoClassesEqualsTheBinaryAuc() {
        float[][] p = {{0.2f, 0.8f}, {0.6f, 0.4f}, {0.3f, 0.7f}, {0.9f, 0.1f}, {0.45f, 0.55f}};
        int[] truth = {1, 1, 0, 0, 0};
        // Class 1 scores: positives 0.8, 0.4; negatives 0.7, 0.1, 0.55 -> (3 + 1) / 6
        assertThat(RocCurve.oneVsRest(p, truth, 1).auc()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(RocCurve.macroAuc(p, truth, 2)).isCloseTo(4.0 / 6, within(1e-6));
    }

    @Test
    void macroAucAveragesOneVsRestOverThreeClasses() {
        float[][] p = {{0.8f, 0.1f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.1f, 0.1f, 0.8f}, {0.4f, 0.5f, 0.1f}};
        int[] truth = {0, 1, 2, 0};
        // class 0: positives 0.8, 0.4 vs negatives 0.1, 0.1 -> 1; class 1: 0.8 vs 0.1, 0.1, 0.5 -> 1;
        // class 2: 0.8 vs 0.1 x3 -> 1
        assertThat(RocCurve.macroAuc(p, truth, 3)).isCloseTo(1.0, within(1e-12));
        int[] swapped = {1, 0, 2, 0};
        // class 0: positives 0.1, 0.4 vs negatives 0.8, 0.1 -> (0.5 + 1) / 4; class 1: 0.1 vs 0.8, 0.1, 0.5 -> 0.5/3;
        // class 2: 1
        double expected = (1.5 / 4 + 0.5 / 3 + 1) / 3;
        assertThat(RocCurve.macroAuc(p, swapped, 3)).isCloseTo(expected, within(1e-6));
    }
}
