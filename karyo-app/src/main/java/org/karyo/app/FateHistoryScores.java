package org.karyo.app;

import org.karyo.fate.Fate;

import java.util.List;

/**
 * A fate-history forest's class probabilities for the scored frames, and what they call. With two classes the forest
 * only asks "will this infected cell lyse?"; with a third, uninfected, it also asks whether the cell is infected at all.
 */
final class FateHistoryScores {
    private final List<String> classes;
    private final float[][] proba;
    private final int spreader;
    private final int nonspreader;

    FateHistoryScores(List<String> classes, float[][] proba) {
        this.classes = classes;
        this.proba = proba;
        this.spreader = classes.indexOf(Fate.SPREADER.csv());
        this.nonspreader = classes.indexOf(Fate.NONSPREADER.csv());
        if (spreader < 0 || nonspreader < 0) throw new IllegalArgumentException("need spreader and nonspreader classes: " + classes);
    }

    List<String> classes() {
        return classes;
    }

    boolean threeClass() {
        return classes.size() > 2;
    }

    int size() {
        return proba.length;
    }

    float[] row(int i) {
        return proba[i];
    }

    /** Probability of the class, 0 if the model does not have it. */
    float probability(int i, Fate fate) {
        int k = classes.indexOf(fate.csv());
        return k < 0 ? 0 : proba[i][k];
    }

    /**
     * Probability of lysis given that the cell is infected: spreader / (spreader + nonspreader). Equal to the spreader
     * probability for a two-class forest; balanced training makes it a 50:50 prior either way.
     */
    float spreaderIfInfected(int i) {
        float s = proba[i][spreader];
        float n = proba[i][nonspreader];
        return s + n > 0 ? s / (s + n) : 0.5f;
    }

    /** The most probable class; between spreader and nonspreader a tie goes to spreader (p >= 0.5, as before). */
    Fate called(int i) {
        int best = spreader;
        for (int k = 0; k < classes.size(); k++) {
            if (k != spreader && proba[i][k] > proba[i][best]) best = k;
        }
        return Fate.parse(classes.get(best)).orElseThrow();
    }
}
