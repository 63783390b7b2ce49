package org.karyo.learn.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.karyo.learn.infer.InferenceEngine;
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

    @Test
    void onnxRuntimeAndPytorchGiveTheSameMapsOnAnOddSizedImage() {
        int w = 71;
        int h = 53;
        float[] image = noise(w * h, 1);
        float[][] torch;
        float[][] ort;
        try (PixelClassifier net = PixelClassifier.create(16, 3)) {
            RunningStatistics.randomise(net.block(), 4);
            InferenceEngine.use(InferenceEngine.PYTORCH);
            torch = net.predict(image, w, h);
            InferenceEngine.use(InferenceEngine.ONNXRUNTIME);
            ort = net.predict(image, w, h);
        }
        double max = 0;
        for (int c = 0; c < PixelClassifier.CLASSES; c++) {
            for (int i = 0; i < w * h; i++) max = Math.max(max, Math.abs(torch[c][i] - ort[c][i]));
        }
        assertThat(max).isLessThan(1e-4);
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
