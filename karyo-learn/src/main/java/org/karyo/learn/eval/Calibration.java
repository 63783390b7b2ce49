package org.karyo.learn.eval;

import java.util.ArrayList;
import java.util.List;

/** How far predicted confidence is from observed accuracy. */
public final class Calibration {
    private Calibration() {
    }

    /** One reliability-diagram bin: crops whose top-class probability fell in it. */
    public record Bin(double low, double high, int count, double meanConfidence, double accuracy) {
    }

    /**
     * Crops binned by their top-class probability into {@code bins} equal-width bins on [0, 1];
     * every bin is returned, empty ones with NaN confidence and accuracy.
     */
    public static List<Bin> reliability(float[][] proba, int[] truth, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive, not " + bins);
        }
        double[] confidence = new double[bins];
        int[] correct = new int[bins];
        int[] count = new int[bins];
        for (int i = 0; i < truth.length; i++) {
            int arg = Metrics.argMax(proba[i]);
            double conf = proba[i][arg];
            // Float probabilities sit just below decimal edges (0.7f * 10 = 6.99999988): a small
            // tolerance puts them in the bin a reader expects; exactly 1 goes in the last bin.
            int b = Math.min(bins - 1, (int) (conf * bins + 1e-6));
            confidence[b] += conf;
            correct[b] += arg == truth[i] ? 1 : 0;
            count[b]++;
        }
        List<Bin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b],
                    count[b] == 0 ? Double.NaN : confidence[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) correct[b] / count[b]));
        }
        return out;
    }

    /**
     * Expected calibration error: the crop-weighted mean of |accuracy - mean confidence| over the
     * {@link #reliability} bins. 0 is perfect.
     */
    public static double expectedCalibrationError(float[][] proba, int[] truth, int bins) {
        double ece = 0;
        for (Bin b : reliability(proba, truth, bins)) {
            if (b.count() > 0) {
                ece += Math.abs(b.accuracy() - b.meanConfidence()) * b.count();
            }
        }
        return truth.length == 0 ? Double.NaN : ece / truth.length;
    }
}
