package org.karyo.measure;

/** Area of the convex hull of integer points (Andrew's monotone chain), for solidity. */
final class ConvexHull {
    private ConvexHull() {
    }

    /**
     * @param xs x coordinates, {@code n} of them are used
     * @param ys y coordinates
     */
    static double area(int[] xs, int[] ys, int n) {
        if (n < 3) return 0;
        long[] pts = new long[n];
        for (int i = 0; i < n; i++) {
            // Pack (x, y) so one primitive sort orders by x then y; coordinates are non-negative ints.
            pts[i] = ((long) xs[i] << 32) | (ys[i] & 0xffffffffL);
        }
        java.util.Arrays.sort(pts);
        long[] hull = new long[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) k--;
            hull[k++] = pts[i];
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) k--;
            hull[k++] = pts[i];
        }
        double twice = 0;
        for (int i = 0; i < k - 1; i++) {
            twice += (double) x(hull[i]) * y(hull[i + 1]) - (double) x(hull[i + 1]) * y(hull[i]);
        }
        return Math.abs(twice) / 2;
    }

    private static long cross(long o, long a, long b) {
        return (x(a) - x(o)) * (y(b) - y(o)) - (y(a) - y(o)) * (x(b) - x(o));
    }

    private static long x(long p) {
        return p >>> 32;
    }

    private static long y(long p) {
        return (int) p;
    }
}
