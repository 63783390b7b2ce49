package org.karyo.learn.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorForestTest {

    /** Class 1 when x0 + x1 > 0; noise features added to reach {@code width}. */
    private static List<double[]> rows(int n, int width, Random r, int[] labels) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = new double[width];
            for (int k = 0; k < width; k++) v[k] = r.nextGaussian();
            labels[i] = v[0] + v[1] > 0 ? 1 : 0;
            out.add(v);
        }
        return out;
    }

    private static double accuracy(int width) {
        Random r = new Random(3);
        int[] y = new int[400];
        List<double[]> x = rows(400, width, r, y);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < width; k++) names.add("f" + k);
        VectorForest f = VectorForest.train(x, y, names, List.of("neg", "pos"), 50, 1);
        int[] ty = new int[200];
        List<double[]> tx = rows(200, width, r, ty);
        int right = 0;
        for (int i = 0; i < 200; i++) if ((f.predictProba(tx.get(i))[1] >= 0.5f) == (ty[i] == 1)) right++;
        return right / 200.0;
    }

    @Test
    void learnsFromManyFeatures() {
        assertThat(accuracy(8)).isGreaterThan(0.8);
    }

    /** Bug: with one or two features ceil(sqrt(n)) / n is 1, which Tribuo's random forest refuses. */
    @Test
    void learnsFromOneOrTwoFeatures() {
        assertThat(accuracy(2)).isGreaterThan(0.85);
        Random r = new Random(2);
        List<double[]> x = new ArrayList<>();
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            double v = r.nextGaussian();
            x.add(new double[] {v});
            y[i] = v > 0 ? 1 : 0;
        }
        VectorForest f = VectorForest.train(x, y, List.of("only"), List.of("neg", "pos"), 20, 1);
        assertThat(f.predictProba(new double[] {2})[1]).isGreaterThan(0.9f);
        assertThat(f.predictProba(new double[] {-2})[1]).isLessThan(0.1f);
    }

    /**
     * A rarer kind of the large class (5 % of it, far to the right of the small class). One balanced sample holds 30
     * of the 3,000 large rows, and here none of the rare ones, so the forest has never seen them; twenty draws take
     * twenty different slices of the large class, and the trees whose draw held some vote for it. If every draw took
     * the same slice, twenty draws would be as blind as one.
     */
    @Test
    void balancedDrawsSeeMoreOfTheLargeClass() {
        Random r = new Random(5);
        List<double[]> small = new ArrayList<>();
        List<double[]> large = new ArrayList<>();
        for (int i = 0; i < 30; i++) small.add(new double[] {1 + 0.3 * r.nextGaussian(), r.nextGaussian()});
        for (int i = 0; i < 3000; i++) {
            double x = i % 20 == 0 ? 6 : -2;
            large.add(new double[] {x + 0.3 * r.nextGaussian(), r.nextGaussian()});
        }
        java.util.Collections.shuffle(large, r);
        List<String> classes = List.of("small", "large");
        double[] rare = {6, 0};
        VectorForest one = VectorForest.trainBalanced(List.of(small, large), List.of("x", "y"), classes, 200, 1, 1);
        VectorForest twenty = VectorForest.trainBalanced(List.of(small, large), List.of("x", "y"), classes, 200, 1, 20);
        assertThat(one.predictProba(rare)[1]).isLessThan(0.05f);
        assertThat(twenty.predictProba(rare)[1]).isGreaterThan(0.3f);
        // Both still tell the common cases apart, and the votes stay balanced (no prior from 100 times more rows).
        assertThat(twenty.predictProba(new double[] {1, 0})[0]).isGreaterThan(0.8f);
        assertThat(twenty.predictProba(new double[] {-2, 0})[1]).isGreaterThan(0.8f);
    }

    /** n rows of three standard normal features, the first shifted by {@code shift}. */
    private static List<double[]> blob(Random r, int n, double shift) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new double[] {r.nextGaussian() + shift, r.nextGaussian(), r.nextGaussian()});
        return out;
    }

    @Test
    void balancedDrawsSaveAndLoad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Random r = new Random(7);
        List<double[]> a = blob(r, 40, 1);
        List<double[]> b = blob(r, 400, -1);
        List<String> names = List.of("f0", "f1", "f2");
        VectorForest f = VectorForest.trainBalanced(List.of(a, b), names, List.of("a", "b"), 30, 3, 5);
        java.nio.file.Path file = dir.resolve("forest.tribuo");
        f.save(file);
        VectorForest back = VectorForest.load(file, names, List.of("a", "b"));
        for (double x = -3; x <= 3; x += 0.5) {
            double[] row = {x, 0.2, -0.1};
            assertThat(back.predictProba(row)).containsExactly(f.predictProba(row));
        }
    }

    /** The draws grow in parallel; the forest must not depend on how they were scheduled. */
    @Test
    void balancedDrawsDoNotDependOnScheduling() throws Exception {
        Random r = new Random(11);
        List<double[]> a = blob(r, 50, 0.5);
        List<double[]> b = blob(r, 600, -0.5);
        List<String> names = List.of("f0", "f1", "f2");
        VectorForest parallel = VectorForest.trainBalanced(List.of(a, b), names, List.of("a", "b"), 60, 4, 6);
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        VectorForest sequential;
        try {
            sequential = one.submit(() -> VectorForest.trainBalanced(List.of(a, b), names, List.of("a", "b"), 60, 4, 6)).get();
        } finally {
            one.shutdown();
        }
        for (double x = -3; x <= 3; x += 0.25) {
            double[] row = {x, 0.3 * x, -0.2};
            assertThat(parallel.predictProba(row)).containsExactly(sequential.predictProba(row));
        }
    }

    @Test
    void balancedDrawsRefuseAnEmptyClass() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VectorForest.trainBalanced(
                List.of(List.of(new double[] {1}), List.of()), List.of("x"), List.of("a", "b"), 10, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no training examples");
    }
}
