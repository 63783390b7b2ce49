package org.karyo.learn.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.karyo.KaryoInputException;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A random forest on named feature vectors (Tribuo: CART trees grown to purity on bootstrap samples,
 * ceil(sqrt(features)) candidates per split, majority vote). Class probabilities are the trees' vote
 * fractions. Saved as Tribuo's protobuf model file.
 */
public final class VectorForest {
    private static final LabelFactory LABELS = new LabelFactory();

    static {
        // Tribuo reports each tree at INFO through java.util.logging; callers show their own progress.
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    private final Model<Label> model;
    private final String[] features;
    private final List<String> classes;

    private VectorForest(Model<Label> model, List<String> features, List<String> classes) {
        this.model = model;
        this.features = features.toArray(String[]::new);
        this.classes = List.copyOf(classes);
    }

    /**
     * @param rows     one feature vector per example, in {@code features} order
     * @param labels   class index per row, into {@code classes}
     */
    public static VectorForest train(List<double[]> rows, int[] labels, List<String> features, List<String> classes,
                                     int trees, long seed) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (rows.size() != labels.length) {
            throw new IllegalArgumentException(rows.size() + " rows for " + labels.length + " labels");
        }
        String[] names = features.toArray(String[]::new);
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("karyo features", LABELS), LABELS);
        for (int i = 0; i < labels.length; i++) {
            data.add(example(new Label(classes.get(labels[i])), names, rows.get(i)));
        }
        float fraction = (float) (Math.ceil(Math.sqrt(names.length)) / names.length);
        if (fraction >= 1f) {
            // One or two features: every split sees all of them, so this is bagging (Tribuo's forest refuses a fraction of 1).
            CARTClassificationTrainer tree = new CARTClassificationTrainer(Integer.MAX_VALUE, 1f, false, seed);
            return new VectorForest(new BaggingTrainer<>(tree, new VotingCombiner(), trees, seed).train(data), features, classes);
        }
        CARTClassificationTrainer tree = new CARTClassificationTrainer(Integer.MAX_VALUE, fraction, false, seed);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree, new VotingCombiner(), trees, seed);
        return new VectorForest(forest.train(data), features, classes);
    }

    /**
     * A forest grown on several balanced draws (a balanced random forest): every draw takes as many rows of each class
     * as the smallest class has, and grows {@code trees / draws} trees; all trees vote together. Each tree sees the
     * classes balanced, as a forest on one balanced sample does, but the large classes are not cut down to one such
     * sample: draw d takes the d-th slice of each class's rows (wrapping around a class that runs out), so the forest
     * sees up to {@code draws} times more of them at the same cost. One draw is {@link #train} on that sample.
     *
     * @param byClass rows of each class, in {@code classes} order, in the order to slice them (shuffle first)
     */
    public static VectorForest trainBalanced(List<List<double[]>> byClass, List<String> features, List<String> classes,
                                             int trees, long seed, int draws) {
        if (byClass.size() != classes.size()) {
            throw new IllegalArgumentException(byClass.size() + " row lists for " + classes.size() + " classes");
        }
        if (draws < 1) throw new IllegalArgumentException("draws must be at least 1, not " + draws);
        int m = byClass.stream().mapToInt(List::size).min().orElse(0);
        if (m == 0) throw new IllegalArgumentException("a class has no training examples");
        // Draws are independent: grown in parallel, kept in draw order so that the forest does not depend on scheduling.
        List<VectorForest> grown = java.util.stream.IntStream.range(0, draws).parallel().mapToObj(d -> {
            List<double[]> rows = new ArrayList<>();
            int[] labels = new int[m * classes.size()];
            // Interleaved by class, so that one draw is exactly the balanced sample callers used to pass to train().
            for (int i = 0, n = 0; i < m; i++) {
                for (int k = 0; k < classes.size(); k++) {
                    List<double[]> c = byClass.get(k);
                    rows.add(c.get((int) (((long) d * m + i) % c.size())));
                    labels[n++] = k;
                }
            }
            return train(rows, labels, features, classes, Math.max(1, trees / draws), seed + d);
        }).toList();
        if (draws == 1) return grown.get(0);
        List<Model<Label>> members = new ArrayList<>();
        for (VectorForest f : grown) members.addAll(((EnsembleModel<Label>) f.model).getModels());
        return new VectorForest(WeightedEnsembleModel.createEnsembleFromExistingModels("balanced draws", members,
                new VotingCombiner()), features, classes);
    }

    /** Vote fractions for one feature vector, in {@link #classes()} order. */
    public float[] predictProba(double[] row) {
        Prediction<Label> p = model.predict(example(LABELS.getUnknownOutput(), features, row));
        Map<String, Label> scores = p.getOutputScores();
        float[] out = new float[classes.size()];
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            Label l = scores.get(classes.get(k));
            out[k] = l == null ? 0f : (float) l.getScore();
            sum += out[k];
        }
        for (int k = 0; k < out.length && sum > 0; k++) {
            out[k] /= (float) sum;
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
    public static VectorForest load(Path file, List<String> features, List<String> classes) throws KaryoInputException {
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
        return new VectorForest(labels, features, classes);
    }

    private static Example<Label> example(Label label, String[] names, double[] features) {
        return new ArrayExample<>(label, names, features);
    }
}
