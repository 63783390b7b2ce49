package org.karyo.filter;

import org.karyo.image.Plane;

/** Separable Gaussian smoothing with the edge pixel repeated outside the image. */
public final class GaussianBlur {
    private GaussianBlur() {
    }

    public static Plane blur(Plane in, double sigma) {
        if (sigma <= 0) return in;
        int w = in.width();
        int h = in.height();
        float[] k = kernel(sigma);
        int r = k.length / 2;
        float[] src = in.pixels();
        float[] tmp = new float[src.length];
        float[] row = new float[w + 2 * r];
        for (int y = 0; y < h; y++) {
            int off = y * w;
            for (int x = 0; x < row.length; x++) row[x] = src[off + Math.min(w - 1, Math.max(0, x - r))];
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int j = 0; j < k.length; j++) s += k[j] * row[x + j];
                tmp[off + x] = s;
            }
        }
        float[] out = new float[src.length];
        float[] col = new float[h + 2 * r];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < col.length; y++) col[y] = tmp[Math.min(h - 1, Math.max(0, y - r)) * w + x];
            for (int y = 0; y < h; y++) {
                float s = 0;
                for (int j = 0; j < k.length; j++) s += k[j] * col[y + j];
                out[y * w + x] = s;
            }
        }
        return new Plane(w, h, 32, out);
    }

    static float[] kernel(double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            double v = Math.exp(-i * i / (2 * sigma * sigma));
            k[i + r] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) k[i] /= (float) sum;
        return k;
    }
}
