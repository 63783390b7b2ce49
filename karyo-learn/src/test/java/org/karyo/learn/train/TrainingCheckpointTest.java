package org.karyo.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.learn.data.Augmentation;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.GroupedSplitter;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.Split;
import org.karyo.learn.data.SplitSettings;
import org.karyo.learn.model.ModelSpec;

/** A run killed after epoch 2 and resumed ends exactly where the same run without the kill ends. */
class TrainingCheckpointTest {
    private static final int SIZE = 16;
    private static final CropSet DATA = SyntheticCrops.disksAndRings(24, SIZE, 7);
    private static final Split SPLIT = GroupedSplitter.split(DATA, new SplitSettings(0.6, 0.2, 1));
    private static final ModelSpec SPEC = ModelSpec.compact(1, 2, SIZE);
    // Unbalanced sampling carries a shuffle across epochs; augmentation and dropout draw random numbers.
    private static final TrainingSettings FOUR = new TrainingSettings(4, 16, 3e-3f, 1e-4f, Schedule.COSINE, 8, false,
            new Augmentation(10, 0.05, 0.05, 0.1, true, 0.05), 11, 0, 0);

    private static TrainingResult train(TrainingListener listener, TrainingOptions options) throws KaryoInputException {
        return ClassifierTrainer.train(DATA, SPLIT, SPEC, PercentileScaling.DEFAULT, FOUR, listener, options);
    }

    private static List<Plane> images() {
        return DATA.crops().stream().map(Crop::image).toList();
    }

    @Test
    void resumingAfterAKillGivesTheUninterruptedRun(@TempDir Path dir) throws Exception {
        TrainingResult whole = train(TrainingListener.NONE, new TrainingOptions(null, dir.resolve("whole"), false));
        float[][] expected;
        try (Classifier c = whole.classifier()) {
            expected = c.predictProba(images());
        }
        assertThat(dir.resolve("whole").resolve(TrainingOptions.CHECKPOINT_FILE)).isRegularFile();

        Path killed = dir.resolve("killed");
        TrainingListener killAfterTwo = new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int batches) {
                if (epoch == 3) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> train(killAfterTwo, new TrainingOptions(null, killed, false))).hasMessage("killed");
        try (var files = Files.list(killed)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(TrainingOptions.CHECKPOINT_FILE);
        }

        TrainingResult resumed = train(TrainingListener.NONE, new TrainingOptions(null, killed, true));
        try (Classifier c = resumed.classifier()) {
            assertThat(resumed.resumedAfterEpoch()).isEqualTo(2);
            assertThat(resumed.history()).hasSize(4);
            assertThat(resumed.history()).extracting(EpochStats::trainLoss)
                    .containsExactlyElementsOf(whole.history().stream().map(EpochStats::trainLoss).toList());
            assertThat(resumed.history()).extracting(EpochStats::validationLoss)
                    .containsExactlyElementsOf(whole.history().stream().map(EpochStats::validationLoss).toList());
            assertThat(resumed.bestEpoch()).isEqualTo(whole.bestEpoch());
            float[][] got = c.predictProba(images());
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).containsExactly(expected[i]);
            }
        }
    }

    @Test
    void aCheckpointOfAnotherRunIsRefused(@TempDir Path dir) throws Exception {
        train(TrainingListener.NONE, new TrainingOptions(null, dir, false)).classifier().close();
        TrainingSettings other = FOUR.withSeed(12);
        assertThatThrownBy(() -> ClassifierTrainer.train(DATA, SPLIT, SPEC, PercentileScaling.DEFAULT, other,
                TrainingListener.NONE, new TrainingOptions(null, dir, true)))
                .isInstanceOf(KaryoInputException.class).hasMessageContaining("other data, split, network or settings");
        assertThatThrownBy(() -> train(TrainingListener.NONE, new TrainingOptions(null, dir.resolve("none"), true)))
                .isInstanceOf(KaryoInputException.class).hasMessageContaining("no training checkpoint");
    }
}
