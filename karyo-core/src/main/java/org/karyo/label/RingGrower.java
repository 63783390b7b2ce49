package org.karyo.label;

import org.karyo.image.LabelImage;

/**
 * Grows each nucleus outwards into background by a number of pixels, never into another nucleus or
 * another nucleus's ring: the pixels gained are that nucleus's ring, where a whole-cell or cytoplasmic
 * reporter is read.
 */
final class RingGrower {
    private RingGrower() {
    }

    /** Ring label per pixel (0 = not in any ring); grown breadth-first, 8-connected, ties to the first to arrive. */
    static int[] ring(LabelImage labels, int width) {
        int w = labels.width();
        int h = labels.height();
        int[] lab = labels.labels();
        int[] owner = lab.clone();
        int[] ring = new int[lab.length];
        int[] frontier = new int[lab.length];
        int size = 0;
        for (int i = 0; i < lab.length; i++) {
            if (lab[i] > 0) frontier[size++] = i;
        }
        int[] next = new int[lab.length];
        for (int step = 0; step < width && size > 0; step++) {
            int nextSize = 0;
            for (int k = 0; k < size; k++) {
                int i = frontier[k];
                int x = i % w;
                int y = i / w;
                int l = owner[i];
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w || (dx == 0 && dy == 0)) continue;
                        int j = yy * w + xx;
                        if (owner[j] == 0) {
                            owner[j] = l;
                            ring[j] = l;
                            next[nextSize++] = j;
                        }
                    }
                }
            }
            int[] t = frontier;
            frontier = next;
            next = t;
            size = nextSize;
        }
        return ring;
    }
}
