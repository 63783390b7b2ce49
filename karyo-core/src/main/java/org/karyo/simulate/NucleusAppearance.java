package org.karyo.simulate;

import java.util.SplittableRandom;

/**
 * The DNA-stain intensity inside one nucleus: dome profile, chromatin grain, dark nucleoli, and the
 * state- and virus-specific changes. Built once per nucleus per image; {@link #dna} is called per pixel.
 */
final class NucleusAppearance {
    /** Blob in the nucleus frame: centre and radius as fractions of the semi-axes. */
    /** Fraction of nuclei somewhat out of focus. */
    static final double DEFOCUSED = 0.3;
    /** Largest relative brightness difference from the centre to one side. */
    static final double TILT = 0.3;

    private record Blob(double u, double v, double r, double weight) {
    }

    private final NucleusSpec spec;
    private final NucleusShape shape;
    private final ChromatinTexture texture;
    private final Blob[] nucleoli;
    private final Blob[] inclusions;
    private final double level;
    private final double inclusionLevel;
    private final boolean hsv;
    private final double grainPx;
    private final double edgeStart;
    private final double tiltU;
    private final double tiltV;

    NucleusAppearance(NucleusSpec spec, double pixelSizeUm) {
        this.spec = spec;
        this.shape = spec.shape();
        SplittableRandom r = new SplittableRandom(spec.textureSeed());
        Virus virus = spec.virus();
        double s = virus == null ? 0 : spec.strength();
        this.grainPx = Math.max(1.2, 0.9 / pixelSizeUm);
        double amp = 0.34 * InfectionPhenotype.textureFactor(virus, s);
        double lvl = spec.dna() * InfectionPhenotype.brightnessFactor(virus, s);
        switch (spec.state()) {
            case MITOTIC -> {
                amp = 0.45;
                lvl = spec.dna() * 2.2;
            }
            case APOPTOTIC -> {
                amp = 0.35;
                lvl = spec.dna() * 2.8;
            }
            default -> { }
        }
        // Cells are not all in one focal plane, nor evenly thick: some nuclei are soft-edged, dimmer and
        // smoother (defocus), and many are brighter on one side (tilt). Both make thresholds split nuclei.
        double defocus = r.nextDouble() < DEFOCUSED ? r.nextDouble() : 0;
        amp *= 1 - 0.6 * defocus;
        lvl *= 1 - 0.4 * defocus;
        this.edgeStart = 0.85 - 0.45 * defocus;
        double tilt = TILT * r.nextDouble();
        double tiltAngle = r.nextDouble(2 * Math.PI);
        this.tiltU = tilt * Math.cos(tiltAngle);
        this.tiltV = tilt * Math.sin(tiltAngle);
        this.texture = new ChromatinTexture(r.nextLong(), 0.9 / pixelSizeUm, amp);
        this.level = lvl;
        this.hsv = virus == Virus.HSV && s > 0;

        if (spec.state() == NuclearState.INTERPHASE && !(hsv && s > 0.6)) {
            int n = 1 + r.nextInt(4);
            nucleoli = new Blob[n];
            // Nucleoli are ~1.5-3 µm: as a fraction of the nucleus radius.
            double radiusFrac = 0.9 / pixelSizeUm / Math.max(1, Math.sqrt(shape.semiMajor() * shape.semiMinor()));
            for (int i = 0; i < n; i++) {
                double rr = 0.55 * Math.sqrt(r.nextDouble());
                double t = r.nextDouble(2 * Math.PI);
                nucleoli[i] = new Blob(rr * Math.cos(t), rr * Math.sin(t),
                        Math.min(0.35, radiusFrac * (0.6 + 0.6 * r.nextDouble())), 0.35 + 0.25 * r.nextDouble());
            }
        } else {
            nucleoli = new Blob[0];
        }

        if (virus == Virus.ADV && s > 0 && spec.state() == NuclearState.INTERPHASE) {
            // Replication compartments: several bright irregular blobs, each made of two overlapping discs,
            // growing in number and size with the phenotype strength.
            int n = 2 + (int) Math.round(s * 6) + r.nextInt(3);
            inclusions = new Blob[2 * n];
            for (int i = 0; i < n; i++) {
                double rr = 0.6 * Math.sqrt(r.nextDouble());
                double t = r.nextDouble(2 * Math.PI);
                double rad = (0.1 + 0.15 * s) * (0.6 + 0.8 * r.nextDouble());
                double u = rr * Math.cos(t);
                double v = rr * Math.sin(t);
                inclusions[2 * i] = new Blob(u, v, rad, 1);
                double t2 = r.nextDouble(2 * Math.PI);
                inclusions[2 * i + 1] = new Blob(u + rad * 0.8 * Math.cos(t2), v + rad * 0.8 * Math.sin(t2), rad * 0.7, 0.8);
            }
            inclusionLevel = spec.dna() * 1.6 * s;
        } else {
            inclusions = new Blob[0];
            inclusionLevel = 0;
        }
    }

    /** DNA signal at pixel (px, py) whose normalized radius is {@code rn} (< 1). */
    double dna(double px, double py, double rn) {
        double along = shape.along(px, py);
        double across = shape.across(px, py);
        // Nuclei are thicker in the middle: a gentle dome, and a soft fall-off in the last 15 % of the radius.
        double dome = 0.8 + 0.2 * Math.sqrt(Math.max(0, 1 - rn * rn));
        double edge = rn < edgeStart || hsv ? 1 : 1 - 0.45 * (rn - edgeStart) / (1 - edgeStart);
        double tilt = 1 + tiltU * along / shape.semiMajor() + tiltV * across / shape.semiMinor();
        double v = level * dome * edge * tilt * texture.factor(along, across);
        if (hsv) {
            // Marginalised chromatin is beaded and uneven along the envelope, with strands reaching inwards.
            double beads = 0.55 + 0.9 * (ChromatinTexture.noise(along / (2 * grainPx), across / (2 * grainPx),
                    spec.textureSeed() ^ 0x7F4A7C15L) + 0.5);
            v *= InfectionPhenotype.marginalisation(spec.strength() * Math.min(1, beads), rn);
        }
        if (nucleoli.length > 0 || inclusions.length > 0) {
            double u = along / shape.semiMajor();
            double w = across / shape.semiMinor();
            for (Blob b : nucleoli) {
                double d2 = sq(u - b.u) + sq(w - b.v);
                double r2 = b.r * b.r;
                if (d2 < r2) v *= 1 - b.weight * (1 - d2 / r2);
            }
            double inc = 0;
            for (Blob b : inclusions) {
                double d2 = sq(u - b.u) + sq(w - b.v);
                double r2 = b.r * b.r;
                if (d2 < r2) inc = Math.max(inc, b.weight * Math.sqrt(1 - d2 / r2));
            }
            v += inclusionLevel * inc * texture.factor(2 * along + 17, 2 * across);
        }
        return v;
    }

    /** Reporter signal inside the nucleus: smoother than chromatin but not flat. */
    double reporter(double px, double py) {
        return spec.reporter() * (0.9 + 0.1 * texture.factor(0.5 * shape.along(px, py), 0.5 * shape.across(px, py)));
    }

    private static double sq(double d) {
        return d * d;
    }
}
