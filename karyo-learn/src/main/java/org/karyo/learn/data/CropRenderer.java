package org.karyo.learn.data;

import java.util.SplittableRandom;
import org.karyo.image.Plane;

/**
 * Turns a crop into network input: percentile scaling, then one affine resample to the network's
 * square size that folds resize, rotation, shift, zoom, shear and flips into a single bilinear
 * pass (one interpolation blurs less than a chain), then intensity jitter. Borders repeat the
 * edge pixel, as Keras' default fill does. Deterministic for a given random stream.
 */
public final class CropRenderer {
    private final int size;
    private final PercentileScaling scaling;

    public CropRenderer(int size, PercentileScaling scaling) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, not " + size);
        }
        this.size = size;
        this.scaling = scaling;
    }

    public int size() {
        return size;
    }

    /** The crop scaled and resized without distortion (evaluation and prediction). */
    public float[] render(Plane crop) {
        return render(crop, Augmentation.NONE, null);
    }

    /** The crop scaled, distorted with draws from {@code random}, and resized; random may be null for NONE. */
    public float[] render(Plane crop, Augmentation aug, SplittableRandom random) {
        float[] src = scaling.apply(crop.pixels());
        int w = crop.width();
        int h = crop.height();
        // Forward map from centred source to centred output coordinates (output units = source units).
        double a = 1, b = 0, c = 0, d = 1, tx = 0, ty = 0;
        double gain = 1, offset = 0;
        if (!aug.isNone()) {
            if (random == null) {
                throw new IllegalArgumentException("augmentation needs a random stream");
            }
            double theta = Math.toRadians(uniform(random, aug.rotationDegrees()));
            double zoom = 1 + uniform(random, aug.zoom());
            double shear = uniform(random, aug.shear());
            double fx = aug.flips() && random.nextBoolean() ? -1 : 1;
            double fy = aug.flips() && random.nextBoolean() ? -1 : 1;
            tx = uniform(random, aug.shift()) * w;
            ty = uniform(random, aug.shift()) * h;
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            // M = zoom * R(theta) * Shear(x by y) * Flip
            double s00 = fx, s01 = shear * fy, s10 = 0, s11 = fy;
            a = zoom * (cos * s00 - sin * s10);
            b = zoom * (cos * s01 - sin * s11);
            c = zoom * (sin * s00 + cos * s10);
            d = zoom * (sin * s01 + cos * s11);
            gain = 1 + uniform(random, aug.intensityJitter());
            offset = uniform(random, aug.intensityJitter() / 2);
        }
        double det = a * d - b * c;
        double ia = d / det, ib = -b / det, ic = -c / det, id = a / det;
        double sx = (double) w / size;
        double sy = (double) h / size;
        double cxOut = (size - 1) / 2.0;
        double cyOut = (size - 1) / 2.0;
        double cxSrc = (w - 1) / 2.0;
        double cySrc = (h - 1) / 2.0;
        float[] out = new float[size * size];
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                // Output pixel to source units, undo translation, invert the linear part.
                double px = (u - cxOut) * sx - tx;
                double py = (v - cyOut) * sy - ty;
                double x = ia * px + ib * py + cxSrc;
                double y = ic * px + id * py + cySrc;
                float value = bilinear(src, w, h, x, y);
                out[v * size + u] = (float) (value * gain + offset);
            }
        }
        return out;
    }

    private static double uniform(SplittableRandom random, double range) {
        return range == 0 ? 0 : random.nextDouble(-range, range);
    }

    private static float bilinear(float[] src, int w, int h, double x, double y) {
        x = Math.min(w - 1, Math.max(0, x));
        y = Math.min(h - 1, Math.max(0, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float top = src[y0 * w + x0] + fx * (src[y0 * w + x1] - src[y0 * w + x0]);
        float bottom = src[y1 * w + x0] + fx * (src[y1 * w + x1] - src[y1 * w + x0]);
        return top + fy * (bottom - top);
    }
}
