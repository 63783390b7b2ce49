package org.karyo.track.score;

import org.junit.jupiter.api.Test;
import org.karyo.simulate.Track;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineagePurityTest {
    // Truth: cell 1 (frames 0-2) divides into 2 and 3 (3-5); cell 4 (0-5) is unrelated.
    private static final List<Track> TRUTH = List.of(new Track(1, 0, 2, 0), new Track(2, 3, 5, 1),
            new Track(3, 3, 5, 1), new Track(4, 0, 5, 0));
    // Tracker: 10 follows cell 1 and divides into 11, which follows daughter 2 until it swaps onto cell 4 at
    // frame 5; 12 follows cell 4, was a merged object at frame 2 and takes daughter 2 at frame 5.
    private static final List<Track> RESULT = List.of(new Track(10, 0, 2, 0), new Track(11, 3, 5, 10),
            new Track(12, 0, 5, 0));
    private static final Map<Integer, Map<Integer, Integer>> ON = Map.of(
            10, Map.of(0, 1, 1, 1, 2, 1),
            11, Map.of(3, 2, 4, 2, 5, 4),
            12, Map.of(0, 4, 1, 4, 3, 4, 4, 4, 5, 2));
    private final LineagePurity purity = new LineagePurity(RESULT, ON, TRUTH);

    @Test
    void aDaughtersHistoryThroughHerTrueMotherIsHerOwn() {
        assertThat(purity.at(11, 4)).isEqualTo(new LineagePurity.History(2, 5, 5));
        assertThat(purity.at(11, 4).whole()).isTrue();
    }

    @Test
    void afterASwapOnlyTheFramesSinceItAreTheCellsOwn() {
        assertThat(purity.at(11, 5)).isEqualTo(new LineagePurity.History(4, 1, 6));
        assertThat(purity.at(11, 5).whole()).isFalse();
        assertThat(purity.at(12, 5)).as("daughter 2 with cell 4's past").isEqualTo(new LineagePurity.History(2, 1, 6));
    }

    @Test
    void aFrameOnNoSingleCellEndsThePureRun() {
        assertThat(purity.at(12, 4)).isEqualTo(new LineagePurity.History(4, 2, 5));
        assertThat(purity.at(12, 1).whole()).isTrue();
        assertThat(purity.at(12, 2)).as("on no cell now").isEqualTo(new LineagePurity.History(0, 0, 3));
        assertThat(purity.at(12, 2).whole()).isFalse();
    }

    @Test
    void theShareOfFramesWithTheirOwnHistoryCountsEveryTrackFrame() {
        // whole: 10 at 0-2, 11 at 3-4, 12 at 0-1; not: 11 at 5, 12 at 2-5
        assertThat(purity.ownHistoryShare()).isEqualTo(7 / 12.0);
        assertThat(new LineagePurity(List.of(), Map.of(), TRUTH).ownHistoryShare()).isNaN();
    }

    @Test
    void aFrameOutsideTheTrackIsRefused() {
        assertThatThrownBy(() -> purity.at(11, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("track 11");
    }
}
