package org.karyo.simulate;

import java.util.SplittableRandom;

/**
 * Places nuclei in a field: some at random, some ("clumping") right against an already placed one, as
 * cells do after division and in colonies. Overlap is limited so each nucleus stays mostly visible;
 * when a crowded field has no room left, further cells are dropped.
 */
final class CellPlacement {
    /** Centre distance below which two nuclei may not sit, as a fraction of the sum of their radii. */
    private static final double MIN_SEPARATION = 0.85;
    private static final int ATTEMPTS = 40;

    private final int width;
    private final int height;
    private final double cell;
    private final int gw;
    private final int gh;
    // Grid buckets as linked lists in primitive arrays: crowded 4x fields place ~10^5 nuclei.
    private final int[] head;
    private int[] next = new int[256];
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private double[] rs = new double[256];
    private int count;

    CellPlacement(int width, int height, double maxRadius) {
        this.width = width;
        this.height = height;
        this.cell = Math.max(4, 2 * maxRadius);
        this.gw = (int) Math.ceil(width / cell) + 1;
        this.gh = (int) Math.ceil(height / cell) + 1;
        this.head = new int[gw * gh];
        java.util.Arrays.fill(head, -1);
    }

    /** Places a nucleus of radius {@code radius}; returns {x, y} or null when no room was found. */
    double[] place(SplittableRandom r, double radius, double clumping) {
        for (int a = 0; a < ATTEMPTS; a++) {
            double x;
            double y;
            if (count > 0 && r.nextDouble() < clumping) {
                int other = r.nextInt(count);
                double t = r.nextDouble(2 * Math.PI);
                double d = (radius + rs[other]) * (0.88 + 0.15 * r.nextDouble());
                x = xs[other] + d * Math.cos(t);
                y = ys[other] + d * Math.sin(t);
                if (x < 0 || y < 0 || x >= width || y >= height) continue;
            } else {
                x = r.nextDouble(width);
                y = r.nextDouble(height);
            }
            if (fits(x, y, radius)) {
                add(x, y, radius);
                return new double[] {x, y};
            }
        }
        return null;
    }

    private boolean fits(double x, double y, double radius) {
        int gx = (int) (x / cell);
        int gy = (int) (y / cell);
        for (int j = Math.max(0, gy - 1); j <= Math.min(gh - 1, gy + 1); j++) {
            for (int i = Math.max(0, gx - 1); i <= Math.min(gw - 1, gx + 1); i++) {
                for (int k = head[j * gw + i]; k >= 0; k = next[k]) {
                    double dx = xs[k] - x;
                    double dy = ys[k] - y;
                    double min = MIN_SEPARATION * (radius + rs[k]);
                    if (dx * dx + dy * dy < min * min) return false;
                }
            }
        }
        return true;
    }

    private void add(double x, double y, double radius) {
        if (count == xs.length) {
            int n = count * 2;
            next = java.util.Arrays.copyOf(next, n);
            xs = java.util.Arrays.copyOf(xs, n);
            ys = java.util.Arrays.copyOf(ys, n);
            rs = java.util.Arrays.copyOf(rs, n);
        }
        int bucket = (int) (y / cell) * gw + (int) (x / cell);
        xs[count] = x;
        ys[count] = y;
        rs[count] = radius;
        next[count] = head[bucket];
        head[bucket] = count;
        count++;
    }
}
