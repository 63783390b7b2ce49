package org.karyo.learn.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.karyo.learn.infer.InferenceEngine;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.learn.model.RunningStatistics;

/** Prediction is the same on either engine and whether or not an image is cut into tiles. */
class PixelClassifierTest {
    @AfterEach
    void automaticEngineAgain() {
        InferenceEngine.use(InferenceEngine.AUTO);
    }

    private static float[] noise(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextDouble();
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {PixelClassifier.CLASSES, PixelClassifier.CLASSES_WITH_CORES})
    void onnxRuntimeAndPytorchGiveTheSameMapsOnAnOddSizedImage(int classes) {
        int w = 71;
        int h = 53;
        float[] image = noise(w * h, 1);
        float[][] torch;
        float[][] ort;
        try (PixelClassifier net = PixelClassifier.create(16, PixelClassifier.DEFAULT_FIELD_OF_VIEW, classes, 3)) {
            RunningStatistics.randomise(net.block(), 4);
            InferenceEngine.use(InferenceEngine.PYTORCH);
            torch = net.predict(image, w, h);
            InferenceEngine.use(InferenceEngine.ONNXRUNTIME);
            ort = net.predict(image, w, h);
        }
        assertThat(torch).hasNumberOfRows(classes);
        assertThat(ort).hasNumberOfRows(classes);
        double max = 0;
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < w * h; i++) max = Math.max(max, Math.abs(torch[c][i] - ort[c][i]));
            sum += torch[c][0];
        }
        assertThat(max).isLessThan(1e-4);
        assertThat(sum).as("probabilities over all classes").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(torch[0][0]).isNotEqualTo(torch[0][1]); // not a constant map
    }

    @Test
    void eachLevelDoublesTheLargestDilationAndTheViewFollows() {
        assertThat(PixelClassifier.dilations(45)).containsExactly(1, 2, 4, 8, 4, 2, 1);
        assertThat(PixelClassifier.dilations(93)).containsExactly(1, 2, 4, 8, 16, 8, 4, 2, 1);
        assertThat(PixelClassifier.dilations(21)).containsExactly(1, 2, 4, 2, 1);
        for (int view : PixelClassifier.FIELDS_OF_VIEW) {
            int reach = 0;
            for (int d : PixelClassifier.dilations(view)) reach += d; // each 3x3 layer reaches d pixels further
            assertThat(2 * reach + 1).isEqualTo(view);
        }
        assertThatThrownBy(() -> PixelClassifier.dilations(60)).hasMessageContaining("45, 93")
                .hasMessageContaining("not 60");
    }

    @Test
    void aPixelDependsOnExactlyItsFieldOfView() {
        int side = 121;
        int c = side / 2;
        float[] image = noise(side * side, 9);
        try (PixelClassifier net = PixelClassifier.create(16, 93, 4)) {
            InferenceEngine.use(InferenceEngine.PYTORCH);
            assertThat(net.fieldOfView()).isEqualTo(93);
            float before = net.predict(image, side, side)[1][c * side + c];
            float[] inside = image.clone();
            inside[c * side + c + 46] += 5; // 46 px to the right: the edge of the view
            float[] outside = image.clone();
            outside[c * side + c + 47] += 5;
            assertThat(net.predict(inside, side, side)[1][c * side + c]).isNotEqualTo(before);
            assertThat(net.predict(outside, side, side)[1][c * side + c]).isEqualTo(before);
        }
    }

    @Test
    void mapsAveragedOverAllEightViewsFollowTheImageWhenItIsMirroredOrTransposed() {
        int w = 37;
        int h = 23; // not square: a transpose changes the shape
        float[] image = noise(w * h, 3);
        float[] mirrored = new float[w * h];
        float[] transposed = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mirrored[y * w + (w - 1 - x)] = image[y * w + x];
                transposed[x * h + y] = image[y * w + x];
            }
        }
        try (PixelClassifier net = PixelClassifier.create(16, 6)) {
            RunningStatistics.randomise(net.block(), 4);
            InferenceEngine.use(InferenceEngine.PYTORCH);
            float[][] one = net.predict(image, w, h);
            assertThat(net.predict(image, w, h, TestTimeViews.NONE)[1]).containsExactly(one[1]);
            float[][] all = net.predict(image, w, h, TestTimeViews.DIHEDRAL);
            float[][] ofMirrored = net.predict(mirrored, w, h, TestTimeViews.DIHEDRAL);
            float[][] ofTransposed = net.predict(transposed, h, w, TestTimeViews.DIHEDRAL);
            float[][] flips = net.predict(image, w, h, TestTimeViews.FLIPS);
            float[][] flipsOfMirrored = net.predict(mirrored, w, h, TestTimeViews.FLIPS);
            double mirrorGap = 0, transposeGap = 0, oneGap = 0, sum = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    mirrorGap = Math.max(mirrorGap, Math.abs(all[1][y * w + x] - ofMirrored[1][y * w + (w - 1 - x)]));
                    mirrorGap = Math.max(mirrorGap, Math.abs(flips[0][y * w + x] - flipsOfMirrored[0][y * w + (w - 1 - x)]));
                    transposeGap = Math.max(transposeGap, Math.abs(all[2][y * w + x] - ofTransposed[2][x * h + y]));
                    oneGap = Math.max(oneGap, Math.abs(all[1][y * w + x] - one[1][y * w + x]));
                    sum += all[0][y * w + x] + all[1][y * w + x] + all[2][y * w + x];
                }
            }
            assertThat(mirrorGap).isLessThan(1e-5);
            assertThat(transposeGap).isLessThan(1e-5);
            assertThat(oneGap).as("a random network is not symmetric by itself").isGreaterThan(1e-3);
            assertThat(sum / (w * h)).as("still probabilities").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void tilesStitchIntoWhatOneWindowComputes() {
        tilesStitch(45);
        tilesStitch(93);
    }

    private static void tilesStitch(int view) {
        int w = PixelClassifier.TILE + 90;
        int h = 40;
        float[] image = noise(w * h, 2);
        try (PixelClassifier net = PixelClassifier.create(16, view, 5)) {
            InferenceEngine.use(InferenceEngine.PYTORCH);
            float[][] whole = net.predict(image, w, h); // two tiles across
            int x0 = PixelClassifier.TILE - 60;
            int ww = w - x0;
            float[] window = new float[ww * h];
            for (int y = 0; y < h; y++) System.arraycopy(image, y * w + x0, window, y * ww, ww);
            float[][] part = net.predict(window, ww, h); // one tile
            int radius = net.fieldOfView() / 2;
            double max = 0;
            for (int y = 0; y < h; y++) {
                for (int x = x0 + radius; x < w; x++) {
                    max = Math.max(max, Math.abs(whole[1][y * w + x] - part[1][y * ww + x - x0]));
                }
            }
            assertThat(max).as("pixels on both sides of the tile seam at x = %d", PixelClassifier.TILE).isLessThan(1e-5);
        }
    }
}
