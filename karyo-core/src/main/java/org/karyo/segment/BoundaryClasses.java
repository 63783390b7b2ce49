package org.karyo.segment;

import org.karyo.image.LabelImage;

/**
 * The per-pixel classes a boundary-aware pixel classifier learns from a label image: background,
 * nucleus interior, and nucleus boundary (a labelled pixel with a differently labelled pixel, or
 * background, among its 8 neighbours). Between two touching nuclei the boundary is two pixels wide,
 * one on each side, which is what lets {@link BoundaryMapSegmenter} split them.
 */
public final class BoundaryClasses {
    public static final byte BACKGROUND = 0;
    public static final byte INTERIOR = 1;
    public static final byte BOUNDARY = 2;

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
}
