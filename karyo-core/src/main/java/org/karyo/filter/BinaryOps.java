package org.karyo.filter;

/** Operations on binary masks (row-major boolean arrays). */
public final class BinaryOps {
    private BinaryOps() {
    }

    /** Fills holes: background not connected (4-connected) to the image border becomes foreground. */
    public static boolean[] fillHoles(boolean[] mask, int w, int h) {
        boolean[] outside = new boolean[mask.length];
        int[] stack = new int[mask.length];
        int top = 0;
        for (int x = 0; x < w; x++) {
            top = seed(mask, outside, stack, top, x);
            top = seed(mask, outside, stack, top, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            top = seed(mask, outside, stack, top, y * w);
            top = seed(mask, outside, stack, top, y * w + w - 1);
        }
        while (top > 0) {
            int i = stack[--top];
            int x = i % w;
            if (x > 0) top = seed(mask, outside, stack, top, i - 1);
            if (x < w - 1) top = seed(mask, outside, stack, top, i + 1);
            if (i >= w) top = seed(mask, outside, stack, top, i - w);
            if (i + w < mask.length) top = seed(mask, outside, stack, top, i + w);
        }
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < out.length; i++) out[i] = mask[i] || !outside[i];
        return out;
    }

    private static int seed(boolean[] mask, boolean[] outside, int[] stack, int top, int i) {
        if (!mask[i] && !outside[i]) {
            outside[i] = true;
            stack[top++] = i;
        }
        return top;
    }

    /**
     * Labels 8-connected components 1..n in raster order of their first pixel.
     *
     * @return the label array; its component count is the maximum label
     */
    public static int[] components(boolean[] mask, int w, int h) {
        int[] lab = new int[mask.length];
        int[] stack = new int[mask.length];
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || lab[start] != 0) continue;
            lab[start] = ++next;
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int i = stack[--top];
                int x = i % w;
                int y = i / w;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w) continue;
                        int j = yy * w + xx;
                        if (mask[j] && lab[j] == 0) {
                            lab[j] = next;
                            stack[top++] = j;
                        }
                    }
                }
            }
        }
        return lab;
    }
}
