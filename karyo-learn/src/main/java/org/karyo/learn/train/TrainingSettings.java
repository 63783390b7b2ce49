package org.karyo.learn.train;

import org.karyo.learn.data.Augmentation;

/**
 * How to train. Defaults follow the study (Adam, batch 32) plus the usual guards against
 * over-fitting a small dataset: early stopping on validation loss and class-balanced batches.
 *
 * @param maxEpochs       upper bound on epochs (default 30)
 * @param batchSize       crops per update (default 32)
 * @param learningRate    Adam's base rate (default 1e-3)
 * @param weightDecay     L2 penalty in Adam (default 1e-4)
 * @param schedule        learning-rate schedule (default COSINE)
 * @param patience        epochs without validation-loss improvement before stopping (default 5)
 * @param balanced        draw each batch's crops class-uniformly so a rare class is not ignored (default true)
 * @param augmentation    training-time distortions (default {@link Augmentation#DEFAULT})
 * @param seed            seeds initialisation, sampling, augmentation and dropout (default 42)
 * @param maxBatchesPerEpoch cap on batches per epoch, 0 for a full pass (default 0)
 * @param timeLimitSeconds   stop after the epoch that crosses this wall time, 0 for none (default 0)
 */
public record TrainingSettings(int maxEpochs, int batchSize, float learningRate, float weightDecay,
                               Schedule schedule, int patience, boolean balanced, Augmentation augmentation,
                               long seed, int maxBatchesPerEpoch, double timeLimitSeconds) {

    public static final TrainingSettings DEFAULT = new TrainingSettings(30, 32, 1e-3f, 1e-4f, Schedule.COSINE,
            5, true, Augmentation.DEFAULT, 42, 0, 0);

    public TrainingSettings {
        if (maxEpochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException("epochs, batch size and patience must be positive");
        }
        if (!(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("learning rate must be > 0 and weight decay >= 0");
        }
        if (schedule == null || augmentation == null) {
            throw new IllegalArgumentException("schedule and augmentation are required");
        }
        if (maxBatchesPerEpoch < 0 || !(timeLimitSeconds >= 0)) {
            throw new IllegalArgumentException("batch cap and time limit must be >= 0");
        }
    }

    public TrainingSettings withEpochs(int epochs) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, schedule, patience, balanced,
                augmentation, seed, maxBatchesPerEpoch, timeLimitSeconds);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(maxEpochs, batchSize, learningRate, weightDecay, schedule, patience, balanced,
                augmentation, newSeed, maxBatchesPerEpoch, timeLimitSeconds);
    }

    public TrainingSettings withAugmentation(Augmentation aug) {
        return new TrainingSettings(maxEpochs, batchSize, learningRate, weightDecay, schedule, patience, balanced,
                aug, seed, maxBatchesPerEpoch, timeLimitSeconds);
    }

    public TrainingSettings withLimits(int batchesPerEpoch, double seconds) {
        return new TrainingSettings(maxEpochs, batchSize, learningRate, weightDecay, schedule, patience, balanced,
                augmentation, seed, batchesPerEpoch, seconds);
    }
}
