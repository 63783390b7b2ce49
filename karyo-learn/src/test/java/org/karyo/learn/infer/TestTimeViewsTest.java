package org.karyo.learn.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestTimeViewsTest {
    /** 3 x 3 with all values distinct, so every symmetry gives a different image. */
    private static final float[] CROP = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void viewsAreTheSymmetriesOfTheSquareOriginalFirst() {
        List<float[]> d = TestTimeViews.DIHEDRAL.views(CROP, 3);
        assertThat(d).hasSize(8);
        assertThat(d.get(0)).containsExactly(CROP);
        assertThat(d.get(1)).containsExactly(3, 2, 1, 6, 5, 4, 9, 8, 7); // left-right
        assertThat(d.get(2)).containsExactly(7, 8, 9, 4, 5, 6, 1, 2, 3); // top-bottom
        assertThat(d.get(3)).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1); // half turn
        assertThat(d.get(4)).containsExactly(1, 4, 7, 2, 5, 8, 3, 6, 9); // transpose
        Set<List<Float>> distinct = new HashSet<>();
        for (float[] v : d) {
            List<Float> l = new ArrayList<>();
            for (float f : v) l.add(f);
            distinct.add(l);
        }
        assertThat(distinct).hasSize(8);
        assertThat(TestTimeViews.FLIPS.views(CROP, 3)).hasSize(4);
        assertThat(TestTimeViews.NONE.views(CROP, 3)).hasSize(1);
    }

    @Test
    void probabilitiesAreAveragedOverEachCropsOwnViews() {
        // A "network" that answers the top-left pixel's share: views of one crop differ, crops do not mix.
        float[] other = {10, 0, 0, 0, 0, 0, 0, 0, 30};
        float[][] p = TestTimeViews.FLIPS.predict(List.of(CROP, other), 3, views -> views.stream()
                .map(v -> new float[] {v[0] / 10f, 1 - v[0] / 10f}).toArray(float[][]::new));
        // Crop 1's corners 1, 3, 7, 9 -> mean 5 -> 0.5; crop 2's corners 10, 0, 0, 30 -> mean 10 -> 1.0.
        assertThat(p[0][0]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(p[1][0]).isCloseTo(1.0f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(p[1][1]).isCloseTo(0.0f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void aCropOfTheWrongSizeOrAnUnknownModeIsRefused() {
        assertThatThrownBy(() -> TestTimeViews.FLIPS.views(new float[8], 3)).hasMessageContaining("8 pixels");
        assertThatThrownBy(() -> TestTimeViews.parse("rotations")).hasMessageContaining("none, flips or dihedral");
        assertThat(TestTimeViews.parse("Dihedral")).isEqualTo(TestTimeViews.DIHEDRAL);
    }
}
