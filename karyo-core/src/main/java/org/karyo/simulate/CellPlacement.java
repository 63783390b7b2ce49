package org.karyo.simulate;

import java.util.ArrayList;
import java.util.List;
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
    private final List<List<Integer>> grid;
    private final List<double[]> placed = new ArrayList<>();

    CellPlacement(int width, int height, double maxRadius) {
        this.width = width;
        this.height = height;
        this.cell = Math.max(4, 2 * maxRadius);
        this.gw = (int) Math.ceil(width / cell) + 1;
        this.gh = (int) Math.ceil(height / cell) + 1;
        this.grid = new ArrayList<>(gw * gh);
        for (int i = 0; i < gw * gh; i++) grid.add(new ArrayList<>(2));
    }

    /** Places a nucleus of radius {@code radius}; returns {x, y} or null when no room was found. */
    double[] place(SplittableRandom r, double radius, double clumping) {
        for (int a = 0; a < ATTEMPTS; a++) {
            double x;
            double y;
            if (!placed.isEmpty() && r.nextDouble() < clumping) {
                double[] other = placed.get(r.nextInt(placed.size()));
                double t = r.nextDouble(2 * Math.PI);
                double d = (radius + other[2]) * (0.88 + 0.15 * r.nextDouble());
                x = other[0] + d * Math.cos(t);
                y = other[1] + d * Math.sin(t);
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
                for (int k : grid.get(j * gw + i)) {
                    double[] o = placed.get(k);
                    double dx = o[0] - x;
                    double dy = o[1] - y;
                    double min = MIN_SEPARATION * (radius + o[2]);
                    if (dx * dx + dy * dy < min * min) return false;
                }
            }
        }
        return true;
    }

    private void add(double x, double y, double radius) {
        grid.get((int) (y / cell) * gw + (int) (x / cell)).add(placed.size());
        placed.add(new double[] {x, y, radius});
    }
}
