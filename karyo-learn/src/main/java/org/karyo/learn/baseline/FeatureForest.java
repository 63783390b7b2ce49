package org.karyo.learn.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.learn.data.Crop;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The feature baseline: a random forest (Tribuo: CART trees grown to purity on bootstrap samples,
 * sqrt(features) candidates per split, majority vote) on {@link CropFeatures}. Class probabilities
 * are the trees' vote fractions. Saved as Tribuo's protobuf model file.
 */
public final class FeatureForest {
    public static final int DEFAULT_TREES = 200;
    private static final LabelFactory LABELS = new LabelFactory();

    static {
        // Tribuo reports each tree at INFO through java.util.logging; the CLI shows its own progress.
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    private final Model<Label> model;
    private final List<String> classes;

    private FeatureForest(Model<Label> model, List<String> classes) {
        this.model = model;
        this.classes = List.copyOf(classes);
    }

    /** Grows {@code trees} trees on the given crops' features; seeded. */
    public static FeatureForest train(List<Crop> crops, List<String> classes, int trees, long seed) {
        if (crops.isEmpty()) {
            throw new IllegalArgumentException("no training crops");
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("karyo crops", LABELS), LABELS);
        for (Crop c : crops) {
            data.add(example(new Label(classes.get(c.label())), CropFeatures.of(c.image())));
        }
        int features = CropFeatures.NAMES.size();
        float fraction = (float) (Math.ceil(Math.sqrt(features)) / features);
        CARTClassificationTrainer tree = new CARTClassificationTrainer(Integer.MAX_VALUE, fraction, false, seed);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree, new VotingCombiner(), trees, seed);
        return new FeatureForest(forest.train(data), classes);
    }

    /** Vote fractions, one row per crop, columns in {@link #classes()} order. */
    public float[][] predictProba(List<Plane> crops) {
        float[][] out = new float[crops.size()][];
        Label unknown = LABELS.getUnknownOutput();
        for (int i = 0; i < crops.size(); i++) {
            Prediction<Label> p = model.predict(example(unknown, CropFeatures.of(crops.get(i))));
            Map<String, Label> scores = p.getOutputScores();
            float[] row = new float[classes.size()];
            double sum = 0;
            for (int k = 0; k < row.length; k++) {
                Label l = scores.get(classes.get(k));
                row[k] = l == null ? 0f : (float) l.getScore();
                sum += row[k];
            }
            for (int k = 0; k < row.length && sum > 0; k++) {
                row[k] /= (float) sum;
            }
            out[i] = row;
        }
        return out;
    }

    public List<String> classes() {
        return classes;
    }

    public void save(Path file) throws IOException {
        model.serializeToFile(file);
    }

    /** Reads a file written by {@link #save}; {@code classes} gives the column order of probabilities. */
    public static FeatureForest load(Path file, List<String> classes) throws KaryoInputException {
        Model<?> m;
        try {
            m = Model.deserializeFromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new KaryoInputException(file, "cannot read the forest model: " + e.getMessage(), e);
        }
        if (!m.validate(Label.class)) {
            throw new KaryoInputException(file, "not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> labels = (Model<Label>) m;
        return new FeatureForest(labels, classes);
    }

    private static Example<Label> example(Label label, double[] features) {
        return new ArrayExample<>(label, CropFeatures.NAMES.toArray(String[]::new), features);
    }
}
