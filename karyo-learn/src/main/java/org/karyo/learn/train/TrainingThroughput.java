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
import org.karyo.learn.model.Models;

import java.util.List;

/**
 * Training speed of a network alone: Adam steps on one pre-rendered batch, the same forward, loss, backward and
 * update as {@link ClassifierTrainer} runs, without augmentation or validation, so it can be set beside the same
 * loop in Python PyTorch.
 */
public final class TrainingThroughput {
    private TrainingThroughput() {
    }

    /** Images per second over at least {@code seconds} (and 3 steps), after 2 warm-up steps. */
    public static double imagesPerSecond(Classifier classifier, List<float[]> batch, int[] labels, double seconds) {
        Loss loss = Loss.softmaxCrossEntropyLoss();
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
        Batches buffers = new Batches();
        try (Trainer trainer = classifier.model().newTrainer(new DefaultTrainingConfig(loss).optOptimizer(adam))) {
            trainer.initialize(Models.inputShape(classifier.spec(), batch.size()));
            for (int i = 0; i < 2; i++) step(trainer, classifier, loss, buffers, batch, labels);
            long t0 = System.nanoTime();
            int steps = 0;
            while (steps < 3 || (System.nanoTime() - t0) / 1e9 < seconds) {
                step(trainer, classifier, loss, buffers, batch, labels);
                steps++;
            }
            return (double) batch.size() * steps / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static void step(Trainer trainer, Classifier classifier, Loss loss, Batches buffers, List<float[]> batch,
                             int[] labels) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray x = buffers.images(m, batch, classifier.spec().inputChannels(), classifier.spec().inputSize());
            NDArray y = buffers.labels(m, labels);
            ClassifierTrainer.zeroGradients(classifier.block());
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                collector.backward(loss.evaluate(new NDList(y), new NDList(logits)));
            }
            trainer.step();
        }
    }
}
