package org.karyo.learn.train;

import java.util.List;

/**
 * A trained classifier (holding the best epoch's weights) and how it got there.
 *
 * @param classifier the model; the caller closes it
 * @param history    one entry per epoch run
 * @param bestEpoch  the epoch whose weights the classifier holds (1-based)
 * @param initialWeights where the starting weights came from; null for random initialisation
 * @param resumedAfterEpoch the checkpoint's epoch this run continued from; 0 for a fresh run
 */
public record TrainingResult(Classifier classifier, List<EpochStats> history, int bestEpoch,
                             InitialWeights.Applied initialWeights, int resumedAfterEpoch) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
