package org.karyo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scale-free statistics of a nucleus image, computed identically for real and simulated images so they can
 * be compared: Otsu foreground, connected objects, background level and pixel noise, nucleus size,
 * brightness spread and texture. A deliberately plain method (no watershed): it is a yardstick, not a
 * segmenter.
 */
final class ImageStats {
    final double bgMedian;
    final double noise;
    final double snr;
    final double bgUnevenness;
    final double foreground;
    final double medianDiameter;
    final double diameterIqrRatio;
    final double brightnessCv;
    final double textureCv;
    final int objects;
    final float[] normalized;

    private ImageStats(double bgMedian, double noise, double snr, double bgUnevenness, double foreground,
                       double medianDiameter, double diameterIqrRatio, double brightnessCv, double textureCv,
                       int objects, float[] normalized) {
        this.bgMedian = bgMedian;
        this.noise = noise;
        this.snr = snr;
        this.bgUnevenness = bgUnevenness;
        this.foreground = foreground;
        this.medianDiameter = medianDiameter;
        this.diameterIqrRatio = diameterIqrRatio;
        this.brightnessCv = brightnessCv;
        this.textureCv = textureCv;
        this.objects = objects;
        this.normalized = normalized;
    }

    /** @param labels instance labels to measure objects with, or null to use Otsu connected components */
    static ImageStats of(float[] px, int w, int h, int[] labels) {
        // Otsu on intensities clipped at the 99th percentile: a few very bright (mitotic, apoptotic) nuclei
        // would otherwise drag the threshold above the ordinary ones.
        float[] sortedPx = px.clone();
        Arrays.sort(sortedPx);
        float clip = sortedPx[(int) (sortedPx.length * 0.99)];
        float[] clipped = new float[px.length];
        for (int i = 0; i < px.length; i++) clipped[i] = Math.min(px[i], clip);
        double t = otsu(clipped);
        boolean[] fg = new boolean[px.length];
        int nFg = 0;
        for (int i = 0; i < px.length; i++) {
            fg[i] = px[i] > t;
            if (fg[i]) nFg++;
        }
        // Background = pixels at least 3 px from any foreground, so blur tails don't count.
        boolean[] near = dilate(fg, w, h, 3);
        List<Float> bgVals = new ArrayList<>();
        double diffSum = 0;
        int diffN = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (near[i]) continue;
                bgVals.add(px[i]);
                if (x + 1 < w && !near[i + 1]) {
                    double d = px[i + 1] - px[i];
                    diffSum += d * d;
                    diffN++;
                }
            }
        }
        float[] bg = new float[bgVals.size()];
        for (int i = 0; i < bg.length; i++) bg[i] = bgVals.get(i);
        Arrays.sort(bg);
        double bgMedian = bg.length == 0 ? 0 : bg[bg.length / 2];
        double p5 = bg.length == 0 ? 0 : bg[(int) (bg.length * 0.05)];
        double p95 = bg.length == 0 ? 0 : bg[(int) (bg.length * 0.95)];
        // Pixel noise from neighbour differences: insensitive to slow background changes.
        double noise = Math.sqrt(diffSum / Math.max(1, diffN) / 2);

        int[] lab = labels != null ? labels : components(fg, w, h);
        int n = 0;
        for (int v : lab) n = Math.max(n, v);
        double[] sum = new double[n + 1];
        double[] sum2 = new double[n + 1];
        int[] area = new int[n + 1];
        for (int i = 0; i < px.length; i++) {
            int v = lab[i];
            if (v == 0) continue;
            double s = px[i] - bgMedian;
            sum[v] += s;
            sum2[v] += s * s;
            area[v]++;
        }
        List<Double> diam = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> cvs = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            if (area[v] < 12) continue;
            double m = sum[v] / area[v];
            diam.add(Math.sqrt(4 * area[v] / Math.PI));
            means.add(m);
            double var = Math.max(0, sum2[v] / area[v] - m * m);
            if (m > 0) cvs.add(Math.sqrt(var) / m);
        }
        double fgMedian = median(means);
        double iqr = quantile(diam, 0.75) / Math.max(1e-9, quantile(diam, 0.25));
        float[] norm = new float[px.length];
        float[] sorted = px.clone();
        Arrays.sort(sorted);
        double top = sorted[(int) (sorted.length * 0.995)] - bgMedian;
        for (int i = 0; i < px.length; i++) norm[i] = (float) ((px[i] - bgMedian) / Math.max(1e-9, top));
        return new ImageStats(bgMedian, noise, fgMedian / Math.max(1e-9, noise), (p95 - p5) / Math.max(1e-9, fgMedian),
                nFg / (double) px.length, median(diam), iqr, cv(means), median(cvs), diam.size(), norm);
    }

    /** Kolmogorov-Smirnov distance between two images' normalized intensity distributions. */
    static double ks(float[] a, float[] b) {
        float[] x = a.clone();
        float[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            if (x[i] <= y[j]) i++;
            else j++;
            d = Math.max(d, Math.abs(i / (double) x.length - j / (double) y.length));
        }
        return d;
    }

    static double otsu(float[] px) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : px) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int bins = 256;
        int[] hist = new int[bins];
        double scale = (bins - 1) / Math.max(1e-9, max - min);
        for (float v : px) hist[(int) ((v - min) * scale)]++;
        double total = px.length;
        double sumAll = 0;
        for (int k = 0; k < bins; k++) sumAll += k * (double) hist[k];
        double wB = 0;
        double sumB = 0;
        double best = -1;
        int bestK = 0;
        for (int k = 0; k < bins; k++) {
            wB += hist[k];
            if (wB == 0) continue;
            double wF = total - wB;
            if (wF == 0) break;
            sumB += k * (double) hist[k];
            double mB = sumB / wB;
            double mF = (sumAll - sumB) / wF;
            double between = wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                bestK = k;
            }
        }
        return min + (bestK + 0.5) / scale;
    }

    static int[] components(boolean[] fg, int w, int h) {
        int[] lab = new int[fg.length];
        int[] stack = new int[fg.length];
        int next = 0;
        for (int s = 0; s < fg.length; s++) {
            if (!fg[s] || lab[s] != 0) continue;
            next++;
            int top = 0;
            stack[top++] = s;
            lab[s] = next;
            while (top > 0) {
                int i = stack[--top];
                int x = i % w;
                int y = i / w;
                int[] nb = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
                for (int k : nb) {
                    if (k >= 0 && fg[k] && lab[k] == 0) {
                        lab[k] = next;
                        stack[top++] = k;
                    }
                }
            }
        }
        return lab;
    }

    private static boolean[] dilate(boolean[] m, int w, int h, int r) {
        boolean[] out = m.clone();
        for (int pass = 0; pass < r; pass++) {
            boolean[] src = out.clone();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (src[i]) continue;
                    if ((x > 0 && src[i - 1]) || (x < w - 1 && src[i + 1]) || (y > 0 && src[i - w]) || (y < h - 1 && src[i + w])) {
                        out[i] = true;
                    }
                }
            }
        }
        return out;
    }

    static double median(List<Double> v) {
        return quantile(v, 0.5);
    }

    static double quantile(List<Double> v, double q) {
        if (v.isEmpty()) return Double.NaN;
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[(int) Math.min(a.length - 1, q * a.length)];
    }

    static double cv(List<Double> v) {
        if (v.size() < 2) return Double.NaN;
        double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double s = Math.sqrt(v.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / (v.size() - 1));
        return s / m;
    }
}
