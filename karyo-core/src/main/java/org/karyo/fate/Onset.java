package org.karyo.fate;

/**
 * When a signal turns on: the first frame of a run of at least {@code persistence} consecutive values above the
 * threshold. A single bright frame (a mitotic nucleus, a passing speck, a mis-link) is not an onset.
 */
public final class Onset {
    private Onset() {
    }

    /** Index of the first value of the first qualifying run, or -1. NaN values break a run. */
    public static int first(double[] values, double threshold, int persistence) {
        if (persistence < 1) throw new IllegalArgumentException("persistence must be >= 1, not " + persistence);
        int run = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > threshold) {
                run++;
                if (run >= persistence) return i - run + 1;
            } else {
                run = 0;
            }
        }
        return -1;
    }
}
