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
}
