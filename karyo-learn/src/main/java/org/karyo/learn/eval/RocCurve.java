package org.karyo.learn.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A receiver operating characteristic: one point per distinct score threshold, from (0, 0) to
 * (1, 1), and the area under it by the trapezoid rule (which equals the probability that a random
 * positive outscores a random negative, ties counting half).
 *
 * @param falsePositiveRate  increasing, starts at 0, ends at 1
 * @param truePositiveRate   matching true-positive rates
 * @param thresholds         score at or above which a crop is called positive; +inf for the first point
 * @param auc                area under the curve; NaN when one class is missing
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds, double auc) {

    /** The ROC of {@code scores} for the positives marked in {@code positive}. */
    public static RocCurve of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        int neg = n - pos;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0, Double.POSITIVE_INFINITY});
        int tp = 0;
        int fp = 0;
        for (int j = 0; j < n; j++) {
            int i = order[j];
            if (positive[i]) {
                tp++;
            } else {
                fp++;
            }
            // Tied scores form one threshold: emit a point only after the last of them.
            if (j == n - 1 || scores[order[j + 1]] != scores[i]) {
                points.add(new double[] {neg == 0 ? Double.NaN : (double) fp / neg,
                        pos == 0 ? Double.NaN : (double) tp / pos, scores[i]});
            }
        }
        double[] fpr = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] tpr = points.stream().mapToDouble(p -> p[1]).toArray();
        double[] thr = points.stream().mapToDouble(p -> p[2]).toArray();
        double auc = Double.NaN;
        if (pos > 0 && neg > 0) {
            auc = 0;
            for (int k = 1; k < fpr.length; k++) {
                auc += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2;
            }
        }
        return new RocCurve(fpr, tpr, thr, auc);
    }

    /** Binary ROC for class {@code positiveClass} scored by its predicted probability. */
    public static RocCurve oneVsRest(float[][] proba, int[] truth, int positiveClass) {
        double[] scores = new double[truth.length];
        boolean[] positive = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            scores[i] = proba[i][positiveClass];
            positive[i] = truth[i] == positiveClass;
        }
        return of(scores, positive);
    }

    /**
     * The unweighted mean of the one-vs-rest AUCs over classes present in the truth; for two
     * classes this is the binary AUC (both one-vs-rest curves have the same area).
     */
    public static double macroAuc(float[][] proba, int[] truth, int numClasses) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < numClasses; k++) {
            double auc = oneVsRest(proba, truth, k).auc();
            if (!Double.isNaN(auc)) {
                sum += auc;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
