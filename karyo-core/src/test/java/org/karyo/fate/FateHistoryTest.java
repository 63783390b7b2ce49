package org.karyo.fate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FateHistoryTest {
    private static final int AREA = 0, VS_ONSET = 2, DNA_VS_ONSET = 3, SLOPE = 4, VS_PEAK = 6, HPI = 7;

    /** A nucleus of 300 px until 20 h, then growing 2 % per hour; DNA constant; frames every 2 h. */
    private static FateHistory growing() {
        int n = 30;
        double[] h = new double[n], a = new double[n], d = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 2.0 * i;
            a[i] = h[i] <= 20 ? 300 : 300 * Math.exp(0.02 * (h[i] - 20));
            d[i] = 700;
        }
        return new FateHistory(h, a, d);
    }

    @Test
    void changeSinceInfectionAndRecentSlopeAreTheCellsOwn() {
        FateHistory f = growing();
        double[] at40 = f.at(f.indexAt(40, 0.1), 10);
        assertThat(at40[AREA]).isCloseTo(Math.log(300) + 0.4, within(1e-9));
        assertThat(at40[VS_ONSET]).isCloseTo(0.4, within(1e-9));   // baseline: frames 4..12 h, all 300 px
        assertThat(at40[SLOPE]).isCloseTo(0.02, within(1e-9));     // last 10 h all on the exponential
        assertThat(at40[DNA_VS_ONSET]).isCloseTo(0, within(1e-12));
        assertThat(at40[VS_PEAK]).isCloseTo(0, within(1e-12));     // still growing: now is the peak
        assertThat(at40[HPI]).isEqualTo(30);
    }

    @Test
    void featuresAtAMomentIgnoreLaterFrames() {
        FateHistory full = growing();
        int n = full.indexAt(30, 0.1) + 1;
        double[] h = new double[n], a = new double[n], d = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 2.0 * i;
            a[i] = h[i] <= 20 ? 300 : 300 * Math.exp(0.02 * (h[i] - 20));
            d[i] = 700;
        }
        FateHistory cut = new FateHistory(h, a, d);
        assertThat(cut.at(n - 1, 10)).containsExactly(full.at(n - 1, 10));
    }

    @Test
    void aDaughterKeepsItsMothersBaseline() {
        double[] mh = {0, 2, 4, 6}, ma = {300, 300, 300, 300}, md = {700, 700, 700, 700};
        double[] dh = {8, 10}, da = {450, 480}, dd = {700, 700};
        TrackSeries mother = new TrackSeries(1, 0, new int[] {0, 1, 2, 3}, mh, ma, md, nan(4), nan(4));
        TrackSeries daughter = new TrackSeries(2, 1, new int[] {4, 5}, dh, da, dd, nan(2), nan(2));
        FateHistory f = FateHistory.ofLineage(List.of(mother, daughter));
        assertThat(f.size()).isEqualTo(6);
        double[] x = f.at(5, 2);
        assertThat(x[VS_ONSET]).isCloseTo(Math.log(480.0 / 300), within(1e-9));
    }

    @Test
    void withoutFramesNearInfectionTheFirstFramesAreTheBaseline() {
        FateHistory f = new FateHistory(new double[] {50, 52, 54, 56}, new double[] {200, 220, 240, 400},
                new double[] {1, 1, 1, 1});
        assertThat(f.at(3, 10)[VS_ONSET]).isCloseTo(Math.log(400.0 / 220), within(1e-9));
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
