package org.karyo.track;

import org.junit.jupiter.api.Test;
import org.karyo.image.LabelImage;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MergeSplitterTest {
    /** Two touching discs of radius 6 at x = 14 and x = 26 (y = 12), drawn as ONE object, as a segmenter merges them. */
    private static LabelImage mergedPair() {
        int w = 40;
        int h = 24;
        int[] lab = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.hypot(x - 14, y - 12) <= 6 || Math.hypot(x - 26, y - 12) <= 6) lab[y * w + x] = 1;
            }
        }
        return new LabelImage(w, h, lab, 1);
    }

    @Test
    void splitsAnObjectHoldingTwoExpectedNucleiAlongTheirBoundary() {
        // Expected centres are off by a few pixels (the cells moved); k-means steps pull them onto the discs.
        LabelImage out = MergeSplitter.split(mergedPair(),
                List.of(new ExpectedNucleus(1, 16, 10, 113), new ExpectedNucleus(2, 23, 13, 113)));
        assertThat(out.count()).isEqualTo(2);
        assertThat(out.get(14, 12)).isEqualTo(1);
        assertThat(out.get(26, 12)).isEqualTo(2);
        assertThat(out.get(9, 12)).isEqualTo(1);
        assertThat(out.get(31, 12)).isEqualTo(2);
        int[] a = out.areas();
        assertThat(Math.abs(a[1] - a[2])).isLessThan(10);
    }

    @Test
    void leavesObjectsWithOneExpectedNucleusAlone() {
        LabelImage in = mergedPair();
        assertThat(MergeSplitter.split(in, List.of(new ExpectedNucleus(1, 20, 12, 226)))).isSameAs(in);
        assertThat(MergeSplitter.split(in, List.of())).isSameAs(in);
    }

    @Test
    void refusesToSplitWhenTheObjectIsFarSmallerThanTheNucleiExpected() {
        // Two big nuclei expected where only a small object is: one of them is gone (died, left), do not cut.
        LabelImage in = mergedPair();
        assertThat(MergeSplitter.split(in, List.of(new ExpectedNucleus(1, 14, 12, 600), new ExpectedNucleus(2, 26, 12, 600))))
                .isSameAs(in);
    }

    @Test
    void splitsTheObjectsItIsGivenEvenWhenTheExpectedCentresLieOutside() {
        // Tracker.mergedObjects names the object; the centres it passes may sit beside it (the cells moved).
        LabelImage out = MergeSplitter.splitObjects(mergedPair(), java.util.Map.of(1,
                List.of(new ExpectedNucleus(1, 8, 3, 113), new ExpectedNucleus(2, 32, 21, 113))));
        assertThat(out.count()).isEqualTo(2);
        assertThat(out.get(9, 12)).isNotEqualTo(out.get(31, 12));
        assertThat(out.get(14, 12)).isEqualTo(out.get(9, 12));
        assertThat(out.get(26, 12)).isEqualTo(out.get(31, 12));
    }

    @Test
    void splitObjectsLeavesAnObjectNamedWithOneNucleusAlone() {
        LabelImage in = mergedPair();
        assertThat(MergeSplitter.splitObjects(in, java.util.Map.of(1, List.of(new ExpectedNucleus(1, 20, 12, 226)))))
                .isSameAs(in);
    }
}
