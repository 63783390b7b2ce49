package org.karyo.learn.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.Head;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.model.NchwBatches;
import org.karyo.learn.model.Models;
import org.karyo.learn.model.RunningStatistics;
import org.karyo.learn.train.Classifier;

/** ONNX Runtime on the exported graph computes what DJL computes, for every network Karyo builds. */
class OnnxExportTest {
    private static final int BATCH = 5;

    static Stream<ModelSpec> networks() {
        return Stream.of(ModelSpec.compact(1, 2, 64),
                ModelSpec.compact(1, 3, 64),
                ModelSpec.resnet(Architecture.RESNET18, 1, 2, 64),
                new ModelSpec(Architecture.RESNET34, 3, 3, 32, Head.LINEAR, 1024, 0.5f),
                ModelSpec.resnet(Architecture.RESNET50, 1, 2, 32),
                ModelSpec.mlp(1, 2, 32));
    }

    @ParameterizedTest
    @MethodSource("networks")
    void onnxRuntimeGivesDjlsLogitsAndProbabilities(ModelSpec spec, @TempDir Path dir) throws Exception {
        List<float[]> images = images(spec.inputSize(), 11);
        float[] batch = NchwBatches.pack(images, spec);
        long[] shape = Models.inputShape(spec, BATCH).getShape();
        Path file = dir.resolve("net.onnx");
        float[][] djlLogits;
        float[][] djlProbabilities;
        try (Classifier c = Classifier.initialized(spec, classes(spec), PercentileScaling.DEFAULT, 5)) {
            RunningStatistics.randomise(c.block(), 6);
            djlLogits = logits(c, batch, spec);
            djlProbabilities = c.predictRendered(images);
            OnnxExport.write(c, file);
        }
        try (OrtRunner ort = new OrtRunner(file)) {
            OrtRunner.Outputs out = ort.run(batch, shape);
            for (int i = 0; i < BATCH; i++) {
                for (int k = 0; k < spec.numClasses(); k++) {
                    float expected = djlLogits[i][k];
                    assertThat(Math.abs(out.logits()[i][k] - expected))
                            .as("logit %d,%d of %s", i, k, spec).isLessThan(1e-4f * Math.max(1f, Math.abs(expected)));
                    assertThat(Math.abs(out.probabilities()[i][k] - djlProbabilities[i][k]))
                            .as("probability %d,%d of %s", i, k, spec).isLessThan(1e-4f);
                }
            }
        }
        // Not vacuous: the logits vary between images and the classes.
        assertThat(djlLogits[0][0]).isNotEqualTo(djlLogits[1][0]);
        assertThat(djlLogits[0][0]).isNotEqualTo(djlLogits[0][1]);
    }

    @Test
    void theFileSaysWhatItTakesAndGives(@TempDir Path dir) throws Exception {
        ModelSpec spec = ModelSpec.compact(1, 3, 48);
        Path file = dir.resolve("net.onnx");
        try (Classifier c = Classifier.initialized(spec, List.of("interphase", "mitosis", "apoptosis"),
                new PercentileScaling(2, 99.5), 1)) {
            OnnxExport.write(c, file);
        }
        try (OrtRunner ort = new OrtRunner(file)) {
            Map<String, NodeInfo> inputs = ort.session().getInputInfo();
            assertThat(inputs).containsOnlyKeys(OnnxExport.INPUT);
            assertThat(((TensorInfo) inputs.get(OnnxExport.INPUT).getInfo()).getShape()).containsExactly(-1, 1, 48, 48);
            assertThat(ort.session().getOutputNames()).containsExactly(OnnxExport.LOGITS, OnnxExport.PROBABILITIES);
            Map<String, String> meta = ort.session().getMetadata().getCustomMetadata();
            assertThat(meta.get(ExportMetadata.CLASSES)).isEqualTo("[\"interphase\",\"mitosis\",\"apoptosis\"]");
            assertThat(meta.get(ExportMetadata.NORMALISATION)).contains("\"low_percentile\":2.0", "\"high_percentile\":99.5");
            assertThat(meta.get(ExportMetadata.INPUT)).contains("\"channels\":1", "\"size\":48");
            assertThat(ort.session().getMetadata().getProducerName()).isEqualTo("karyo");
        }
    }

    static List<String> classes(ModelSpec spec) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < spec.numClasses(); k++) {
            names.add("class" + k);
        }
        return names;
    }

    static List<float[]> images(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            float[] img = new float[size * size];
            for (int j = 0; j < img.length; j++) {
                img[j] = (float) random.nextDouble();
            }
            images.add(img);
        }
        return images;
    }

    /** The block's inference forward pass, as {@link Classifier#predictRendered} runs it, before softmax. */
    static float[][] logits(Classifier c, float[] batch, ModelSpec spec) {
        try (NDManager m = NDManager.newBaseManager(Engines.pytorch().defaultDevice(), Engines.PYTORCH)) {
            NDArray x = m.create(batch, Models.inputShape(spec, BATCH));
            float[] flat = c.block().forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            float[][] out = new float[BATCH][spec.numClasses()];
            for (int i = 0; i < BATCH; i++) {
                System.arraycopy(flat, i * spec.numClasses(), out[i], 0, spec.numClasses());
            }
            return out;
        }
    }
}
