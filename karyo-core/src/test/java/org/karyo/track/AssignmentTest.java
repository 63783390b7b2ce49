package org.karyo.track;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentTest {
    @Test
    void denseSolverFindsTheKnownOptimum() {
        // Greedy takes 1 (row 0 -> col 0) and then pays 10; the optimum pairs 0->1 and 1->0 for 2 + 2.
        double[] cost = {1, 2, 2, 10};
        assertThat(LinearAssignment.solve(cost, 2)).containsExactly(1, 0);
    }

    @Test
    void sparseSolverMatchesDenseOnRandomProblems() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(12);
            double[] dense = new double[n * n];
            List<Integer> cols = new ArrayList<>();
            List<Double> costs = new ArrayList<>();
            int[] start = new int[n + 1];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    // Sparse: a diagonal that keeps it feasible plus random extra edges; absent = very costly.
                    boolean present = i == j || r.nextDouble() < 0.4;
                    double c = r.nextInt(20);
                    dense[i * n + j] = present ? c : 1e6;
                    if (present) {
                        cols.add(j);
                        costs.add(c);
                    }
                }
                start[i + 1] = cols.size();
            }
            int[] sparse = new SparseAssignment(n, start, cols.stream().mapToInt(Integer::intValue).toArray(),
                    costs.stream().mapToDouble(Double::doubleValue).toArray()).solve();
            int[] exact = LinearAssignment.solve(dense, n);
            assertThat(total(dense, n, sparse)).as("trial %d", trial).isEqualTo(total(dense, n, exact));
            assertThat(sparse).doesNotHaveDuplicates();
        }
    }

    @Test
    void linkerLeavesPairsUnlinkedWhenLinkingCostsMoreThanNotLinking() {
        List<SparseLinker.Candidate> c = List.of(
                new SparseLinker.Candidate(0, 0, 1),
                new SparseLinker.Candidate(1, 1, 30),   // dearer than ending + starting (5 + 5)
                new SparseLinker.Candidate(1, 0, 2));
        int[] targetOf = SparseLinker.link(new double[]{5, 5}, new double[]{5, 5}, c);
        assertThat(targetOf).containsExactly(0, -1);
    }

    @Test
    void linkerPrefersTheGloballyCheapestPairing() {
        // Source 0 is closest to target 0, but giving it to source 1 lets source 0 take target 1 cheaply.
        List<SparseLinker.Candidate> c = List.of(
                new SparseLinker.Candidate(0, 0, 1),
                new SparseLinker.Candidate(0, 1, 2),
                new SparseLinker.Candidate(1, 0, 2));
        assertThat(SparseLinker.link(new double[]{10, 10}, new double[]{10, 10}, c)).containsExactly(1, 0);
    }

    private static double total(double[] dense, int n, int[] colOf) {
        double s = 0;
        for (int i = 0; i < n; i++) s += dense[i * n + colOf[i]];
        return s;
    }
}
