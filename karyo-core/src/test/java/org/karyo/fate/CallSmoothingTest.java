package org.karyo.fate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CallSmoothingTest {
    private static final double[] HOURS = {0, 1.75, 3.5, 5.25, 7.0, 8.75, 10.5};

    @Test
    void eachFrameIsTheMeanOfItsPastWithWeightsHalvingEveryHalfLife() {
        float[][] p = {{1, 0}, {0, 1}, {0, 1}};
        float[][] s = CallSmoothing.smooth(new double[] {0, 1.75, 3.5}, p, 1.75);
        assertThat(s[0]).containsExactly(1f, 0f);
        // Frame 1: weights 1 (itself) and 0.5 (frame 0).
        assertThat((double) s[1][0]).isCloseTo(0.5 / 1.5, within(1e-6));
        // Frame 2: weights 1, 0.5, 0.25.
        assertThat((double) s[2][0]).isCloseTo(0.25 / 1.75, within(1e-6));
        assertThat((double) (s[2][0] + s[2][1])).isCloseTo(1, within(1e-6));
        assertThat(p[1]).as("the input is left as it was").containsExactly(0f, 1f);
    }

    @Test
    void oneOddFrameDoesNotFlipTheCallButAPersistingChangeDoes() {
        float[][] p = new float[HOURS.length][];
        for (int i = 0; i < p.length; i++) p[i] = new float[] {0.8f, 0.2f};
        p[3] = new float[] {0.3f, 0.7f};
        float[][] s = CallSmoothing.smooth(HOURS, p, 1.75);
        assertThat(s[3][0]).as("the odd frame").isGreaterThan(s[3][1]);
        for (int i = 4; i < p.length; i++) p[i] = new float[] {0.1f, 0.9f};
        s = CallSmoothing.smooth(HOURS, p, 1.75);
        assertThat(s[5][1]).as("two frames into the change").isGreaterThan(s[5][0]);
    }

    @Test
    void framesOlderThanFourHalfLivesAreLeftOutAndZeroTurnsItOff() {
        float[][] p = new float[HOURS.length][];
        for (int i = 0; i < p.length; i++) p[i] = new float[] {0, 1};
        p[0] = new float[] {1, 0};
        // Frame 5 is 8.75 h after frame 0: beyond 4 x 1.75 h, so frame 0 no longer counts.
        assertThat(CallSmoothing.smooth(HOURS, p, 1.75)[5]).containsExactly(0f, 1f);
        assertThat(CallSmoothing.smooth(HOURS, p, 1.75)[4][0]).isPositive();
        float[][] off = CallSmoothing.smooth(HOURS, p, 0);
        for (int i = 0; i < p.length; i++) assertThat(off[i]).isEqualTo(p[i]);
    }

    @Test
    void hoursMustIncreaseAndMatchTheRows() {
        assertThatThrownBy(() -> CallSmoothing.smooth(new double[] {0, 0}, new float[][] {{1}, {1}}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallSmoothing.smooth(new double[] {0}, new float[][] {{1}, {1}}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
