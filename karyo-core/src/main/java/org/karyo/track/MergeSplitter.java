package org.karyo.track;

import org.karyo.image.LabelImage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits segmented objects that swallowed several tracked nuclei. In crowded frames a segmenter often merges
 * touching nuclei into one object; if two or more live tracks expect their nucleus inside one object, and the
 * object is about as large as those nuclei together, its pixels are shared among them by nearest expected
 * centre (distance in units of each nucleus's radius). Only track positions are used, no past images, so
 * tracking stays streaming. Objects with one or no expected nucleus are left as they are.
 */
public final class MergeSplitter {
    /** Object area over the expected nuclei's summed area must lie in this range to be split. */
    static final double MIN_AREA_RATIO = 0.4;
    static final double MAX_AREA_RATIO = 2.5;
    /** Each part must keep at least this fraction of its nucleus's expected area, or the split is refused. */
    static final double MIN_PART = 0.25;
    /** k-means steps that move the expected centres onto the object's pixels before the final split. */
    static final int LLOYD_STEPS = 6;

    private MergeSplitter() {
    }

    /** The labels with merged objects split; the same instance when nothing was split. */
    public static LabelImage split(LabelImage labels, List<ExpectedNucleus> expected) {
        int w = labels.width();
        int h = labels.height();
        int[] lab = labels.labels();
        Map<Integer, List<ExpectedNucleus>> inside = new HashMap<>();
        for (ExpectedNucleus e : expected) {
            int x = (int) Math.round(e.x());
            int y = (int) Math.round(e.y());
            if (x < 0 || y < 0 || x >= w || y >= h) continue;
            int l = lab[y * w + x];
            if (l != 0) inside.computeIfAbsent(l, k -> new ArrayList<>()).add(e);
        }
        inside.values().removeIf(list -> list.size() < 2);
        return splitObjects(labels, inside);
    }

    /**
     * Splits the given objects among the nuclei expected in each (object label to its expected nuclei), where the
     * object is about as large as those nuclei together; the same instance when nothing was split.
     */
    public static LabelImage splitObjects(LabelImage labels, Map<Integer, List<ExpectedNucleus>> groups) {
        Map<Integer, List<ExpectedNucleus>> inside = new HashMap<>(groups);
        inside.values().removeIf(list -> list.size() < 2);
        if (inside.isEmpty()) return labels;
        int w = labels.width();
        int[] lab = labels.labels();
        int[] areas = labels.areas();
        inside.entrySet().removeIf(en -> {
            double sum = 0;
            for (ExpectedNucleus e : en.getValue()) sum += e.area();
            double ratio = areas[en.getKey()] / sum;
            return ratio < MIN_AREA_RATIO || ratio > MAX_AREA_RATIO;
        });
        if (inside.isEmpty()) return labels;
        int[] out = lab.clone();
        int next = labels.count();
        // Pixels of each merged object, then a few k-means (Lloyd) steps from the expected centres: the
        // expected centres are off by the cells' motion since the last frame, the object's own shape is not.
        Map<Integer, List<Integer>> pixels = new HashMap<>();
        for (int i = 0; i < lab.length; i++) {
            if (inside.containsKey(lab[i])) pixels.computeIfAbsent(lab[i], k -> new ArrayList<>()).add(i);
        }
        Map<Integer, int[]> partArea = new HashMap<>();
        int[] part = new int[lab.length];
        for (Map.Entry<Integer, List<ExpectedNucleus>> en : inside.entrySet()) {
            List<ExpectedNucleus> es = new ArrayList<>(en.getValue());
            List<Integer> px = pixels.get(en.getKey());
            int[] count = new int[es.size()];
            for (int iter = 0; iter < LLOYD_STEPS; iter++) {
                double[] sx = new double[es.size()];
                double[] sy = new double[es.size()];
                java.util.Arrays.fill(count, 0);
                for (int i : px) {
                    int k = nearest(es, i % w, i / w);
                    part[i] = k;
                    count[k]++;
                    sx[k] += i % w;
                    sy[k] += i / w;
                }
                if (iter == LLOYD_STEPS - 1) break;
                for (int k = 0; k < es.size(); k++) {
                    ExpectedNucleus e = es.get(k);
                    if (count[k] > 0) es.set(k, new ExpectedNucleus(e.trackId(), sx[k] / count[k], sy[k] / count[k], e.area()));
                }
            }
            partArea.put(en.getKey(), count.clone());
        }
        Map<Integer, int[]> newLabel = new HashMap<>();
        for (Map.Entry<Integer, List<ExpectedNucleus>> en : inside.entrySet()) {
            int[] pa = partArea.get(en.getKey());
            boolean ok = true;
            for (int k = 0; k < pa.length; k++) {
                if (pa[k] < MIN_PART * en.getValue().get(k).area()) ok = false;
            }
            if (!ok) continue;
            int[] ids = new int[pa.length];
            ids[0] = en.getKey();
            for (int k = 1; k < ids.length; k++) ids[k] = ++next;
            newLabel.put(en.getKey(), ids);
        }
        if (newLabel.isEmpty()) return labels;
        for (int i = 0; i < lab.length; i++) {
            int[] ids = newLabel.get(lab[i]);
            if (ids != null) out[i] = ids[part[i]];
        }
        return new LabelImage(w, labels.height(), out, next);
    }

    private static int nearest(List<ExpectedNucleus> es, int x, int y) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < es.size(); k++) {
            ExpectedNucleus e = es.get(k);
            double dx = x - e.x();
            double dy = y - e.y();
            double d = (dx * dx + dy * dy) / Math.max(e.area(), 1);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }
}
