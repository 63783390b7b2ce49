package org.karyo.simulate;

import java.util.SplittableRandom;

/**
 * Small bright DNA-stained specks that are not nuclei: apoptotic bodies, micronuclei, dye precipitate.
 * Real fields have them and segmenters must ignore them, so they are drawn into the signal but never
 * into the label image.
 */
final class Debris {
    /** Specks per mm² of field. */
    static final double PER_MM2 = 120;

    private Debris() {
    }

    static void add(float[] dna, int width, int height, double pixelSizeUm, double level, long seed) {
        SplittableRandom r = Seeds.random(seed, 0xDEB);
        double areaMm2 = width * pixelSizeUm * height * pixelSizeUm / 1e6;
        int n = Seeds.poisson(r, PER_MM2 * areaMm2);
        for (int k = 0; k < n; k++) {
            double cx = r.nextDouble(width);
            double cy = r.nextDouble(height);
            // Specks come in small clusters, like the fragments of one dead cell.
            int parts = 1 + r.nextInt(4);
            for (int p = 0; p < parts; p++) {
                double x = cx + r.nextGaussian() * 1.5 / pixelSizeUm;
                double y = cy + r.nextGaussian() * 1.5 / pixelSizeUm;
                double sigma = Math.max(0.5, (0.3 + 0.5 * r.nextDouble()) / pixelSizeUm);
                double amp = level * (0.5 + 2.5 * r.nextDouble());
                blob(dna, width, height, x, y, sigma, amp);
            }
        }
    }

    private static void blob(float[] img, int width, int height, double x, double y, double sigma, double amp) {
        int rad = (int) Math.ceil(3 * sigma);
        int x0 = Math.max(0, (int) x - rad);
        int x1 = Math.min(width - 1, (int) x + rad);
        int y0 = Math.max(0, (int) y - rad);
        int y1 = Math.min(height - 1, (int) y + rad);
        double k = -0.5 / (sigma * sigma);
        for (int yy = y0; yy <= y1; yy++) {
            for (int xx = x0; xx <= x1; xx++) {
                double d2 = (xx - x) * (xx - x) + (yy - y) * (yy - y);
                img[yy * width + xx] += (float) (amp * Math.exp(k * d2));
            }
        }
    }
}
