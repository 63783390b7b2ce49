package org.karyo.image;

import java.util.List;

/**
 * Planes indexed by channel, z and time, all the same size, as read from one file or
 * assembled from a plate folder. Planes are kept in ImageJ's order: channel fastest, then z, then time.
 */
public final class Hyperstack {
    private final int channels;
    private final int slices;
    private final int frames;
    private final List<Plane> planes;

    public Hyperstack(int channels, int slices, int frames, List<Plane> planes) {
        if (channels < 1 || slices < 1 || frames < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1: c=" + channels + " z=" + slices + " t=" + frames);
        }
        if (planes.size() != channels * slices * frames) {
            throw new IllegalArgumentException("expected " + channels * slices * frames + " planes, got " + planes.size());
        }
        Plane first = planes.get(0);
        for (Plane p : planes) {
            if (!p.sameSize(first)) {
                throw new IllegalArgumentException("planes differ in size: " + first + " vs " + p);
            }
        }
        this.channels = channels;
        this.slices = slices;
        this.frames = frames;
        this.planes = List.copyOf(planes);
    }

    public static Hyperstack single(Plane p) {
        return new Hyperstack(1, 1, 1, List.of(p));
    }

    public int channels() {
        return channels;
    }

    public int slices() {
        return slices;
    }

    public int frames() {
        return frames;
    }

    public int width() {
        return planes.get(0).width();
    }

    public int height() {
        return planes.get(0).height();
    }

    public int bitDepth() {
        return planes.get(0).bitDepth();
    }

    public List<Plane> planes() {
        return planes;
    }

    /** Plane at channel c, slice z, frame t (all 0-based). */
    public Plane plane(int c, int z, int t) {
        if (c < 0 || c >= channels || z < 0 || z >= slices || t < 0 || t >= frames) {
            throw new IndexOutOfBoundsException("c=" + c + " z=" + z + " t=" + t + " outside " + this);
        }
        return planes.get(c + channels * (z + slices * t));
    }

    /** Maximum-intensity projection over z of one channel at one time point. */
    public Plane maxProjection(int c, int t) {
        Plane first = plane(c, 0, t);
        if (slices == 1) return first;
        float[] out = first.pixels().clone();
        for (int z = 1; z < slices; z++) {
            float[] p = plane(c, z, t).pixels();
            for (int i = 0; i < out.length; i++) {
                if (p[i] > out[i]) out[i] = p[i];
            }
        }
        return new Plane(first.width(), first.height(), first.bitDepth(), out);
    }

    @Override
    public String toString() {
        return "Hyperstack[" + width() + "x" + height() + ", c=" + channels + " z=" + slices + " t=" + frames
                + ", " + bitDepth() + "-bit]";
    }
}
