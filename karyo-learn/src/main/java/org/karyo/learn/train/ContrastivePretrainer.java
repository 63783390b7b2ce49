package org.karyo.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.karyo.learn.data.Augmentation;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropRenderer;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.model.Models;
import org.karyo.learn.model.ModelSpec;

/**
 * Self-supervised pretraining on unlabelled crops, the offline stand-in for ImageNet weights: SimCLR's
 * contrastive task. Each crop is augmented twice; the network must tell which of the 2B views in a batch
 * is the other view of the same crop (NT-Xent: softmax cross-entropy over cosine similarities divided by
 * a temperature, a view's own similarity masked out). The network is the classifier's own layout with its
 * head as the projection (to {@code projection} outputs, dropout practically off), so its weights load into a classifier
 * with {@code karyo train --init}: the trunk is copied and the head, whose shape differs, starts fresh.
 */
public final class ContrastivePretrainer {
    /**
     * @param maxEpochs    passes over the crops
     * @param batchSize    crops per batch (2 views each)
     * @param learningRate Adam, cosine-decayed over the run
     * @param temperature  NT-Xent temperature (SimCLR: 0.1-0.5)
     * @param projection   outputs of the projection head
     * @param maxMinutes   wall-time limit (0: none); the run stops after the epoch that passes it
     * @param augmentation what makes two views of one crop differ
     * @param seed         weights, batches and augmentation
     */
    public record Settings(int maxEpochs, int batchSize, float learningRate, float temperature, int projection,
                           double maxMinutes, Augmentation augmentation, long seed) {
        public static final Settings DEFAULT = new Settings(20, 64, 1e-3f, 0.2f, 128, 0,
                new Augmentation(180, 0.15, 0.2, 0.2, true, 0.3), 1);

        public Settings {
            if (maxEpochs < 1 || batchSize < 2 || !(learningRate > 0) || !(temperature > 0) || projection < 2
                    || !(maxMinutes >= 0)) {
                throw new IllegalArgumentException("pretraining needs epochs >= 1, batch >= 2, learning rate and "
                        + "temperature > 0, projection >= 2, minutes >= 0");
            }
        }
    }

    /** Mean contrastive loss per epoch; chance is ln(2B - 1). */
    public record Result(Classifier network, List<Double> epochLoss, double seconds) {
    }

    private ContrastivePretrainer() {
    }

    /**
     * @param spec the classifier the weights are meant for (its class count is replaced by the projection)
     */
    public static Result pretrain(List<Crop> crops, ModelSpec spec, PercentileScaling scaling, Settings s,
                                  TrainingListener listener) {
        if (crops.size() < s.batchSize()) {
            throw new IllegalArgumentException(crops.size() + " crops for a batch of " + s.batchSize());
        }
        // The target's dropout block must exist for its weights file to have the same layout; at this rate it drops nothing.
        float dropout = spec.dropout() > 0 ? 1e-4f : 0f;
        ModelSpec net = new ModelSpec(spec.architecture(), spec.inputChannels(), s.projection(), spec.inputSize(),
                spec.head(), spec.hiddenUnits(), dropout);
        List<String> outputs = IntStream.rangeClosed(1, s.projection()).mapToObj(i -> "z" + i).toList();
        Engines.seed(s.seed());
        Classifier classifier = Classifier.create(net, outputs, scaling);
        CropRenderer renderer = classifier.renderer();
        int batchesPerEpoch = crops.size() / s.batchSize();
        long total = (long) batchesPerEpoch * s.maxEpochs();
        Tracker rate = step -> (float) (s.learningRate() * Schedule.COSINE.factor(step, total));
        Loss loss = Loss.softmaxCrossEntropyLoss();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).optWeightDecays(1e-6f).build());
        List<Double> history = new ArrayList<>();
        Batches buffers = new Batches();
        long started = System.nanoTime();
        try (Trainer trainer = classifier.model().newTrainer(config)) {
            trainer.initialize(Models.inputShape(net, 2 * s.batchSize()));
            for (int epoch = 1; epoch <= s.maxEpochs(); epoch++) {
                long epochStart = System.nanoTime();
                SplittableRandom random = new SplittableRandom(s.seed() * 1_000_003L + epoch);
                Engines.seed(s.seed() * 1_000_003L + epoch);
                int[] order = shuffled(crops.size(), random);
                double sum = 0;
                listener.epochStarted(epoch, batchesPerEpoch);
                for (int b = 0; b < batchesPerEpoch; b++) {
                    List<float[]> views = new ArrayList<>(2 * s.batchSize());
                    for (int view = 0; view < 2; view++) {
                        for (int i = 0; i < s.batchSize(); i++) {
                            Crop c = crops.get(order[b * s.batchSize() + i]);
                            views.add(renderer.render(c.image(), s.augmentation(), random.split()));
                        }
                    }
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray x = buffers.images(batch, views, net.inputChannels(), net.inputSize());
                        NDArray partner = batch.create(partners(s.batchSize()));
                        ClassifierTrainer.zeroGradients(classifier.block());
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray z = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray l = loss.evaluate(new NDList(partner), new NDList(similarities(z, s.temperature())));
                            collector.backward(l);
                            sum += l.getFloat();
                        }
                        trainer.step();
                    }
                    listener.batchDone(epoch, b + 1, sum / (b + 1), Double.NaN);
                }
                history.add(sum / batchesPerEpoch);
                double minutes = (System.nanoTime() - started) / 6e10;
                listener.epochDone(new EpochStats(epoch, sum / batchesPerEpoch, Double.NaN, Double.NaN, Double.NaN,
                        s.learningRate() * Schedule.COSINE.factor((long) epoch * batchesPerEpoch - 1, total),
                        (System.nanoTime() - epochStart) / 1e9));
                if (s.maxMinutes() > 0 && minutes >= s.maxMinutes()) {
                    break;
                }
            }
        }
        return new Result(classifier, history, (System.nanoTime() - started) / 1e9);
    }

    /** Cosine similarity of every view with every other, over the temperature; a view's own pair masked out. */
    static NDArray similarities(NDArray z, float temperature) {
        NDArray unit = z.div(z.norm(new int[] {1}, true).add(1e-8f));
        NDArray sim = unit.matMul(unit.transpose()).div(temperature);
        long n = z.getShape().get(0);
        return sim.sub(z.getManager().eye((int) n).mul(1e9f));
    }

    /** For views 0..B-1 (first augmentation) and B..2B-1 (second): the index of the other view of the same crop. */
    static float[] partners(int batch) {
        float[] p = new float[2 * batch];
        for (int i = 0; i < batch; i++) {
            p[i] = i + batch;
            p[i + batch] = i;
        }
        return p;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] a = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
