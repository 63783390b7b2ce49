package org.karyo.simulate;

/**
 * Infection in a field outside any plaque.
 *
 * @param virus            phenotype to draw (default ADV)
 * @param infectedFraction fraction of cells infected (default 0.2)
 * @param strength         phenotype strength of the most advanced infected cells, in [0,1] (default 0.8);
 *                         0 makes infected nuclei indistinguishable from uninfected ones in the DNA stain
 * @param strengthSpread   infected cells' strengths are uniform in [strength*(1-spread), strength] (default 0.6),
 *                         because infections are asynchronous
 */
public record InfectionSettings(Virus virus, double infectedFraction, double strength, double strengthSpread) {
    public InfectionSettings {
        if (virus == null) throw new IllegalArgumentException("virus is required");
        OpticsSettings.requireFraction("infectedFraction", infectedFraction);
        OpticsSettings.requireFraction("strength", strength);
        OpticsSettings.requireFraction("strengthSpread", strengthSpread);
    }

    public static InfectionSettings defaults() {
        return new InfectionSettings(Virus.ADV, 0.2, 0.8, 0.6);
    }

    public static InfectionSettings none() {
        return new InfectionSettings(Virus.ADV, 0, 0.8, 0.6);
    }

    public InfectionSettings withVirus(Virus v) {
        return new InfectionSettings(v, infectedFraction, strength, strengthSpread);
    }

    public InfectionSettings withFraction(double f) {
        return new InfectionSettings(virus, f, strength, strengthSpread);
    }

    public InfectionSettings withStrength(double s) {
        return new InfectionSettings(virus, infectedFraction, s, strengthSpread);
    }

    /** A cell's phenotype strength from a uniform draw u in [0,1). */
    double strengthFor(double u) {
        return strength * (1 - strengthSpread * u);
    }
}
