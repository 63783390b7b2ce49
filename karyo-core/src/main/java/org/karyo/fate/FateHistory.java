package org.karyo.fate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a cell's Hoechst history says at one moment, for predicting its fate from the DNA stain: the
 * nucleus now (area, brightness), and how it changed since infection and over the last hours. A
 * single crop cannot see the change: nuclei differ in size from cell to cell more than a spreader
 * grows before it lyses, so "larger than itself at infection" separates where "large" does not.
 *
 * <p>Only frames at or before the moment are used (no look-ahead). A daughter's history starts in
 * its mother's frames (the caller joins the lineage), so division does not reset the baseline.
 */
public final class FateHistory {
    /** Feature names, in the order {@link #at} returns them. */
    public static final List<String> NAMES = List.of(
            "log_area", "log_dna", "log_area_vs_onset", "log_dna_vs_onset",
            "log_area_slope_per_h", "log_dna_slope_per_h", "log_area_vs_peak", "hours_post_infection");
    /** The features a single crop also has: the comparison that shows what the history adds. */
    public static final List<String> FRAME_ONLY = List.of("log_area", "log_dna");
    /**
     * History without the infection time: the features above that do not use the reporter onset. The onset
     * comes from the reporter, whose kinetics may differ by fate (in the study and in the simulator), so the
     * anchored features can carry reporter information; this set is Hoechst alone.
     */
    public static final List<String> UNANCHORED = List.of("log_area", "log_dna", "log_area_slope_per_h", "log_dna_slope_per_h");

    /** Frames around infection that define the cell's own baseline. */
    static final double BASELINE_BEFORE_H = 6;
    static final double BASELINE_AFTER_H = 2;
    /** Window of the recent slope. */
    static final double SLOPE_WINDOW_H = 10;

    private final double[] hours;
    private final double[] logArea;
    private final double[] logDna;

    /**
     * @param hours increasing movie times of the lineage's frames
     * @param area  nuclear area per frame (> 0)
     * @param dna   mean Hoechst intensity per frame (> 0)
     */
    public FateHistory(double[] hours, double[] area, double[] dna) {
        int n = hours.length;
        if (n == 0 || area.length != n || dna.length != n) {
            throw new IllegalArgumentException("need equal, non-empty series");
        }
        for (int i = 1; i < n; i++) {
            if (!(hours[i] > hours[i - 1])) throw new IllegalArgumentException("hours must increase");
        }
        this.hours = hours.clone();
        this.logArea = new double[n];
        this.logDna = new double[n];
        for (int i = 0; i < n; i++) {
            logArea[i] = Math.log(Math.max(1e-9, area[i]));
            logDna[i] = Math.log(Math.max(1e-9, dna[i]));
        }
    }

    /** A lineage's history: ancestors' frames (oldest first) before the track's own. */
    public static FateHistory ofLineage(List<TrackSeries> oldestFirst) {
        List<double[]> rows = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (TrackSeries s : oldestFirst) {
            for (int i = 0; i < s.size(); i++) {
                if (s.hours()[i] > last) {
                    rows.add(new double[] {s.hours()[i], s.area()[i], s.dna()[i]});
                    last = s.hours()[i];
                }
            }
        }
        return new FateHistory(rows.stream().mapToDouble(r -> r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[1]).toArray(), rows.stream().mapToDouble(r -> r[2]).toArray());
    }

    public int size() {
        return hours.length;
    }

    public double hours(int i) {
        return hours[i];
    }

    /** The index of the frame at {@code t} (within half a frame), or -1. */
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
        double t = hours[index];
        double baseArea = baseline(logArea, index, infectionHours);
        double baseDna = baseline(logDna, index, infectionHours);
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= index; i++) {
            if (hours[i] >= infectionHours - BASELINE_BEFORE_H) peak = Math.max(peak, logArea[i]);
        }
        if (peak == Double.NEGATIVE_INFINITY) peak = logArea[index];
        return new double[] {
            logArea[index], logDna[index], logArea[index] - baseArea, logDna[index] - baseDna,
            slope(logArea, index), slope(logDna, index), logArea[index] - peak, t - infectionHours};
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
