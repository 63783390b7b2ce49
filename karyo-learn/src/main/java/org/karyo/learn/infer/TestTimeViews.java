package org.karyo.learn.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Test-time augmentation: a crop is classified in several orientations and the class probabilities
 * are averaged. A nucleus or a blood cell has no "up", so each view is as valid as the original and
 * averaging removes some of the network's orientation noise. Flips (and their product, the half turn)
 * are what training's augmentation shows the network; quarter turns go beyond its ±25° rotations.
 */
public enum TestTimeViews {
    /** The crop as it is. */
    NONE(1),
    /** As it is, mirrored left-right, mirrored top-bottom, and both (a half turn). */
    FLIPS(4),
    /** All eight symmetries of the square: FLIPS and the same after a transpose (quarter turns). */
    DIHEDRAL(8);

    private final int count;

    TestTimeViews(int count) {
        this.count = count;
    }

    /** Views per crop. */
    public int count() {
        return count;
    }

    public static TestTimeViews parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown test-time views '" + s + "'; choose none, flips or dihedral");
        }
    }

    /**
     * Probabilities of square crops ({@code size} x {@code size}, row-major), each the mean over its views.
     *
     * @param predictor class probabilities of a list of crops, one row per crop
     */
    public float[][] predict(List<float[]> crops, int size, Function<List<float[]>, float[][]> predictor) {
        if (this == NONE) {
            return predictor.apply(crops);
        }
        List<float[]> views = new ArrayList<>(crops.size() * count);
        for (float[] crop : crops) {
            views.addAll(views(crop, size));
        }
        float[][] p = predictor.apply(views);
        float[][] out = new float[crops.size()][];
        for (int i = 0; i < crops.size(); i++) {
            float[] mean = new float[p[i * count].length];
            for (int v = 0; v < count; v++) {
                float[] row = p[i * count + v];
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += row[k] / count;
                }
            }
            out[i] = mean;
        }
        return out;
    }

    /** Class maps of one image: [class][pixel], pixels row-major, the same size as the image. */
    public interface MapPredictor {
        float[][] predict(float[] image, int w, int h);
    }

    /**
     * Per-pixel class maps of a {@code w} x {@code h} image, each the mean over this mode's views of the image, every
     * view's maps mapped back onto the image (a transposed view of a non-square image is {@code h} x {@code w}).
     */
    public float[][] predictMaps(float[] image, int w, int h, MapPredictor predictor) {
        if (this == NONE) return predictor.predict(image, w, h);
        float[][] sum = null;
        for (int v = 0; v < count; v++) {
            boolean transpose = v >= 4;
            float[] view = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) view[viewIndex(v, x, y, w, h)] = image[y * w + x];
            }
            float[][] maps = predictor.predict(view, transpose ? h : w, transpose ? w : h);
            if (sum == null) sum = new float[maps.length][w * h];
            for (int c = 0; c < maps.length; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) sum[c][y * w + x] += maps[c][viewIndex(v, x, y, w, h)] / count;
                }
            }
        }
        return sum;
    }

    /** Where pixel (x, y) of a w x h image lands in view v: bit 0 mirrors x, bit 1 mirrors y, v >= 4 transposes. */
    private static int viewIndex(int v, int x, int y, int w, int h) {
        int u = (v & 1) != 0 ? w - 1 - x : x;
        int t = (v & 2) != 0 ? h - 1 - y : y;
        return v >= 4 ? u * h + t : t * w + u;
    }

    /** This mode's views of one square crop, the original first. */
    public List<float[]> views(float[] crop, int size) {
        if (crop.length != size * size) {
            throw new IllegalArgumentException("crop has " + crop.length + " pixels, not " + size + " x " + size);
        }
        List<float[]> out = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            boolean transpose = v >= 4;
            boolean mirrorX = (v & 1) != 0;
            boolean mirrorY = (v & 2) != 0;
            float[] view = new float[crop.length];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int sx = mirrorX ? size - 1 - x : x;
                    int sy = mirrorY ? size - 1 - y : y;
                    view[y * size + x] = transpose ? crop[sx * size + sy] : crop[sy * size + sx];
                }
            }
            out.add(view);
        }
        return out;
    }
}
