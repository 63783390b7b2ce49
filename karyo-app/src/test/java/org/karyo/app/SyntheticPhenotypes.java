package org.karyo.app;

import org.karyo.image.Plane;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fields for learning tests, laid out like {@link SyntheticImages#grid}: infected nuclei have their
 * chromatin pushed to the rim (a bright ring round a dim centre, as HSV-1 does), the others are
 * evenly bright; the matching reporter is {@link SyntheticImages#reporter}.
 */
final class SyntheticPhenotypes {
    private SyntheticPhenotypes() {
    }

    static Plane field(int rows, int cols, int radius, Set<Integer> infected, long seed) {
        int spacing = radius * 4;
        int w = cols * spacing;
        int h = rows * spacing;
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] px = new float[w * h];
        for (int i = 0; i < px.length; i++) px[i] = 200 + (float) rnd.nextGaussian() * 10;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                boolean ring = infected.contains(r * cols + c);
                int cx = c * spacing + spacing / 2;
                int cy = r * spacing + spacing / 2;
                for (int y = cy - radius; y <= cy + radius; y++) {
                    for (int x = cx - radius; x <= cx + radius; x++) {
                        double d = Math.hypot(x - cx, y - cy);
                        if (d > radius) continue;
                        px[y * w + x] += ring && d < radius * 0.6 ? 500 : 2000;
                    }
                }
            }
        }
        return new Plane(w, h, 16, px);
    }
}
