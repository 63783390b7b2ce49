package org.karyo.fate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FateHistoryTest {
    private static final int AREA = 0, CV = 2, VS_ONSET = 4, DNA_VS_ONSET = 5, CV_VS_ONSET = 6, SLOPE = 8, CV_SLOPE = 10,
            VS_PEAK = 12, HPI = 13;

    /** A nucleus of 300 px until 20 h, then growing 2 % per hour and its texture CV rising 0.01 per hour; every 2 h. */
    private static List<FateHistory.Frame> growing(int n) {
        List<FateHistory.Frame> f = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double h = 2.0 * i;
            double a = h <= 20 ? 300 : 300 * Math.exp(0.02 * (h - 20));
            double cv = h <= 20 ? 0.2 : 0.2 + 0.01 * (h - 20);
            f.add(new FateHistory.Frame(h, a, 700, cv, 1.0));
        }
        return f;
    }

    @Test
    void changeSinceInfectionAndRecentSlopeAreTheCellsOwn() {
        FateHistory f = new FateHistory(growing(30));
        double[] at40 = f.at(f.indexAt(40, 0.1), 10);
        assertThat(at40).hasSize(FateHistory.NAMES.size());
        assertThat(at40[AREA]).isCloseTo(Math.log(300) + 0.4, within(1e-9));
        assertThat(at40[VS_ONSET]).isCloseTo(0.4, within(1e-9));   // baseline: frames 4..12 h, all 300 px
        assertThat(at40[SLOPE]).isCloseTo(0.02, within(1e-9));     // last 10 h all on the exponential
        assertThat(at40[DNA_VS_ONSET]).isCloseTo(0, within(1e-12));
        assertThat(at40[CV]).isCloseTo(0.4, within(1e-9));
        assertThat(at40[CV_VS_ONSET]).isCloseTo(0.2, within(1e-9));
        assertThat(at40[CV_SLOPE]).isCloseTo(0.01, within(1e-9));
        assertThat(at40[VS_PEAK]).isCloseTo(0, within(1e-12));     // still growing: now is the peak
        assertThat(at40[HPI]).isEqualTo(30);
    }

    @Test
    void featuresAtAMomentIgnoreLaterFrames() {
        FateHistory full = new FateHistory(growing(30));
        int n = full.indexAt(30, 0.1) + 1;
        FateHistory cut = new FateHistory(growing(n));
        assertThat(cut.at(n - 1, 10)).containsExactly(full.at(n - 1, 10));
    }

    @Test
    void aDaughterKeepsItsMothersBaseline() {
        List<FateHistory.Frame> mother = List.of(frame(0, 300), frame(2, 300), frame(4, 300), frame(6, 300));
        List<FateHistory.Frame> daughter = List.of(frame(8, 450), frame(10, 480));
        FateHistory f = FateHistory.ofLineage(List.of(mother, daughter));
        assertThat(f.size()).isEqualTo(6);
        assertThat(f.at(5, 2)[VS_ONSET]).isCloseTo(Math.log(480.0 / 300), within(1e-9));
    }

    @Test
    void withoutFramesNearInfectionTheFirstFramesAreTheBaseline() {
        FateHistory f = new FateHistory(List.of(frame(50, 200), frame(52, 220), frame(54, 240), frame(56, 400)));
        assertThat(f.at(3, 10)[VS_ONSET]).isCloseTo(Math.log(400.0 / 220), within(1e-9));
    }

    @Test
    void unmeasuredTextureStaysUnknown() {
        FateHistory f = new FateHistory(List.of(new FateHistory.Frame(0, 300, 700, Double.NaN, Double.NaN),
                new FateHistory.Frame(2, 310, 700, Double.NaN, Double.NaN)));
        double[] x = f.at(1, 0);
        for (String name : FateHistory.TEXTURE) {
            assertThat(x[FateHistory.NAMES.indexOf(name)]).as(name).isNaN();
        }
        assertThat(x[AREA]).isFinite();
    }

    private static FateHistory.Frame frame(double h, double area) {
        return new FateHistory.Frame(h, area, 1, 0.2, 1);
    }
}
