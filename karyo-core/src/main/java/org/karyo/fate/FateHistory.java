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
    /** Feature names, in the order {@link #at} returns them. */
    public static final List<String> NAMES = List.of(
            "log_area", "log_dna", "dna_cv", "dna_rim_ratio",
            "log_area_vs_onset", "log_dna_vs_onset", "dna_cv_vs_onset", "dna_rim_ratio_vs_onset",
            "log_area_slope_per_h", "log_dna_slope_per_h", "dna_cv_slope_per_h", "dna_rim_ratio_slope_per_h",
            "log_area_vs_peak", "hours_post_infection");
    /** What one frame shows: a single crop's size, brightness and texture. */
    public static final List<String> FRAME_ONLY = List.of("log_area", "log_dna", "dna_cv", "dna_rim_ratio");
    /**
     * History without the infection time: the features that do not use the reporter onset. The onset comes
     * from the reporter, whose kinetics may differ by fate (in the study and in the simulator), so the
     * anchored features can carry reporter information; this set is Hoechst alone.
     */
    public static final List<String> UNANCHORED = List.of("log_area", "log_dna", "dna_cv", "dna_rim_ratio",
            "log_area_slope_per_h", "log_dna_slope_per_h", "dna_cv_slope_per_h", "dna_rim_ratio_slope_per_h");
    /** Features that need the texture columns (dna_cv, dna_rim_ratio), absent from older track tables. */
    public static final List<String> TEXTURE = List.of("dna_cv", "dna_rim_ratio", "dna_cv_vs_onset",
            "dna_rim_ratio_vs_onset", "dna_cv_slope_per_h", "dna_rim_ratio_slope_per_h");

    /** Frames around infection that define the cell's own baseline. */
    static final double BASELINE_BEFORE_H = 6;
    static final double BASELINE_AFTER_H = 2;
    /** Window of the recent slope. */
    static final double SLOPE_WINDOW_H = 10;

    /**
     * One frame of a nucleus.
     *
     * @param hours movie time
     * @param area  nuclear area (> 0)
     * @param dna   mean Hoechst intensity (> 0)
     * @param cv    Hoechst standard deviation / mean inside the nucleus (texture); NaN when not measured
     * @param rim   Hoechst mean in the rim / mean in the centre; NaN when not measured
     */
    public record Frame(double hours, double area, double dna, double cv, double rim) {
    }

    private final double[] hours;
    /** Per signal (log area, log DNA, CV, rim), per frame. */
    private final double[][] signals;

    /** @param frames in increasing time */
    public FateHistory(List<Frame> frames) {
        int n = frames.size();
        if (n == 0) throw new IllegalArgumentException("need at least one frame");
        hours = new double[n];
        signals = new double[4][n];
        for (int i = 0; i < n; i++) {
            Frame f = frames.get(i);
            if (i > 0 && !(f.hours() > hours[i - 1])) throw new IllegalArgumentException("hours must increase");
            hours[i] = f.hours();
            signals[0][i] = Math.log(Math.max(1e-9, f.area()));
            signals[1][i] = Math.log(Math.max(1e-9, f.dna()));
            signals[2][i] = f.cv();
            signals[3][i] = f.rim();
        }
    }

    /** A lineage's history: ancestors' frames (oldest first) before the track's own; later-or-equal times skipped. */
    public static FateHistory ofLineage(List<List<Frame>> oldestFirst) {
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
        return new FateHistory(joined);
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
        for (int k = 0; k < 4; k++) {
            double[] v = signals[k];
            out[k] = v[index];
            out[4 + k] = v[index] - baseline(v, index, infectionHours);
            out[8 + k] = slope(v, index);
        }
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= index; i++) {
            if (hours[i] >= infectionHours - BASELINE_BEFORE_H) peak = Math.max(peak, signals[0][i]);
        }
        out[12] = signals[0][index] - (peak == Double.NEGATIVE_INFINITY ? signals[0][index] : peak);
        out[13] = hours[index] - infectionHours;
        return out;
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

    /** Least-squares slope per hour over the last {@link #SLOPE_WINDOW_H} hours; 0 with fewer than two frames. */
    private double slope(double[] values, int index) {
        double t = hours[index];
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = index; i >= 0 && hours[i] >= t - SLOPE_WINDOW_H; i--) {
            sx += hours[i];
            sy += values[i];
            sxx += hours[i] * hours[i];
            sxy += hours[i] * values[i];
            n++;
        }
        double d = n * sxx - sx * sx;
        return n < 2 || d <= 0 ? 0 : (n * sxy - sx * sy) / d;
    }
}
