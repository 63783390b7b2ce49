package org.karyo.track;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AppearanceLevelTest {
    @Test
    void anInfiniteDriftKeepsTheLastValueAndTheSquareRootOfTheGap() {
        AppearanceLevel level = new AppearanceLevel(1.0);
        level.update(1.2, 1, Double.POSITIVE_INFINITY, 0.3);
        assertThat(level.value()).isEqualTo(1.2);
        assertThat(level.spread(4, Double.POSITIVE_INFINITY)).isEqualTo(2.0);
    }

    @Test
    void theGainSettlesWhereTheStationaryFilterPutsIt() {
        // Drift q = 1 noise unit per frame: the stationary prior variance solves P² - qP - q = 0, P = 1.618, and the
        // gain is P / (P + 1) = 0.618.
        AppearanceLevel level = new AppearanceLevel(0);
        for (int i = 0; i < 50; i++) level.update(0, 1, 1, 0.3);
        level.update(0.1, 1, 1, 0.3);
        assertThat(level.value()).isCloseTo(0.0618, within(1e-4));
        // A new track is as uncertain as the last-value rule: its spread over one frame is 1.
        assertThat(new AppearanceLevel(0).spread(1, 1)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aJumpBeyondTheResetRestartsAtTheNewValue() {
        AppearanceLevel level = new AppearanceLevel(0);
        for (int i = 0; i < 10; i++) level.update(0, 1, 1, 0.3);
        level.update(0.9, 1, 1, 0.3);
        assertThat(level.value()).isEqualTo(0.9);
        assertThat(level.spread(1, 1)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aMissingMeasurementRestartsRatherThanPoisoningTheEstimate() {
        AppearanceLevel level = new AppearanceLevel(Double.NaN);
        level.update(0.5, 1, 1, 0.3);
        assertThat(level.value()).isEqualTo(0.5);
    }
}
