package org.karyo.simulate;

/**
 * Smooth random texture (two octaves of value noise) standing for chromatin granularity. It is defined in
 * the nucleus's own frame, so it moves and turns with the nucleus from frame to frame.
 */
final class ChromatinTexture {
    private static final double COARSE = 3.0;

    private final long seed;
    private final double grain;
    private final double amplitude;

    /**
     * @param grainPx   size of a chromatin grain in pixels
     * @param amplitude relative intensity variation (sd-like, 0 = flat)
     */
    ChromatinTexture(long seed, double grainPx, double amplitude) {
        this.seed = seed;
        // Grains below a pixel average out inside the pixel: keep the lattice at >= 1.2 px, damp the contrast.
        this.grain = Math.max(1.2, grainPx);
        this.amplitude = amplitude * Math.min(1, grainPx / 1.2);
    }

    /** Multiplicative factor around 1 at a point (pixels, nucleus frame). */
    double factor(double u, double v) {
        // Fine grain plus coarse domains (heterochromatin patches a few µm across), which make dim nuclei
        // break up under a global threshold as real ones do.
        double n = 0.5 * noise(u / grain, v / grain, seed) + 0.2 * noise(u / (0.5 * grain), v / (0.5 * grain), seed ^ 0x5DEECE66DL)
                + 0.45 * noise(u / (COARSE * grain), v / (COARSE * grain), seed ^ 0x2F0F1F3FL);
        return Math.max(0.05, 1 + amplitude * 2.4 * n);
    }

    /** Value noise in [-0.5, 0.5] with smooth interpolation between lattice values. */
    static double noise(double x, double y, long seed) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        long ix = (long) fx;
        long iy = (long) fy;
        double tx = x - fx;
        double ty = y - fy;
        tx = tx * tx * (3 - 2 * tx);
        ty = ty * ty * (3 - 2 * ty);
        double v00 = lattice(ix, iy, seed);
        double v10 = lattice(ix + 1, iy, seed);
        double v01 = lattice(ix, iy + 1, seed);
        double v11 = lattice(ix + 1, iy + 1, seed);
        double top = v00 + (v10 - v00) * tx;
        double bottom = v01 + (v11 - v01) * tx;
        return top + (bottom - top) * ty - 0.5;
    }

    private static double lattice(long ix, long iy, long seed) {
        long h = Seeds.mix(seed ^ (ix * 0x9E3779B97F4A7C15L) ^ (iy * 0xC2B2AE3D27D4EB4FL));
        return (h >>> 11) * 0x1.0p-53;
    }
}
