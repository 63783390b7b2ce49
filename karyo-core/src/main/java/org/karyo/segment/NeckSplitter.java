package org.karyo.segment;

import org.karyo.filter.DistanceTransform;
import org.karyo.filter.GaussianBlur;
import org.karyo.image.Plane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the components of a mask where they narrow to a neck, whatever their size. Every maximum of the (lightly
 * smoothed) distance transform starts a basin; neighbouring basins are merged, widest pass first, unless the pass
 * between them (the deepest point along their shared border) is at most {@code neck} times the lower of their two
 * maxima. Two touching discs joined by a thin bridge stay two; one large or irregular nucleus, whose maxima are
 * joined by passes nearly as deep as they are, stays one. A fixed split distance would instead cut large nuclei of
 * images at another magnification (seen on DSB2018).
 */
final class NeckSplitter {
    private NeckSplitter() {
    }

    /** Labels 1..n over the mask (0 outside), each component split at its necks. */
    static int[] split(boolean[] mask, int w, int h, double neck) {
        float[] depth = GaussianBlur.blur(Plane.of(w, h, DistanceTransform.euclidean(mask, w, h)), 1.0).pixels();
        int[] basins = SeededWatershed.flood(depth, mask, SeedFinder.seeds(depth, mask, w, h, 1), w, h);
        int m = 0;
        for (int b : basins) m = Math.max(m, b);
        float[] peak = new float[m + 1];
        for (int i = 0; i < basins.length; i++) if (basins[i] != 0) peak[basins[i]] = Math.max(peak[basins[i]], depth[i]);
        Map<Long, Float> pass = new HashMap<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int a = basins[i];
                if (a == 0) continue;
                if (x + 1 < w) border(pass, a, basins[i + 1], Math.min(depth[i], depth[i + 1]), m);
                if (y + 1 < h) border(pass, a, basins[i + w], Math.min(depth[i], depth[i + w]), m);
            }
        }
        List<Map.Entry<Long, Float>> edges = new ArrayList<>(pass.entrySet());
        edges.sort((p, q) -> Float.compare(q.getValue(), p.getValue()));
        int[] parent = new int[m + 1];
        for (int l = 0; l <= m; l++) parent[l] = l;
        for (Map.Entry<Long, Float> e : edges) {
            int a = find(parent, (int) (e.getKey() / (m + 1)));
            int b = find(parent, (int) (e.getKey() % (m + 1)));
            if (a == b) continue;
            float lower = Math.min(peak[a], peak[b]);
            if (e.getValue() > neck * lower) {
                parent[b] = a;
                peak[a] = Math.max(peak[a], peak[b]);
            }
        }
        int[] relabel = new int[m + 1];
        int next = 0;
        int[] out = new int[basins.length];
        for (int i = 0; i < basins.length; i++) {
            if (basins[i] == 0) continue;
            int r = find(parent, basins[i]);
            if (relabel[r] == 0) relabel[r] = ++next;
            out[i] = relabel[r];
        }
        return out;
    }

    private static void border(Map<Long, Float> pass, int a, int b, float height, int m) {
        if (b == 0 || b == a) return;
        long key = (long) Math.min(a, b) * (m + 1) + Math.max(a, b);
        pass.merge(key, height, Math::max);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
