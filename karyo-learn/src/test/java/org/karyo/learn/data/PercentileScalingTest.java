package org.karyo.learn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentileScalingTest {

    @Test
    void mapsLowPercentileToZeroAndHighToOneAndClipsOutside() {
        float[] px = new float[101];
        for (int i = 0; i <= 100; i++) {
            px[i] = i * 2f; // 0..200: the p-th percentile is 2p
        }
        float[] out = new PercentileScaling(10, 90).apply(px);
        assertThat(out[10]).isCloseTo(0f, within(1e-6f));
        assertThat(out[50]).isCloseTo(0.5f, within(1e-6f));
        assertThat(out[90]).isCloseTo(1f, within(1e-6f));
        assertThat(out[0]).isZero();
        assertThat(out[100]).isEqualTo(1f);
    }

    @Test
    void flatImageBecomesZeros() {
        assertThat(PercentileScaling.DEFAULT.apply(new float[] {7, 7, 7})).containsExactly(0f, 0f, 0f);
    }

    @Test
    void rejectsInvertedPercentiles() {
        assertThatThrownBy(() -> new PercentileScaling(50, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
