package org.karyo.learn.eval;

import java.util.List;

/**
 * Everything we report for a classifier on labelled crops, computed from predicted probabilities.
 *
 * @param classes   class names
 * @param confusion counts, [truth][predicted], prediction = most probable class
 * @param accuracy  fraction correct
 * @param macroF1   unweighted mean of per-class F1
 * @param auc       binary AUC for two classes, else macro one-vs-rest AUC
 * @param ece       expected calibration error with 10 bins
 */
public record Metrics(List<String> classes, ConfusionMatrix confusion, double accuracy, double macroF1,
                      double auc, double ece) {

    public static final int ECE_BINS = 10;

    public Metrics {
        classes = List.copyOf(classes);
    }

    public static Metrics of(float[][] proba, int[] truth, List<String> classes) {
        if (proba.length != truth.length) {
            throw new IllegalArgumentException(proba.length + " predictions for " + truth.length + " labels");
        }
        int k = classes.size();
        int[] predicted = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            if (proba[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + proba[i].length + " probabilities, not " + k);
            }
            predicted[i] = argMax(proba[i]);
        }
        ConfusionMatrix cm = ConfusionMatrix.of(truth, predicted, k);
        return new Metrics(classes, cm, cm.accuracy(), cm.macroF1(), RocCurve.macroAuc(proba, truth, k),
                Calibration.expectedCalibrationError(proba, truth, ECE_BINS));
    }

    /** Bootstrap intervals for accuracy, macro F1 and AUC, in that order. */
    public static Interval[] intervals(float[][] proba, int[] truth, List<String> classes, int resamples,
                                       double level, long seed) {
        java.util.function.Function<int[], Metrics> on = idx -> {
            float[][] p = new float[idx.length][];
            int[] t = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                p[i] = proba[idx[i]];
                t[i] = truth[idx[i]];
            }
            return of(p, t, classes);
        };
        int n = truth.length;
        return new Interval[] {
            Bootstrap.interval(n, idx -> on.apply(idx).accuracy(), resamples, level, seed),
            Bootstrap.interval(n, idx -> on.apply(idx).macroF1(), resamples, level, seed),
            Bootstrap.interval(n, idx -> on.apply(idx).auc(), resamples, level, seed),
        };
    }

    /** Index of the largest value; the first on ties. */
    public static int argMax(float[] values) {
        int arg = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[arg]) {
                arg = i;
            }
        }
        return arg;
    }
}
