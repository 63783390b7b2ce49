package org.karyo.simulate;

/**
 * Nucleus size and DNA content over the cell cycle (phase 0 = just divided, 1 = about to divide):
 * the nucleus grows steadily, DNA doubles during S phase (phase 0.35-0.75). This is what makes nucleus
 * size and stain intensity vary between healthy cells.
 */
public final class CellCycle {
    /** Nuclear area at the end of the cycle relative to the start. */
    static final double AREA_GROWTH = 1.9;
    /** Mean area over a uniform phase, relative to the start: for converting mean diameter to G1 diameter. */
    static final double MEAN_AREA = 1 + (AREA_GROWTH - 1) / 2;

    private CellCycle() {
    }

    public static double areaFactor(double phase) {
        return 1 + (AREA_GROWTH - 1) * clamp(phase);
    }

    public static double dnaContent(double phase) {
        double p = clamp(phase);
        if (p < 0.35) return 1;
        if (p > 0.75) return 2;
        return 1 + (p - 0.35) / 0.4;
    }

    /** Stain level per pixel relative to a G1 nucleus: DNA content spread over the nuclear area (and some thickness). */
    public static double intensityFactor(double phase) {
        return dnaContent(phase) / Math.pow(areaFactor(phase), 0.75);
    }

    private static double clamp(double p) {
        return p < 0 ? 0 : (p > 1 ? 1 : p);
    }
}
