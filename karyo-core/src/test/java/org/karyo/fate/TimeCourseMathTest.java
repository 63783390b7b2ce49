package org.karyo.fate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimeCourseMathTest {
    @Test
    void alignedSeriesBinsToFramesWithMeanAndSd() {
        AlignedSeries s = new AlignedSeries(1.75);
        s.add(Fate.SPREADER, 0, 10);
        s.add(Fate.SPREADER, 0.0001, 14);
        s.add(Fate.SPREADER, 1.75, 5);
        s.add(Fate.SPREADER, 3.5, Double.NaN);
        s.add(Fate.NONSPREADER, 3.5, 7);
        assertThat(s.bins(Fate.SPREADER)).hasSize(2);
        AlignedSeries.Bin first = s.bins(Fate.SPREADER).get(0);
        assertThat(first.n()).isEqualTo(2);
        assertThat(first.mean()).isEqualTo(12);
        assertThat(first.sd()).isCloseTo(Math.sqrt(8), within(1e-9));
        assertThat(s.bins(Fate.SPREADER).get(1).sd()).isNaN();
        assertThat(s.bins(Fate.NONSPREADER).get(0).hours()).isEqualTo(3.5);
        assertThat(s.bins(Fate.UNINFECTED)).isEmpty();
    }

    @Test
    void reporterRateIsTheSlopeInsideTheWindowOnly() {
        double[] hpi = {10, 20, 24, 30, 36, 40, 50};
        double[] rep = new double[hpi.length];
        for (int i = 0; i < hpi.length; i++) rep[i] = 100 + 5 * hpi[i];
        rep[0] = 9999; // outside the window: ignored
        rep[6] = -9999;
        double[] s = ReporterRate.slope(hpi, rep, 24, 40, 3);
        assertThat(s[0]).isCloseTo(5, within(1e-9));
        assertThat(s[1]).isEqualTo(4);
        assertThat(ReporterRate.slope(hpi, rep, 24, 25, 3)[0]).isNaN();
    }
}
