package org.karyo.learn.train;

/**
 * Hears how training goes, so a caller can show progress without the trainer knowing about
 * terminals. Called on the training thread; keep it cheap.
 */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    /** @param batches updates this epoch will make */
    default void epochStarted(int epoch, int batches) {
    }

    /** After each update, with the running mean loss and accuracy of this epoch so far. */
    default void batchDone(int epoch, int batch, double meanLoss, double accuracy) {
    }

    /** After validation, with the epoch's numbers. */
    default void epochDone(EpochStats stats) {
    }
}
