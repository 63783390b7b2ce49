package org.karyo.segment;

import org.karyo.filter.DistanceTransform;
import org.karyo.image.LabelImage;

/**
 * The per-pixel classes a boundary-aware pixel classifier learns from a label image: background,
 * nucleus interior, and nucleus boundary (a labelled pixel with a differently labelled pixel, or
 * background, among its 8 neighbours). Between two touching nuclei the boundary is two pixels wide,
 * one on each side, which is what lets {@link BoundaryMapSegmenter} split them. Optionally a fourth class, the
 * nucleus core ({@link #withCores}): the inner part of each nucleus, which stays apart from its neighbours' cores
 * however tightly the nuclei touch, so it makes a seed per nucleus where interiors joined by a bridge would not.
 */
public final class BoundaryClasses {
    public static final byte BACKGROUND = 0;
    public static final byte INTERIOR = 1;
    public static final byte BOUNDARY = 2;
    public static final byte CORE = 3;
    /** Core pixels lie at least this fraction of their nucleus's greatest depth from its outline. */
    public static final double CORE_DEPTH = 0.5;

    private BoundaryClasses() {
    }

    public static byte[] of(LabelImage labels) {
        int w = labels.width();
        int h = labels.height();
        int[] lab = labels.labels();
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int l = lab[i];
                if (l == 0) continue;
                byte c = INTERIOR;
                for (int dy = -1; dy <= 1 && c == INTERIOR; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        // The image edge is not a boundary: a nucleus cut by it continues outside.
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
                        if (lab[yy * w + xx] != l) {
                            c = BOUNDARY;
                            break;
                        }
                    }
                }
                out[i] = c;
            }
        }
        return out;
    }

    /**
     * The three classes, plus {@link #CORE} for interior pixels at least {@code depth} of their nucleus's deepest
     * point from its outline (distance to the nearest boundary or background pixel): the inner quarter of a round
     * nucleus's area at 0.5, and one core per nucleus whatever its size.
     */
    public static byte[] withCores(LabelImage labels, double depth) {
        if (!(depth > 0 && depth < 1)) throw new IllegalArgumentException("core depth must be between 0 and 1, not " + depth);
        byte[] out = of(labels);
        int w = labels.width();
        int h = labels.height();
        int[] lab = labels.labels();
        boolean[] inside = new boolean[out.length];
        for (int i = 0; i < out.length; i++) inside[i] = out[i] == INTERIOR;
        float[] d = DistanceTransform.euclidean(inside, w, h);
        float[] deepest = new float[labels.count() + 1];
        for (int i = 0; i < out.length; i++) if (inside[i]) deepest[lab[i]] = Math.max(deepest[lab[i]], d[i]);
        for (int i = 0; i < out.length; i++) {
            if (inside[i] && d[i] >= depth * deepest[lab[i]]) out[i] = CORE;
        }
        return out;
    }
}
