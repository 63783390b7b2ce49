package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.io.plot.LinePlot;
import org.karyo.io.table.CsvTable;
import org.karyo.learn.baseline.Baselines;
import org.karyo.learn.baseline.CropFeatures;
import org.karyo.learn.baseline.FeatureForest;
import org.karyo.learn.bundle.BundleInfo;
import org.karyo.learn.bundle.ModelBundle;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.DataFingerprint;
import org.karyo.learn.data.GroupedSplitter;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.Split;
import org.karyo.learn.data.SplitSettings;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.Classifier;
import org.karyo.learn.train.ClassifierTrainer;
import org.karyo.learn.train.EpochStats;
import org.karyo.learn.train.TrainingListener;
import org.karyo.learn.train.TrainingOptions;
import org.karyo.learn.train.TrainingResult;
import org.karyo.learn.train.TrainingSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a classifier on a crop dataset with a grouped, stratified split and writes the model
 * bundle with its history and training curve. The test split is scored once, at the end, with the
 * best epoch's weights.
 */
final class ModelTraining {
    static final String HISTORY = "history.csv";
    static final String CURVE = "training.png";

    private ModelTraining() {
    }

    /**
     * @param size    network input side in pixels; 0 for the crops' own size (at least 32 for ResNets)
     * @param minutes wall-time limit, 0 for none
     * @param groupPattern see {@link DatasetInput#read(Path, String)}; null for one group per file
     * @param baselines    also train the MLP and the feature forest on the same split ({@link Baselines})
     * @param init         starting weights (model folder or DJL parameter file), null for random
     * @param resume       continue the interrupted run whose checkpoint is in the model folder
     * @param splitSeed    seeds the train/validation/test split; null = {@code seed}
     */
    record Request(Path dataset, Path model, Architecture architecture, int size, int epochs, double minutes,
                   long seed, int batch, boolean progress, String groupPattern, boolean baselines, Path init,
                   boolean resume, Long splitSeed) {
    }

    record Outcome(BundleInfo info, List<EpochStats> history) {
    }

    static Outcome run(Request r) throws KaryoInputException, IOException {
        if (r.epochs() < 1) throw new KaryoInputException(null, "--epochs must be at least 1, not " + r.epochs());
        if (r.batch() < 1) throw new KaryoInputException(null, "--batch must be at least 1, not " + r.batch());
        if (!(r.minutes() >= 0)) throw new KaryoInputException(null, "--minutes must be 0 (no limit) or more");
        ModelBundle.checkTarget(r.model());
        Path checkpoint = r.model().resolve(TrainingOptions.CHECKPOINT_FILE);
        if (r.resume() && !java.nio.file.Files.isRegularFile(checkpoint)) {
            throw new KaryoInputException(r.model(), "holds no training checkpoint to resume (--resume continues a "
                    + "killed 'karyo train' with the same options)");
        }
        if (!r.resume() && java.nio.file.Files.isRegularFile(checkpoint)) {
            throw new KaryoInputException(checkpoint, "an interrupted training left this checkpoint: pass --resume "
                    + "to continue it, or delete it to start afresh");
        }
        DatasetInput in = DatasetInput.read(r.dataset(), r.groupPattern());
        SplitSettings splitSettings = new SplitSettings(0.7, 0.15, r.splitSeed() == null ? r.seed() : r.splitSeed());
        Split split = GroupedSplitter.split(in.crops(), splitSettings);
        requireEveryClassInTraining(in, split);
        ModelSpec spec = spec(r, in);
        TrainingSettings settings = new TrainingSettings(r.epochs(), r.batch(), TrainingSettings.DEFAULT.learningRate(),
                TrainingSettings.DEFAULT.weightDecay(), TrainingSettings.DEFAULT.schedule(),
                TrainingSettings.DEFAULT.patience(), true, TrainingSettings.DEFAULT.augmentation(), r.seed(), 0,
                r.minutes() * 60);
        System.err.printf("training %s at %d px on %d crops (%d train, %d validation, %d test; %d groups)%n",
                spec.architecture().name().toLowerCase(Locale.ROOT), spec.inputSize(), in.crops().crops().size(),
                split.train().size(), split.validation().size(), split.test().size(), groups(in));
        if (r.resume()) System.err.println("resuming from " + checkpoint);
        long t0 = System.nanoTime();
        TrainingResult result;
        try (EpochBars bars = new EpochBars(r.epochs(), r.progress())) {
            result = ClassifierTrainer.train(in.crops(), split, spec, PercentileScaling.DEFAULT, settings, bars,
                    new TrainingOptions(r.init(), r.model(), r.resume()));
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(r.dataset(), e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (Classifier classifier = result.classifier();
             Baselines baselines = r.baselines() ? baselines(r, in, split, spec, settings) : null) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            Map<String, Map<String, Double>> baselineMetrics = baselines == null ? null : new LinkedHashMap<>();
            if (!split.test().isEmpty()) {
                List<Crop> test = in.crops().select(split.test());
                List<org.karyo.image.Plane> images = test.stream().map(Crop::image).toList();
                int[] truth = test.stream().mapToInt(Crop::label).toArray();
                String[] groups = Scores.groupsOf(test);
                metrics.putAll(Scores.of(classifier.predictProba(images), truth, groups, in.crops().classes()).flat());
                if (baselines != null) {
                    baselines.predictProba(images).forEach((name, p) ->
                            baselineMetrics.put(name, Scores.of(p, truth, groups, in.crops().classes()).flat()));
                }
            }
            BundleInfo info = info(r, in, split, splitSettings, spec, settings, result, seconds, metrics, baselineMetrics);
            ModelBundle.write(r.model(), classifier, info, staging -> {
                history(result.history()).write(staging.resolve(HISTORY));
                curve(staging.resolve(CURVE), result.history());
                if (baselines != null) baselines.save(staging);
            });
            return new Outcome(info, result.history());
        }
    }

    /** The MLP (unless it is the main model) and the forest, on the same split and settings as the main model. */
    private static Baselines baselines(Request r, DatasetInput in, Split split, ModelSpec spec, TrainingSettings settings) {
        ModelSpec mlp = spec.architecture() == Architecture.MLP ? null
                : ModelSpec.mlp(1, spec.numClasses(), spec.inputSize());
        if (mlp != null) System.err.println("baseline: MLP on pixels, same split and settings");
        try (EpochBars bars = new EpochBars(r.epochs(), r.progress())) {
            long t0 = System.nanoTime();
            Baselines b = Baselines.train(in.crops(), split, mlp, PercentileScaling.DEFAULT, settings,
                    mlp == null ? TrainingListener.NONE : bars, FeatureForest.DEFAULT_TREES);
            System.err.printf(Locale.ROOT, "baselines trained in %.0f s (forest: %d trees on %d hand-made features)%n",
                    (System.nanoTime() - t0) / 1e9, FeatureForest.DEFAULT_TREES, CropFeatures.NAMES.size());
            return b;
        }
    }

    private static ModelSpec spec(Request r, DatasetInput in) throws KaryoInputException {
        return spec(r.architecture(), r.size(), Math.max(2, in.crops().classes().size()), in);
    }

    /** The network for a dataset: {@code size} 0 takes the crops' own size (at least what the architecture needs). */
    static ModelSpec spec(Architecture architecture, int requestedSize, int k, DatasetInput in) throws KaryoInputException {
        int size = requestedSize > 0 ? requestedSize : Math.max(architecture.isResNet() ? 32 : 16, in.recipe().size());
        try {
            return switch (architecture) {
                case COMPACT -> ModelSpec.compact(1, k, size);
                case MLP -> ModelSpec.mlp(1, k, size);
                default -> ModelSpec.resnet(architecture, 1, k, size);
            };
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, "--size: " + e.getMessage());
        }
    }

    /** A class with no training crops cannot be learned: say so rather than train a blind model. */
    private static void requireEveryClassInTraining(DatasetInput in, Split split) throws KaryoInputException {
        int[] counts = new int[in.crops().classes().size()];
        for (int i : split.train()) counts[in.crops().crops().get(i).label()]++;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw new KaryoInputException(in.folder(), "class '" + in.crops().classes().get(k)
                        + "' has no crops in the training split; it needs crops from more groups (images)");
            }
        }
    }

    private static int groups(DatasetInput in) {
        var g = new HashSet<String>();
        for (Crop c : in.crops().crops()) g.add(c.group());
        return g.size();
    }

    private static BundleInfo info(Request r, DatasetInput in, Split split, SplitSettings splitSettings, ModelSpec spec,
                                   TrainingSettings settings, TrainingResult result, double seconds,
                                   Map<String, Double> metrics, Map<String, Map<String, Double>> baselines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] c = in.crops().classCounts();
        for (int k = 0; k < c.length; k++) counts.put(in.crops().classes().get(k), c[k]);
        BundleInfo.DataSummary data = new BundleInfo.DataSummary(r.dataset().toAbsolutePath().normalize().toString(),
                DataFingerprint.of(in.crops()), in.crops().crops().size(), counts, groups(in), split.train().size(),
                split.validation().size(), split.test().size(), r.groupPattern());
        Map<String, String> versions = new LinkedHashMap<>();
        String karyo = Karyo.class.getPackage().getImplementationVersion();
        versions.put("karyo", karyo == null ? "development build" : karyo);
        versions.putAll(ModelBundle.engineVersions());
        return new BundleInfo(BundleInfo.FORMAT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), spec,
                in.crops().classes(), spec.inputSize(), PercentileScaling.DEFAULT, in.recipe(),
                in.recipeFromDataset() ? "dataset" : "assumed", settings, splitSettings, data,
                new BundleInfo.TrainingSummary(result.history().size(), result.bestEpoch(), seconds,
                        result.initialWeights(), result.resumedAfterEpoch()), metrics,
                versions, ModelBundle.WEIGHTS, baselines);
    }

    static CsvTable history(List<EpochStats> history) {
        CsvTable t = new CsvTable(List.of("epoch", "train_loss", "train_accuracy", "validation_loss",
                "validation_accuracy", "learning_rate", "seconds"));
        for (EpochStats e : history) {
            t.add(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(),
                    e.learningRate(), e.seconds());
        }
        return t;
    }

    private static void curve(Path png, List<EpochStats> history) throws IOException {
        double[] x = history.stream().mapToDouble(EpochStats::epoch).toArray();
        List<LinePlot.Line> loss = new ArrayList<>(List.of(
                LinePlot.Line.of("train", x, history.stream().mapToDouble(EpochStats::trainLoss).toArray()),
                LinePlot.Line.of("validation", x, history.stream().mapToDouble(EpochStats::validationLoss).toArray())));
        List<LinePlot.Line> acc = List.of(
                LinePlot.Line.of("train", x, history.stream().mapToDouble(EpochStats::trainAccuracy).toArray()),
                LinePlot.Line.of("validation", x, history.stream().mapToDouble(EpochStats::validationAccuracy).toArray()));
        LinePlot.write(png, 800, 400, List.of(
                new LinePlot.Panel("Loss (cross-entropy)", "epoch", "loss", loss, Double.NaN, Double.NaN),
                new LinePlot.Panel("Accuracy", "epoch", "accuracy", acc, Double.NaN, 1.0)));
    }

    /** One progress bar per epoch, showing the running loss and accuracy; a summary line after each. */
    static final class EpochBars implements TrainingListener, AutoCloseable {
        private final int epochs;
        private final boolean enabled;
        private Progress bar;

        EpochBars(int epochs, boolean enabled) {
            this.epochs = epochs;
            this.enabled = enabled;
        }

        @Override
        public void epochStarted(int epoch, int batches) {
            close();
            bar = new Progress("epoch " + epoch + "/" + epochs, batches, enabled);
        }

        @Override
        public void batchDone(int epoch, int batch, double meanLoss, double accuracy) {
            bar.step();
            bar.message(Double.isFinite(accuracy) ? String.format(Locale.ROOT, "loss %.3f acc %.3f", meanLoss, accuracy)
                    : String.format(Locale.ROOT, "loss %.3f", meanLoss));
        }

        @Override
        public void epochDone(EpochStats s) {
            close();
            // Pretraining has no accuracy and no validation: say only what was measured.
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d: loss %.4f", s.epoch(), s.trainLoss()));
            if (Double.isFinite(s.trainAccuracy())) line.append(String.format(Locale.ROOT, " acc %.3f", s.trainAccuracy()));
            if (Double.isFinite(s.validationLoss())) {
                line.append(String.format(Locale.ROOT, " | validation loss %.4f acc %.3f", s.validationLoss(), s.validationAccuracy()));
            }
            System.err.println(line.append(String.format(Locale.ROOT, " | %.1f s", s.seconds())));
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
            bar = null;
        }
    }
}
