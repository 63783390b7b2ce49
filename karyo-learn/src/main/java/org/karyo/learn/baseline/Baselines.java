package org.karyo.learn.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.Split;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.Classifier;
import org.karyo.learn.train.ClassifierTrainer;
import org.karyo.learn.train.TrainingListener;
import org.karyo.learn.train.TrainingSettings;

/**
 * The yardsticks a CNN is reported against, trained on the same split: the multilayer perceptron on
 * pixels (same rendering, augmentation, optimiser and early stopping as the CNN: only the network
 * differs) and the random forest on hand-made features ({@link FeatureForest}, train split only:
 * it needs no validation). Kept in the model bundle's {@code baselines/} folder
 * ({@code mlp/} as a classifier folder, {@code forest.tribuo}). Holds native memory: close it.
 */
public final class Baselines implements AutoCloseable {
    public static final String DIR = "baselines";
    public static final String MLP = "mlp";
    public static final String FOREST = "forest";
    private static final String FOREST_FILE = "forest.tribuo";

    private final Classifier mlp;
    private final FeatureForest forest;

    private Baselines(Classifier mlp, FeatureForest forest) {
        this.mlp = mlp;
        this.forest = forest;
    }

    /**
     * @param mlpSpec the MLP to train, or null to skip it (e.g. when the main model is the MLP)
     * @param trees   trees in the forest
     */
    public static Baselines train(CropSet data, Split split, ModelSpec mlpSpec, PercentileScaling scaling,
                                  TrainingSettings settings, TrainingListener listener, int trees) {
        Classifier mlp = mlpSpec == null ? null
                : ClassifierTrainer.train(data, split, mlpSpec, scaling, settings, listener).classifier();
        try {
            List<Crop> train = data.select(split.train());
            return new Baselines(mlp, FeatureForest.train(train, data.classes(), trees, settings.seed()));
        } catch (RuntimeException | Error e) {
            if (mlp != null) {
                mlp.close();
            }
            throw e;
        }
    }

    /** Class probabilities of each baseline present, by name ({@link #MLP}, {@link #FOREST}), in that order. */
    public Map<String, float[][]> predictProba(List<Plane> crops) {
        Map<String, float[][]> out = new LinkedHashMap<>();
        if (mlp != null) {
            out.put(MLP, mlp.predictProba(crops));
        }
        if (forest != null) {
            out.put(FOREST, forest.predictProba(crops));
        }
        return out;
    }

    /** Writes {@code baselines/} into a (staging) bundle folder. */
    public void save(Path bundleDir) throws IOException {
        Path dir = bundleDir.resolve(DIR);
        Files.createDirectories(dir);
        if (mlp != null) {
            mlp.save(dir.resolve(MLP));
        }
        if (forest != null) {
            forest.save(dir.resolve(FOREST_FILE));
        }
    }

    /** The baselines stored in a bundle folder, if it has any. */
    public static Optional<Baselines> open(Path bundleDir, List<String> classes) throws KaryoInputException {
        Path dir = bundleDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Classifier mlp = Files.isDirectory(dir.resolve(MLP)) ? Classifier.load(dir.resolve(MLP)) : null;
        try {
            FeatureForest forest = Files.isRegularFile(dir.resolve(FOREST_FILE))
                    ? FeatureForest.load(dir.resolve(FOREST_FILE), classes) : null;
            return Optional.of(new Baselines(mlp, forest));
        } catch (KaryoInputException | RuntimeException e) {
            if (mlp != null) {
                mlp.close();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (mlp != null) {
            mlp.close();
        }
    }
}
