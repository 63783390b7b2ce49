package org.karyo.learn.baseline;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.karyo.filter.BinaryOps;
import org.karyo.filter.Thresholds;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.measure.ChannelStats;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.NucleusMeasurer;
import org.karyo.measure.Shape;

/**
 * Hand-made features of one crop, for the feature baseline: what a biologist would measure without
 * deep learning. Computed from the crop alone (no segmentation outside it), so they work for any
 * crop dataset, including folders of class sub-folders.
 *
 * <ul>
 *   <li>raw intensity: mean and standard deviation (the only features that see absolute brightness);</li>
 *   <li>on the percentile-scaled crop (as the networks see it): mean, sd, skewness, kurtosis and the
 *       5/25/50/75/95th percentiles;</li>
 *   <li>the main object (largest bright component above Otsu, holes filled): area fraction, number of
 *       components, perimeter over equivalent diameter, eccentricity, solidity, circularity, its
 *       mean/sd/min, the fraction of dark spots inside it (below its mean minus two sd) and its
 *       rim-to-centre ratio (as {@link NucleusMeasurer});</li>
 *   <li>radial profile about the crop centre: mean of four rings over the whole mean;</li>
 *   <li>texture: mean gradient magnitude, mean absolute Laplacian, and grey-level co-occurrence
 *       contrast, homogeneity and energy (8 levels, one-pixel offsets right and down).</li>
 * </ul>
 * Undefined values (no object, flat crop) are 0, so every crop has the same finite vector.
 */
public final class CropFeatures {
    public static final List<String> NAMES = List.of(
            "raw_mean", "raw_sd",
            "mean", "sd", "skewness", "kurtosis", "p05", "p25", "p50", "p75", "p95",
            "object_area_fraction", "object_count", "object_perimeter_ratio", "object_eccentricity",
            "object_solidity", "object_circularity", "object_mean", "object_sd", "object_min",
            "object_dark_spot_fraction", "object_rim_centre_ratio",
            "ring0", "ring1", "ring2", "ring3",
            "gradient", "laplacian", "glcm_contrast", "glcm_homogeneity", "glcm_energy");
    private static final int LEVELS = 8;
    private static final int MIN_COMPONENT = 5;

    private CropFeatures() {
    }

    public static double[] of(Plane crop) {
        int w = crop.width();
        int h = crop.height();
        float[] raw = crop.pixels();
        float[] px = PercentileScaling.DEFAULT.apply(raw);
        double[] f = new double[NAMES.size()];
        int k = 0;
        double[] rawMoments = moments(raw);
        f[k++] = rawMoments[0];
        f[k++] = rawMoments[1];
        double[] m = moments(px);
        f[k++] = m[0];
        f[k++] = m[1];
        f[k++] = m[2];
        f[k++] = m[3];
        float[] sorted = px.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
            f[k++] = sorted[(int) Math.round(q * (sorted.length - 1))];
        }
        k = object(px, w, h, f, k);
        k = rings(px, w, h, m[0], f, k);
        texture(px, w, h, f, k);
        for (int i = 0; i < f.length; i++) {
            if (!Double.isFinite(f[i])) {
                f[i] = 0;
            }
        }
        return f;
    }

    /** Mean, sd, skewness, excess kurtosis. */
    private static double[] moments(float[] v) {
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (float x : v) {
            double d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= v.length;
        m3 /= v.length;
        m4 /= v.length;
        double sd = Math.sqrt(m2);
        return new double[] {mean, sd, m2 > 0 ? m3 / Math.pow(sd, 3) : 0, m2 > 0 ? m4 / (m2 * m2) - 3 : 0};
    }

    private static int object(float[] px, int w, int h, double[] f, int k) {
        float t = Thresholds.otsu(px);
        boolean[] mask = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            mask[i] = px[i] > t;
        }
        int[] lab = BinaryOps.components(mask, w, h);
        int n = Arrays.stream(lab).max().orElse(0);
        int[] area = new int[n + 1];
        for (int l : lab) {
            area[l]++;
        }
        int largest = 0;
        int count = 0;
        for (int l = 1; l <= n; l++) {
            if (area[l] >= MIN_COMPONENT) {
                count++;
            }
            if (largest == 0 || area[l] > area[largest]) {
                largest = l;
            }
        }
        if (largest == 0) {
            return k + 11;
        }
        boolean[] main = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            main[i] = lab[i] == largest;
        }
        main = BinaryOps.fillHoles(main, w, h);
        int[] ids = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            ids[i] = main[i] ? 1 : 0;
        }
        List<NucleusMeasurement> measured = new NucleusMeasurer().measure(new LabelImage(w, h, ids, 1),
                Map.of("crop", new Plane(w, h, 32, px)));
        Shape s = measured.get(0).shape();
        ChannelStats c = measured.get(0).channel("crop");
        int dark = 0;
        for (int i = 0; i < px.length; i++) {
            if (main[i] && px[i] < c.mean() - 2 * c.std()) {
                dark++;
            }
        }
        f[k++] = (double) s.area() / px.length;
        f[k++] = count;
        f[k++] = s.perimeter() / s.equivalentDiameter();
        f[k++] = s.eccentricity();
        f[k++] = s.solidity();
        f[k++] = s.circularity();
        f[k++] = c.mean();
        f[k++] = c.std();
        f[k++] = c.min();
        f[k++] = (double) dark / s.area();
        f[k++] = c.rimCentreRatio();
        return k;
    }

    /** Mean intensity in four equal-width rings out to the inscribed circle, over the crop mean. */
    private static int rings(float[] px, int w, int h, double mean, double[] f, int k) {
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double rMax = Math.min(w, h) / 2.0;
        double[] sum = new double[4];
        int[] n = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ring = (int) (4 * Math.hypot(x - cx, y - cy) / rMax);
                if (ring < 4) {
                    sum[ring] += px[y * w + x];
                    n[ring]++;
                }
            }
        }
        for (int r = 0; r < 4; r++) {
            f[k++] = n[r] > 0 && mean > 0 ? sum[r] / n[r] / mean : 0;
        }
        return k;
    }

    private static void texture(float[] px, int w, int h, double[] f, int k) {
        double gradient = 0;
        double laplacian = 0;
        int inner = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double gx = (px[i + 1] - px[i - 1]) / 2.0;
                double gy = (px[i + w] - px[i - w]) / 2.0;
                gradient += Math.hypot(gx, gy);
                laplacian += Math.abs(px[i + 1] + px[i - 1] + px[i + w] + px[i - w] - 4 * px[i]);
                inner++;
            }
        }
        f[k++] = inner > 0 ? gradient / inner : 0;
        f[k++] = inner > 0 ? laplacian / inner : 0;
        double[][] glcm = new double[LEVELS][LEVELS];
        double pairs = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = level(px[y * w + x]);
                if (x + 1 < w) {
                    int b = level(px[y * w + x + 1]);
                    glcm[a][b]++;
                    glcm[b][a]++;
                    pairs += 2;
                }
                if (y + 1 < h) {
                    int b = level(px[(y + 1) * w + x]);
                    glcm[a][b]++;
                    glcm[b][a]++;
                    pairs += 2;
                }
            }
        }
        double contrast = 0;
        double homogeneity = 0;
        double energy = 0;
        for (int a = 0; a < LEVELS; a++) {
            for (int b = 0; b < LEVELS; b++) {
                double p = pairs > 0 ? glcm[a][b] / pairs : 0;
                contrast += p * (a - b) * (a - b);
                homogeneity += p / (1 + Math.abs(a - b));
                energy += p * p;
            }
        }
        f[k++] = contrast;
        f[k++] = homogeneity;
        f[k] = energy;
    }

    private static int level(float v) {
        return Math.min(LEVELS - 1, Math.max(0, (int) (v * LEVELS)));
    }
}
