package org.karyo.fate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyo.fate.StepSeries.CUTS_AT_100;
import static org.karyo.fate.StepSeries.HOURS_PER_FRAME;
import static org.karyo.fate.StepSeries.byId;
import static org.karyo.fate.StepSeries.step;

/**
 * A nonspreader is an infected cell seen not to lyse until the movie ends; an infected track that ends earlier, or
 * whose reporter goes dark for good (the tracker moved to another nucleus), has an unknown fate: it is lost to
 * follow-up and left out of the spreader fraction, like a censored case.
 */
class FollowUpTest {
    @Test
    void sustainedOnsetIgnoresABriefExcursion() {
        double[] v = step(30, -1);
        Arrays.fill(v, 10, 14, 900); // four bright frames: a neighbour's reporter
        assertThat(Onset.first(v, 100, 2)).isEqualTo(10);
        assertThat(Onset.sustained(v, 100, 2)).isEqualTo(-1);
        Arrays.fill(v, 26, 30, 500); // then a real onset that lasts (from frame 10 on, 8 of 20 frames are bright)
        assertThat(Onset.sustained(v, 100, 2)).isEqualTo(26);
        assertThat(Onset.sustained(step(10, 9), 100, 2)).isEqualTo(-1);
        assertThat(Onset.sustained(step(10, 8), 100, 2)).isEqualTo(8);
    }

    @Test
    void aTrackWithABriefReporterExcursionIsUninfected() {
        double[] rep = step(30, -1);
        Arrays.fill(rep, 10, 14, 900);
        TrackSeries t = TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, rep, step(30, -1));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(List.of(t), Map.of());
        assertThat(byId(calls, 1).fate()).isEqualTo(Fate.UNINFECTED);
    }

    @Test
    void anInfectedTrackEndingBeforeTheMovieIsLostNotANonspreader() {
        // Track 1: infected, its track ends at frame 11 of 0..29.
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(12, 2), step(12, -1)),
                TrackSeries.of(2, 0, 0, HOURS_PER_FRAME, step(30, 5), step(30, -1)),   // infected, followed to the end
                TrackSeries.of(3, 0, 0, HOURS_PER_FRAME, step(15, 3), step(15, 12)));  // infected, lysed, ends early: known
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 1).fate()).isEqualTo(Fate.NONSPREADER);
        assertThat(byId(calls, 1).lost()).isTrue();
        assertThat(byId(calls, 2).lost()).isFalse();
        assertThat(byId(calls, 3).fate()).isEqualTo(Fate.SPREADER);
        assertThat(byId(calls, 3).lost()).isFalse();
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(1, 2);
    }

    @Test
    void anInfectedTrackWhoseReporterGoesDarkAtTheEndIsLost() {
        double[] rep = step(30, 2);
        Arrays.fill(rep, 25, 30, 20); // the last five frames belong to an uninfected neighbour
        List<TrackSeries> t = List.of(TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, rep, step(30, -1)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 1).fate()).isEqualTo(Fate.NONSPREADER);
        assertThat(byId(calls, 1).lost()).isTrue();
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(0, 0);
    }

    @Test
    void aTrackThatSwitchedToAnUninfectedNeighbourInTheLastFrameIsLost() {
        double[] rep = step(30, 2);
        rep[29] = 20; // the movie's last frame: the tracker took the neighbour
        double[] dip = step(30, 2);
        dip[20] = 20; // one dark frame inside the track is noise, not a switch
        List<TrackSeries> t = List.of(TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, rep, step(30, -1)),
                TrackSeries.of(2, 0, 0, HOURS_PER_FRAME, dip, step(30, -1)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 1).lost()).isTrue();
        assertThat(byId(calls, 2).lost()).isFalse();
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(0, 1);
    }

    @Test
    void aTrackWhoseReporterStepsToAnotherLevelAfterItsOnsetHasSwitchedAndIsLost() {
        double[] switched = step(30, 2);
        Arrays.fill(switched, 15, 30, 1000); // from frame 15 on, a brighter infected neighbour: 2.5x in one frame
        double[] rising = step(30, 2);
        for (int i = 3; i < 30; i++) rising[i] = Math.min(2000, rising[i - 1] * 1.5); // one cell's reporter rising
        double[] dimmer = step(30, 2);
        Arrays.fill(dimmer, 20, 30, 150); // a dimmer infected neighbour, still above the cut: 0.375x
        List<TrackSeries> t = List.of(TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, switched, step(30, -1)),
                TrackSeries.of(2, 0, 0, HOURS_PER_FRAME, rising, step(30, -1)),
                TrackSeries.of(3, 0, 0, HOURS_PER_FRAME, dimmer, step(30, -1)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 1).lost()).isTrue();
        assertThat(byId(calls, 2).lost()).as("a steady rise of 1.5x per frame is one cell").isFalse();
        assertThat(byId(calls, 3).lost()).isTrue();
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(0, 1);

        FateCalls off = new FateCaller(CUTS_AT_100.withSwitchFactor(0)).call(t, Map.of());
        assertThat(off.calls()).noneMatch(FateCall::lost);
        FateCalls lax = new FateCaller(CUTS_AT_100.withSwitchFactor(3)).call(t, Map.of());
        assertThat(byId(lax, 1).lost()).as("2.5x is below a factor of 3").isFalse();
        assertThat(byId(lax, 3).lost()).isFalse();
    }

    @Test
    void theStepThatMakesTheOnsetIsNotASwitch() {
        // 20 -> 400 at the onset is a 20x step; the rule looks only after the onset frame.
        FateCalls calls = new FateCaller(CUTS_AT_100).call(List.of(TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(30, 5), step(30, -1))), Map.of());
        assertThat(byId(calls, 1).fate()).isEqualTo(Fate.NONSPREADER);
        assertThat(byId(calls, 1).lost()).isFalse();
    }

    @Test
    void aDividedMotherIsLostOnlyWhenAllHerInfectedDaughtersAre() {
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(10, 3), step(10, -1)),
                TrackSeries.of(2, 1, 10, HOURS_PER_FRAME, step(20, 0), step(20, -1)),  // to the end (frame 29)
                TrackSeries.of(3, 1, 10, HOURS_PER_FRAME, step(8, 0), step(8, -1)),    // lost at frame 17
                TrackSeries.of(4, 0, 0, HOURS_PER_FRAME, step(10, 3), step(10, -1)),
                TrackSeries.of(5, 4, 10, HOURS_PER_FRAME, step(8, 0), step(8, -1)),
                TrackSeries.of(6, 4, 10, HOURS_PER_FRAME, step(6, 0), step(6, -1)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 1).lost()).isFalse();
        assertThat(byId(calls, 3).lost()).isTrue();
        assertThat(byId(calls, 4).lost()).isTrue();
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(0, 1);
    }

    @Test
    void anInfectedNucleusSeenToSplitIntoTwoPiecesIsOneInfectedCell() {
        // Track 1: infected from frame 2; at frame 25 the segmenter cuts the enlarged nucleus in two and the tracker
        // reads the pieces as daughters, both followed to the movie's end (frame 29). Track 4: another infected cell.
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(25, 2), step(25, -1)),
                TrackSeries.of(2, 1, 25, HOURS_PER_FRAME, step(5, 0), step(5, -1)),
                TrackSeries.of(3, 1, 25, HOURS_PER_FRAME, step(5, 0), step(5, -1)),
                TrackSeries.of(4, 0, 0, HOURS_PER_FRAME, step(30, 4), step(30, 20)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 2).inherited()).isTrue();
        assertThat(byId(calls, 1).lost()).isFalse();
        assertThat(FateCalls.spreaderCount(calls.calls())).as("one spreader of two infected cells, not of three")
                .containsExactly(1, 2);
    }
}
