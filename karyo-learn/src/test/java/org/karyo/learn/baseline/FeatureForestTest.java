package org.karyo.learn.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.image.Plane;
import org.karyo.learn.data.Crop;

class FeatureForestTest {
    /** Noisy discs (class "small") and larger discs (class "large"), sizes overlapping a little. */
    private static List<Crop> crops(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Crop> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double r = (label == 0 ? 7 : 10) + random.nextDouble(-1.5, 1.5);
            float[] px = new float[32 * 32];
            for (int p = 0; p < px.length; p++) {
                double d = Math.hypot(p % 32 - 15.5, p / 32 - 15.5);
                px[p] = (float) ((d <= r ? 2000 : 200) + random.nextGaussian() * 150);
            }
            out.add(new Crop(Path.of("c" + i), label, "g" + i, new Plane(32, 32, 16, px)));
        }
        return out;
    }

    @Test
    void learnsFromHandMadeFeaturesAndSurvivesSaving(@TempDir Path dir) throws Exception {
        List<String> classes = List.of("small", "large");
        FeatureForest forest = FeatureForest.train(crops(60, 1), classes, 50, 7);
        List<Crop> test = crops(40, 2);
        List<Plane> images = test.stream().map(Crop::image).toList();
        float[][] p = forest.predictProba(images);
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i][0] + p[i][1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
            correct += (p[i][1] > p[i][0] ? 1 : 0) == test.get(i).label() ? 1 : 0;
        }
        assertThat(correct).isGreaterThanOrEqualTo(36);

        forest.save(dir.resolve("f.tribuo"));
        float[][] again = FeatureForest.load(dir.resolve("f.tribuo"), classes).predictProba(images);
        assertThat(again).isDeepEqualTo(p);
    }

    @Test
    void sameSeedSameForest() {
        List<String> classes = List.of("small", "large");
        List<Plane> images = crops(10, 3).stream().map(Crop::image).toList();
        float[][] a = FeatureForest.train(crops(40, 1), classes, 20, 5).predictProba(images);
        float[][] b = FeatureForest.train(crops(40, 1), classes, 20, 5).predictProba(images);
        assertThat(a).isDeepEqualTo(b);
    }
}
