package org.karyo.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackPathsTest {
    private static RgbImage black(int w, int h) {
        return new RgbImage(w, h, new int[w * h]);
    }

    /** Paths from rows {id, parent, frame, x, y}. */
    private static TrackPaths paths(int tail, double[]... rows) {
        TrackPaths paths = new TrackPaths(tail);
        for (double[] r : rows) paths.add((int) r[0], (int) r[1], (int) r[2], r[3], r[4]);
        return paths;
    }

    private static int at(RgbImage img, int x, int y) {
        return img.rgb()[y * img.width() + x];
    }

    @Test
    void daughtersForkFromTheirMotherInHerColour() {
        TrackPaths paths = paths(0, new double[]{1, 0, 0, 10, 20}, new double[]{1, 0, 1, 20, 20},
                new double[]{2, 1, 2, 20, 10}, new double[]{3, 1, 2, 20, 30});
        RgbImage img = black(40, 40);
        paths.draw(img, 2);
        int mother = TrackPaths.lineageColour(1);
        assertThat(paths.colourOf(2)).isEqualTo(mother);
        assertThat(paths.colourOf(3)).isEqualTo(mother);
        assertThat(at(img, 15, 20)).isEqualTo(mother); // the mother's own path
        assertThat(at(img, 20, 15)).isEqualTo(mother); // mother -> first daughter
        assertThat(at(img, 20, 25)).isEqualTo(mother); // mother -> second daughter
        assertThat(at(img, 5, 5)).isZero();
        assertThat(paths.colourOf(9)).isEqualTo(-1);
    }

    @Test
    void onlyTheLastFramesOfAPathAreDrawnAndUnrelatedTracksDiffer() {
        TrackPaths paths = paths(1, new double[]{1, 0, 0, 0, 5}, new double[]{1, 0, 1, 10, 5},
                new double[]{1, 0, 2, 20, 5}, new double[]{2, 0, 2, 5, 15});
        RgbImage img = black(30, 20);
        paths.draw(img, 2);
        assertThat(at(img, 5, 5)).as("frame 0 -> 1 is older than the tail").isZero();
        assertThat(at(img, 15, 5)).isEqualTo(TrackPaths.lineageColour(1));
        assertThat(TrackPaths.lineageColour(2)).isNotEqualTo(TrackPaths.lineageColour(1));
    }

    @Test
    void pathsLeavingTheImageAreClipped() {
        TrackPaths paths = paths(0, new double[]{1, 0, 0, -5, 2}, new double[]{1, 0, 1, 50, 2});
        RgbImage img = black(10, 4);
        paths.draw(img, 1);
        assertThat(at(img, 0, 2)).isEqualTo(TrackPaths.lineageColour(1));
        assertThat(at(img, 9, 2)).isEqualTo(TrackPaths.lineageColour(1));
    }
}
