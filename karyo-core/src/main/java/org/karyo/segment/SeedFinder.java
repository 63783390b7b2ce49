package org.karyo.segment;

import org.karyo.filter.BinaryOps;
import org.karyo.filter.Morphology;

/**
 * One seed per nucleus: the maxima of the smoothed distance transform that are the highest point within
 * a square of the given radius (as scikit-image's peak_local_max with min_distance does). Touching
 * maxima (a plateau) form one seed; a mask component left without any seed gets one at its deepest pixel,
 * so no object is lost.
 */
final class SeedFinder {
    private SeedFinder() {
    }

    static int[] seeds(float[] depth, boolean[] mask, int w, int h, int radius) {
        float[] localMax = Morphology.squareMax(depth, w, h, radius);
        boolean[] peak = new boolean[depth.length];
        for (int i = 0; i < depth.length; i++) {
            peak[i] = mask[i] && depth[i] > 0 && depth[i] >= localMax[i];
        }
        int[] seeds = BinaryOps.components(peak, w, h);
        int next = 0;
        for (int s : seeds) next = Math.max(next, s);
        int[] comp = BinaryOps.components(mask, w, h);
        int nComp = 0;
        for (int c : comp) nComp = Math.max(nComp, c);
        boolean[] hasSeed = new boolean[nComp + 1];
        int[] deepest = new int[nComp + 1];
        java.util.Arrays.fill(deepest, -1);
        for (int i = 0; i < comp.length; i++) {
            int c = comp[i];
            if (c == 0) continue;
            if (seeds[i] != 0) hasSeed[c] = true;
            if (deepest[c] < 0 || depth[i] > depth[deepest[c]]) deepest[c] = i;
        }
        for (int c = 1; c <= nComp; c++) {
            if (!hasSeed[c] && deepest[c] >= 0) seeds[deepest[c]] = ++next;
        }
        return seeds;
    }
}
