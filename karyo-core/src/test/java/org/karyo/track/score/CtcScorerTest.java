package org.karyo.track.score;

import org.junit.jupiter.api.Test;
import org.karyo.image.LabelImage;
import org.karyo.simulate.Track;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CtcScorerTest {
    private static final int W = 20;
    private static final int H = 10;

    /** Squares of 4x4 pixels: {label, column of the left edge, row of the top edge}. */
    private static LabelImage frame(int[]... squares) {
        int[] lab = new int[W * H];
        int max = 0;
        for (int[] s : squares) {
            for (int y = s[2]; y < s[2] + 4; y++) for (int x = s[1]; x < s[1] + 4; x++) lab[y * W + x] = s[0];
            max = Math.max(max, s[0]);
        }
        return new LabelImage(W, H, lab, max);
    }

    /** One cell seen in 3 frames: 3 nodes and 2 links; building it from nothing costs 3 x 10 + 2 x 1.5 = 33. */
    private static final List<Track> ONE_TRACK = List.of(new Track(1, 0, 2, 0));

    private static CtcScorer threeFrames(LabelImage r0, LabelImage r1, LabelImage r2) {
        CtcScorer s = new CtcScorer();
        s.addFrame(frame(new int[]{1, 2, 2}), r0);
        s.addFrame(frame(new int[]{1, 3, 2}), r1);
        s.addFrame(frame(new int[]{1, 4, 2}), r2);
        return s;
    }

    @Test
    void aPerfectResultScoresOne() {
        CtcScores s = threeFrames(frame(new int[]{5, 2, 2}), frame(new int[]{5, 3, 2}), frame(new int[]{5, 4, 2}))
                .score(ONE_TRACK, List.of(new Track(5, 0, 2, 0)));
        assertThat(s.tra()).isEqualTo(1.0);
        assertThat(s.det()).isEqualTo(1.0);
        assertThat(s.seg()).isEqualTo(1.0);
        assertThat(s.counts().aogmEmpty()).isEqualTo(33.0);
    }

    @Test
    void oneMissedLinkCostsOneEdgeAddition() {
        // The track breaks in two after frame 1: the link 1 -> 2 must be added (1.5).
        CtcScores s = threeFrames(frame(new int[]{1, 2, 2}), frame(new int[]{1, 3, 2}), frame(new int[]{2, 4, 2}))
                .score(ONE_TRACK, List.of(new Track(1, 0, 1, 0), new Track(2, 2, 2, 0)));
        assertThat(s.counts().edgeAdditions()).isEqualTo(1);
        assertThat(s.counts().aogm()).isEqualTo(1.5);
        assertThat(s.tra()).isCloseTo(1 - 1.5 / 33, within(1e-12));
        assertThat(s.det()).isEqualTo(1.0);
    }

    @Test
    void oneMissedNucleusCostsAFalseNegativeItsLinksAndTheBridgingLink() {
        // Missing in frame 1: FN (10), both truth links added (2 x 1.5), the result's link 0 -> 2 deleted (1).
        CtcScores s = threeFrames(frame(new int[]{1, 2, 2}), frame(), frame(new int[]{1, 4, 2}))
                .score(ONE_TRACK, List.of(new Track(1, 0, 2, 0)));
        AogmCounts c = s.counts();
        assertThat(c.falseNegatives()).isEqualTo(1);
        assertThat(c.edgeAdditions()).isEqualTo(2);
        assertThat(c.edgeDeletions()).isEqualTo(1);
        assertThat(s.tra()).isCloseTo(1 - 14.0 / 33, within(1e-12));
        assertThat(s.det()).isCloseTo(1 - 10.0 / 30, within(1e-12));
        assertThat(s.seg()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void anExtraNucleusCostsOneFalsePositive() {
        CtcScores s = threeFrames(frame(new int[]{1, 2, 2}), frame(new int[]{1, 3, 2}, new int[]{2, 14, 4}),
                frame(new int[]{1, 4, 2})).score(ONE_TRACK, List.of(new Track(1, 0, 2, 0), new Track(2, 1, 1, 0)));
        assertThat(s.counts().falsePositives()).isEqualTo(1);
        assertThat(s.tra()).isCloseTo(1 - 1.0 / 33, within(1e-12));
        assertThat(s.det()).isCloseTo(1 - 1.0 / 30, within(1e-12));
    }

    @Test
    void oneResultNucleusCoveringTwoCostsASplit() {
        CtcScorer s = new CtcScorer();
        // Truth: two 4x4 squares side by side; result: one 8x4 region over both.
        LabelImage truth = frame(new int[]{1, 2, 2}, new int[]{2, 6, 2});
        int[] lab = new int[W * H];
        for (int y = 2; y < 6; y++) for (int x = 2; x < 10; x++) lab[y * W + x] = 1;
        s.addFrame(truth, new LabelImage(W, H, lab, 1));
        CtcScores sc = s.score(List.of(new Track(1, 0, 0, 0), new Track(2, 0, 0, 0)), List.of(new Track(1, 0, 0, 0)));
        assertThat(sc.counts().splits()).isEqualTo(1);
        assertThat(sc.det()).isCloseTo(1 - 5.0 / 20, within(1e-12));
        assertThat(sc.seg()).isCloseTo(0.5, within(1e-12)); // each truth square: 16 / 32
    }

    @Test
    void segIsTheJaccardOfMatchedNucleiAndZeroForUnmatched() {
        CtcScorer s = new CtcScorer();
        // Shifted by one column: 12 of 16 pixels shared (> half), union 20 -> 0.6. The second square
        // shares only 4 of 16 pixels with its result: unmatched, 0.
        s.addFrame(frame(new int[]{1, 2, 2}, new int[]{2, 12, 2}), frame(new int[]{1, 3, 2}, new int[]{2, 15, 2}));
        CtcScores sc = s.score(List.of(new Track(1, 0, 0, 0), new Track(2, 0, 0, 0)),
                List.of(new Track(1, 0, 0, 0), new Track(2, 0, 0, 0)));
        assertThat(sc.seg()).isCloseTo(0.3, within(1e-12));
        assertThat(sc.counts().falseNegatives()).isEqualTo(1);
        assertThat(sc.counts().falsePositives()).isEqualTo(1);
    }

    @Test
    void aContinuationTakenForADivisionHasWrongSemantics() {
        // Truth: one cell in frames 0 and 1. Result: it "divides" into a daughter that covers the cell (a parent
        // link where the truth has a plain one: wrong semantics, 1) and a daughter on empty background (FP, 1).
        CtcScorer s = new CtcScorer();
        s.addFrame(frame(new int[]{1, 8, 3}), frame(new int[]{1, 8, 3}));
        s.addFrame(frame(new int[]{1, 8, 3}), frame(new int[]{2, 8, 3}, new int[]{3, 15, 3}));
        CtcScores sc = s.score(List.of(new Track(1, 0, 1, 0)),
                List.of(new Track(1, 0, 0, 0), new Track(2, 1, 1, 1), new Track(3, 1, 1, 1)));
        AogmCounts c = sc.counts();
        assertThat(c.wrongSemantics()).isEqualTo(1);
        assertThat(c.falsePositives()).isEqualTo(1);
        assertThat(c.edgeDeletions()).isZero();
        assertThat(c.edgeAdditions()).isZero();
        assertThat(sc.tra()).isCloseTo(1 - 2.0 / (2 * 10 + 1.5), within(1e-12));
    }

    @Test
    void anEmptyResultScoresZero() {
        CtcScores s = threeFrames(frame(), frame(), frame()).score(ONE_TRACK, List.of());
        assertThat(s.tra()).isEqualTo(0.0);
        assertThat(s.det()).isEqualTo(0.0);
        assertThat(s.seg()).isEqualTo(0.0);
    }

    @Test
    void eachResultTrackFollowsTheTruthCellItCoversMostOften() {
        // Two cells; result track 7 is on cell 1 for two frames, then switches to cell 2; track 9 picks cell 1 up,
        // and track 4 is a nucleus the truth does not have.
        CtcScorer s = new CtcScorer();
        s.addFrame(frame(new int[]{1, 2, 2}, new int[]{2, 12, 2}), frame(new int[]{7, 2, 2}, new int[]{8, 12, 2}));
        s.addFrame(frame(new int[]{1, 2, 2}, new int[]{2, 12, 2}), frame(new int[]{7, 2, 2}, new int[]{8, 12, 2}, new int[]{4, 7, 5}));
        s.addFrame(frame(new int[]{1, 2, 2}, new int[]{2, 12, 2}), frame(new int[]{9, 2, 2}, new int[]{7, 12, 2}));
        java.util.Map<Integer, TrackTruth> t = s.truthOfTracks();
        assertThat(t.get(7)).isEqualTo(new TrackTruth(7, 1, 2, 3));
        assertThat(t.get(7).followsOneCell()).isTrue();
        assertThat(t.get(8)).isEqualTo(new TrackTruth(8, 2, 2, 2));
        assertThat(t.get(9)).isEqualTo(new TrackTruth(9, 1, 1, 1));
        assertThat(t.get(4)).isEqualTo(new TrackTruth(4, 0, 0, 1));
        assertThat(t.get(4).followsOneCell()).isFalse();
        assertThat(new TrackTruth(5, 1, 2, 4).followsOneCell()).as("half of its frames is not most").isFalse();
        assertThat(s.truthPerFrame().get(7)).as("on cell 1, then swapped onto cell 2").isEqualTo(java.util.Map.of(0, 1, 1, 1, 2, 2));
        assertThat(s.truthPerFrame()).as("a nucleus the truth lacks is on no cell").doesNotContainKey(4);
    }
}
