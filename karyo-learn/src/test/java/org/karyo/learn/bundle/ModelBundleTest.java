package org.karyo.learn.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.KaryoInputException;
import org.karyo.crop.CropMode;
import org.karyo.crop.CropSettings;
import org.karyo.image.Plane;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.SplitSettings;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.Classifier;
import org.karyo.learn.train.TrainingSettings;

class ModelBundleTest {
    @TempDir
    Path dir;

    private static final ModelSpec SPEC = ModelSpec.compact(1, 2, 24);
    private static final CropSettings RECIPE = new CropSettings(48, CropMode.WINDOW, 0.3, true);

    static BundleInfo info() {
        return new BundleInfo(BundleInfo.FORMAT, "2026-01-01T00:00:00Z", SPEC, List.of("a", "b"), 24,
                new PercentileScaling(2, 99), RECIPE, "dataset", TrainingSettings.DEFAULT, SplitSettings.DEFAULT,
                new BundleInfo.DataSummary("ds", "sha256:00", 10, Map.of("a", 5, "b", 5), 4, 6, 2, 2, null),
                new BundleInfo.TrainingSummary(3, 2, 1.5, null, 0), java.util.Collections.singletonMap("auc", null),
                Map.of("java", "17"), ModelBundle.WEIGHTS, null);
    }

    private static List<Plane> crops() {
        SplittableRandom r = new SplittableRandom(1);
        return List.of(1, 2, 3).stream().map(i -> {
            float[] px = new float[30 * 30];
            for (int k = 0; k < px.length; k++) px[k] = (float) r.nextDouble(0, 1000);
            return new Plane(30, 30, 16, px);
        }).toList();
    }

    @Test
    void roundTripKeepsDescriptionAndPredictions() throws Exception {
        Path model = dir.resolve("m");
        float[][] before;
        try (Classifier c = Classifier.initialized(SPEC, List.of("a", "b"), new PercentileScaling(2, 99), 7)) {
            before = c.predictProba(crops());
            ModelBundle.write(model, c, info(), staging -> Files.writeString(staging.resolve("extra.txt"), "x"));
        }
        assertThat(model.resolve("extra.txt")).hasContent("x");
        assertThat(Files.readString(model.resolve(ModelBundle.INFO)))
                .contains("\"crop_recipe\"", "\"input_size\": 24", "\"fingerprint\": \"sha256:00\"", "\"auc\": null");
        try (ModelBundle b = ModelBundle.open(model)) {
            assertThat(b.info()).isEqualTo(info());
            assertThat(b.info().cropRecipe()).isEqualTo(RECIPE);
            assertThat(b.classifier().predictProba(crops())).isDeepEqualTo(before);
        }
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).as("no staging folder left").containsExactly(model);
        }
    }

    @Test
    void replacesAnOlderBundleButNotOtherFolders() throws Exception {
        Path model = dir.resolve("m");
        try (Classifier c = Classifier.initialized(SPEC, List.of("a", "b"), PercentileScaling.DEFAULT, 1)) {
            ModelBundle.write(model, c, info(), s -> Files.writeString(s.resolve("v"), "1"));
            ModelBundle.write(model, c, info(), s -> Files.writeString(s.resolve("v"), "2"));
            assertThat(model.resolve("v")).hasContent("2");
            Path other = Files.createDirectories(dir.resolve("other"));
            Files.writeString(other.resolve("keep.txt"), "mine");
            assertThatThrownBy(() -> ModelBundle.write(other, c, info(), s -> { }))
                    .isInstanceOf(KaryoInputException.class).hasMessageContaining("holds no model");
            assertThat(other.resolve("keep.txt")).hasContent("mine");
        }
    }

    @Test
    void corruptOrForeignBundlesAreInputErrors() throws Exception {
        Path model = dir.resolve("m");
        try (Classifier c = Classifier.initialized(SPEC, List.of("a", "b"), PercentileScaling.DEFAULT, 1)) {
            ModelBundle.write(model, c, info(), s -> { });
        }
        Path json = model.resolve(ModelBundle.INFO);
        String good = Files.readString(json);
        Files.writeString(json, good.substring(0, good.length() / 2));
        assertThatThrownBy(() -> ModelBundle.open(model)).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("corrupt model description");
        Files.writeString(json, good.replace(BundleInfo.FORMAT, "other/9"));
        assertThatThrownBy(() -> ModelBundle.open(model)).hasMessageContaining("not a karyo model");
        Files.writeString(json, good.replace("\"input_channels\": 1", "\"input_channels\": 5"));
        assertThatThrownBy(() -> ModelBundle.open(model)).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("input channels");
        Files.writeString(json, good);
        Files.write(model.resolve(ModelBundle.WEIGHTS), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ModelBundle.open(model)).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("cannot load weights");
        assertThatThrownBy(() -> ModelBundle.open(dir.resolve("missing"))).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("model not found");
    }

    @Test
    void onnxRuntimeAndPytorchGiveTheSameProbabilities() throws Exception {
        Path model = dir.resolve("engines");
        try (Classifier c = Classifier.initialized(SPEC, List.of("a", "b"), new PercentileScaling(2, 99), 3)) {
            // Non-trivial batch-norm statistics, so a mistake in folding them would show.
            org.karyo.learn.model.RunningStatistics.randomise(c.block(), 4);
            ModelBundle.write(model, c, info(), staging -> { });
        }
        List<Plane> crops = new java.util.ArrayList<>();
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 70; i++) {   // more than two batches of 32
            float[] px = new float[30 * 30];
            for (int k = 0; k < px.length; k++) px[k] = (float) r.nextDouble(0, 1000) * (k % 30 < 15 ? 1 : i / 70f);
            crops.add(new Plane(30, 30, 16, px));
        }
        float[][] torch;
        float[][] ort;
        try (ModelBundle b = ModelBundle.open(model, org.karyo.learn.infer.InferenceEngine.PYTORCH)) {
            assertThat(b.inferenceEngine()).isEqualTo(org.karyo.learn.infer.InferenceEngine.PYTORCH);
            torch = b.predictProba(crops);
        }
        try (ModelBundle b = ModelBundle.open(model, org.karyo.learn.infer.InferenceEngine.ONNXRUNTIME)) {
            assertThat(b.inferenceEngine()).isEqualTo(org.karyo.learn.infer.InferenceEngine.ONNXRUNTIME);
            ort = b.predictProba(crops);
        }
        assertThat(ort).hasNumberOfRows(70);
        double spread = 0;
        for (int i = 0; i < 70; i++) {
            for (int k = 0; k < 2; k++) {
                assertThat(ort[i][k]).isCloseTo(torch[i][k], org.assertj.core.data.Offset.offset(1e-4f));
            }
            spread = Math.max(spread, Math.abs(torch[i][1] - torch[0][1]));
        }
        assertThat(spread).as("the crops get different answers, so agreement means something").isGreaterThan(0.01);
    }
}
