package org.karyo.bench;

import org.karyo.image.LabelImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CrowdingTest {
    /** Nuclei 1 and 2 share an edge, 3 lies 2 px from 2 along 5 px (an annotator's gap), 4 is alone. */
    private static LabelImage field() {
        int w = 40;
        int h = 20;
        int[] lab = new int[w * h];
        fill(lab, w, 2, 2, 5, 5, 1);
        fill(lab, w, 7, 2, 5, 5, 2);
        fill(lab, w, 13, 2, 5, 5, 3);
        fill(lab, w, 30, 12, 5, 5, 4);
        return new LabelImage(w, h, lab, 4);
    }

    private static void fill(int[] lab, int w, int x0, int y0, int sx, int sy, int id) {
        for (int y = y0; y < y0 + sy; y++) for (int x = x0; x < x0 + sx; x++) lab[y * w + x] = id;
    }

    @Test
    void nucleiWithAnotherWithinTwoPixelsAlongThreeCountAsTouching() {
        assertThat(Crowding.touchingShare(field())).isCloseTo(3 / 4.0, within(1e-9));
    }

    @Test
    void aCornerContactIsNotTouching() {
        int w = 12;
        int[] lab = new int[w * w];
        fill(lab, w, 0, 0, 4, 4, 1);
        fill(lab, w, 5, 5, 4, 4, 2);
        // Only the corner pixel (3, 3) has the other nucleus within 2 px: one pixel, not three.
        assertThat(Crowding.touchingShare(new LabelImage(w, w, lab, 2))).isZero();
    }

    @Test
    void coverIsTheLabelledShareOfThePixels() {
        assertThat(Crowding.cover(field())).isCloseTo(4 * 25 / 800.0, within(1e-9));
    }
}
