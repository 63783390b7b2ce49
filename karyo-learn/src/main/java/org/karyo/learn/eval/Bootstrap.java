package org.karyo.learn.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals: resample the evaluated crops with replacement, recompute the
 * metric, take the (1 - level)/2 and (1 + level)/2 quantiles. Resamples where the metric is
 * undefined (e.g. AUC with one class drawn) are skipped. Note: crops of one image or patient are
 * correlated, so a crop-level bootstrap is optimistic; pass group-level indices for a group
 * bootstrap when that matters.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * @param n         sample size
     * @param metric    metric on a resample, given the indices drawn (length n, with repeats)
     * @param resamples how many resamples (e.g. 1000)
     * @param level     coverage in (0, 1), e.g. 0.95
     * @param seed      seeds the resampling
     */
    public static Interval interval(int n, ToDoubleFunction<int[]> metric, int resamples, double level, long seed) {
        if (n < 1 || resamples < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need n >= 1, resamples >= 1, 0 < level < 1");
        }
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        double estimate = metric.applyAsDouble(identity);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int kept = 0;
        int[] draw = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                draw[i] = random.nextInt(n);
            }
            double v = metric.applyAsDouble(draw);
            if (!Double.isNaN(v)) {
                values[kept++] = v;
            }
        }
        if (kept == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN, level);
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        return new Interval(estimate, quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2), level);
    }

    /** Linear interpolation between closest ranks. */
    static double quantile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
