package org.karyo.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.karyo.KaryoInputException;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropRenderer;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.DataFingerprint;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.Split;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.model.Models;

/**
 * Trains a {@link Classifier} on the train part of a split with Adam, keeping the weights of the
 * epoch with the lowest validation loss and stopping when it has not improved for
 * {@code patience} epochs. Everything random (weights, sampling, augmentation, dropout) follows
 * the settings' seed.
 *
 * <p>Each batch's arrays live in a sub-manager closed after the update, and gradients are
 * recorded only inside the collector, so memory stays flat over epochs.
 */
public final class ClassifierTrainer {
    private ClassifierTrainer() {
    }

    public static TrainingResult train(CropSet data, Split split, ModelSpec spec, PercentileScaling scaling,
                                       TrainingSettings settings) {
        return train(data, split, spec, scaling, settings, TrainingListener.NONE);
    }

    public static TrainingResult train(CropSet data, Split split, ModelSpec spec, PercentileScaling scaling,
                                       TrainingSettings settings, TrainingListener listener) {
        try {
            return train(data, split, spec, scaling, settings, listener, TrainingOptions.NONE);
        } catch (KaryoInputException e) {
            throw new IllegalStateException("no input files were given", e);
        }
    }

    /** @throws KaryoInputException when the initial weights cannot be read or do not fit the network */
    public static TrainingResult train(CropSet data, Split split, ModelSpec spec, PercentileScaling scaling,
                                       TrainingSettings settings, TrainingListener listener, TrainingOptions options)
            throws KaryoInputException {
        if (spec.numClasses() != data.classes().size()) {
            throw new IllegalArgumentException("spec has " + spec.numClasses() + " classes, data has "
                    + data.classes().size());
        }
        List<Crop> train = data.select(split.train());
        if (train.isEmpty()) {
            throw new IllegalArgumentException("empty training split");
        }
        List<Crop> validation = data.select(split.validation());
        Engines.seed(settings.seed());
        Classifier classifier = Classifier.create(spec, data.classes(), scaling);
        try {
            return run(classifier, train, validation, settings, listener, options,
                    options.checkpointDir() == null ? "" : runKey(data, split, spec, scaling, settings, options));
        } catch (KaryoInputException | RuntimeException | Error e) {
            classifier.close();
            throw e;
        }
    }

    private static TrainingResult run(Classifier classifier, List<Crop> train, List<Crop> validation,
                                      TrainingSettings s, TrainingListener listener, TrainingOptions options,
                                      String runKey) throws KaryoInputException {
        ModelSpec spec = classifier.spec();
        CropRenderer renderer = classifier.renderer();
        Sampler sampler = new Sampler(train, spec.numClasses(), s.balanced());
        int batchesPerEpoch = (train.size() + s.batchSize() - 1) / s.batchSize();
        if (s.maxBatchesPerEpoch() > 0) {
            batchesPerEpoch = Math.min(batchesPerEpoch, s.maxBatchesPerEpoch());
        }
        long totalUpdates = (long) batchesPerEpoch * s.maxEpochs();
        Tracker rate = step -> (float) (s.learningRate() * s.schedule().factor(step, totalUpdates));
        Optimizer adam = Optimizer.adam()
                .optLearningRateTracker(rate)
                .optWeightDecays(s.weightDecay())
                .build();
        Loss loss = Loss.softmaxCrossEntropyLoss();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(adam);
        List<float[]> validationInputs = validation.stream().map(c -> renderer.render(c.image())).toList();
        int[] validationLabels = validation.stream().mapToInt(Crop::label).toArray();
        Path checkpoint = options.checkpointDir() == null ? null : options.checkpointDir().resolve(TrainingCheckpoint.FILE);

        Batches buffers = new Batches();
        List<EpochStats> history = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        long started = System.nanoTime();
        long updates = 0;
        int firstEpoch = 1;
        boolean finished = false;
        InitialWeights.Applied init = null;
        try (Trainer trainer = classifier.model().newTrainer(config)) {
            trainer.initialize(Models.inputShape(spec, s.batchSize()));
            if (options.initialWeights() != null) {
                init = InitialWeights.apply(options.initialWeights(), classifier);
            }
            if (options.resume()) {
                if (!Files.isRegularFile(checkpoint)) {
                    throw new KaryoInputException(options.checkpointDir(), "holds no training checkpoint to resume");
                }
                TrainingCheckpoint.Progress p = TrainingCheckpoint.read(checkpoint, runKey, sampler, classifier.block(),
                        spec, adam, classifier.model().getNDManager());
                history.addAll(p.history());
                best = p.best();
                bestEpoch = p.bestEpoch();
                bestLoss = p.bestLoss();
                updates = p.updates();
                started -= (long) (p.elapsedSeconds() * 1e9);
                firstEpoch = p.epoch() + 1;
                finished = stops(s, p.epoch(), bestEpoch, started);
            }
            for (int epoch = firstEpoch; epoch <= s.maxEpochs() && !finished; epoch++) {
                long epochStart = System.nanoTime();
                SplittableRandom random = new SplittableRandom(s.seed() * 1_000_003L + epoch);
                // Dropout draws from PyTorch's generator: seeding it per epoch makes a resumed run draw alike.
                Engines.seed(s.seed() * 1_000_003L + epoch);
                double lossSum = 0;
                long correct = 0;
                long seen = 0;
                listener.epochStarted(epoch, batchesPerEpoch);
                for (int b = 0; b < batchesPerEpoch; b++) {
                    int[] picks = sampler.next(s.batchSize(), random);
                    List<float[]> inputs = new ArrayList<>(picks.length);
                    int[] labels = new int[picks.length];
                    for (int i = 0; i < picks.length; i++) {
                        Crop c = train.get(picks[i]);
                        inputs.add(renderer.render(c.image(), s.augmentation(), random.split()));
                        labels[i] = c.label();
                    }
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray x = buffers.images(batch, inputs, spec.inputChannels(), spec.inputSize());
                        NDArray y = buffers.labels(batch, labels);
                        zeroGradients(classifier.block());
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray l = loss.evaluate(new NDList(y), new NDList(logits));
                            collector.backward(l);
                            lossSum += l.getFloat() * picks.length;
                            correct += countCorrect(logits, labels);
                        }
                        trainer.step();
                    }
                    seen += picks.length;
                    updates++;
                    listener.batchDone(epoch, b + 1, lossSum / seen, (double) correct / seen);
                }
                double[] val = validation.isEmpty() ? new double[] {Double.NaN, Double.NaN}
                        : evaluate(classifier, validationInputs, validationLabels);
                double monitored = validation.isEmpty() ? lossSum / seen : val[0];
                EpochStats stats = new EpochStats(epoch, lossSum / seen, (double) correct / seen, val[0], val[1],
                        s.learningRate() * s.schedule().factor(updates - 1, totalUpdates),
                        (System.nanoTime() - epochStart) / 1e9);
                history.add(stats);
                listener.epochDone(stats);
                if (monitored < bestLoss - 1e-4) {
                    bestLoss = monitored;
                    bestEpoch = epoch;
                    best = snapshot(classifier.block());
                }
                finished = stops(s, epoch, bestEpoch, started);
                if (checkpoint != null) {
                    try {
                        TrainingCheckpoint.write(checkpoint, runKey, new TrainingCheckpoint.Progress(epoch, updates,
                                bestEpoch, bestLoss, (System.nanoTime() - started) / 1e9, history, best), sampler,
                                classifier.block(), adam);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the checkpoint " + checkpoint, e);
                    }
                }
            }
        }
        if (best != null) {
            restore(classifier, best);
        }
        return new TrainingResult(classifier, history, bestEpoch, init, firstEpoch - 1);
    }

    /** Early stopping (no validation improvement for {@code patience} epochs) or the wall-time limit. */
    private static boolean stops(TrainingSettings s, int epoch, int bestEpoch, long started) {
        return epoch - bestEpoch >= s.patience()
                || (s.timeLimitSeconds() > 0 && (System.nanoTime() - started) / 1e9 >= s.timeLimitSeconds());
    }

    /**
     * What a checkpoint must agree on to be resumed: network, classes, scaling, the settings that shape
     * the run (not the time limit), the data and split, and the starting weights.
     */
    private static String runKey(CropSet data, Split split, ModelSpec spec, PercentileScaling scaling,
                                 TrainingSettings s, TrainingOptions options) {
        return spec + "|" + data.classes() + "|" + scaling + "|" + s.withLimits(s.maxBatchesPerEpoch(), 0) + "|"
                + DataFingerprint.of(data) + "|" + split.hashCode() + "|" + options.initialWeights();
    }

    /** Mean loss and accuracy on already-rendered crops, without recording gradients. */
    private static double[] evaluate(Classifier classifier, List<float[]> inputs, int[] labels) {
        float[][] proba = classifier.predictRendered(inputs);
        double lossSum = 0;
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            lossSum -= Math.log(Math.max(1e-12, proba[i][labels[i]]));
            int arg = 0;
            for (int k = 1; k < proba[i].length; k++) {
                if (proba[i][k] > proba[i][arg]) {
                    arg = k;
                }
            }
            correct += arg == labels[i] ? 1 : 0;
        }
        return new double[] {lossSum / labels.length, (double) correct / labels.length};
    }

    private static long countCorrect(NDArray logits, int[] labels) {
        long[] predicted = logits.argMax(1).toLongArray();
        long n = 0;
        for (int i = 0; i < labels.length; i++) {
            n += predicted[i] == labels[i] ? 1 : 0;
        }
        return n;
    }

    /** PyTorch accumulates gradients across backward passes; each update must start from zero. */
    public static void zeroGradients(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            if (param.requiresGradient() && param.isInitialized() && param.getArray().hasGradient()) {
                try (NDArray g = param.getArray().getGradient()) {
                    g.muli(0);
                }
            }
        }
    }

    private static byte[] snapshot(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory checkpoint failed", e);
        }
        return bytes.toByteArray();
    }

    private static void restore(Classifier classifier, byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            classifier.block().loadParameters(classifier.model().getNDManager(), in);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("restoring the in-memory checkpoint failed", e);
        }
    }
}
