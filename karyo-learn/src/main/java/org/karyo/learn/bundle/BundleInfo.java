package org.karyo.learn.bundle;

import java.util.List;
import java.util.Map;
import org.karyo.crop.CropSettings;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.SplitSettings;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.TrainingSettings;

/**
 * Everything about a trained model except its weights: what it is, how to feed it, how it was
 * made and how well it did. Stored as {@code bundle.json}.
 *
 * @param format           {@link #FORMAT}; a reader refuses other values
 * @param created          ISO-8601 instant
 * @param model            the network
 * @param classes          output order of the probabilities
 * @param inputSize        side in pixels crops are resized to (same as the spec's, repeated for readers)
 * @param normalisation    per-crop intensity scaling applied before the network
 * @param cropRecipe       how crops were cut from fields, so prediction cuts them the same way
 * @param cropRecipeSource "dataset" (read from the dataset) or "assumed" (options or defaults)
 * @param training         optimiser, schedule, augmentation, seed and limits
 * @param split            how the dataset was split into train/validation/test
 * @param data             what the model learned from
 * @param result           how training ended
 * @param metrics          held-out test metrics (name to value; null where undefined)
 * @param versions         software that made the model (karyo, djl, pytorch, java)
 * @param weights          weights file name inside the bundle
 * @param baselines        held-out test metrics of the baselines trained on the same split (name to
 *                         metrics, see {@link org.karyo.learn.baseline.Baselines}); null when none were trained
 */
public record BundleInfo(String format, String created, ModelSpec model, List<String> classes, int inputSize,
                         PercentileScaling normalisation, CropSettings cropRecipe, String cropRecipeSource,
                         TrainingSettings training, SplitSettings split, DataSummary data, TrainingSummary result,
                         Map<String, Double> metrics, Map<String, String> versions, String weights,
                         Map<String, Map<String, Double>> baselines) {

    public static final String FORMAT = "karyo-model/1";

    /**
     * @param fingerprint see {@link org.karyo.learn.data.DataFingerprint}
     * @param classCounts crops per class in the whole dataset
     * @param groups      distinct split units (images, wells, patients)
     * @param train       crops in the training split (likewise validation, test)
     * @param groupPattern regular expression whose first capture group in a file name named the group
     *                    (folders of class sub-folders); null when groups came from a manifest or per file
     */
    public record DataSummary(String path, String fingerprint, int crops, Map<String, Integer> classCounts,
                              int groups, int train, int validation, int test, String groupPattern) {
    }

    /**
     * @param bestEpoch      the epoch whose weights the bundle holds (1-based)
     * @param initialWeights where the starting weights came from ('karyo train --init'); null for random
     * @param resumedAfterEpoch the checkpoint's epoch training continued from ('karyo train --resume'); 0 if none
     */
    public record TrainingSummary(int epochsRun, int bestEpoch, double seconds,
                                  org.karyo.learn.train.InitialWeights.Applied initialWeights, int resumedAfterEpoch) {
    }
}
