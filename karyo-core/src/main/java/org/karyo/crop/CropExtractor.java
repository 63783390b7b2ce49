package org.karyo.crop;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.measure.Shape;

import java.util.Arrays;

/**
 * Cuts one square crop per nucleus from an image. Windows reaching past the image edge are filled with
 * the image's background level (median of unlabelled pixels) rather than mirrored, so no nucleus is
 * invented at the edge.
 */
public final class CropExtractor {
    private final CropSettings settings;

    public CropExtractor(CropSettings settings) {
        this.settings = settings;
    }

    /** The median of unlabelled pixels: what "empty" looks like in this image. */
    public static float backgroundLevel(Plane image, LabelImage labels) {
        float[] px = image.pixels();
        int[] lab = labels.labels();
        int n = 0;
        for (int l : lab) if (l == 0) n++;
        if (n == 0) return image.min();
        // A strided sample keeps this O(N) in memory-light fashion for large fields.
        int stride = Math.max(1, n / 200_000);
        float[] bg = new float[n / stride + 1];
        int k = 0;
        int seen = 0;
        for (int i = 0; i < px.length; i++) {
            if (lab[i] == 0 && seen++ % stride == 0 && k < bg.length) bg[k++] = px[i];
        }
        Arrays.sort(bg, 0, k);
        return bg[k / 2];
    }

    /**
     * @param background fill value for outside the image and blanked neighbours (see {@link #backgroundLevel})
     */
    public Plane crop(Plane image, LabelImage labels, int nucleusId, Shape shape, float background) {
        int n = settings.size();
        double side;
        double cx;
        double cy;
        if (settings.mode() == CropMode.WINDOW) {
            side = n;
            cx = shape.x();
            cy = shape.y();
        } else {
            int longer = Math.max(shape.bboxWidth(), shape.bboxHeight());
            side = longer * (1 + 2 * settings.margin());
            cx = shape.bboxX() + shape.bboxWidth() / 2.0 - 0.5;
            cy = shape.bboxY() + shape.bboxHeight() / 2.0 - 0.5;
        }
        double step = side / n;
        double x0 = cx - side / 2 + step / 2;
        double y0 = cy - side / 2 + step / 2;
        float[] out = new float[n * n];
        for (int j = 0; j < n; j++) {
            double sy = y0 + j * step;
            for (int i = 0; i < n; i++) {
                out[j * n + i] = sample(image, labels, nucleusId, x0 + i * step, sy, background);
            }
        }
        return new Plane(n, n, image.bitDepth(), out);
    }

    private float sample(Plane image, LabelImage labels, int id, double x, double y, float bg) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        float fx = (float) (x - xi);
        float fy = (float) (y - yi);
        float a = value(image, labels, id, xi, yi, bg);
        float b = value(image, labels, id, xi + 1, yi, bg);
        float c = value(image, labels, id, xi, yi + 1, bg);
        float d = value(image, labels, id, xi + 1, yi + 1, bg);
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }

    private float value(Plane image, LabelImage labels, int id, int x, int y, float bg) {
        if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) return bg;
        int i = y * image.width() + x;
        if (settings.blankNeighbours()) {
            int l = labels.labels()[i];
            if (l != 0 && l != id) return bg;
        }
        return image.pixels()[i];
    }
}
