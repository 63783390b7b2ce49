package org.karyo.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.ModelSpec;

class ClassifierTest {
    private static final List<Plane> CROPS = SyntheticCrops.disksAndRings(20, 24, 3).crops().stream()
            .map(Crop::image).toList();

    @Test
    void predictionLeavesNoArraysBehindInTheModelManager() {
        ModelSpec spec = ModelSpec.resnet(Architecture.RESNET18, 3, 2, 32);
        try (Classifier c = Classifier.initialized(spec, List.of("a", "b"), PercentileScaling.DEFAULT, 1)) {
            c.predictProba(CROPS);
            int before = c.model().getNDManager().getManagedArrays().size();
            for (int i = 0; i < 3; i++) {
                c.predictProba(CROPS);
            }
            assertThat(c.model().getNDManager().getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void probabilitiesSumToOneAndBatchingDoesNotChangeThem() {
        ModelSpec spec = ModelSpec.compact(1, 3, 24);
        try (Classifier c = Classifier.initialized(spec, List.of("a", "b", "c"), PercentileScaling.DEFAULT, 2)) {
            float[][] all = c.predictProba(CROPS);
            assertThat(all.length).isEqualTo(CROPS.size());
            for (float[] row : all) {
                assertThat(row[0] + row[1] + row[2]).isCloseTo(1f, within(1e-5f));
            }
            float[][] one = c.predictProba(CROPS.subList(33, 34));
            assertThat(one[0]).containsExactly(all[33], within(1e-5f));
        }
    }

    @Test
    void sameSeedGivesTheSameInitialWeights() {
        ModelSpec spec = ModelSpec.compact(1, 2, 24);
        try (Classifier a = Classifier.initialized(spec, List.of("a", "b"), PercentileScaling.DEFAULT, 9);
             Classifier b = Classifier.initialized(spec, List.of("a", "b"), PercentileScaling.DEFAULT, 9)) {
            float[][] pa = a.predictProba(CROPS.subList(0, 4));
            float[][] pb = b.predictProba(CROPS.subList(0, 4));
            IntStream.range(0, 4).forEach(i -> assertThat(pa[i]).containsExactly(pb[i]));
        }
    }

    @Test
    void loadingAFolderWithoutAClassifierIsAnInputError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Classifier.PROPERTIES), "architecture=RESNET99\n");
        assertThatThrownBy(() -> Classifier.load(dir))
                .isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("bad classifier description");
    }
}
