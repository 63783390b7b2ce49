package org.karyo.simulate;

/**
 * How infection changes a nucleus, as a function of the phenotype strength (0 = looks uninfected, 1 = late
 * infection fully developed). Kept in one place so field, plate and time-lapse simulators agree.
 */
public final class InfectionPhenotype {
    private InfectionPhenotype() {
    }

    /** Linear size factor (area grows by its square): AdV nuclei grow up to ~1.7x in diameter, HSV-1 ~1.25x. */
    public static double sizeFactor(Virus virus, double strength) {
        if (virus == null) return 1;
        return switch (virus) {
            case ADV -> 1 + 0.7 * strength;
            case HSV -> 1 + 0.25 * strength;
        };
    }

    /** Mean DNA-stain brightness factor: infected nuclei spread the same host DNA over a larger area. */
    static double brightnessFactor(Virus virus, double strength) {
        if (virus == null) return 1;
        return switch (virus) {
            case ADV -> 1 - 0.35 * strength;
            case HSV -> 1 - 0.2 * strength;
        };
    }

    /** Chromatin texture contrast factor: replication compartments displace and smooth host chromatin. */
    static double textureFactor(Virus virus, double strength) {
        if (virus == null) return 1;
        return 1 - 0.5 * strength;
    }

    /**
     * HSV-1 marginalisation: multiplicative radial profile, bright just inside the envelope, dim centre.
     * {@code rn} is the normalized radius (0 centre, 1 rim).
     */
    static double marginalisation(double strength, double rn) {
        double d = (1 - rn) / 0.2;
        double rim = 0.15 + 2.2 * Math.exp(-d * d);
        return (1 - strength) + strength * rim;
    }
}
