package org.karyo.fate;

/**
 * A call that persists: a track's class probabilities at each frame averaged with its own earlier frames, the weights
 * halving every half-life and ending after four (1/16). A cell's fate does not change from one frame to the next, but
 * a per-frame prediction does with the noise of one outline and one texture measure; the recent past evens that out.
 * Only earlier frames count, so a call never waits for the future (an online rule, as at the microscope).
 */
public final class CallSmoothing {
    /** Frames further back than this many half-lives are left out (their weight would be under 1/16). */
    static final double WINDOW_HALF_LIVES = 4;

    private CallSmoothing() {
    }

    /**
     * @param hours        one track's frame times, increasing
     * @param proba        per frame, class probabilities (rows are not changed)
     * @param halfLifeHours the weight of a frame halves every this many hours back; 0 returns copies of the rows
     */
    public static float[][] smooth(double[] hours, float[][] proba, double halfLifeHours) {
        if (hours.length != proba.length) throw new IllegalArgumentException(hours.length + " times for " + proba.length + " rows");
        if (!(halfLifeHours >= 0)) throw new IllegalArgumentException("half-life must be >= 0 hours");
        for (int i = 1; i < hours.length; i++) {
            if (!(hours[i] > hours[i - 1])) throw new IllegalArgumentException("hours must increase");
        }
        float[][] out = new float[proba.length][];
        double reach = WINDOW_HALF_LIVES * halfLifeHours + 1e-9;
        for (int i = 0; i < proba.length; i++) {
            if (halfLifeHours == 0) {
                out[i] = proba[i].clone();
                continue;
            }
            double[] sum = new double[proba[i].length];
            double weights = 0;
            for (int j = i; j >= 0 && hours[i] - hours[j] <= reach; j--) {
                double w = Math.pow(0.5, (hours[i] - hours[j]) / halfLifeHours);
                for (int c = 0; c < sum.length; c++) sum[c] += w * proba[j][c];
                weights += w;
            }
            out[i] = new float[sum.length];
            for (int c = 0; c < sum.length; c++) out[i][c] = (float) (sum[c] / weights);
        }
        return out;
    }
}
