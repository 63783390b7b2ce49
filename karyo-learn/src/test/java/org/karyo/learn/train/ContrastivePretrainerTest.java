package org.karyo.learn.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.model.ModelSpec;

class ContrastivePretrainerTest {

    @Test
    void eachViewsPartnerIsTheOtherViewOfItsCrop() {
        assertThat(ContrastivePretrainer.partners(3)).containsExactly(3, 4, 5, 0, 1, 2);
        try (NDManager m = NDManager.newBaseManager(Engines.pytorch().defaultDevice(), Engines.PYTORCH)) {
            // Two views per crop, exactly equal: the most similar other view must be the partner.
            float[] z = {1, 0, 0, 1, 1, 1, /* second views */ 1, 0, 0, 1, 1, 1};
            NDArray sim = ContrastivePretrainer.similarities(m.create(z, new Shape(6, 2)), 0.5f);
            long[] best = sim.argMax(1).toLongArray();
            assertThat(best).containsExactly(3, 4, 5, 0, 1, 2);
            assertThat(sim.getFloat(0, 0)).isLessThan(-1e8f); // a view is never its own partner
            assertThat(sim.getFloat(0, 3)).isEqualTo(2f, org.assertj.core.data.Offset.offset(1e-5f)); // cos 1 / 0.5
        }
    }

    @Test
    void learnsTheTaskAndItsWeightsStartAClassifier(@TempDir Path dir) throws Exception {
        CropSet crops = varied(96, 24, 3);
        ModelSpec target = ModelSpec.compact(1, 2, 24);
        ContrastivePretrainer.Settings s = new ContrastivePretrainer.Settings(6, 16, 2e-3f, 0.2f, 32, 0,
                ContrastivePretrainer.Settings.DEFAULT.augmentation(), 5);
        ContrastivePretrainer.Result r = ContrastivePretrainer.pretrain(crops.crops(), target, PercentileScaling.DEFAULT,
                s, TrainingListener.NONE);
        double chance = Math.log(2 * 16 - 1);
        assertThat(r.epochLoss()).hasSize(6);
        // Chance is ln(2B - 1); telling only disk from ring would leave ln(B); below that it tells crops apart.
        assertThat(r.epochLoss().get(5)).as("last epoch below ln(B) = " + Math.log(16)).isLessThan(Math.log(16));
        assertThat(r.epochLoss().get(5)).isLessThan(r.epochLoss().get(0));
        try (Classifier net = r.network();
             Classifier fresh = Classifier.initialized(target, List.of("disk", "ring"), PercentileScaling.DEFAULT, 1)) {
            assertThat(net.spec().numClasses()).isEqualTo(32);
            net.save(dir.resolve("pre"));
            InitialWeights.Applied applied = InitialWeights.apply(dir.resolve("pre"), fresh);
            assertThat(applied.headReinitialised()).isTrue();
            // The trunk came over: the first convolution now holds the pretrained values.
            float[] a = net.block().getParameters().get(0).getValue().getArray().toFloatArray();
            float[] b = fresh.block().getParameters().get(0).getValue().getArray().toFloatArray();
            assertThat(b).containsExactly(a);
        }
    }

    /** Disks and rings that differ one from another (size, brightness, position), so views can be matched to their crop. */
    private static CropSet varied(int n, int size, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<org.karyo.learn.data.Crop> crops = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cx = size / 2.0 + random.nextDouble(-3, 3), cy = size / 2.0 + random.nextDouble(-3, 3);
            double outer = size * random.nextDouble(0.15, 0.42);
            double inner = i % 2 == 1 ? outer * random.nextDouble(0.3, 0.7) : -1;
            double bright = random.nextDouble(800, 4000);
            float[] px = new float[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double d = Math.hypot(x - cx, y - cy);
                    px[y * size + x] = (float) ((d <= outer && d >= inner ? bright : 300) + random.nextGaussian() * 100);
                }
            }
            crops.add(new org.karyo.learn.data.Crop(Path.of("c" + i + ".tif"), i % 2, "g" + i,
                    new org.karyo.image.Plane(size, size, 16, px)));
        }
        return new CropSet(List.of("solid", "ring"), crops);
    }
}
