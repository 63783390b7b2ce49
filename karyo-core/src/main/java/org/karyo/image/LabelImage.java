package org.karyo.image;

/**
 * An instance label image: 0 is background, 1..{@link #count()} are objects.
 * Labels are consecutive; {@link #relabel} makes them so.
 * {@link #labels()} hands out the backing array: callers must not modify it.
 */
public final class LabelImage {
    private final int width;
    private final int height;
    private final int[] labels;
    private final int count;

    public LabelImage(int width, int height, int[] labels, int count) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("label image size must be positive: " + width + "x" + height);
        }
        if (labels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " labels, got " + labels.length);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0");
        }
        this.width = width;
        this.height = height;
        this.labels = labels;
        this.count = count;
    }

    /** Builds a label image from arbitrary non-negative ids, renumbering them 1..n in raster order. */
    public static LabelImage relabel(int width, int height, int[] ids) {
        int max = 0;
        for (int v : ids) {
            if (v < 0) throw new IllegalArgumentException("negative label " + v);
            if (v > max) max = v;
        }
        int[] map = new int[max + 1];
        int next = 0;
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int v = ids[i];
            if (v == 0) continue;
            if (map[v] == 0) map[v] = ++next;
            out[i] = map[v];
        }
        return new LabelImage(width, height, out, next);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of objects; labels run 1..count. */
    public int count() {
        return count;
    }

    /** The backing array, row-major; do not modify. */
    public int[] labels() {
        return labels;
    }

    public int get(int x, int y) {
        return labels[y * width + x];
    }

    /** Pixel count of each label; index 0 is the background. */
    public int[] areas() {
        int[] a = new int[count + 1];
        for (int v : labels) a[v]++;
        return a;
    }

    public boolean sameSize(Plane p) {
        return p.width() == width && p.height() == height;
    }
}
