package org.karyo.label;

import java.util.Arrays;

/** Automatic cuts on a small sample of values (one per nucleus), computed exactly rather than on a histogram. */
public final class ThresholdFinder {
    private ThresholdFinder() {
    }

    /** Otsu's cut: the midpoint between the two sorted values where between-class variance is largest. */
    public static double otsu(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        if (n < 2 || v[0] == v[n - 1]) return n == 0 ? 0 : v[n - 1];
        double total = 0;
        for (double x : v) total += x;
        double left = 0;
        double best = -1;
        int bestK = 1;
        for (int k = 1; k < n; k++) {
            left += v[k - 1];
            if (v[k] == v[k - 1]) continue; // a cut must fall between distinct values
            double m0 = left / k;
            double m1 = (total - left) / (n - k);
            double between = (double) k * (n - k) * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                bestK = k;
            }
        }
        return (v[bestK - 1] + v[bestK]) / 2;
    }

    /** Between-class variance over total variance for a cut (1 = perfectly two-valued). */
    public static double separation(double[] values, double cut) {
        int n = values.length;
        if (n < 2) return 0;
        double mean = 0;
        for (double x : values) mean += x;
        mean /= n;
        double total = 0;
        double s0 = 0;
        double s1 = 0;
        int n0 = 0;
        for (double x : values) {
            total += (x - mean) * (x - mean);
            if (x <= cut) {
                s0 += x;
                n0++;
            } else {
                s1 += x;
            }
        }
        if (total == 0 || n0 == 0 || n0 == n) return 0;
        double m0 = s0 / n0;
        double m1 = s1 / (n - n0);
        double between = n0 * (m0 - mean) * (m0 - mean) + (n - n0) * (m1 - mean) * (m1 - mean);
        return between / total;
    }

    /**
     * Fits two Gaussians by EM, started from the Otsu split, and returns where their weighted densities
     * are equal between the two means. Falls back to Otsu when a component collapses.
     */
    public static double mixture(double[] v) {
        double otsu = otsu(v);
        int n = v.length;
        double w0 = 0, m0 = 0, m1 = 0;
        int n0 = 0;
        for (double x : v) {
            if (x <= otsu) {
                m0 += x;
                n0++;
            } else {
                m1 += x;
            }
        }
        if (n0 == 0 || n0 == n) return otsu;
        m0 /= n0;
        m1 /= (n - n0);
        w0 = (double) n0 / n;
        double s0 = 0, s1 = 0;
        for (double x : v) {
            if (x <= otsu) s0 += (x - m0) * (x - m0);
            else s1 += (x - m1) * (x - m1);
        }
        double range = Arrays.stream(v).max().getAsDouble() - Arrays.stream(v).min().getAsDouble();
        double floor = Math.pow(range * 1e-3 + 1e-12, 2);
        s0 = Math.max(s0 / n0, floor);
        s1 = Math.max(s1 / (n - n0), floor);
        double[] r = new double[n];
        for (int it = 0; it < 500; it++) {
            double sumR = 0, a0 = 0, a1 = 0;
            for (int i = 0; i < n; i++) {
                double p0 = w0 * gauss(v[i], m0, s0);
                double p1 = (1 - w0) * gauss(v[i], m1, s1);
                r[i] = p0 + p1 == 0 ? (v[i] <= otsu ? 1 : 0) : p0 / (p0 + p1);
                sumR += r[i];
                a0 += r[i] * v[i];
                a1 += (1 - r[i]) * v[i];
            }
            if (sumR < 1 || n - sumR < 1) return otsu;
            double nm0 = a0 / sumR;
            double nm1 = a1 / (n - sumR);
            double ns0 = 0, ns1 = 0;
            for (int i = 0; i < n; i++) {
                ns0 += r[i] * (v[i] - nm0) * (v[i] - nm0);
                ns1 += (1 - r[i]) * (v[i] - nm1) * (v[i] - nm1);
            }
            ns0 = Math.max(ns0 / sumR, floor);
            ns1 = Math.max(ns1 / (n - sumR), floor);
            double change = Math.abs(nm0 - m0) + Math.abs(nm1 - m1);
            m0 = nm0;
            m1 = nm1;
            s0 = ns0;
            s1 = ns1;
            w0 = sumR / n;
            if (change < 1e-9 * (1 + range)) break;
        }
        if (m0 > m1) return otsu;
        // Bisection for equal weighted densities between the means: the posterior crosses 0.5 there.
        double lo = m0, hi = m1;
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            double d = w0 * gauss(mid, m0, s0) - (1 - w0) * gauss(mid, m1, s1);
            if (d > 0) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static double gauss(double x, double m, double var) {
        return Math.exp(-(x - m) * (x - m) / (2 * var)) / Math.sqrt(2 * Math.PI * var);
    }
}
