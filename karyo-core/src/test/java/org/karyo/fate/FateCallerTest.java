package org.karyo.fate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FateCallerTest {
    private static final double H = 1.75;
    private static final FateSettings FIXED = FateSettings.DEFAULTS.withThresholds(100, 100);

    /** Background 20 +- 3 with the signal stepping to 400 from frame {@code on} (-1 = never). */
    private static double[] series(int n, int on, Random r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 20 + 3 * r.nextGaussian() + (on >= 0 && i >= on ? 400 : 0);
        return v;
    }

    private static FateCall byId(FateCalls calls, int id) {
        return calls.calls().stream().filter(c -> c.trackId() == id).findFirst().orElseThrow();
    }

    @Test
    void callsTheThreeFatesWithOnsetTimes() {
        Random r = new Random(1);
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, H, series(20, 4, r), series(20, 15, r)),
                TrackSeries.of(2, 0, 0, H, series(20, 6, r), series(20, -1, r)),
                TrackSeries.of(3, 0, 0, H, series(20, -1, r), series(20, -1, r)));
        FateCalls calls = new FateCaller(FIXED).call(t, Map.of());
        assertThat(byId(calls, 1).fate()).isEqualTo(Fate.SPREADER);
        assertThat(byId(calls, 1).infectionHours()).isEqualTo(4 * H);
        assertThat(byId(calls, 1).lysisHours()).isEqualTo(15 * H);
        assertThat(byId(calls, 2).fate()).isEqualTo(Fate.NONSPREADER);
        assertThat(byId(calls, 2).lysisHours()).isNaN();
        assertThat(byId(calls, 3).fate()).isEqualTo(Fate.UNINFECTED);
        assertThat(calls.spreaderFraction()).isEqualTo(0.5);
    }

    @Test
    void noiseSpikesAreNotCalledThanksToPersistence() {
        Random r = new Random(2);
        double[] rep = series(20, -1, r);
        double[] pi = series(20, -1, r);
        rep[5] = 900; // a mitotic flash
        rep[11] = 900;
        FateCalls calls = new FateCaller(FIXED).call(List.of(TrackSeries.of(1, 0, 0, H, rep, pi)), Map.of());
        assertThat(calls.calls().get(0).fate()).isEqualTo(Fate.UNINFECTED);
        double[] infected = series(20, 3, r);
        pi[8] = 900; // a speck passing over an infected cell
        calls = new FateCaller(FIXED).call(List.of(TrackSeries.of(1, 0, 0, H, infected, pi)), Map.of());
        assertThat(calls.calls().get(0).fate()).isEqualTo(Fate.NONSPREADER);
        FateCalls lax = new FateCaller(FIXED.withPersistence(1))
                .call(List.of(TrackSeries.of(1, 0, 0, H, infected, pi)), Map.of());
        assertThat(lax.calls().get(0).fate()).isEqualTo(Fate.SPREADER);
    }

    @Test
    void deadUninfectedCellStaysUninfected() {
        Random r = new Random(3);
        FateCalls calls = new FateCaller(FIXED).call(List.of(TrackSeries.of(1, 0, 0, H, series(10, -1, r), series(10, 5, r))), Map.of());
        assertThat(calls.calls().get(0).fate()).isEqualTo(Fate.UNINFECTED);
        assertThat(calls.calls().get(0).lysisHours()).isEqualTo(5 * H);
    }

    @Test
    void daughtersInheritTheirMothersInfectionAndTheMotherFollowsThem() {
        Random r = new Random(4);
        // Mother frames 0..9, reporter on from frame 8 (2 frames before dividing); daughters frames 10..29.
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, H, series(10, 8, r), series(10, -1, r)),
                TrackSeries.of(2, 1, 10, H, series(20, 0, r), series(20, 12, r)),
                TrackSeries.of(3, 1, 10, H, series(20, 0, r), series(20, -1, r)));
        FateCalls calls = new FateCaller(FIXED).call(t, Map.of());
        FateCall d2 = byId(calls, 2);
        assertThat(d2.fate()).isEqualTo(Fate.SPREADER);
        assertThat(d2.infectionHours()).isEqualTo(8 * H);
        assertThat(d2.inherited()).isTrue();
        assertThat(d2.root()).isEqualTo(1);
        assertThat(byId(calls, 3).fate()).isEqualTo(Fate.NONSPREADER);
        assertThat(byId(calls, 3).infectionHours()).isEqualTo(8 * H);
        FateCall mother = byId(calls, 1);
        assertThat(mother.fate()).isEqualTo(Fate.SPREADER);
        assertThat(mother.source()).isEqualTo(FateCall.Source.DAUGHTERS);
        // Infections, not tracks: the infection began in the mother, so she counts once, a spreader through daughter 2;
        // the daughters inherit it and do not count again (a tracker's false division of one nucleus is one cell too).
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(1, 1);
    }

    @Test
    void onsetStraddlingADivisionIsOneRun() {
        Random r = new Random(5);
        // Mother's last frame and the daughter's first are bright: neither alone is 2 frames.
        TrackSeries mother = TrackSeries.of(1, 0, 0, H, series(6, 5, r), series(6, -1, r));
        TrackSeries daughter = TrackSeries.of(2, 1, 6, H, series(8, 0, r), series(8, -1, r));
        FateCalls calls = new FateCaller(FIXED).call(List.of(mother, daughter), Map.of());
        assertThat(byId(calls, 2).infectionHours()).isEqualTo(5 * H);
        assertThat(byId(calls, 1).fate()).isEqualTo(Fate.NONSPREADER);
    }

    @Test
    void uninfectedMotherOfInfectedDaughtersStaysUninfected() {
        Random r = new Random(6);
        List<TrackSeries> t = List.of(TrackSeries.of(1, 0, 0, H, series(10, -1, r), series(10, -1, r)),
                TrackSeries.of(2, 1, 10, H, series(10, 3, r), series(10, -1, r)));
        FateCalls calls = new FateCaller(FIXED).call(t, Map.of());
        assertThat(byId(calls, 1).fate()).isEqualTo(Fate.UNINFECTED);
        assertThat(byId(calls, 2).inherited()).isFalse();
    }

    @Test
    void overrideReplacesTheCallAndKeepsWhatWasCalled() {
        Random r = new Random(7);
        FateCalls calls = new FateCaller(FIXED).call(List.of(TrackSeries.of(1, 0, 0, H, series(10, 2, r), series(10, -1, r))),
                Map.of(1, Fate.UNINFECTED));
        FateCall c = calls.calls().get(0);
        assertThat(c.fate()).isEqualTo(Fate.UNINFECTED);
        assertThat(c.calledFate()).isEqualTo(Fate.NONSPREADER);
        assertThat(c.source()).isEqualTo(FateCall.Source.OVERRIDE);
    }

    @Test
    void automaticCutsSeparateRareLysisFromBackground() {
        Random r = new Random(8);
        List<TrackSeries> t = new ArrayList<>();
        for (int id = 1; id <= 200; id++) {
            int inf = id <= 40 ? r.nextInt(10) : -1;
            int lys = id <= 6 ? 28 : -1; // 6 of 200 lyse, each PI-positive for 2 frames only
            double[] pi = series(30, lys, r);
            double[] rep = series(30, inf, r);
            for (int i = 0; i < 30; i++) rep[i] *= Math.exp(0.5 * r.nextGaussian()); // log-normal between frames
            t.add(TrackSeries.of(id, 0, 0, H, rep, pi));
        }
        FateCalls calls = new FateCaller(FateSettings.DEFAULTS).call(t, Map.of());
        assertThat(calls.piThreshold()).isBetween(40.0, 400.0);
        assertThat(calls.reporterThreshold()).isBetween(40.0, 400.0);
        assertThat(calls.counts().get(Fate.SPREADER)).isEqualTo(6);
        assertThat(calls.counts().get(Fate.NONSPREADER)).isEqualTo(34);
    }

    /** Bug seen on a 384-px movie: with PI at a camera offset and few lysed tracks, Otsu split the background. */
    @Test
    void piCutStaysAboveTheBackgroundWhenLysisIsRare() {
        Random r = new Random(9);
        List<TrackSeries> t = new ArrayList<>();
        for (int id = 1; id <= 400; id++) {
            int n = 4 + r.nextInt(30); // fragments of all lengths, as a tracker leaves them
            double[] rep = new double[n];
            double[] pi = new double[n];
            // Nuclei differ in PI background (neighbours, debris); a few sit darker than the rest, near the offset.
            double glow = id % 20 == 0 ? -40 + 5 * r.nextGaussian() : 15 * r.nextGaussian();
            for (int i = 0; i < n; i++) {
                rep[i] = 250 + 20 * r.nextGaussian() + (id <= 30 ? 1500 : 0);
                pi[i] = 205 + glow + 8 * r.nextGaussian(); // offset ~200; nobody lyses but tracks 1-2
            }
            if (id <= 2) {
                pi[n - 2] = 3000;
                pi[n - 1] = 3000;
            }
            t.add(TrackSeries.of(id, 0, 0, H, rep, pi));
        }
        FateCalls calls = new FateCaller(FateSettings.DEFAULTS).call(t, Map.of());
        assertThat(calls.piThreshold()).isGreaterThan(260.0);
        assertThat(calls.counts().get(Fate.SPREADER)).isEqualTo(2);
        assertThat(calls.counts().get(Fate.NONSPREADER)).isEqualTo(28);
    }

    @Test
    void scoreCountsConfusionAndOnsetErrors() {
        Random r = new Random(9);
        FateCalls calls = new FateCaller(FIXED).call(List.of(
                TrackSeries.of(1, 0, 0, 1, series(10, 4, r), series(10, 8, r)),
                TrackSeries.of(2, 0, 0, 1, series(10, -1, r), series(10, -1, r))), Map.of());
        FateScore s = FateScore.of(calls.calls(), Map.of(1, new TrueFate(1, 1.0, 7.5), 2, new TrueFate(2, 3.0, Double.NaN)));
        assertThat(s.confusion()[Fate.SPREADER.ordinal()][Fate.SPREADER.ordinal()]).isEqualTo(1);
        assertThat(s.confusion()[Fate.NONSPREADER.ordinal()][Fate.UNINFECTED.ordinal()]).isEqualTo(1);
        assertThat(s.accuracy()).isEqualTo(0.5);
        assertThat(s.infectionError()).containsExactly(3.0);
        assertThat(s.lysisError()).containsExactly(0.5);
    }
}
