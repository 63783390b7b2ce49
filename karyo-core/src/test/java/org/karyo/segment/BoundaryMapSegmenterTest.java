package org.karyo.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.karyo.image.LabelImage;

class BoundaryMapSegmenterTest {
    private static final int W = 40;
    private static final int H = 20;

    /** Two 10x10 squares side by side, touching along x = 20 (labels 1 and 2), one more apart (3). */
    private static LabelImage touching() {
        int[] lab = new int[W * H];
        for (int y = 5; y < 15; y++) {
            for (int x = 10; x < 20; x++) lab[y * W + x] = 1;
            for (int x = 20; x < 30; x++) lab[y * W + x] = 2;
            for (int x = 33; x < 37; x++) lab[y * W + x] = 3;
        }
        return new LabelImage(W, H, lab, 3);
    }

    @Test
    void boundaryClassesMarkBothSidesOfASeamButNotTheImageEdge() {
        byte[] c = BoundaryClasses.of(touching());
        assertThat(c[10 * W + 19]).isEqualTo(BoundaryClasses.BOUNDARY);
        assertThat(c[10 * W + 20]).isEqualTo(BoundaryClasses.BOUNDARY);
        assertThat(c[10 * W + 15]).isEqualTo(BoundaryClasses.INTERIOR);
        assertThat(c[10 * W + 10]).isEqualTo(BoundaryClasses.BOUNDARY); // next to background
        assertThat(c[10 * W + 5]).isEqualTo(BoundaryClasses.BACKGROUND);
        int[] edge = new int[4 * 4];
        java.util.Arrays.fill(edge, 1);
        byte[] whole = BoundaryClasses.of(new LabelImage(4, 4, edge, 1));
        for (byte b : whole) assertThat(b).as("a nucleus filling the image has no boundary").isEqualTo(BoundaryClasses.INTERIOR);
    }

    @Test
    void perfectMapsGiveTheNucleiBackEvenWhereTheyTouch() {
        LabelImage truth = touching();
        byte[] c = BoundaryClasses.of(truth);
        float[] bg = new float[W * H];
        float[] in = new float[W * H];
        for (int i = 0; i < c.length; i++) {
            bg[i] = c[i] == BoundaryClasses.BACKGROUND ? 1f : 0f;
            in[i] = c[i] == BoundaryClasses.INTERIOR ? 1f : 0f;
        }
        LabelImage got = new BoundaryMapSegmenter(0.5, 2, 4, 0).segment(bg, in, W, H);
        assertThat(got.count()).isEqualTo(3);
        SegmentationScore s = SegmentationScore.of(got, truth);
        assertThat(s.f1(SegmentationScore.THRESHOLDS.length - 1)).as("IoU >= 0.95 for all three").isEqualTo(1.0);
    }

    @Test
    void smallSeedsAndObjectsOutsideTheAreaLimitsAreDropped() {
        float[] bg = new float[W * H];
        float[] in = new float[W * H];
        java.util.Arrays.fill(bg, 1f);
        in[2 * W + 2] = 0.9f; // a one-pixel "nucleus": too small a seed
        bg[2 * W + 2] = 0f;
        for (int y = 5; y < 15; y++) {
            for (int x = 10; x < 20; x++) {
                bg[y * W + x] = 0f;
                in[y * W + x] = 0.9f;
            }
        }
        assertThat(new BoundaryMapSegmenter(0.5, 2, 4, 0).segment(bg, in, W, H).count()).isEqualTo(1);
        assertThat(new BoundaryMapSegmenter(0.5, 2, 4, 50).segment(bg, in, W, H).count()).as("100 px > max 50").isZero();
        assertThatThrownBy(() -> new BoundaryMapSegmenter(0.5, 2, 4, 0).segment(new float[3], in, W, H))
                .hasMessageContaining("40 x 20");
    }

    /** Maps of a confident classifier: interior 0.9 where {@code inside} holds, background elsewhere. {bg, in}. */
    private static float[][] interiorWhere(int w, int h, java.util.function.BiPredicate<Integer, Integer> inside) {
        float[] bg = new float[w * h];
        float[] in = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean on = inside.test(x, y);
                in[y * w + x] = on ? 0.9f : 0f;
                bg[y * w + x] = on ? 0f : 1f;
            }
        }
        return new float[][] {bg, in};
    }

    @Test
    void interiorsJoinedByANeckAreSplitWhenAsked() {
        // Two discs of radius 7 whose interiors the classifier joined by a 3-px-wide bridge.
        int w = 48;
        int h = 24;
        float[][] m = interiorWhere(w, h, (x, y) -> Math.hypot(x - 14, y - 12) <= 7 || Math.hypot(x - 33, y - 12) <= 7
                || (x >= 14 && x <= 33 && Math.abs(y - 12) <= 1));
        assertThat(new BoundaryMapSegmenter(0.5, 2, 4, 0).segment(m[0], m[1], w, h).count()).isEqualTo(1);
        LabelImage split = new BoundaryMapSegmenter(0.5, 2, 4, 0, 0.5).segment(m[0], m[1], w, h);
        assertThat(split.count()).isEqualTo(2);
        assertThat(split.labels()[12 * w + 14]).isNotEqualTo(split.labels()[12 * w + 33]);
    }

    @Test
    void aLargeOrIrregularPatchWithoutANeckStaysWhole() {
        // A 30x14 rounded rectangle (a big nucleus at high magnification) and an L-shaped blob: no necks.
        int w = 60;
        int h = 40;
        float[][] m = interiorWhere(w, h, (x, y) ->
                (x >= 3 && x < 33 && y >= 3 && y < 17
                        && Math.hypot(Math.max(0, Math.abs(x - 17.5) - 8), Math.max(0, Math.abs(y - 9.5) - 1)) <= 6.5)
                || (x >= 38 && x < 50 && y >= 5 && y < 35) || (x >= 38 && x < 58 && y >= 24 && y < 35));
        assertThat(new BoundaryMapSegmenter(0.5, 2, 4, 0, 0.5).segment(m[0], m[1], w, h).count()).isEqualTo(2);
    }

    @Test
    void coresAreTheInnerPartOfEachNucleusAndStayApartWhereNucleiTouch() {
        // Two discs of radius 8 touching along x = 20, and a lone one.
        int w = 60, h = 24;
        int[] lab = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = Math.hypot(x - 12, y - 12), b = Math.hypot(x - 28, y - 12), c = Math.hypot(x - 48, y - 12);
                if (a <= 8 && x < 20) lab[y * w + x] = 1;
                else if (b <= 8 && x >= 20) lab[y * w + x] = 2;
                else if (c <= 8) lab[y * w + x] = 3;
            }
        }
        LabelImage truth = new LabelImage(w, h, lab, 3);
        byte[] c = BoundaryClasses.withCores(truth, BoundaryClasses.CORE_DEPTH);
        byte[] plain = BoundaryClasses.of(truth);
        int[] coreArea = new int[4];
        int[] area = truth.areas();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == BoundaryClasses.CORE) {
                assertThat(plain[i]).as("cores are interior pixels").isEqualTo(BoundaryClasses.INTERIOR);
                coreArea[lab[i]]++;
            } else {
                assertThat(c[i]).as("only interior pixels change class").isEqualTo(plain[i]);
            }
        }
        double lone = coreArea[3] / (double) area[3];
        assertThat(lone).as("about the inner quarter of a round nucleus").isBetween(0.15, 0.35);
        boolean[] core = new boolean[c.length];
        for (int i = 0; i < c.length; i++) core[i] = c[i] == BoundaryClasses.CORE;
        int[] parts = org.karyo.filter.BinaryOps.components(core, w, h);
        int n = 0;
        for (int v : parts) n = Math.max(n, v);
        assertThat(n).as("one core per nucleus, the touching pair's apart").isEqualTo(3);
        assertThatThrownBy(() -> BoundaryClasses.withCores(truth, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seedsFromCoresPartNucleiWhoseInteriorsAreJoined() {
        // Two 10x10 squares side by side whose interior map runs straight across the seam (a classifier that joined
        // them); their cores are two separate blobs.
        float[] bg = new float[W * H];
        float[] in = new float[W * H];
        float[] core = new float[W * H];
        java.util.Arrays.fill(bg, 1f);
        for (int y = 5; y < 15; y++) {
            for (int x = 10; x < 30; x++) {
                bg[y * W + x] = 0f;
                in[y * W + x] = 0.9f;
                if (y >= 8 && y < 12 && (x >= 13 && x < 17 || x >= 23 && x < 27)) core[y * W + x] = 0.9f;
            }
        }
        BoundaryMapSegmenter post = new BoundaryMapSegmenter(0.5, 2, 4, 0);
        assertThat(post.segment(bg, in, W, H).count()).as("seeds from the joined interiors").isEqualTo(1);
        LabelImage got = post.segment(bg, core, in, W, H);
        assertThat(got.count()).as("seeds from the cores").isEqualTo(2);
        assertThat(got.areas()[1] + got.areas()[2]).as("the seeds grow over all of it").isEqualTo(200);
        float[] none = new float[W * H];
        assertThat(post.segment(new float[][] {bg, in, none}, W, H).count()).as("three maps: interior seeds").isEqualTo(1);
        float[] rest = new float[W * H];
        for (int i = 0; i < rest.length; i++) rest[i] = in[i] - core[i]; // a four-class network's interior excludes its core
        assertThat(post.segment(new float[][] {bg, rest, none, core}, W, H).count()).as("four maps: core seeds").isEqualTo(2);
    }
}
