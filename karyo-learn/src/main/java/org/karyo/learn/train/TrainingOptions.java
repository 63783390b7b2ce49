package org.karyo.learn.train;

import java.nio.file.Path;

/**
 * Where training starts from and where it keeps its checkpoint, beyond the settings.
 *
 * @param initialWeights a model folder or DJL parameter file to start from ({@link InitialWeights}); null for random
 * @param checkpointDir  folder that receives a checkpoint after every epoch ({@link #CHECKPOINT_FILE}); null for none
 * @param resume         continue from the checkpoint in {@code checkpointDir} (which must exist)
 */
public record TrainingOptions(Path initialWeights, Path checkpointDir, boolean resume) {
    public static final TrainingOptions NONE = new TrainingOptions(null, null, false);
    /** The checkpoint's file name inside {@code checkpointDir}. */
    public static final String CHECKPOINT_FILE = TrainingCheckpoint.FILE;

    public TrainingOptions {
        if (resume && checkpointDir == null) {
            throw new IllegalArgumentException("resuming needs the checkpoint folder");
        }
    }
}
