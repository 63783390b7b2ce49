package org.karyo.simulate;

/**
 * The uninfected cell population: nucleus size and brightness, how crowded and clumped, how many cells
 * are in mitosis or dying. Defaults ({@link #defaults()}) match the real AdV and HSV-1 fields in shared/data.
 *
 * @param nucleusDiameterUm mean nucleus diameter over the cell cycle, µm (default 12.5; HeLa/A549 10-15)
 * @param sizeCv            cell-to-cell variation of nucleus diameter on top of the cell cycle (default 0.12)
 * @param dnaElectrons      DNA-stain level of a G1 nucleus, photoelectrons per pixel above background (default 220)
 * @param brightnessCv      cell-to-cell staining variation on top of DNA content (default 0.3)
 * @param irregularity      outline modulation (default 0.07)
 * @param minAspect         smallest minor/major axis ratio (default 0.6); ratios are uniform in [minAspect, 1]
 * @param confluence        fraction of the field covered by nuclei (default 0.23)
 * @param clumping          fraction of cells placed touching another one (default 0.35)
 * @param mitoticFraction   fraction of uninfected cells in mitosis (default 0.03)
 * @param apoptoticFraction fraction of cells apoptotic (default 0.02)
 */
public record PopulationSettings(double nucleusDiameterUm, double sizeCv, double dnaElectrons, double brightnessCv,
                                 double irregularity, double minAspect, double confluence, double clumping,
                                 double mitoticFraction, double apoptoticFraction) {
    public PopulationSettings {
        OpticsSettings.requirePositive("nucleusDiameterUm", nucleusDiameterUm);
        OpticsSettings.requireFraction("sizeCv", sizeCv);
        OpticsSettings.requirePositive("dnaElectrons", dnaElectrons);
        OpticsSettings.requireFraction("brightnessCv", brightnessCv);
        if (!(irregularity >= 0 && irregularity < 0.3)) throw new IllegalArgumentException("irregularity must be in [0,0.3): " + irregularity);
        if (!(minAspect > 0.2 && minAspect <= 1)) throw new IllegalArgumentException("minAspect must be in (0.2,1]: " + minAspect);
        if (!(confluence > 0 && confluence <= 0.9)) throw new IllegalArgumentException("confluence must be in (0,0.9]: " + confluence);
        OpticsSettings.requireFraction("clumping", clumping);
        OpticsSettings.requireFraction("mitoticFraction", mitoticFraction);
        OpticsSettings.requireFraction("apoptoticFraction", apoptoticFraction);
        if (mitoticFraction + apoptoticFraction > 1) throw new IllegalArgumentException("mitotic + apoptotic fractions exceed 1");
    }

    public static PopulationSettings defaults() {
        return new PopulationSettings(12.5, 0.12, 220, 0.3, 0.07, 0.6, 0.23, 0.35, 0.03, 0.02);
    }

    public PopulationSettings withConfluence(double c) {
        return new PopulationSettings(nucleusDiameterUm, sizeCv, dnaElectrons, brightnessCv, irregularity, minAspect,
                c, clumping, mitoticFraction, apoptoticFraction);
    }

    public PopulationSettings withClumping(double c) {
        return new PopulationSettings(nucleusDiameterUm, sizeCv, dnaElectrons, brightnessCv, irregularity, minAspect,
                confluence, c, mitoticFraction, apoptoticFraction);
    }

    public PopulationSettings withDiameter(double um) {
        return new PopulationSettings(um, sizeCv, dnaElectrons, brightnessCv, irregularity, minAspect,
                confluence, clumping, mitoticFraction, apoptoticFraction);
    }

    public PopulationSettings withDna(double electrons, double cv) {
        return new PopulationSettings(nucleusDiameterUm, sizeCv, electrons, cv, irregularity, minAspect,
                confluence, clumping, mitoticFraction, apoptoticFraction);
    }

    public PopulationSettings withStates(double mitotic, double apoptotic) {
        return new PopulationSettings(nucleusDiameterUm, sizeCv, dnaElectrons, brightnessCv, irregularity, minAspect,
                confluence, clumping, mitotic, apoptotic);
    }
}
