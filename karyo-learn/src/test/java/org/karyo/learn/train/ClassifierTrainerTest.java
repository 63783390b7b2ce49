package org.karyo.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.image.Plane;
import org.karyo.learn.data.Augmentation;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.GroupedSplitter;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.Split;
import org.karyo.learn.data.SplitSettings;
import org.karyo.learn.model.ModelSpec;

class ClassifierTrainerTest {
    private static final int SIZE = 16;
    private static final CropSet DATA = SyntheticCrops.disksAndRings(48, SIZE, 7);
    private static final Split SPLIT = GroupedSplitter.split(DATA, new SplitSettings(0.6, 0.2, 1));
    private static final TrainingSettings QUICK = new TrainingSettings(8, 16, 3e-3f, 0f, Schedule.COSINE, 8, true,
            new Augmentation(10, 0.05, 0.05, 0.1, true, 0.05), 11, 0, 0);

    private static TrainingResult train(TrainingSettings settings) {
        return ClassifierTrainer.train(DATA, SPLIT, ModelSpec.compact(1, 2, SIZE), PercentileScaling.DEFAULT, settings);
    }

    private static List<Plane> testImages() {
        return DATA.select(SPLIT.test()).stream().map(Crop::image).toList();
    }

    @Test
    void learnsToTellDisksFromRingsOnHeldOutCrops() {
        TrainingResult result = train(QUICK);
        try (Classifier c = result.classifier()) {
            float[][] p = c.predictProba(testImages());
            List<Crop> test = DATA.select(SPLIT.test());
            long correct = IntStream.range(0, test.size())
                    .filter(i -> (p[i][1] > p[i][0] ? 1 : 0) == test.get(i).label()).count();
            assertThat((double) correct / test.size()).isGreaterThanOrEqualTo(0.9);
            EpochStats first = result.history().get(0);
            EpochStats last = result.history().get(result.history().size() - 1);
            assertThat(last.trainLoss()).isLessThan(first.trainLoss());
        }
    }

    @Test
    void theMlpBaselineLearnsTooWithTheSameSettings() {
        TrainingResult result = ClassifierTrainer.train(DATA, SPLIT, ModelSpec.mlp(1, 2, SIZE), PercentileScaling.DEFAULT,
                QUICK);
        try (Classifier c = result.classifier()) {
            float[][] p = c.predictProba(testImages());
            List<Crop> test = DATA.select(SPLIT.test());
            long correct = IntStream.range(0, test.size())
                    .filter(i -> (p[i][1] > p[i][0] ? 1 : 0) == test.get(i).label()).count();
            assertThat((double) correct / test.size()).isGreaterThanOrEqualTo(0.8);
        }
    }

    @Test
    void sameSeedGivesTheSameHistory() {
        TrainingSettings two = QUICK.withEpochs(2);
        TrainingResult a = train(two);
        TrainingResult b = train(two);
        a.classifier().close();
        b.classifier().close();
        assertThat(a.history()).extracting(EpochStats::trainLoss)
                .containsExactlyElementsOf(b.history().stream().map(EpochStats::trainLoss).toList());
        assertThat(a.history()).extracting(EpochStats::validationLoss)
                .containsExactlyElementsOf(b.history().stream().map(EpochStats::validationLoss).toList());
    }

    @Test
    void keepsTheEpochWithTheLowestValidationLoss() {
        TrainingResult result = train(QUICK.withEpochs(4));
        try (Classifier c = result.classifier()) {
            double min = result.history().stream().mapToDouble(EpochStats::validationLoss).min().orElseThrow();
            assertThat(result.history().get(result.bestEpoch() - 1).validationLoss()).isEqualTo(min);
            List<Crop> val = DATA.select(SPLIT.validation());
            float[][] p = c.predictProba(val.stream().map(Crop::image).toList());
            double loss = IntStream.range(0, val.size()).mapToDouble(i -> -Math.log(p[i][val.get(i).label()]))
                    .average().orElseThrow();
            assertThat(loss).isCloseTo(min, within(1e-4));
        }
    }

    @Test
    void savedAndLoadedClassifierGivesTheSameProbabilities(@TempDir Path dir) throws Exception {
        TrainingResult result = train(QUICK.withEpochs(1));
        float[][] before;
        try (Classifier c = result.classifier()) {
            before = c.predictProba(testImages());
            c.save(dir.resolve("model"));
        }
        try (Classifier loaded = Classifier.load(dir.resolve("model"))) {
            assertThat(loaded.classes()).containsExactly("solid", "ring");
            float[][] after = loaded.predictProba(testImages());
            for (int i = 0; i < before.length; i++) {
                assertThat(after[i]).containsExactly(before[i], within(1e-6f));
                assertThat(after[i][0] + after[i][1]).isCloseTo(1f, within(1e-5f));
            }
        }
    }
}
