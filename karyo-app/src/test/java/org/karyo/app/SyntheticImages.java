package org.karyo.app;

import org.karyo.image.Plane;

import java.util.SplittableRandom;

/** Small images with known nuclei for CLI tests. */
final class SyntheticImages {
    private SyntheticImages() {
    }

    /** A 16-bit field with a grid of {@code rows x cols} bright round nuclei of the given radius on a noisy background. */
    static Plane grid(int rows, int cols, int radius, long seed) {
        int spacing = radius * 4;
        int w = cols * spacing;
        int h = rows * spacing;
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] px = new float[w * h];
        for (int i = 0; i < px.length; i++) px[i] = 200 + (float) rnd.nextGaussian() * 10;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int cx = c * spacing + spacing / 2;
                int cy = r * spacing + spacing / 2;
                for (int y = cy - radius; y <= cy + radius; y++) {
                    for (int x = cx - radius; x <= cx + radius; x++) {
                        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) px[y * w + x] += 2000;
                    }
                }
            }
        }
        return new Plane(w, h, 16, px);
    }

    /** A reporter for {@link #grid}: bright inside the nuclei whose index (row-major) is in {@code bright}. */
    static Plane reporter(int rows, int cols, int radius, java.util.Set<Integer> bright) {
        int spacing = radius * 4;
        int w = cols * spacing;
        int h = rows * spacing;
        float[] px = new float[w * h];
        java.util.Arrays.fill(px, 100);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!bright.contains(r * cols + c)) continue;
                int cx = c * spacing + spacing / 2;
                int cy = r * spacing + spacing / 2;
                for (int y = cy - radius - 3; y <= cy + radius + 3; y++) {
                    for (int x = cx - radius - 3; x <= cx + radius + 3; x++) px[y * w + x] = 3000;
                }
            }
        }
        return new Plane(w, h, 16, px);
    }
}
