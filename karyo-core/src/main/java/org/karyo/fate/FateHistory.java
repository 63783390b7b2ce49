package org.karyo.fate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a cell's Hoechst history says at one moment, for predicting its fate from the DNA stain: the
 * nucleus now (area, brightness, chromatin texture), and how it changed since infection and over the
 * last hours. A single moment's size cannot tell much: nuclei differ in size from cell to cell more
 * than a spreader grows before it lyses, so "larger than itself at infection" separates where "large"
 * does not.
 *
 * <p>Only frames at or before the moment are used (no look-ahead). A daughter's history starts in
 * its mother's frames (the caller joins the lineage), so division does not reset the baseline.
 */
public final class FateHistory {
    /** The per-frame signals, in the order their features appear within each group of {@link #NAMES}. */
    public static final List<String> SIGNALS = List.of("log_area", "log_dna", "dna_cv", "dna_rim_ratio", "dna_p90_ratio",
            "dna_bright_fraction");
    /**
     * The cell cycle as the Hoechst track shows it: hours since the cell's last division (since it was first seen,
     * when no division was seen: a lower bound), whether a division was seen, and the DNA content (integrated
     * Hoechst, area × mean) now, over the last 10 and 20 h and against its lowest and highest so far. A cycling cell
     * doubles its DNA content in S phase and halves it at division; an infected cell stops dividing. But a
     * contact-inhibited uninfected cell stops too, and for a cell present from the first frame the hours are the
     * movie clock. Opt-in: part of neither {@link #UNANCHORED} nor "history".
     */
    public static final List<String> CYCLE = List.of("hours_without_division", "division_seen", "log_dna_content",
            "log_dna_content_slope_per_h", "log_dna_content_slope_20h_per_h", "log_dna_content_vs_min", "log_dna_content_vs_max");
    /** Feature names, in the order {@link #at} returns them. */
    public static final List<String> NAMES = names();
    /** What one frame shows: a single crop's size, brightness and texture. */
    public static final List<String> FRAME_ONLY = SIGNALS;
    /**
     * History without the infection time: the features that do not use the reporter onset. The onset comes
     * from the reporter, whose kinetics may differ by fate (in the study and in the simulator), so the
     * anchored features can carry reporter information; this set is Hoechst alone. The cell's own extremes so
     * far stand in for its baseline at infection: a nucleus that has grown far beyond its smallest size, or lost
     * much of its brightness, has changed whenever it was infected.
     */
    public static final List<String> UNANCHORED = group("", "_slope_per_h", "_slope_20h_per_h", "_vs_min", "_vs_max");
    /** Features that need the texture columns (dna_cv and the others), absent from older track tables. */
    public static final List<String> TEXTURE = NAMES.stream()
            .filter(n -> SIGNALS.subList(2, SIGNALS.size()).stream().anyMatch(n::startsWith)).toList();

    /** Frames around infection that define the cell's own baseline. */
    static final double BASELINE_BEFORE_H = 6;
    static final double BASELINE_AFTER_H = 2;
    /** Window of the recent slope. */
    static final double SLOPE_WINDOW_H = 10;
    /** Window of the longer slope: a spreader's surge lasts about a day. */
    static final double LONG_SLOPE_WINDOW_H = 20;

    private static final int S = 6;

    private static List<String> names() {
        List<String> out = new ArrayList<>(group("", "_vs_onset", "_slope_per_h"));
        out.add("log_area_vs_peak");
        out.add("hours_post_infection");
        out.addAll(group("_slope_20h_per_h", "_vs_min", "_vs_max"));
        out.addAll(CYCLE);
        return List.copyOf(out);
    }

    private static List<String> group(String... suffixes) {
        List<String> out = new ArrayList<>();
        for (String suffix : suffixes) {
            for (String signal : SIGNALS) out.add(signal + suffix);
        }
        return List.copyOf(out);
    }

    /**
     * One frame of a nucleus.
     *
     * @param hours  movie time
     * @param area   nuclear area (> 0)
     * @param dna    mean Hoechst intensity (> 0)
     * @param cv     Hoechst standard deviation / mean inside the nucleus (texture); NaN when not measured
     * @param rim    Hoechst mean in the rim / mean in the centre; NaN when not measured
     * @param p90    Hoechst 90th percentile / median; NaN when not measured
     * @param bright share of the nucleus in bright foci (at least 1.5 times its median); NaN when not measured
     */
    public record Frame(double hours, double area, double dna, double cv, double rim, double p90, double bright) {
        /** A frame from a table without the focus columns. */
        public Frame(double hours, double area, double dna, double cv, double rim) {
            this(hours, area, dna, cv, rim, Double.NaN, Double.NaN);
        }
    }

    private final double[] hours;
    /** Movie times at which the lineage's tracks began by division, increasing. */
    private final double[] divisions;
    /** Per signal ({@link #SIGNALS}), per frame. */
    private final double[][] signals;
    /** Log DNA content (log area + log mean Hoechst), per frame. */
    private final double[] content;

    /** @param frames in increasing time */
    public FateHistory(List<Frame> frames) {
        this(frames, new double[0]);
    }

    /** @param divisionHours movie times at which a division began a track of this lineage */
    private FateHistory(List<Frame> frames, double[] divisionHours) {
        divisions = divisionHours.clone();
        Arrays.sort(divisions);
        int n = frames.size();
        if (n == 0) throw new IllegalArgumentException("need at least one frame");
        hours = new double[n];
        signals = new double[S][n];
        content = new double[n];
        for (int i = 0; i < n; i++) {
            Frame f = frames.get(i);
            if (i > 0 && !(f.hours() > hours[i - 1])) throw new IllegalArgumentException("hours must increase");
            hours[i] = f.hours();
            signals[0][i] = Math.log(Math.max(1e-9, f.area()));
            signals[1][i] = Math.log(Math.max(1e-9, f.dna()));
            signals[2][i] = f.cv();
            signals[3][i] = f.rim();
            signals[4][i] = f.p90();
            signals[5][i] = f.bright();
            content[i] = signals[0][i] + signals[1][i];
        }
    }

    /** A lineage's history: ancestors' frames (oldest first) before the track's own; later-or-equal times skipped. */
    public static FateHistory ofLineage(List<List<Frame>> oldestFirst) {
        return ofLineage(oldestFirst, new boolean[oldestFirst.size()]);
    }

    /**
     * As {@link #ofLineage(List)}, knowing which tracks began by division (a daughter) rather than by a gap in the
     * mother's track or at the lineage's start.
     *
     * @param byDivision per track of {@code oldestFirst}: did it begin as a daughter of the track before it
     */
    public static FateHistory ofLineage(List<List<Frame>> oldestFirst, boolean[] byDivision) {
        if (byDivision.length != oldestFirst.size()) throw new IllegalArgumentException("one division flag per track");
        double[] divided = new double[oldestFirst.size()];
        int d = 0;
        for (int i = 0; i < oldestFirst.size(); i++) {
            if (byDivision[i] && !oldestFirst.get(i).isEmpty()) divided[d++] = oldestFirst.get(i).get(0).hours();
        }
        List<Frame> joined = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (List<Frame> track : oldestFirst) {
            for (Frame f : track) {
                if (f.hours() > last) {
                    joined.add(f);
                    last = f.hours();
                }
            }
        }
        return new FateHistory(joined, Arrays.copyOf(divided, d));
    }

    public int size() {
        return hours.length;
    }

    /** The index of the frame at {@code t} (within {@code tolerance}), or -1. */
    public int indexAt(double t, double tolerance) {
        int i = Arrays.binarySearch(hours, t);
        if (i >= 0) return i;
        int after = -i - 1;
        int best = -1;
        for (int j : new int[] {after - 1, after}) {
            if (j >= 0 && j < hours.length && Math.abs(hours[j] - t) <= tolerance
                    && (best < 0 || Math.abs(hours[j] - t) < Math.abs(hours[best] - t))) {
                best = j;
            }
        }
        return best;
    }

    /** The features at frame {@code index} of a cell infected at {@code infectionHours}, in {@link #NAMES} order. */
    public double[] at(int index, double infectionHours) {
        double[] out = new double[NAMES.size()];
        int late = 3 * S + 2;
        for (int k = 0; k < S; k++) {
            double[] v = signals[k];
            out[k] = v[index];
            out[S + k] = v[index] - baseline(v, index, infectionHours);
            out[2 * S + k] = slope(v, index, SLOPE_WINDOW_H);
            out[late + k] = slope(v, index, LONG_SLOPE_WINDOW_H);
            double[] range = range(v, index);
            out[late + S + k] = v[index] - range[0];
            out[late + 2 * S + k] = v[index] - range[1];
        }
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= index; i++) {
            if (hours[i] >= infectionHours - BASELINE_BEFORE_H) peak = Math.max(peak, signals[0][i]);
        }
        double lastDivision = Double.NaN;
        for (double t : divisions) if (t <= hours[index]) lastDivision = t;
        int cycle = late + 3 * S;
        out[cycle] = hours[index] - (Double.isNaN(lastDivision) ? hours[0] : lastDivision);
        out[cycle + 1] = Double.isNaN(lastDivision) ? 0 : 1;
        double[] range = range(content, index);
        out[cycle + 2] = content[index];
        out[cycle + 3] = slope(content, index, SLOPE_WINDOW_H);
        out[cycle + 4] = slope(content, index, LONG_SLOPE_WINDOW_H);
        out[cycle + 5] = content[index] - range[0];
        out[cycle + 6] = content[index] - range[1];
        out[3 * S] = signals[0][index] - (peak == Double.NEGATIVE_INFINITY ? signals[0][index] : peak);
        out[3 * S + 1] = hours[index] - infectionHours;
        return out;
    }

    /** Lowest and highest measured value up to {@code index}; NaN when none was measured. */
    private static double[] range(double[] values, int index) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= index; i++) {
            if (Double.isFinite(values[i])) {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    /** Median over frames around infection (up to now); without such frames, over the first three frames. */
    private double baseline(double[] values, int index, double infectionHours) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i <= index; i++) {
            if (hours[i] >= infectionHours - BASELINE_BEFORE_H && hours[i] <= infectionHours + BASELINE_AFTER_H) {
                v.add(values[i]);
            }
        }
        if (v.isEmpty()) {
            for (int i = 0; i <= Math.min(index, 2); i++) v.add(values[i]);
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /**
     * Least-squares slope per hour over the last {@code window} hours, skipping unmeasured frames; 0 with fewer
     * than two measured frames, NaN when the frame itself was not measured.
     */
    private double slope(double[] values, int index, double window) {
        if (!Double.isFinite(values[index])) return Double.NaN;
        double t = hours[index];
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = index; i >= 0 && hours[i] >= t - window; i--) {
            if (!Double.isFinite(values[i])) continue;
            double h = hours[i] - t;
            sx += h;
            sy += values[i];
            sxx += h * h;
            sxy += h * values[i];
            n++;
        }
        double d = n * sxx - sx * sx;
        return n < 2 || d <= 0 ? 0 : (n * sxy - sx * sy) / d;
    }
}
