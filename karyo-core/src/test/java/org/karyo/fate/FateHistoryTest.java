package org.karyo.fate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FateHistoryTest {
    private static final int AREA = at("log_area"), CV = at("dna_cv"), VS_ONSET = at("log_area_vs_onset"),
            DNA_VS_ONSET = at("log_dna_vs_onset"), CV_VS_ONSET = at("dna_cv_vs_onset"), SLOPE = at("log_area_slope_per_h"),
            CV_SLOPE = at("dna_cv_slope_per_h"), VS_PEAK = at("log_area_vs_peak"), HPI = at("hours_post_infection"),
            SLOPE_20H = at("log_area_slope_20h_per_h"), VS_MIN = at("log_area_vs_min"), VS_MAX = at("log_area_vs_max"),
            BRIGHT = at("dna_bright_fraction"), BRIGHT_VS_MIN = at("dna_bright_fraction_vs_min");

    private static int at(String name) {
        int i = FateHistory.NAMES.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no feature " + name);
        return i;
    }

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

    @Test
    void extremesSoFarAndTheLongSlopeNeedNoInfectionTime() {
        // A mother of 400 px divides; her daughter starts at 200 px and grows to 300.
        FateHistory f = FateHistory.ofLineage(List.of(List.of(frame(0, 400), frame(2, 400)),
                List.of(frame(4, 200), frame(6, 250), frame(8, 300))));
        double[] x = f.at(4, 100);
        assertThat(x[VS_MIN]).isCloseTo(Math.log(300.0 / 200), within(1e-9));
        assertThat(x[VS_MAX]).isCloseTo(Math.log(300.0 / 400), within(1e-9));
        assertThat(f.at(4, 0)[VS_MIN]).as("the same whatever the infection time").isEqualTo(x[VS_MIN]);

        FateHistory g = new FateHistory(growing(30));
        assertThat(g.at(g.indexAt(40, 0.1), 10)[SLOPE_20H]).isCloseTo(0.02, within(1e-9)); // 20..40 h all growing
        double[] at30 = g.at(g.indexAt(30, 0.1), 10);
        assertThat(at30[SLOPE_20H]).as("the long window still sees the flat start").isLessThan(at30[SLOPE]);
    }

    @Test
    void hoursWithoutDivisionRestartAtADivisionNotAtAGap() {
        int without = at("hours_without_division"), seen = at("division_seen");
        List<FateHistory.Frame> mother = List.of(frame(0, 300), frame(2, 320), frame(4, 340));
        List<FateHistory.Frame> daughter = List.of(frame(6, 170), frame(8, 180), frame(10, 190));
        List<FateHistory.Frame> afterGap = List.of(frame(14, 200), frame(16, 210));

        FateHistory divided = FateHistory.ofLineage(List.of(mother, daughter, afterGap), new boolean[] {false, true, false});
        assertThat(divided.at(1, 0)[without]).as("before the division: since first seen").isEqualTo(2);
        assertThat(divided.at(1, 0)[seen]).isZero();
        assertThat(divided.at(3, 0)[without]).as("the daughter's first frame").isZero();
        assertThat(divided.at(3, 0)[seen]).isEqualTo(1);
        assertThat(divided.at(7, 0)[without]).as("a gap in the daughter's track does not reset it").isEqualTo(10);
        assertThat(divided.at(7, 100)[without]).as("needs no infection time").isEqualTo(10);

        FateHistory gapsOnly = FateHistory.ofLineage(List.of(mother, daughter, afterGap));
        assertThat(gapsOnly.at(7, 0)[without]).isEqualTo(16);
        assertThat(gapsOnly.at(7, 0)[seen]).isZero();
        assertThat(FateHistory.UNANCHORED).doesNotContainAnyElementsOf(FateHistory.CYCLE);
    }

    @Test
    void dnaContentIsAreaTimesMeanAndFollowsItsOwnRange() {
        // A cell doubling its DNA (area x1.5, mean x4/3), then halving it at division.
        FateHistory f = FateHistory.ofLineage(List.of(
                List.of(new FateHistory.Frame(0, 200, 600, 0.1, 1), new FateHistory.Frame(2, 300, 800, 0.1, 1)),
                List.of(new FateHistory.Frame(4, 150, 800, 0.1, 1))), new boolean[] {false, true});
        assertThat(f.at(1, 0)[at("log_dna_content")]).isCloseTo(Math.log(300 * 800.0), within(1e-9));
        assertThat(f.at(1, 0)[at("log_dna_content_vs_min")]).isCloseTo(Math.log(2), within(1e-9));
        assertThat(f.at(2, 0)[at("log_dna_content_vs_max")]).isCloseTo(Math.log(0.5), within(1e-9));
        assertThat(f.at(2, 0)[at("log_dna_content_vs_min")]).isCloseTo(0, within(1e-9));
    }

    @Test
    void anchoredFeaturesStayOutOfTheHoechstSet() {
        assertThat(FateHistory.UNANCHORED).noneMatch(n -> n.contains("onset") || n.contains("peak") || n.contains("infection"));
        assertThat(FateHistory.UNANCHORED).contains("dna_bright_fraction", "log_area_vs_min", "dna_cv_slope_20h_per_h");
        assertThat(FateHistory.NAMES).doesNotHaveDuplicates().containsAll(FateHistory.UNANCHORED);
    }

    @Test
    void oneUnmeasuredFrameDoesNotBlankTheSlopesOfLaterFrames() {
        List<FateHistory.Frame> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double bright = i == 2 ? Double.NaN : 0.05 * i;
            frames.add(new FateHistory.Frame(2.0 * i, 300, 700, 0.2, 1, 1.3, bright));
        }
        FateHistory f = new FateHistory(frames);
        double[] x = f.at(5, 0);
        assertThat(x[at("dna_bright_fraction_slope_per_h")]).isCloseTo(0.025, within(1e-9));
        assertThat(x[BRIGHT]).isCloseTo(0.25, within(1e-12));
        assertThat(x[BRIGHT_VS_MIN]).isCloseTo(0.25, within(1e-12));
        assertThat(f.at(2, 0)[at("dna_bright_fraction_slope_per_h")]).as("the unmeasured frame itself").isNaN();
    }

    private static FateHistory.Frame frame(double h, double area) {
        return new FateHistory.Frame(h, area, 1, 0.2, 1);
    }
}
