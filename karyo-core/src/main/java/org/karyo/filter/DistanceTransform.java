package org.karyo.filter;

/**
 * Exact Euclidean distance from each foreground pixel to the nearest background pixel, by the
 * separable lower-envelope-of-parabolas method (Felzenszwalb and Huttenlocher): O(N) overall.
 * Outside the image counts as foreground, so objects cut by the border keep their full depth there.
 */
public final class DistanceTransform {
    private static final float INF = 1e20f;

    private DistanceTransform() {
    }

    public static float[] euclidean(boolean[] mask, int w, int h) {
        float[] d = new float[w * h];
        for (int i = 0; i < d.length; i++) d[i] = mask[i] ? INF : 0;
        int n = Math.max(w, h);
        float[] f = new float[n];
        float[] out = new float[n];
        int[] v = new int[n];
        float[] z = new float[n + 1];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) f[y] = d[y * w + x];
            transform1d(f, h, out, v, z);
            for (int y = 0; y < h; y++) d[y * w + x] = out[y];
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(d, y * w, f, 0, w);
            transform1d(f, w, out, v, z);
            for (int x = 0; x < w; x++) d[y * w + x] = (float) Math.sqrt(out[x]);
        }
        return d;
    }

    /** Squared distance transform of a sampled function f over n points. */
    private static void transform1d(float[] f, int n, float[] out, int[] v, float[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = -INF;
        z[1] = INF;
        for (int q = 1; q < n; q++) {
            float s;
            while (true) {
                int p = v[k];
                s = (float) (((double) f[q] + (double) q * q - (double) f[p] - (double) p * p) / (2.0 * q - 2.0 * p));
                if (s <= z[k] && k > 0) {
                    k--;
                } else {
                    break;
                }
            }
            if (s <= z[k]) {
                // k == 0 and the new parabola is lower everywhere: replace it.
                v[0] = q;
                z[0] = -INF;
                z[1] = INF;
                continue;
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = INF;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) k++;
            int p = v[k];
            out[q] = (float) ((double) (q - p) * (q - p) + f[p]);
        }
    }
}
