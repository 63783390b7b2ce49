package org.karyo.learn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    // truth 0,0,0,1,1,2 vs predicted 0,1,0,1,2,2: rows [2,1,0] [0,1,1] [0,0,1]
    private final ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 1, 0, 1, 2, 2}, 3);

    @Test
    void countsTruthByPrediction() {
        assertThat(cm.counts()).isDeepEqualTo(new int[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}});
        assertThat(cm.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void perClassPrecisionRecallAndF1MatchHandComputedValues() {
        assertThat(cm.precision(0)).isCloseTo(1.0, within(1e-12));
        assertThat(cm.recall(0)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(cm.f1(0)).isCloseTo(0.8, within(1e-12));
        assertThat(cm.f1(1)).isCloseTo(0.5, within(1e-12));
        assertThat(cm.precision(2)).isCloseTo(0.5, within(1e-12));
        assertThat(cm.f1(2)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(cm.macroF1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
    }

    @Test
    void balancedAccuracyIsTheMeanRecallOfTheClassesInTheTruth() {
        assertThat(cm.balancedAccuracy()).isCloseTo((2.0 / 3 + 0.5 + 1.0) / 3, within(1e-12));
        // Class 2 is predicted once but absent from the truth: it has no recall to average (scikit-learn's rule).
        ConfusionMatrix absent = ConfusionMatrix.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 2}, 3);
        assertThat(absent.balancedAccuracy()).isCloseTo(0.5, within(1e-12));
        assertThat(ConfusionMatrix.of(new int[0], new int[0], 2).balancedAccuracy()).isNaN();
    }

    @Test
    void classNeverPredictedHasZeroPrecisionNotNaN() {
        ConfusionMatrix allZero = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 2);
        assertThat(allZero.precision(1)).isZero();
        assertThat(allZero.f1(1)).isZero();
    }
}
