package org.karyo.learn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.train.Classifier;

/** Weight files written before the exportable blocks existed still load, and give the same answers. */
class LegacyWeightsTest {

    static Stream<ModelSpec> specs() {
        return Stream.of(ModelSpec.compact(1, 2, 32),
                ModelSpec.resnet(Architecture.RESNET18, 1, 3, 32),
                new ModelSpec(Architecture.RESNET50, 3, 2, 32, Head.LINEAR, 1024, 0.5f),
                ModelSpec.mlp(1, 2, 16));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void weightsSavedByTheOldLayoutGiveTheSameProbabilitiesInTodaysNetwork(ModelSpec spec, @TempDir Path dir)
            throws Exception {
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < spec.numClasses(); k++) {
            classes.add("class" + k);
        }
        List<float[]> images = images(spec, 5);
        Path weights = dir.resolve("weights.params");
        float[][] expected = new float[images.size()][];
        try (NDManager m = NDManager.newBaseManager(Engines.pytorch().defaultDevice(), Engines.PYTORCH)) {
            Engines.seed(3);
            Block old = LegacyLayouts.build(spec);
            old.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            Models.initialize(old, spec, m);
            RunningStatistics.randomise(old, 4);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(weights)))) {
                old.saveParameters(out);
            }
            float[] p = old.forward(new ParameterStore(m, false), new NDList(batch(m, spec, images)), false)
                    .singletonOrThrow().softmax(1).toFloatArray();
            int k = spec.numClasses();
            for (int i = 0; i < images.size(); i++) {
                expected[i] = Arrays.copyOfRange(p, i * k, (i + 1) * k);
            }
        }
        try (Classifier loaded = Classifier.load(spec, classes, PercentileScaling.DEFAULT, weights)) {
            float[][] actual = loaded.predictRendered(images);
            for (int i = 0; i < images.size(); i++) {
                assertThat(actual[i]).containsExactly(expected[i], within(1e-6f));
            }
        }
        // Not vacuous: the probabilities differ between images, so the weights did something.
        assertThat(expected[0][0]).isNotEqualTo(expected[1][0]);
    }

    private static List<float[]> images(ModelSpec spec, int count) {
        SplittableRandom random = new SplittableRandom(7);
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] img = new float[spec.inputSize() * spec.inputSize()];
            for (int j = 0; j < img.length; j++) {
                img[j] = (float) random.nextDouble();
            }
            images.add(img);
        }
        return images;
    }

    private static NDArray batch(NDManager m, ModelSpec spec, List<float[]> images) {
        return m.create(NchwBatches.pack(images, spec), Models.inputShape(spec, images.size()));
    }
}
