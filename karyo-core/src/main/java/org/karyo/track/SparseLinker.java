package org.karyo.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Links sources to targets at minimum total cost when each may also stay unlinked at its own "no link" cost:
 * the linear assignment problem of Jaqaman et al. (2008) with birth and death dummies. Only candidate pairs
 * (inside the gating radius) are given, and the problem is solved exactly and sparsely by
 * {@link SparseAssignment}, so a frame of thousands of nuclei costs about as much as its crowded patches.
 */
public final class SparseLinker {
    /** One allowed pairing and its cost. */
    public record Candidate(int source, int target, double cost) {
    }

    private SparseLinker() {
    }

    /**
     * @param sourceNoLink cost of leaving each source unlinked
     * @param targetNoLink cost of leaving each target unlinked
     * @return for each source, its target or -1
     */
    public static int[] link(double[] sourceNoLink, double[] targetNoLink, List<Candidate> candidates) {
        int n = sourceNoLink.length;
        int m = targetNoLink.length;
        // Rows: sources 0..n-1, then one "birth" row per target; columns: targets 0..m-1, then one "death"
        // column per source. A birth row may also take the death column of any source that could have linked
        // to its target (the transposed candidate pattern), which is what a real link frees.
        int[] degree = new int[n + m];
        for (Candidate c : candidates) {
            if (c.source < 0 || c.source >= n || c.target < 0 || c.target >= m) {
                throw new IllegalArgumentException("candidate out of range: " + c);
            }
            if (!(c.cost >= 0)) throw new IllegalArgumentException("link costs must be >= 0: " + c);
            degree[c.source]++;
            degree[n + c.target]++;
        }
        int[] start = new int[n + m + 1];
        for (int r = 0; r < n + m; r++) start[r + 1] = start[r] + degree[r] + 1;
        int[] fill = Arrays.copyOf(start, n + m);
        int[] cols = new int[start[n + m]];
        double[] costs = new double[start[n + m]];
        for (int i = 0; i < n; i++) {
            cols[fill[i]] = m + i;
            costs[fill[i]++] = sourceNoLink[i];
        }
        for (int j = 0; j < m; j++) {
            cols[fill[n + j]] = j;
            costs[fill[n + j]++] = targetNoLink[j];
        }
        for (Candidate c : candidates) {
            cols[fill[c.source]] = c.target;
            costs[fill[c.source]++] = c.cost;
            cols[fill[n + c.target]] = m + c.source;
            costs[fill[n + c.target]++] = 0;
        }
        int[] col = new SparseAssignment(n + m, start, cols, costs).solve();
        int[] targetOf = new int[n];
        for (int i = 0; i < n; i++) targetOf[i] = col[i] < m ? col[i] : -1;
        return targetOf;
    }

}
