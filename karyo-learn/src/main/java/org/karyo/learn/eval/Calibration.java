package org.karyo.learn.eval;

/** How far predicted confidence is from observed accuracy. */
public final class Calibration {
    private Calibration() {
    }

    /**
     * Expected calibration error: crops are binned by their top-class probability into
     * {@code bins} equal-width bins on [0, 1]; the result is the crop-weighted mean of
     * |accuracy - mean confidence| over bins. 0 is perfect.
     */
    public static double expectedCalibrationError(float[][] proba, int[] truth, int bins) {
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
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs((double) correct[b] / count[b] - confidence[b] / count[b]) * count[b];
            }
        }
        return truth.length == 0 ? Double.NaN : ece / truth.length;
    }
}
