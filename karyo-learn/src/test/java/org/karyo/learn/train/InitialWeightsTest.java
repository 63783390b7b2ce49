package org.karyo.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.model.ModelSpec;

class InitialWeightsTest {
    private static final int SIZE = 16;
    private static final CropSet DATA = SyntheticCrops.disksAndRings(8, SIZE, 3);
    private static final List<Plane> IMAGES = DATA.crops().stream().map(Crop::image).toList();

    private static Classifier source() {
        return Classifier.initialized(ModelSpec.compact(1, 2, SIZE), List.of("solid", "ring"), PercentileScaling.DEFAULT, 1);
    }

    private static void assertSameProbabilities(Classifier a, Classifier b) {
        float[][] pa = a.predictProba(IMAGES);
        float[][] pb = b.predictProba(IMAGES);
        for (int i = 0; i < pa.length; i++) {
            assertThat(pb[i]).containsExactly(pa[i], within(1e-6f));
        }
    }

    private static float[] values(Classifier c, int index) {
        NDArray a = c.block().getParameters().get(index).getValue().getArray();
        return a.toFloatArray();
    }

    @Test
    void aModelFolderGivesTheSameNetwork(@TempDir Path dir) throws Exception {
        try (Classifier src = source();
             Classifier target = Classifier.initialized(src.spec(), src.classes(), src.scaling(), 99)) {
            src.save(dir.resolve("m"));
            InitialWeights.Applied applied = InitialWeights.apply(dir.resolve("m"), target);
            assertThat(applied.kind()).isEqualTo("karyo model");
            assertThat(applied.headReinitialised()).isFalse();
            assertSameProbabilities(src, target);
        }
    }

    @Test
    void aDjlModelFileWithItsHeaderIsReadToo(@TempDir Path dir) throws Exception {
        try (Classifier src = source();
             Classifier target = Classifier.initialized(src.spec(), src.classes(), src.scaling(), 99)) {
            src.model().save(dir, "net");
            Path file = dir.resolve("net-0000.params");
            assertThat(Files.readAllBytes(file)).startsWith("DJL@".getBytes());
            InitialWeights.Applied applied = InitialWeights.apply(file, target);
            assertThat(applied.kind()).isEqualTo("DJL parameters");
            assertSameProbabilities(src, target);
        }
    }

    @Test
    void anotherClassCountKeepsTheTrunkAndReinitialisesTheHead(@TempDir Path dir) throws Exception {
        ModelSpec three = ModelSpec.compact(1, 3, SIZE);
        List<String> classes = List.of("a", "b", "c");
        try (Classifier src = source();
             Classifier target = Classifier.initialized(three, classes, PercentileScaling.DEFAULT, 99);
             Classifier fresh = Classifier.initialized(three, classes, PercentileScaling.DEFAULT, 99)) {
            src.save(dir.resolve("m"));
            assertThat(InitialWeights.apply(dir.resolve("m"), target).headReinitialised()).isTrue();
            List<Pair<String, Parameter>> params = target.block().getParameters().stream().toList();
            String head = params.get(params.size() - 1).getKey().replaceAll("_.*", "_");
            for (int i = 0; i < params.size(); i++) {
                float[] expected = params.get(i).getKey().startsWith(head) ? values(fresh, i) : values(src, i);
                assertThat(values(target, i)).as(params.get(i).getKey()).containsExactly(expected);
            }
        }
    }

    @Test
    void weightsOfAnotherNetworkAreRefused(@TempDir Path dir) throws Exception {
        try (Classifier mlp = Classifier.initialized(ModelSpec.mlp(1, 2, SIZE), List.of("solid", "ring"),
                PercentileScaling.DEFAULT, 1);
             Classifier target = source()) {
            mlp.save(dir.resolve("mlp"));
            assertThatThrownBy(() -> InitialWeights.apply(dir.resolve("mlp"), target))
                    .isInstanceOf(KaryoInputException.class).hasMessageContaining("not weights of a compact network");
            assertThatThrownBy(() -> InitialWeights.apply(dir.resolve("none.params"), target))
                    .isInstanceOf(KaryoInputException.class).hasMessageContaining("not found");
        }
    }
}
