package org.karyo.simulate;

/**
 * One still image field.
 *
 * @param width      pixels (default 1024)
 * @param height     pixels (default 1024)
 * @param optics     microscope and camera (default 20x, {@link OpticsSettings#forMagnification})
 * @param population cells (default {@link PopulationSettings#defaults()})
 * @param infection  infection outside plaques (default {@link InfectionSettings#defaults()})
 * @param reporter   reporter channel (default {@link ReporterSettings#defaults()})
 */
public record FieldSettings(int width, int height, OpticsSettings optics, PopulationSettings population,
                            InfectionSettings infection, ReporterSettings reporter) {
    public FieldSettings {
        if (width < 16 || height < 16 || (long) width * height > 1L << 28) {
            throw new IllegalArgumentException("field must be 16x16 to 16384x16384 pixels: " + width + "x" + height);
        }
        if (optics == null || population == null || infection == null || reporter == null) {
            throw new IllegalArgumentException("optics, population, infection and reporter are required");
        }
    }

    public static FieldSettings defaults() {
        return new FieldSettings(1024, 1024, OpticsSettings.forMagnification(20), PopulationSettings.defaults(),
                InfectionSettings.defaults(), ReporterSettings.defaults());
    }

    public FieldSettings withSize(int w, int h) {
        return new FieldSettings(w, h, optics, population, infection, reporter);
    }

    public FieldSettings withOptics(OpticsSettings o) {
        return new FieldSettings(width, height, o, population, infection, reporter);
    }

    public FieldSettings withPopulation(PopulationSettings p) {
        return new FieldSettings(width, height, optics, p, infection, reporter);
    }

    public FieldSettings withInfection(InfectionSettings i) {
        return new FieldSettings(width, height, optics, population, i, reporter);
    }

    public FieldSettings withReporter(ReporterSettings r) {
        return new FieldSettings(width, height, optics, population, infection, r);
    }

    /** Nucleus radius in pixels at the mean diameter. */
    double meanRadiusPx() {
        return population.nucleusDiameterUm() / 2 / optics.pixelSizeUm();
    }
}
