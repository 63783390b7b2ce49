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

    /** Bootstrap intervals for accuracy, macro F1 and AUC, in that order, resampling crops. */
    public static Interval[] intervals(float[][] proba, int[] truth, List<String> classes, int resamples,
                                       double level, long seed) {
        return intervals(proba, truth, null, classes, resamples, level, seed);
    }

    /**
     * Bootstrap intervals for accuracy, macro F1 and AUC, in that order, resampling whole groups
     * (images, wells, patients, tracks): crops of one group are correlated, so resampling crops
     * would make the intervals too narrow. With {@code groups == null} every crop is its own group.
     */
    public static Interval[] intervals(float[][] proba, int[] truth, String[] groups, List<String> classes,
                                       int resamples, double level, long seed) {
        if (groups != null && groups.length != truth.length) {
            throw new IllegalArgumentException(groups.length + " groups for " + truth.length + " labels");
        }
        List<int[]> members = members(groups, truth.length);
        java.util.function.Function<int[], Metrics> on = draw -> {
            int size = 0;
            for (int g : draw) {
                size += members.get(g).length;
            }
            float[][] p = new float[size][];
            int[] t = new int[size];
            int j = 0;
            for (int g : draw) {
                for (int i : members.get(g)) {
                    p[j] = proba[i];
                    t[j++] = truth[i];
                }
            }
            return of(p, t, classes);
        };
        int n = members.size();
        return new Interval[] {
            Bootstrap.interval(n, idx -> on.apply(idx).accuracy(), resamples, level, seed),
            Bootstrap.interval(n, idx -> on.apply(idx).macroF1(), resamples, level, seed),
            Bootstrap.interval(n, idx -> on.apply(idx).auc(), resamples, level, seed),
        };
    }

    /**
     * Bootstrap interval of the balanced accuracy (mean per-class recall, calls = most probable class), resampling whole
     * groups as {@link #intervals(float[][], int[], String[], List, int, double, long)} does. A resample that misses a
     * class of the full sample is skipped: scored on the classes it drew, it would look better than any real split.
     * Needs only the confusion counts, so it is cheap on large samples.
     */
    public static Interval balancedAccuracyInterval(float[][] proba, int[] truth, String[] groups, int resamples,
                                                    double level, long seed) {
        if (proba.length != truth.length || (groups != null && groups.length != truth.length)) {
            throw new IllegalArgumentException(proba.length + " predictions and " + (groups == null ? "no" : groups.length)
                    + " groups for " + truth.length + " labels");
        }
        int k = proba.length == 0 ? 0 : proba[0].length;
        int[] predicted = new int[truth.length];
        boolean[] inSample = new boolean[k];
        for (int i = 0; i < truth.length; i++) {
            predicted[i] = argMax(proba[i]);
            inSample[truth[i]] = true;
        }
        List<int[]> members = members(groups, truth.length);
        return Bootstrap.interval(members.size(), draw -> {
            int[][] counts = new int[k][k];
            for (int g : draw) {
                for (int i : members.get(g)) {
                    counts[truth[i]][predicted[i]]++;
                }
            }
            double sum = 0;
            int present = 0;
            for (int c = 0; c < k; c++) {
                int n = java.util.Arrays.stream(counts[c]).sum();
                if (n == 0) {
                    if (inSample[c]) {
                        return Double.NaN;
                    }
                    continue;
                }
                sum += counts[c][c] / (double) n;
                present++;
            }
            return present == 0 ? Double.NaN : sum / present;
        }, resamples, level, seed);
    }

    /** Crop indices per group: groups sorted by name (so a result does not depend on crop order), else one per crop. */
    private static List<int[]> members(String[] groups, int n) {
        if (groups == null) {
            return java.util.stream.IntStream.range(0, n).mapToObj(i -> new int[] {i}).toList();
        }
        java.util.Map<String, java.util.List<Integer>> byGroup = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            byGroup.computeIfAbsent(groups[i], g -> new java.util.ArrayList<>()).add(i);
        }
        return byGroup.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
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
