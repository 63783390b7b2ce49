package org.karyo.render;

import java.util.HashMap;
import java.util.Map;

/**
 * The paths of tracked nuclei, collected frame by frame and drawn over an image: how a biologist checks a
 * tracking result at a glance (do paths jump between neighbours, do daughters hang off their mother). A track's
 * colour is its lineage's, so a mother and her daughters share a hue; a daughter's path starts at her mother's last
 * centre, so divisions show as forks. Only the last {@code tail} frames of each path are drawn (0: all), because
 * whole 4-day paths of a crowded field cover it.
 */
public final class TrackPaths {
    private final int tail;
    private final Map<Integer, Path> paths = new HashMap<>();

    /** One track's centres, frame by frame, and the lineage it belongs to. */
    private static final class Path {
        final int lineage;
        int[] frames = new int[8];
        float[] xy = new float[16];
        int n;

        Path(int lineage) {
            this.lineage = lineage;
        }

        void add(int frame, double x, double y) {
            if (n == frames.length) {
                frames = java.util.Arrays.copyOf(frames, 2 * n);
                xy = java.util.Arrays.copyOf(xy, 4 * n);
            }
            frames[n] = frame;
            xy[2 * n] = (float) x;
            xy[2 * n + 1] = (float) y;
            n++;
        }
    }

    public TrackPaths(int tail) {
        if (tail < 0) throw new IllegalArgumentException("tail must be >= 0 frames, not " + tail);
        this.tail = tail;
    }

    /**
     * Records where track {@code id} was in {@code frame}. On a track's first point, {@code parent} (0: none) links
     * it to its mother's last centre.
     */
    public void add(int id, int parent, int frame, double x, double y) {
        Path p = paths.get(id);
        if (p == null) {
            Path mother = parent == 0 ? null : paths.get(parent);
            p = new Path(mother == null ? id : mother.lineage);
            if (mother != null && mother.n > 0) {
                int last = mother.n - 1;
                p.add(mother.frames[last], mother.xy[2 * last], mother.xy[2 * last + 1]);
            }
            paths.put(id, p);
        }
        p.add(frame, x, y);
    }

    /** The colour track {@code id} is drawn in; -1 (no outline) for a track never seen. */
    public int colourOf(int id) {
        Path p = paths.get(id);
        return p == null ? -1 : lineageColour(p.lineage);
    }

    /** Number of tracks seen. */
    public int tracks() {
        return paths.size();
    }

    /** Draws every path's segments ending after {@code lastFrame - tail} onto {@code img}, in its lineage's colour. */
    public void draw(RgbImage img, int lastFrame) {
        int from = tail == 0 ? Integer.MIN_VALUE : lastFrame - tail;
        for (Path p : paths.values()) {
            int colour = lineageColour(p.lineage);
            for (int i = 1; i < p.n; i++) {
                if (p.frames[i] <= from) continue;
                line(img, p.xy[2 * i - 2], p.xy[2 * i - 1], p.xy[2 * i], p.xy[2 * i + 1], colour);
            }
        }
    }

    /** A bright, saturated colour per lineage, neighbouring ids far apart in hue (golden-ratio steps). */
    public static int lineageColour(int lineage) {
        double h = 6 * ((lineage * 0.6180339887498949) % 1.0);
        double saturation = 0.85;
        int sector = (int) h;
        double f = h - sector;
        int top = 255;
        int bottom = (int) Math.round(255 * (1 - saturation));
        int falling = (int) Math.round(255 * (1 - saturation * f));
        int rising = (int) Math.round(255 * (1 - saturation * (1 - f)));
        int[] rgb = switch (sector % 6) {
            case 0 -> new int[]{top, rising, bottom};
            case 1 -> new int[]{falling, top, bottom};
            case 2 -> new int[]{bottom, top, rising};
            case 3 -> new int[]{bottom, falling, top};
            case 4 -> new int[]{rising, bottom, top};
            default -> new int[]{top, bottom, falling};
        };
        return (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
    }

    /** A one-pixel line, clipped to the image. */
    static void line(RgbImage img, double x0, double y0, double x1, double y1, int colour) {
        int steps = (int) Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)));
        int w = img.width();
        int h = img.height();
        for (int s = 0; s <= steps; s++) {
            double f = steps == 0 ? 0 : (double) s / steps;
            int x = (int) Math.round(x0 + f * (x1 - x0));
            int y = (int) Math.round(y0 + f * (y1 - y0));
            if (x >= 0 && y >= 0 && x < w && y < h) img.rgb()[y * w + x] = colour;
        }
    }
}
