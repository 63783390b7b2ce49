package org.karyo.track;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Minimum-cost perfect assignment on a sparse square problem: successive shortest augmenting paths (Dijkstra
 * on reduced costs, with row and column potentials, as in Jonker-Volgenant's sparse variant). Each search stops
 * at the first free column, so in a field of thousands of nuclei an augmentation touches only its neighbourhood.
 * Costs must be non-negative and a perfect assignment must exist.
 */
public final class SparseAssignment {
    private final int n;
    private final int[] start;
    private final int[] cols;
    private final double[] costs;

    /**
     * @param n     rows = columns
     * @param start row i's edges are {@code cols/costs[start[i] .. start[i+1])}; length n + 1
     */
    public SparseAssignment(int n, int[] start, int[] cols, double[] costs) {
        if (start.length != n + 1 || cols.length != costs.length || start[n] != cols.length) {
            throw new IllegalArgumentException("malformed sparse matrix");
        }
        for (double c : costs) if (!(c >= 0)) throw new IllegalArgumentException("costs must be >= 0, got " + c);
        this.n = n;
        this.start = start;
        this.cols = cols;
        this.costs = costs;
    }

    /** For each row, its column; throws when some row cannot be assigned. */
    public int[] solve() {
        double[] u = new double[n];
        double[] v = new double[n];
        int[] rowOf = new int[n];
        int[] colOf = new int[n];
        Arrays.fill(rowOf, -1);
        Arrays.fill(colOf, -1);
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int[] pred = new int[n];
        boolean[] done = new boolean[n];
        int[] touched = new int[n];
        int[] finalized = new int[n];
        record Entry(double d, int col) {
        }
        PriorityQueue<Entry> heap = new PriorityQueue<>((a, b) -> Double.compare(a.d, b.d));
        for (int r = 0; r < n; r++) {
            int nTouched = 0;
            int nFinal = 0;
            heap.clear();
            for (int e = start[r]; e < start[r + 1]; e++) {
                int j = cols[e];
                double d = costs[e] - u[r] - v[j];
                if (d < dist[j]) {
                    if (dist[j] == Double.POSITIVE_INFINITY) touched[nTouched++] = j;
                    dist[j] = d;
                    pred[j] = r;
                    heap.add(new Entry(d, j));
                }
            }
            int end = -1;
            double total = 0;
            while (!heap.isEmpty()) {
                Entry top = heap.poll();
                int j = top.col;
                if (done[j] || top.d > dist[j]) continue;
                done[j] = true;
                finalized[nFinal++] = j;
                if (rowOf[j] < 0) {
                    end = j;
                    total = dist[j];
                    break;
                }
                int i = rowOf[j];
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int k = cols[e];
                    if (done[k]) continue;
                    double d = dist[j] + costs[e] - u[i] - v[k];
                    if (d < dist[k]) {
                        if (dist[k] == Double.POSITIVE_INFINITY) touched[nTouched++] = k;
                        dist[k] = d;
                        pred[k] = i;
                        heap.add(new Entry(d, k));
                    }
                }
            }
            if (end < 0) throw new IllegalStateException("row " + r + " cannot be assigned");
            u[r] += total;
            for (int f = 0; f < nFinal; f++) {
                int j = finalized[f];
                if (j == end) continue;
                double shift = total - dist[j];
                v[j] -= shift;
                u[rowOf[j]] += shift;
            }
            int j = end;
            while (true) {
                int i = pred[j];
                int previous = colOf[i];
                rowOf[j] = i;
                colOf[i] = j;
                if (i == r) break;
                j = previous;
            }
            for (int t = 0; t < nTouched; t++) {
                dist[touched[t]] = Double.POSITIVE_INFINITY;
                done[touched[t]] = false;
            }
        }
        return colOf;
    }
}
