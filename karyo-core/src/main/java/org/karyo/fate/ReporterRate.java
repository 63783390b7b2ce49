package org.karyo.fate;

/**
 * How fast a cell accumulates reporter: the least-squares slope of reporter level against hours post infection
 * within a window (24-40 hpi in the ViResNet study, where spreaders outpace nonspreaders).
 */
public final class ReporterRate {
    private ReporterRate() {
    }

    /** @return {slope per hour, points used}; slope NaN with fewer than {@code minPoints} points in the window */
    public static double[] slope(double[] hpi, double[] reporter, double from, double to, int minPoints) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < hpi.length; i++) {
            double x = hpi[i];
            double y = reporter[i];
            if (!(x >= from && x <= to) || !Double.isFinite(y)) continue;
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double den = n * sxx - sx * sx;
        if (n < Math.max(2, minPoints) || den == 0) return new double[] {Double.NaN, n};
        return new double[] {(n * sxy - sx * sy) / den, n};
    }
}
