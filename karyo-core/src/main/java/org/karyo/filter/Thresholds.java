package org.karyo.filter;

/** Global thresholds found on a 1024-bin histogram of a float image between its minimum and maximum. */
public final class Thresholds {
    static final int BINS = 1024;

    private Thresholds() {
    }

    /** Otsu's threshold: maximises the between-class variance. */
    public static float otsu(float[] px) {
        float[] range = range(px);
        if (range[0] == range[1]) return range[0];
        long[] hist = histogram(px, range);
        long total = px.length;
        double sumAll = 0;
        for (int i = 0; i < BINS; i++) sumAll += (double) i * hist[i];
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int bestFrom = 0;
        int bestTo = 0;
        for (int i = 0; i < BINS - 1; i++) {
            wB += hist[i];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += (double) i * hist[i];
            double mB = sumB / wB;
            double mF = (sumAll - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best * (1 + 1e-12)) {
                best = between;
                bestFrom = i;
                bestTo = i;
            } else if (between >= best * (1 - 1e-12) && bestTo == i - 1) {
                bestTo = i; // an empty gap between the classes: every cut in it is equally good
            }
        }
        // The middle of the gap, not its first bin, so the cut does not hug the lower class's tail.
        return binUpper((bestFrom + bestTo) / 2, range);
    }

    /**
     * The triangle threshold (Zack et al.): the bin farthest from the line joining the histogram peak to
     * the end of its longer tail. Suits images where foreground is a small minority.
     */
    public static float triangle(float[] px) {
        float[] range = range(px);
        if (range[0] == range[1]) return range[0];
        long[] hist = histogram(px, range);
        int peak = 0;
        for (int i = 1; i < BINS; i++) if (hist[i] > hist[peak]) peak = i;
        int first = 0;
        while (first < BINS - 1 && hist[first] == 0) first++;
        int last = BINS - 1;
        while (last > 0 && hist[last] == 0) last--;
        boolean tailRight = (last - peak) >= (peak - first);
        int end = tailRight ? last : first;
        double best = -1;
        int bestI = peak;
        int from = Math.min(peak, end);
        int to = Math.max(peak, end);
        double dx = end - peak;
        double dy = (double) hist[end] - hist[peak];
        double norm = Math.hypot(dx, dy);
        for (int i = from; i <= to; i++) {
            double d = Math.abs(dy * (i - peak) - dx * ((double) hist[i] - hist[peak])) / norm;
            if (d > best) {
                best = d;
                bestI = i;
            }
        }
        return tailRight ? binUpper(bestI, range) : binLower(bestI, range);
    }

    private static float[] range(float[] px) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : px) {
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        return new float[] {lo, hi};
    }

    private static long[] histogram(float[] px, float[] range) {
        long[] hist = new long[BINS];
        double scale = (BINS - 1e-6) / ((double) range[1] - range[0]);
        for (float v : px) hist[Math.min(BINS - 1, (int) (((double) v - range[0]) * scale))]++;
        return hist;
    }

    private static float binUpper(int bin, float[] range) {
        return (float) (range[0] + (bin + 1) * ((double) range[1] - range[0]) / BINS);
    }

    private static float binLower(int bin, float[] range) {
        return (float) (range[0] + bin * ((double) range[1] - range[0]) / BINS);
    }
}
