package org.karyo.learn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void eceWeighsEachBinsAccuracyGapByItsShare() {
        float[][] p = {{0.9f, 0.1f}, {0.8f, 0.2f}, {0.3f, 0.7f}, {0.25f, 0.75f}};
        int[] truth = {0, 1, 1, 0};
        // bin 0.9: right, gap 0.1; bin 0.8: wrong, gap 0.8; bin 0.7: 1 of 2 right at mean 0.725, gap 0.225 x 2
        double expected = (0.1 + 0.8 + 0.45) / 4;
        assertThat(Calibration.expectedCalibrationError(p, truth, 10)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void certainAndAlwaysRightIsPerfectlyCalibrated() {
        float[][] p = {{1f, 0f}, {0f, 1f}};
        assertThat(Calibration.expectedCalibrationError(p, new int[] {0, 1}, 10)).isZero();
    }
}
