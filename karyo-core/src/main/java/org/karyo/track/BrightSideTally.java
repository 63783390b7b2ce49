package org.karyo.track;

/**
 * How much the bright side of a nucleus ({@link Detection#brightSideDistance}) tells it from its neighbours in a
 * movie: its change along the tracker's one-frame links against its difference between nearest neighbours of one
 * frame. The bright side is a cue only where the first is clearly smaller than the second; on simulated movies the
 * medians are about 0.03 and 0.06 nucleus radii. Both are kept as histograms, so memory does not grow with the movie.
 */
public final class BrightSideTally {
    /** Histogram bin width and range, nucleus radii; larger values count in the last bin. */
    static final double BIN = 0.002;
    static final int BINS = 500;
    private final long[] links = new long[BINS];
    private final long[] neighbours = new long[BINS];
    private long linkCount;
    private long neighbourCount;

    void addLink(double distance) {
        if (Double.isFinite(distance)) {
            links[bin(distance)]++;
            linkCount++;
        }
    }

    void addNeighbours(double distance) {
        if (Double.isFinite(distance)) {
            neighbours[bin(distance)]++;
            neighbourCount++;
        }
    }

    /** Median change along one-frame links, nucleus radii; NaN before any. */
    public double linkMedian() {
        return median(links, linkCount);
    }

    /** Median difference between nearest neighbours of one frame, nucleus radii; NaN before any. */
    public double neighbourMedian() {
        return median(neighbours, neighbourCount);
    }

    private static int bin(double v) {
        return (int) Math.min(BINS - 1, Math.max(0, v / BIN));
    }

    private static double median(long[] h, long n) {
        if (n == 0) return Double.NaN;
        long seen = 0;
        for (int i = 0; i < h.length; i++) {
            seen += h[i];
            if (2 * seen >= n) return (i + 0.5) * BIN;
        }
        return (h.length - 0.5) * BIN;
    }
}
