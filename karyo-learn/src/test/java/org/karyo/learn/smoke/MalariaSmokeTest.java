package org.karyo.learn.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropDatasetReader;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.GroupRule;
import org.karyo.learn.data.GroupedSplitter;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.Split;
import org.karyo.learn.data.SplitSettings;
import org.karyo.learn.eval.Interval;
import org.karyo.learn.eval.Metrics;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.Classifier;
import org.karyo.learn.train.ClassifierTrainer;
import org.karyo.learn.train.EpochStats;
import org.karyo.learn.train.TrainingResult;
import org.karyo.learn.train.TrainingSettings;

/**
 * Real-data smoke run, minutes long, so off by default: trains the compact CNN on the NIH malaria
 * crops split by patient and writes the test metrics to target/learn-smoke/malaria.txt.
 * Run with {@code -Dkaryo.smoke=true}; {@code -Dkaryo.smoke.seconds=N} bounds training time
 * (default 240), {@code -Dkaryo.smoke.epochs} sets the schedule length (default 12).
 */
@EnabledIfSystemProperty(named = "karyo.smoke", matches = "true")
class MalariaSmokeTest {

    @Test
    void compactCnnSplitByPatientBeatsChanceClearly() throws Exception {
        Path folder = Path.of(System.getProperty("karyo.shared", "../shared"), "data", "malaria-nih");
        double seconds = Double.parseDouble(System.getProperty("karyo.smoke.seconds", "240"));
        int size = Integer.parseInt(System.getProperty("karyo.smoke.size", "48"));
        // The cosine schedule spans maxEpochs: keep it reachable within the time limit.
        int epochs = Integer.parseInt(System.getProperty("karyo.smoke.epochs", "12"));
        long t0 = System.nanoTime();
        CropSet data = CropDatasetReader.read(folder, GroupRule.fileNamePattern("^(C\\d+)"));
        Split split = GroupedSplitter.split(data, new SplitSettings(0.7, 0.15, 42));
        assertNoPatientShared(data, split);
        double readSeconds = (System.nanoTime() - t0) / 1e9;

        TrainingSettings settings = TrainingSettings.DEFAULT.withEpochs(epochs).withLimits(0, seconds);
        long t1 = System.nanoTime();
        TrainingResult result = ClassifierTrainer.train(data, split, ModelSpec.compact(1, 2, size),
                PercentileScaling.DEFAULT, settings);
        double trainSeconds = (System.nanoTime() - t1) / 1e9;

        List<Crop> test = data.select(split.test());
        int[] truth = test.stream().mapToInt(Crop::label).toArray();
        float[][] proba;
        try (Classifier c = result.classifier()) {
            proba = c.predictProba(test.stream().map(Crop::image).toList());
        }
        Metrics m = Metrics.of(proba, truth, data.classes());
        Interval[] ci = Metrics.intervals(proba, truth, data.classes(), 1000, 0.95, 1);

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "crops %d, patients train/val/test %d/%d/%d, crops %d/%d/%d, read %.1f s",
                data.crops().size(), groups(data, split.train()).size(), groups(data, split.validation()).size(),
                groups(data, split.test()).size(), split.train().size(), split.validation().size(),
                split.test().size(), readSeconds));
        for (EpochStats e : result.history()) {
            lines.add(String.format(Locale.ROOT, "epoch %2d  train loss %.4f acc %.4f  val loss %.4f acc %.4f  lr %.2e  %.1f s",
                    e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(),
                    e.learningRate(), e.seconds()));
        }
        lines.add(String.format(Locale.ROOT, "best epoch %d, training %.0f s", result.bestEpoch(), trainSeconds));
        lines.add(String.format(Locale.ROOT, "TEST accuracy %.4f [%.4f, %.4f]  macroF1 %.4f [%.4f, %.4f]  AUC %.4f [%.4f, %.4f]  ECE %.4f",
                m.accuracy(), ci[0].low(), ci[0].high(), m.macroF1(), ci[1].low(), ci[1].high(),
                m.auc(), ci[2].low(), ci[2].high(), m.ece()));
        int[][] cm = m.confusion().counts();
        lines.add("confusion [truth][pred] " + data.classes() + ": " + java.util.Arrays.deepToString(cm));
        Path out = Path.of("target", "learn-smoke", "malaria.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);

        assertThat(m.accuracy()).isGreaterThan(0.8);
        assertThat(m.auc()).isGreaterThan(0.85);
    }

    private static Set<String> groups(CropSet data, List<Integer> idx) {
        Set<String> s = new HashSet<>();
        idx.forEach(i -> s.add(data.crops().get(i).group()));
        return s;
    }

    private static void assertNoPatientShared(CropSet data, Split split) {
        Set<String> train = groups(data, split.train());
        Set<String> val = groups(data, split.validation());
        Set<String> test = groups(data, split.test());
        assertThat(train).doesNotContainAnyElementsOf(val).doesNotContainAnyElementsOf(test);
        assertThat(val).doesNotContainAnyElementsOf(test);
    }
}
