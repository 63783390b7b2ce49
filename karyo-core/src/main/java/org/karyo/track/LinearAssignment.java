package org.karyo.track;

import java.util.Arrays;

/**
 * Minimum-cost perfect assignment on a square cost matrix: the Hungarian method in its shortest augmenting
 * path form with row and column potentials (Jonker-Volgenant style), O(n³). Used on the small connected
 * pieces of a sparse linking problem, so n stays in the tens.
 */
public final class LinearAssignment {
    private LinearAssignment() {
    }

    /**
     * @param cost n x n, row-major; forbidden pairs get a large finite cost (the caller's job to keep a
     *             feasible assignment, e.g. with dummy rows and columns)
     * @return for each row, the column assigned to it
     */
    public static int[] solve(double[] cost, int n) {
        if (cost.length != n * n) throw new IllegalArgumentException("need " + n * n + " costs, got " + cost.length);
        // 1-based arrays: index 0 is the virtual column the search starts from.
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] rowOfCol = new int[n + 1];
        int[] way = new int[n + 1];
        double[] minv = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            rowOfCol[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfCol[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                int base = (i0 - 1) * n;
                for (int j = 1; j <= n; j++) {
                    if (used[j]) continue;
                    double cur = cost[base + j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[rowOfCol[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfCol[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfCol[j0] = rowOfCol[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] colOfRow = new int[n];
        for (int j = 1; j <= n; j++) colOfRow[rowOfCol[j] - 1] = j - 1;
        return colOfRow;
    }
}
