package org.karyo.learn.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.learn.data.Crop;

/**
 * The feature baseline: a {@link VectorForest} on {@link CropFeatures}, what CellProfiler Analyst would
 * do with measured nuclei.
 */
public final class FeatureForest {
    public static final int DEFAULT_TREES = 200;

    private final VectorForest forest;

    private FeatureForest(VectorForest forest) {
        this.forest = forest;
    }

    /** Grows {@code trees} trees on the given crops' features; seeded. */
    public static FeatureForest train(List<Crop> crops, List<String> classes, int trees, long seed) {
        if (crops.isEmpty()) {
            throw new IllegalArgumentException("no training crops");
        }
        List<double[]> rows = crops.stream().map(c -> CropFeatures.of(c.image())).toList();
        int[] labels = crops.stream().mapToInt(Crop::label).toArray();
        return new FeatureForest(VectorForest.train(rows, labels, CropFeatures.NAMES, classes, trees, seed));
    }

    /** Vote fractions, one row per crop, columns in {@link #classes()} order. */
    public float[][] predictProba(List<Plane> crops) {
        float[][] out = new float[crops.size()][];
        for (int i = 0; i < crops.size(); i++) {
            out[i] = forest.predictProba(CropFeatures.of(crops.get(i)));
        }
        return out;
    }

    public List<String> classes() {
        return forest.classes();
    }

    public void save(Path file) throws IOException {
        forest.save(file);
    }

    /** Reads a file written by {@link #save}; {@code classes} gives the column order of probabilities. */
    public static FeatureForest load(Path file, List<String> classes) throws KaryoInputException {
        return new FeatureForest(VectorForest.load(file, CropFeatures.NAMES, classes));
    }
}
