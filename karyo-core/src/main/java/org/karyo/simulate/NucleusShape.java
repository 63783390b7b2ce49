package org.karyo.simulate;

import java.util.SplittableRandom;

/**
 * An irregular ellipse: an ellipse whose radius is modulated by a few low angular harmonics, the outline
 * of an interphase nucleus squeezed by its neighbours and cytoskeleton. Immutable.
 *
 * <p>{@link #normalizedRadius} is 0 at the centre and 1 on the outline; the renderer gives a contested pixel
 * to the nucleus with the smallest value, so touching nuclei meet along a curved boundary and every
 * nucleus keeps its centre.
 */
public final class NucleusShape {
    private static final int HARMONICS = 4; // orders 2..5; order 1 would only shift the centre

    private final double x;
    private final double y;
    private final double a;
    private final double b;
    private final double angle;
    private final double cos;
    private final double sin;
    private final double[] ca = new double[HARMONICS];
    private final double[] sa = new double[HARMONICS];
    private final double reach;
    // Quadratic form of the ellipse grown by the largest harmonic excursion: bounds every row's extent.
    private final double qxx;
    private final double qxy;
    private final double qyy;
    private final double irregularity;
    private final long seed;

    /**
     * @param a            semi-axis along {@code angle}, pixels
     * @param b            the other semi-axis, pixels
     * @param angle        orientation, radians
     * @param irregularity relative radius modulation (0 = exact ellipse; 0.05-0.1 looks like cultured cells)
     * @param seed         fixes the modulation pattern
     */
    public NucleusShape(double x, double y, double a, double b, double angle, double irregularity, long seed) {
        if (!(a > 0 && b > 0)) throw new IllegalArgumentException("semi-axes must be > 0: " + a + ", " + b);
        if (!(irregularity >= 0 && irregularity < 0.5)) {
            throw new IllegalArgumentException("irregularity must be in [0,0.5): " + irregularity);
        }
        this.x = x;
        this.y = y;
        this.a = a;
        this.b = b;
        this.angle = angle;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
        this.irregularity = irregularity;
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        double total = 0;
        for (int k = 0; k < HARMONICS; k++) {
            // Higher orders get less amplitude so outlines stay smooth, like real nuclear envelopes.
            double amp = irregularity * r.nextGaussian() / (1 + k);
            double phase = r.nextDouble(2 * Math.PI);
            ca[k] = amp * Math.cos(phase);
            sa[k] = amp * Math.sin(phase);
            total += Math.abs(amp);
        }
        this.reach = Math.max(a, b) * (1 + total) + 1;
        double ga = a * (1 + total) + 0.5;
        double gb = b * (1 + total) + 0.5;
        this.qxx = cos * cos / (ga * ga) + sin * sin / (gb * gb);
        this.qxy = 2 * cos * sin * (1 / (ga * ga) - 1 / (gb * gb));
        this.qyy = sin * sin / (ga * ga) + cos * cos / (gb * gb);
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double semiMajor() {
        return a;
    }

    public double semiMinor() {
        return b;
    }

    public double angle() {
        return angle;
    }

    public long seed() {
        return seed;
    }

    /** Approximate area in pixels (the harmonics average out to first order). */
    public double area() {
        return Math.PI * a * b;
    }

    public NucleusShape movedTo(double nx, double ny) {
        return new NucleusShape(nx, ny, a, b, angle, irregularity, seed);
    }

    /** Same outline scaled about its centre by {@code f} in both axes (area by f squared). */
    public NucleusShape scaled(double f) {
        return new NucleusShape(x, y, a * f, b * f, angle, irregularity, seed);
    }

    public NucleusShape rotatedTo(double newAngle) {
        return new NucleusShape(x, y, a, b, newAngle, irregularity, seed);
    }

    public NucleusShape withAxes(double na, double nb) {
        return new NucleusShape(x, y, na, nb, angle, irregularity, seed);
    }

    public int minX() {
        return (int) Math.floor(x - reach);
    }

    public int maxX() {
        return (int) Math.ceil(x + reach);
    }

    public int minY() {
        return (int) Math.floor(y - reach);
    }

    public int maxY() {
        return (int) Math.ceil(y + reach);
    }

    /** Coordinate along the major axis, pixels from the centre. */
    public double along(double px, double py) {
        return (px - x) * cos + (py - y) * sin;
    }

    /** Coordinate along the minor axis, pixels from the centre. */
    public double across(double px, double py) {
        return -(px - x) * sin + (py - y) * cos;
    }

    /**
     * Pixel columns of row {@code py} that may lie inside the outline, as {first, last}; first > last when
     * the row misses it. Lets renderers skip the empty corners of the bounding box.
     */
    public void rowSpan(int py, int[] out) {
        double dy = py - y;
        // qxx dx^2 + qxy dy dx + qyy dy^2 - 1 = 0
        double bq = qxy * dy;
        double disc = bq * bq - 4 * qxx * (qyy * dy * dy - 1);
        if (disc < 0) {
            out[0] = 1;
            out[1] = 0;
            return;
        }
        double sq = Math.sqrt(disc);
        out[0] = (int) Math.floor(x + (-bq - sq) / (2 * qxx));
        out[1] = (int) Math.ceil(x + (-bq + sq) / (2 * qxx));
    }

    /** 0 at the centre, 1 on the outline, greater outside. */
    public double normalizedRadius(double px, double py) {
        double u = along(px, py) / a;
        double v = across(px, py) / b;
        double r = Math.sqrt(u * u + v * v);
        if (r == 0) return 0;
        double c1 = u / r;
        double s1 = v / r;
        // cos/sin of k*theta by rotation recurrence: cheaper than atan2 + trig per pixel.
        double ck = c1 * c1 - s1 * s1;
        double sk = 2 * c1 * s1;
        double f = 1;
        for (int k = 0; k < HARMONICS; k++) {
            f += ca[k] * ck + sa[k] * sk;
            double nc = ck * c1 - sk * s1;
            sk = sk * c1 + ck * s1;
            ck = nc;
        }
        return r / f;
    }
}
