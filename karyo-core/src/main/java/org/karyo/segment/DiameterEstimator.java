package org.karyo.segment;

import org.karyo.filter.BinaryOps;
import org.karyo.filter.GaussianBlur;
import org.karyo.filter.Thresholds;
import org.karyo.image.Plane;

import java.util.Arrays;

/**
 * Estimates the typical nucleus diameter of an image: the median equivalent diameter of the objects an
 * Otsu cut finds. The median shrugs off debris and the occasional clump, provided most nuclei stand alone.
 */
public final class DiameterEstimator {
    /** Used when the image holds no object to measure. */
    public static final double FALLBACK = 20;

    private DiameterEstimator() {
    }

    public static double estimate(Plane image) {
        int w = image.width();
        int h = image.height();
        float[] s = GaussianBlur.blur(image, 1.0).pixels();
        float t = Thresholds.otsu(s);
        boolean[] mask = new boolean[s.length];
        for (int i = 0; i < s.length; i++) mask[i] = s[i] > t;
        int[] lab = BinaryOps.components(BinaryOps.fillHoles(mask, w, h), w, h);
        int n = 0;
        for (int l : lab) n = Math.max(n, l);
        int[] area = new int[n + 1];
        for (int l : lab) area[l]++;
        double[] d = new double[n];
        int k = 0;
        for (int l = 1; l <= n; l++) {
            if (area[l] >= 12) d[k++] = Math.sqrt(4 * area[l] / Math.PI);
        }
        if (k == 0) return FALLBACK;
        Arrays.sort(d, 0, k);
        return d[k / 2];
    }
}
