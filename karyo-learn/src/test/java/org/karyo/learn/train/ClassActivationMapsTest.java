package org.karyo.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.karyo.image.Plane;
import org.karyo.learn.data.Augmentation;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.GroupedSplitter;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.Split;
import org.karyo.learn.data.SplitSettings;
import org.karyo.learn.model.Head;
import org.karyo.learn.model.ModelSpec;

/**
 * A task decided by one sharp bright spot at a fixed, off-centre place (upper right): class "spot"
 * has it, class "plain" does not; both carry broad blobs as bright elsewhere. The spot sits near the
 * centre of a cell of the 4 x 4 feature grid, since a map cannot be sharper than that grid. A network
 * that learnt the task must show its evidence for "spot" at that place, so a map that is transposed,
 * flipped, taken for the wrong class or from the wrong layer fails here.
 */
class ClassActivationMapsTest {
    private static final int SIZE = 64;
    private static final int SPOT_X = 40;
    private static final int SPOT_Y = 10;
    private static final CropSet DATA = spots(32, 5);
    private static final Split SPLIT = GroupedSplitter.split(DATA, new SplitSettings(0.7, 0.15, 3));
    // No flips or shifts: the place of the spot is the signal.
    private static final TrainingSettings QUICK = new TrainingSettings(6, 16, 3e-3f, 0f, Schedule.COSINE, 8, true,
            Augmentation.NONE, 5, 0, 0);

    static CropSet spots(int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Crop> crops = new ArrayList<>();
        for (int i = 0; i < 2 * perClass; i++) {
            int label = i % 2; // 0 plain, 1 spot
            float[] px = new float[SIZE * SIZE];
            for (int p = 0; p < px.length; p++) {
                px[p] = (float) (500 + random.nextGaussian() * 60);
            }
            // Two broad blobs as bright as the spot anywhere but near it, in both classes, so intensity
            // statistics (and the percentile scaling) do not give the class away: only the sharp spot does.
            for (int d = 0; d < 2; d++) {
                double bx;
                double by;
                do {
                    bx = random.nextDouble(8, SIZE - 8);
                    by = random.nextDouble(8, SIZE - 8);
                } while (Math.hypot(bx - SPOT_X, by - SPOT_Y) < 20);
                blob(px, bx, by, 6, 2500);
            }
            if (label == 1) {
                blob(px, SPOT_X, SPOT_Y, 1.8, 2500);
            }
            crops.add(new Crop(Path.of("s" + i + ".tif"), label, "g" + i, new Plane(SIZE, SIZE, 16, px)));
        }
        return new CropSet(List.of("plain", "spot"), crops);
    }

    private static void blob(float[] px, double cx, double cy, double sigma, double height) {
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                px[y * SIZE + x] += (float) (height * Math.exp(-r2 / (2 * sigma * sigma)));
            }
        }
    }

    private static Classifier train(Head head) {
        ModelSpec spec = ModelSpec.compact(1, 2, SIZE).withHead(head);
        return ClassifierTrainer.train(DATA, SPLIT, spec, PercentileScaling.DEFAULT, QUICK).classifier();
    }

    private static List<float[]> rendered(Classifier c, int label) {
        List<float[]> out = new ArrayList<>();
        for (Crop crop : DATA.crops()) {
            if (crop.label() == label) {
                out.add(c.renderer().render(crop.image()));
            }
        }
        return out;
    }

    private static float[] mean(float[][] maps) {
        float[] m = new float[maps[0].length];
        for (float[] map : maps) {
            for (int i = 0; i < m.length; i++) {
                m[i] += map[i] / maps.length;
            }
        }
        return m;
    }

    private static void assertPeaksAtTheSpot(float[] map) {
        int arg = 0;
        for (int i = 1; i < map.length; i++) {
            if (map[i] > map[arg]) {
                arg = i;
            }
        }
        assertThat(Math.hypot(arg % SIZE - SPOT_X, arg / SIZE - SPOT_Y)).as("distance of the peak (%d, %d) from the spot", arg % SIZE, arg / SIZE)
                .isLessThan(14);
        // The spot's neighbourhood holds more evidence than the far (lower left) half of the crop.
        double near = 0;
        double far = 0;
        int nNear = 0;
        int nFar = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (Math.hypot(x - SPOT_X, y - SPOT_Y) < 10) {
                    near += map[y * SIZE + x];
                    nNear++;
                } else if (x < SIZE / 2 && y > SIZE / 2) {
                    far += map[y * SIZE + x];
                    nFar++;
                }
            }
        }
        assertThat(near / nNear).isGreaterThan(3 * far / nFar);
    }

    @Test
    void camOfALinearHeadPeaksWhereTheDecidingSpotIs() {
        try (Classifier c = train(Head.LINEAR)) {
            assertThat(ClassActivationMaps.methodFor(c)).isEqualTo(ClassActivationMaps.Method.CAM);
            List<float[]> spot = rendered(c, 1);
            int[] explain = new int[spot.size()];
            java.util.Arrays.fill(explain, 1);
            float[][] maps = ClassActivationMaps.compute(c, spot, explain, ClassActivationMaps.Method.CAM);
            assertThat(maps.length).isEqualTo(spot.size());
            assertThat(maps[0]).hasSize(SIZE * SIZE);
            for (float[] m : maps) {
                for (float v : m) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
            assertPeaksAtTheSpot(mean(maps));
            int peakedRight = 0;
            for (float[] m : maps) {
                try {
                    assertPeaksAtTheSpot(m);
                    peakedRight++;
                } catch (AssertionError e) {
                    // counted below
                }
            }
            assertThat(peakedRight).as("single crops whose map peaks at the spot").isGreaterThanOrEqualTo(maps.length * 3 / 4);

            // Grad-CAM through the same linear head is CAM's positive part up to scale: checks the gradient path.
            float[][] grad = ClassActivationMaps.compute(c, spot, explain, ClassActivationMaps.Method.GRAD_CAM);
            for (int i = 0; i < maps.length; i++) {
                assertThat(grad[i]).containsExactly(maps[i], within(2e-3f));
            }
        }
    }

    @Test
    void gradCamOfTheStudyHeadPeaksWhereTheDecidingSpotIs() {
        try (Classifier c = train(Head.STUDY)) {
            assertThat(ClassActivationMaps.methodFor(c)).isEqualTo(ClassActivationMaps.Method.GRAD_CAM);
            List<float[]> spot = rendered(c, 1);
            int[] explain = new int[spot.size()];
            java.util.Arrays.fill(explain, 1);
            float[][] maps = ClassActivationMaps.compute(c, spot, explain, ClassActivationMaps.Method.GRAD_CAM);
            assertPeaksAtTheSpot(mean(maps));
            // Prediction still works after recording gradients (grad mode restored, nothing left attached).
            float[][] p = c.predictRendered(spot);
            long right = java.util.Arrays.stream(p).filter(r -> r[1] > r[0]).count();
            assertThat(right).isGreaterThanOrEqualTo(spot.size() * 9L / 10);
        }
    }

    @Test
    void resnetsGetMapsOfTheInputSizeByBothMethods() {
        ModelSpec study = ModelSpec.resnet(org.karyo.learn.model.Architecture.RESNET18, 1, 2, SIZE);
        try (Classifier withStudyHead = Classifier.initialized(study, List.of("plain", "spot"), PercentileScaling.DEFAULT, 3);
             Classifier withLinearHead = Classifier.initialized(study.withHead(Head.LINEAR), List.of("plain", "spot"),
                     PercentileScaling.DEFAULT, 3)) {
            assertThat(ClassActivationMaps.methodFor(withStudyHead)).isEqualTo(ClassActivationMaps.Method.GRAD_CAM);
            List<float[]> crops = rendered(withStudyHead, 1).subList(0, 4);
            int[] explain = {0, 1, 0, 1};
            for (float[] m : ClassActivationMaps.compute(withStudyHead, crops, explain, ClassActivationMaps.Method.GRAD_CAM)) {
                assertThat(m).hasSize(SIZE * SIZE);
                float max = 0;
                for (float v : m) {
                    assertThat(v).isBetween(0f, 1f);
                    max = Math.max(max, v);
                }
                assertThat(max).isIn(0f, 1f);
            }
            float[][] cam = ClassActivationMaps.compute(withLinearHead, crops, explain, ClassActivationMaps.Method.CAM);
            float[][] grad = ClassActivationMaps.compute(withLinearHead, crops, explain, ClassActivationMaps.Method.GRAD_CAM);
            for (int i = 0; i < cam.length; i++) {
                assertThat(grad[i]).containsExactly(cam[i], within(2e-3f));
            }
        }
    }

    @Test
    void upsamplingKeepsAConstantAndAlignsCellCentres() {
        float[] up = ClassActivationMaps.upsample(new float[] {0, 1, 0, 1}, 2, 2, 4);
        assertThat(up).containsExactly(0, 0.25f, 0.75f, 1, 0, 0.25f, 0.75f, 1, 0, 0.25f, 0.75f, 1, 0, 0.25f, 0.75f, 1);
        assertThat(ClassActivationMaps.normalise(new float[] {-1, -2})).containsExactly(0, 0);
        assertThat(ClassActivationMaps.normalise(new float[] {-1, 2, 1})).containsExactly(0, 1, 0.5f);
    }
}
