package org.karyo.segment;

import org.karyo.image.LabelImage;

import java.util.Arrays;

/** Pairs of overlapping instances between two label images, with their intersection over union. */
public final class InstanceMatcher {
    private InstanceMatcher() {
    }

    /** One overlapping pair: label a in the first image, label b in the second. */
    public record Overlap(int a, int b, double iou) {
    }

    /** Every pair of labels that share at least one pixel, in order of (a, b). */
    public static Overlap[] overlaps(LabelImage first, LabelImage second) {
        if (first.width() != second.width() || first.height() != second.height()) {
            throw new IllegalArgumentException("label images differ in size");
        }
        int[] p = first.labels();
        int[] g = second.labels();
        int[] pa = first.areas();
        int[] ga = second.areas();
        long stride = second.count() + 1L;
        long[] pairs = new long[p.length];
        int k = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] != 0 && g[i] != 0) pairs[k++] = p[i] * stride + g[i];
        }
        Arrays.sort(pairs, 0, k);
        Overlap[] out = new Overlap[k];
        int n = 0;
        int i = 0;
        while (i < k) {
            int j = i;
            while (j < k && pairs[j] == pairs[i]) j++;
            int inter = j - i;
            int a = (int) (pairs[i] / stride);
            int b = (int) (pairs[i] % stride);
            out[n++] = new Overlap(a, b, (double) inter / (pa[a] + ga[b] - inter));
            i = j;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * For each label of {@code first}, its partner in {@code second} with IoU above 0.5 (unique when it
     * exists), or 0.
     */
    public static int[] matchAboveHalf(LabelImage first, LabelImage second) {
        int[] partner = new int[first.count() + 1];
        for (Overlap o : overlaps(first, second)) {
            if (o.iou() > 0.5) partner[o.a()] = o.b();
        }
        return partner;
    }
}
