package org.karyo.learn.train;

import java.nio.file.Path;

/**
 * Where training starts from, beyond the settings.
 *
 * @param initialWeights a model folder or DJL parameter file to start from ({@link InitialWeights}); null for random
 */
public record TrainingOptions(Path initialWeights) {
    public static final TrainingOptions NONE = new TrainingOptions(null);
}
