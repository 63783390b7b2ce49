package org.karyo.fate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnsetTest {
    @Test
    void singleSpikeIsNotAnOnsetButARunIs() {
        double[] v = {0, 0, 9, 0, 0, 5, 6, 7, 0};
        assertThat(Onset.first(v, 1, 2)).isEqualTo(5);
        assertThat(Onset.first(v, 1, 1)).isEqualTo(2);
        assertThat(Onset.first(v, 1, 4)).isEqualTo(-1);
    }

    @Test
    void nanBreaksARun() {
        assertThat(Onset.first(new double[] {5, Double.NaN, 5, 5}, 1, 2)).isEqualTo(2);
    }

    @Test
    void persistenceMustBePositive() {
        assertThatThrownBy(() -> Onset.first(new double[] {1}, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sustainedPeakIgnoresSpikes() {
        assertThat(FateCaller.sustainedPeak(new double[] {1, 50, 1, 4, 5, 1}, 2)).isEqualTo(4);
        assertThat(FateCaller.sustainedPeak(new double[] {3}, 2)).isNaN();
    }
}
