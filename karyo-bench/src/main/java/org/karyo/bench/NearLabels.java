package org.karyo.bench;

/** The labels other than a pixel's own within a square reach of it, for the seam and crowding measures. */
final class NearLabels {
    private NearLabels() {
    }

    /**
     * Writes into {@code out}, in scan order and each once, the labels (0 = background included) other than the
     * pixel's own within {@code reach} px of (x, y); returns how many. {@code out} needs (2 reach + 1)² places.
     */
    static int of(int[] lab, int w, int h, int x, int y, int reach, int[] out) {
        int own = lab[y * w + x];
        int n = 0;
        for (int yy = Math.max(0, y - reach); yy <= Math.min(h - 1, y + reach); yy++) {
            for (int xx = Math.max(0, x - reach); xx <= Math.min(w - 1, x + reach); xx++) {
                int l = lab[yy * w + xx];
                if (l != own && !contains(out, n, l)) out[n++] = l;
            }
        }
        return n;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) if (a[i] == v) return true;
        return false;
    }
}
