package org.karyo.segment;

import org.karyo.image.LabelImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SegmentationScoreTest {
    /** 10x10 squares: truth has objects 1 (x 0..9) and 2 (x 20..29); prediction shifts 1 by 2 px and misses 2, adds 3. */
    private static LabelImage[] scene() {
        int w = 60;
        int h = 10;
        int[] t = new int[w * h];
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < 10; x++) t[y * w + x] = 1;
            for (int x = 20; x < 30; x++) t[y * w + x] = 2;
            for (int x = 2; x < 12; x++) p[y * w + x] = 1;
            for (int x = 40; x < 50; x++) p[y * w + x] = 2;
        }
        return new LabelImage[] {new LabelImage(w, h, p, 2), new LabelImage(w, h, t, 2)};
    }

    @Test
    void scoresByIntersectionOverUnion() {
        LabelImage[] s = scene();
        SegmentationScore score = SegmentationScore.of(s[0], s[1]);
        // IoU of the shifted square: 80 / 120 = 0.667 -> a match at 0.5..0.65, not from 0.7 on.
        assertThat(score.truePositives()).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
        assertThat(score.f1()).isCloseTo(1 / (1 + 0.5 + 0.5), within(1e-12));
        assertThat(score.ap(0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(score.meanAp()).isCloseTo(4 * (1.0 / 3) / 10, within(1e-12));
    }

    @Test
    void perfectPredictionScoresOne() {
        LabelImage t = scene()[1];
        SegmentationScore score = SegmentationScore.of(t, t);
        assertThat(score.f1()).isEqualTo(1.0);
        assertThat(score.meanAp()).isEqualTo(1.0);
    }

    @Test
    void poolingAddsCounts() {
        LabelImage[] s = scene();
        SegmentationScore one = SegmentationScore.of(s[0], s[1]);
        SegmentationScore two = one.plus(SegmentationScore.of(s[1], s[1]));
        assertThat(two.truth()).isEqualTo(4);
        assertThat(two.truePositives()[0]).isEqualTo(3);
    }

    @Test
    void matchesEachPredictionToItsTruthAboveHalfIoU() {
        LabelImage[] s = scene();
        assertThat(InstanceMatcher.matchAboveHalf(s[0], s[1])).containsExactly(0, 1, 0);
    }
}
