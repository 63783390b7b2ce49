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

    /**
     * Like {@link #first}, for a signal that does not fade once on (a virus reporter): the first qualifying run after
     * which the values stay above the threshold in at least half of the remaining frames. A few bright frames in a
     * track that is dark before and after are a neighbour's signal (a swapped identity, two nuclei segmented as one),
     * not an infection. -1 if none.
     */
    public static int sustained(double[] values, double threshold, int persistence) {
        int from = 0;
        while (from < values.length) {
            int start = first(java.util.Arrays.copyOfRange(values, from, values.length), threshold, persistence);
            if (start < 0) return -1;
            start += from;
            int above = 0;
            for (int i = start; i < values.length; i++) if (values[i] > threshold) above++;
            if (2 * above >= values.length - start) return start;
            from = start + 1;
        }
        return -1;
    }
}
