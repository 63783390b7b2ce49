package org.karyo.fate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fate calls against truth: a confusion matrix (rows truth, columns call, in {@link Fate} order) and the timing
 * errors of infection and lysis onsets (called minus true, hours) where both agree the event happened.
 *
 * @param confusion      counts[truth][call]
 * @param infectionError called - true infection hours, for tracks infected in both
 * @param lysisError     called - true lysis hours, for tracks lysed in both
 * @param unmatched      calls with no truth record (not scored)
 */
public record FateScore(int[][] confusion, double[] infectionError, double[] lysisError, int unmatched) {
    public static FateScore of(List<FateCall> calls, Map<Integer, TrueFate> truth) {
        int k = Fate.values().length;
        int[][] conf = new int[k][k];
        List<Double> inf = new ArrayList<>();
        List<Double> lys = new ArrayList<>();
        int unmatched = 0;
        for (FateCall c : calls) {
            TrueFate t = truth.get(c.trackId());
            if (t == null) {
                unmatched++;
                continue;
            }
            conf[t.fate().ordinal()][c.fate().ordinal()]++;
            if (!Double.isNaN(t.infectionHours()) && !Double.isNaN(c.infectionHours())) inf.add(c.infectionHours() - t.infectionHours());
            if (!Double.isNaN(t.lysisHours()) && !Double.isNaN(c.lysisHours())) lys.add(c.lysisHours() - t.lysisHours());
        }
        return new FateScore(conf, inf.stream().mapToDouble(Double::doubleValue).toArray(),
                lys.stream().mapToDouble(Double::doubleValue).toArray(), unmatched);
    }

    public int total() {
        int n = 0;
        for (int[] r : confusion) for (int v : r) n += v;
        return n;
    }

    public double accuracy() {
        int ok = 0;
        for (int i = 0; i < confusion.length; i++) ok += confusion[i][i];
        return total() == 0 ? Double.NaN : (double) ok / total();
    }

    /** Of the tracks truly of this fate, the fraction called so (NaN when there are none). */
    public double recall(Fate f) {
        int[] row = confusion[f.ordinal()];
        int n = Arrays.stream(row).sum();
        return n == 0 ? Double.NaN : (double) row[f.ordinal()] / n;
    }

    /** Of the tracks called this fate, the fraction truly so. */
    public double precision(Fate f) {
        int n = 0;
        for (int[] r : confusion) n += r[f.ordinal()];
        return n == 0 ? Double.NaN : (double) confusion[f.ordinal()][f.ordinal()] / n;
    }

    /** The q-quantile (0..1, linear between order statistics) of some values; NaN when empty. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) return Double.NaN;
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
