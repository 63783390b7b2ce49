package org.karyo.bench;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeamContrastTest {
    private static final int W = 40;
    private static final int H = 20;

    /** Two 15×10 nuclei side by side (x 5–19 and 20–34, y 5–14), touching along 10 px; background 10, inside 110. */
    private static LabelImage pair() {
        int[] lab = new int[W * H];
        for (int y = 5; y < 15; y++) {
            for (int x = 5; x < 20; x++) lab[y * W + x] = 1;
            for (int x = 20; x < 35; x++) lab[y * W + x] = 2;
        }
        return new LabelImage(W, H, lab, 2);
    }

    private static Plane image(boolean darkSeam) {
        float[] px = new float[W * H];
        java.util.Arrays.fill(px, 10f);
        for (int y = 5; y < 15; y++) {
            for (int x = 5; x < 35; x++) {
                boolean nearBackground = y < 7 || y > 12 || x < 7 || x > 32;
                boolean nearSeam = x >= 18 && x <= 21;
                px[y * W + x] = nearBackground || (darkSeam && nearSeam) ? 60f : 110f;
            }
        }
        return Plane.of(W, H, px);
    }

    @Test
    void aSeamAsDarkAsTheOuterEdgeHasDepthOne() {
        List<SeamContrast.Pair> pairs = SeamContrast.measure(image(true), pair(), null);
        assertThat(pairs).hasSize(1);
        SeamContrast.Pair p = pairs.get(0);
        assertThat(p.contact()).isEqualTo(10);
        assertThat(p.edge()).isCloseTo(0.5, within(1e-9));
        assertThat(p.seam()).isCloseTo(0.5, within(1e-9));
        assertThat(p.depth()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aSeamThatDoesNotShowIsShallow() {
        SeamContrast.Pair p = SeamContrast.measure(image(false), pair(), null).get(0);
        // 40 seam pixels, the 16 of them near the top and bottom edges dark (50 above background), the rest 100.
        assertThat(p.seam()).isCloseTo(0.8, within(1e-9));
        assertThat(p.depth()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void unlabelledPixelsBetweenTwoNucleiBelongToTheirSeam() {
        LabelImage touching = pair();
        int[] lab = touching.labels().clone();
        for (int y = 5; y < 15; y++) lab[y * W + 20] = 0; // a one-pixel gap, as annotators often leave
        Plane img = image(false);
        for (int y = 5; y < 15; y++) img.pixels()[y * W + 20] = 10f;
        SeamContrast.Pair gap = SeamContrast.measure(img, new LabelImage(W, H, lab, 2), null).get(0);
        assertThat(gap.contact()).isZero();
        // x = 19, the gap and x = 21: 30 pixels, the gap's 10 at background level.
        assertThat(gap.seam()).isLessThan(SeamContrast.measure(image(false), touching, null).get(0).seam() - 0.2);
    }
}
