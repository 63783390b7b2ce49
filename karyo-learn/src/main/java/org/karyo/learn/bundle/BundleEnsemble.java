package org.karyo.learn.bundle;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.learn.infer.InferenceEngine;
import org.karyo.learn.infer.TestTimeViews;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several bundles trained on the same data (other seeds, other networks) that predict as one: the mean of their
 * class probabilities. They must agree on what they predict and how crops are cut (classes, crop recipe), and on
 * which crops were held out (data fingerprint and split), so an ensemble is never scored on one member's
 * training data. The first bundle speaks for the ensemble where one answer is needed (its description, its
 * activation maps, its baselines).
 */
public final class BundleEnsemble implements AutoCloseable {
    private final List<ModelBundle> members;

    private BundleEnsemble(List<ModelBundle> members) {
        this.members = members;
    }

    public static BundleEnsemble open(List<Path> dirs, InferenceEngine engine) throws KaryoInputException {
        if (dirs.isEmpty()) throw new IllegalArgumentException("no model");
        List<ModelBundle> opened = new ArrayList<>();
        try {
            for (Path d : dirs) {
                ModelBundle b = ModelBundle.open(d, engine);
                opened.add(b);
                if (opened.size() > 1) requireCompatible(opened.get(0), b);
            }
            return new BundleEnsemble(List.copyOf(opened));
        } catch (KaryoInputException | RuntimeException e) {
            for (ModelBundle b : opened) b.close();
            throw e;
        }
    }

    private static void requireCompatible(ModelBundle first, ModelBundle other) throws KaryoInputException {
        BundleInfo a = first.info();
        BundleInfo b = other.info();
        String why = null;
        if (!a.classes().equals(b.classes())) {
            why = "classes " + b.classes() + " differ from " + a.classes() + " of " + first.dir();
        } else if (!Objects.equals(a.cropRecipe(), b.cropRecipe()) || !Objects.equals(a.cropRecipeSource(), b.cropRecipeSource())) {
            why = "cuts crops differently from " + first.dir() + " (crop recipe)";
        } else if (!Objects.equals(fingerprint(a), fingerprint(b)) || !Objects.equals(a.split(), b.split())) {
            why = "was trained on other data or another split than " + first.dir()
                    + " (an ensemble's members must hold out the same crops)";
        }
        if (why != null) throw new KaryoInputException(other.dir(), "cannot join an ensemble: " + why);
    }

    private static String fingerprint(BundleInfo i) {
        return i.data() == null ? null : i.data().fingerprint();
    }

    /** The first member: its description stands for the ensemble's. */
    public ModelBundle first() {
        return members.get(0);
    }

    public int size() {
        return members.size();
    }

    public List<Path> dirs() {
        return members.stream().map(ModelBundle::dir).toList();
    }

    /** Mean of the members' class probabilities (each with the same test-time views). */
    public float[][] predictProba(List<Plane> crops, TestTimeViews views) {
        float[][] sum = null;
        for (ModelBundle m : members) {
            float[][] p = m.predictProba(crops, views);
            if (sum == null) {
                sum = p;
            } else {
                for (int i = 0; i < p.length; i++) for (int c = 0; c < p[i].length; c++) sum[i][c] += p[i][c];
            }
        }
        if (members.size() > 1) {
            for (float[] row : sum) for (int c = 0; c < row.length; c++) row[c] /= members.size();
        }
        return sum;
    }

    @Override
    public void close() {
        for (ModelBundle m : members) m.close();
    }
}
