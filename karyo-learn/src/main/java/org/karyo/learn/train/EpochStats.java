package org.karyo.learn.train;

/**
 * One epoch's numbers. Validation values are NaN when there is no validation set.
 *
 * @param epoch 1-based
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double learningRate, double seconds) {
}
