package org.karyo.fate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mean and standard deviation over tracks of one measurement, per fate, with time measured from an event
 * (hours post infection, or hours before lysis). Times are binned to the nearest multiple of {@code binHours}
 * (the frame interval, so each track adds at most one value per bin).
 */
public final class AlignedSeries {
    /** One bin: n values, their mean and sample standard deviation (NaN for n < 2). */
    public record Bin(double hours, int n, double mean, double sd) {
    }

    private final double binHours;
    private final Map<Fate, TreeMap<Long, double[]>> sums = new TreeMap<>();

    public AlignedSeries(double binHours) {
        if (!(binHours > 0)) throw new IllegalArgumentException("bin must be positive hours");
        this.binHours = binHours;
    }

    public void add(Fate fate, double hours, double value) {
        if (!Double.isFinite(hours) || !Double.isFinite(value)) return;
        long k = Math.round(hours / binHours);
        double[] s = sums.computeIfAbsent(fate, f -> new TreeMap<>()).computeIfAbsent(k, x -> new double[3]);
        s[0]++;
        s[1] += value;
        s[2] += value * value;
    }

    public List<Bin> bins(Fate fate) {
        List<Bin> out = new ArrayList<>();
        for (Map.Entry<Long, double[]> e : sums.getOrDefault(fate, new TreeMap<>()).entrySet()) {
            double[] s = e.getValue();
            int n = (int) s[0];
            double mean = s[1] / n;
            double sd = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (s[2] - n * mean * mean) / (n - 1)));
            out.add(new Bin(e.getKey() * binHours, n, mean, sd));
        }
        return out;
    }
}
