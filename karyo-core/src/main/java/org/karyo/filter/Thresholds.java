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
     * Otsu's threshold that is not captured by a few very bright objects (condensed mitotic or apoptotic
     * nuclei, debris, a saturated artefact). When the class above the cut is a small minority of the
     * pixels, the image is split again below the cut; the lower cut is kept only when it reveals objects
     * of its own: at least twice as many new objects (with no pixel above the first cut) as there were
     * bright ones, and it must stand clear of the background noise. That tells "a few bright outliers above many ordinary nuclei" from "a sparse field
     * whose nuclei are the minority", where a lower cut would only grow each nucleus into its halo.
     *
     * @param minorityFraction the bright class counts as a minority below this fraction of pixels
     * @param minObjectArea    objects smaller than this many pixels are noise, not counted
     * @param maxObjectArea    nor are larger ones: a cut in the background makes a few huge regions
     */
    public static float robustOtsu(float[] px, int w, int h, double minorityFraction, int minObjectArea, int maxObjectArea) {
        float t = otsu(px);
        for (int round = 0; round < 3; round++) {
            int above = 0;
            for (float v : px) if (v > t) above++;
            if (above == 0 || above > minorityFraction * px.length) return t;
            float[] below = new float[px.length - above];
            int k = 0;
            for (float v : px) if (v <= t) below[k++] = v;
            float lower = otsu(below);
            if (!aboveNoise(below, lower)) return t;
            int bright = objects(px, w, h, t, minObjectArea, maxObjectArea);
            if (newObjects(px, w, h, lower, t, minObjectArea, maxObjectArea) < 2 * Math.max(1, bright)) return t;
            t = lower;
        }
        return t;
    }

    /**
     * Whether a cut stands clear of the background noise: at least 6 robust standard deviations (from the
     * median absolute deviation) above the median of what lies below it. A cut inside the noise would make
     * blobs of noise look like new objects.
     */
    private static boolean aboveNoise(float[] values, float cut) {
        int n = 0;
        for (float v : values) if (v <= cut) n++;
        if (n < 2) return false;
        float[] bg = new float[n];
        int k = 0;
        for (float v : values) if (v <= cut) bg[k++] = v;
        java.util.Arrays.sort(bg);
        float median = bg[n / 2];
        for (int i = 0; i < n; i++) bg[i] = Math.abs(bg[i] - median);
        java.util.Arrays.sort(bg);
        return cut > median + 6 * 1.4826f * bg[n / 2];
    }

    private static int objects(float[] px, int w, int h, float cut, int minArea, int maxArea) {
        return countComponents(px, w, h, cut, Float.POSITIVE_INFINITY, minArea, maxArea);
    }

    /** Components above {@code low} that have no pixel above {@code high}. */
    private static int newObjects(float[] px, int w, int h, float low, float high, int minArea, int maxArea) {
        return countComponents(px, w, h, low, high, minArea, maxArea);
    }

    private static int countComponents(float[] px, int w, int h, float cut, float ceiling, int minArea, int maxArea) {
        boolean[] mask = new boolean[px.length];
        for (int i = 0; i < px.length; i++) mask[i] = px[i] > cut;
        int[] lab = BinaryOps.components(mask, w, h);
        int n = 0;
        for (int l : lab) n = Math.max(n, l);
        int[] area = new int[n + 1];
        boolean[] bright = new boolean[n + 1];
        for (int i = 0; i < lab.length; i++) {
            area[lab[i]]++;
            if (px[i] > ceiling) bright[lab[i]] = true;
        }
        int count = 0;
        for (int l = 1; l <= n; l++) if (area[l] >= minArea && area[l] <= maxArea && !bright[l]) count++;
        return count;
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
