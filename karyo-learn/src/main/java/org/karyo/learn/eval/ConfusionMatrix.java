package org.karyo.learn.eval;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class). Rows are truth, columns predictions. Precision of a
 * class never predicted, and recall of a class absent from the truth, are 0 (scikit-learn's
 * zero_division=0), so macro averages stay defined.
 */
public final class ConfusionMatrix {
    private final int[][] counts;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
    }

    public static ConfusionMatrix of(int[] truth, int[] predicted, int numClasses) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predictions differ in length");
        }
        int[][] c = new int[numClasses][numClasses];
        for (int i = 0; i < truth.length; i++) {
            c[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(c);
    }

    public int numClasses() {
        return counts.length;
    }

    /** A copy of the counts, [truth][predicted]. */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public int total() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).sum();
    }

    public double accuracy() {
        int diag = 0;
        for (int k = 0; k < counts.length; k++) {
            diag += counts[k][k];
        }
        int n = total();
        return n == 0 ? Double.NaN : (double) diag / n;
    }

    public double precision(int k) {
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[k];
        }
        return predicted == 0 ? 0 : (double) counts[k][k] / predicted;
    }

    public double recall(int k) {
        int actual = Arrays.stream(counts[k]).sum();
        return actual == 0 ? 0 : (double) counts[k][k] / actual;
    }

    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Mean recall over the classes present in the truth (scikit-learn's balanced_accuracy_score): a classifier that
     * calls everything the large class scores 1 / classes, however rare the others. NaN with no truth at all.
     */
    public double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (int k = 0; k < counts.length; k++) {
            if (Arrays.stream(counts[k]).sum() == 0) {
                continue;
            }
            sum += recall(k);
            present++;
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    public double macroF1() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += f1(k);
        }
        return sum / counts.length;
    }
}
