package org.karyo.fate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karyo.fate.StepSeries.CUTS_AT_100;
import static org.karyo.fate.StepSeries.HOURS_PER_FRAME;
import static org.karyo.fate.StepSeries.byId;
import static org.karyo.fate.StepSeries.step;

/**
 * Tracker links the fate caller should not believe: they turn one tracking error into a miscounted cell (a lysed
 * cell's track gap-linked to a live neighbour counts as a nonspreader; an infected cell's track passing to an
 * uninfected neighbour makes the neighbour infected by inheritance).
 */
class ParentLinkCheckTest {
    @Test
    void aLysedCellsTrackLinkedOnToALiveNeighbourCountsAsOneSpreader() {
        // Track 1: infected from frame 2, lysed at frame 10, last seen at 11; after a gap the tracker links it to
        // track 2, a live uninfected neighbour (no reporter, no PI).
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(12, 2), step(12, 10)),
                TrackSeries.of(2, 1, 13, HOURS_PER_FRAME, step(20, -1), step(20, -1)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 2).parentLink()).isEqualTo(ParentLink.AFTER_LYSIS);
        assertThat(byId(calls, 2).fate()).isEqualTo(Fate.UNINFECTED);
        assertThat(byId(calls, 1).fate()).isEqualTo(Fate.SPREADER);
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(1, 1);

        // Believed, the link makes the lysed cell a mother; her infection is still counted once, where it began.
        FateCalls believed = new FateCaller(CUTS_AT_100.withParentLinksChecked(false)).call(t, Map.of());
        assertThat(byId(believed, 2).fate()).isEqualTo(Fate.UNINFECTED);
        assertThat(FateCalls.spreaderCount(believed.calls())).containsExactly(1, 1);
    }

    @Test
    void theRemainsOfALysedCellStillPositiveForPiAreItsContinuation() {
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(12, 2), step(12, 10)),
                TrackSeries.of(2, 1, 13, HOURS_PER_FRAME, step(6, 0), step(6, 0)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 2).parentLink()).isEqualTo(ParentLink.TRUSTED);
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(1, 1);
    }

    @Test
    void aDaughterWithoutTheReporterIsNotTheInfectedCell() {
        // Infected track 1 ends; the tracker continues it with track 2 (gap) whose own reporter never shows:
        // infection does not fade, so 2 is another cell.
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(12, 2), step(12, -1)),
                TrackSeries.of(2, 1, 13, HOURS_PER_FRAME, step(20, -1), step(20, -1)),
                TrackSeries.of(3, 0, 0, HOURS_PER_FRAME, step(33, -1), step(33, -1)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 2).parentLink()).isEqualTo(ParentLink.REPORTER_LOST);
        assertThat(byId(calls, 2).fate()).isEqualTo(Fate.UNINFECTED);
        assertThat(byId(calls, 2).parent()).isEqualTo(1);
        assertThat(byId(calls, 2).root()).isEqualTo(1);
        // Track 1's cell was lost to follow-up at frame 11 (the movie runs to 32): its fate is unknown.
        assertThat(byId(calls, 1).fate()).isEqualTo(Fate.NONSPREADER);
        assertThat(byId(calls, 1).lost()).isTrue();
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(0, 0);

        FateCalls believed = new FateCaller(CUTS_AT_100.withParentLinksChecked(false)).call(t, Map.of());
        assertThat(byId(believed, 2).parentLink()).isEqualTo(ParentLink.TRUSTED);
        assertThat(FateCalls.spreaderCount(believed.calls())).containsExactly(0, 0);
    }

    @Test
    void anInfectedCellFollowedAcrossAGapToItsLysisIsOneSpreader() {
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(12, 2), step(12, -1)),
                TrackSeries.of(2, 1, 14, HOURS_PER_FRAME, step(10, 0), step(10, 5)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 2).parentLink()).isEqualTo(ParentLink.TRUSTED);
        assertThat(byId(calls, 2).fate()).isEqualTo(Fate.SPREADER);
        assertThat(byId(calls, 2).infectionHours()).isEqualTo(2 * HOURS_PER_FRAME);
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(1, 1);
    }

    @Test
    void daughtersOfAnInfectedMotherWhoKeepTheReporterAreStillHerDaughters() {
        // One daughter keeps the reporter, the other does not (a mis-assigned neighbour): only the first inherits.
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(10, 3), step(10, -1)),
                TrackSeries.of(2, 1, 10, HOURS_PER_FRAME, step(10, 0), step(10, -1)),
                TrackSeries.of(3, 1, 10, HOURS_PER_FRAME, step(10, -1), step(10, -1)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(byId(calls, 2).parentLink()).isEqualTo(ParentLink.TRUSTED);
        assertThat(byId(calls, 2).inherited()).isTrue();
        assertThat(byId(calls, 3).parentLink()).isEqualTo(ParentLink.REPORTER_LOST);
        assertThat(byId(calls, 3).fate()).isEqualTo(Fate.UNINFECTED);
        assertThat(FateCalls.spreaderCount(calls.calls())).containsExactly(0, 1);
    }

    @Test
    void linksFromUninfectedParentsAreNeverDoubted() {
        List<TrackSeries> t = List.of(
                TrackSeries.of(1, 0, 0, HOURS_PER_FRAME, step(10, -1), step(10, -1)),
                TrackSeries.of(2, 1, 10, HOURS_PER_FRAME, step(10, -1), step(10, -1)),
                TrackSeries.of(3, 1, 10, HOURS_PER_FRAME, step(10, 4), step(10, -1)));
        FateCalls calls = new FateCaller(CUTS_AT_100).call(t, Map.of());
        assertThat(calls.calls()).allSatisfy(c -> assertThat(c.parentLink()).isEqualTo(ParentLink.TRUSTED));
        assertThat(byId(calls, 3).fate()).isEqualTo(Fate.NONSPREADER);
    }
}
