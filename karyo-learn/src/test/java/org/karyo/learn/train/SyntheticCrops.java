package org.karyo.learn.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.karyo.image.Plane;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropSet;

/** Noisy 16-bit crops of filled disks (class "solid") and rings (class "ring"), in random positions. */
final class SyntheticCrops {
    private SyntheticCrops() {
    }

    static CropSet disksAndRings(int perClass, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Crop> crops = new ArrayList<>();
        for (int i = 0; i < 2 * perClass; i++) {
            int label = i % 2;
            double cx = size / 2.0 + random.nextDouble(-2, 2);
            double cy = size / 2.0 + random.nextDouble(-2, 2);
            double outer = size * 0.32;
            double inner = label == 1 ? outer * 0.55 : -1;
            float[] px = new float[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double r = Math.hypot(x - cx, y - cy);
                    double signal = r <= outer && r >= inner ? 3000 : 300;
                    px[y * size + x] = (float) (signal + random.nextGaussian() * 250);
                }
            }
            crops.add(new Crop(Path.of("c" + i + ".tif"), label, "g" + i, new Plane(size, size, 16, px)));
        }
        return new CropSet(List.of("solid", "ring"), crops);
    }
}
