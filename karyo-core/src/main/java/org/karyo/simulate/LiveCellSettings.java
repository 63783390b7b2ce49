package org.karyo.simulate;

/**
 * A live-cell time-lapse of one field with infection, fates and lysis.
 *
 * @param field                 image size, optics, cells and reporter; its infection's virus and strength set the
 *                              phenotype, its infected fraction is the fraction infected at the start (default 0.1)
 * @param frames                number of frames (default 55: every 1.75 h for 4 days)
 * @param intervalHours         time between frames (default 1.75)
 * @param spreaderFraction      probability that an infected cell becomes a spreader (default 0.25, AdV-dE3B-GFP;
 *                              ~0.03 for a virus lacking the adenovirus death protein ADP)
 * @param lysisHpi              mean lysis time of spreaders, hours post infection (default 56; sd 14 % of it, never before 80 % of it)
 * @param cellCycleHours        mean cell cycle of uninfected cells (default 22)
 * @param maxConfluence         contact inhibition: no divisions once nuclei cover this fraction (default 0.45)
 * @param motilityUm            random-walk step sd per sqrt(hour), µm (default 4)
 * @param driftUmPerHour        drift speed, µm/h (default 1.0)
 * @param driftAngle            drift direction, radians (default 0.5)
 * @param spreadRadiusUm        neighbours within this distance of a lysing cell may be infected (default 45)
 * @param spreadProbability     infection probability right next to a lysing cell, falling to 0 at the radius (default 0.7)
 * @param piElectrons           propidium-iodide level of a lysed nucleus (default 900)
 * @param piBackgroundElectrons PI-channel background (default 60)
 * @param lysedFrames           frames a lysed nucleus stays visible (PI-positive) before it detaches (default 2)
 */
public record LiveCellSettings(FieldSettings field, int frames, double intervalHours, double spreaderFraction,
                               double lysisHpi, double cellCycleHours, double maxConfluence, double motilityUm,
                               double driftUmPerHour, double driftAngle, double spreadRadiusUm, double spreadProbability,
                               double piElectrons, double piBackgroundElectrons, int lysedFrames) {
    public LiveCellSettings {
        if (field == null) throw new IllegalArgumentException("field is required");
        if (frames < 1 || frames > 100_000) throw new IllegalArgumentException("frames must be in 1..100000: " + frames);
        OpticsSettings.requirePositive("intervalHours", intervalHours);
        OpticsSettings.requireFraction("spreaderFraction", spreaderFraction);
        if (!(lysisHpi >= 10)) throw new IllegalArgumentException("lysisHpi must be >= 10: " + lysisHpi);
        OpticsSettings.requirePositive("cellCycleHours", cellCycleHours);
        if (!(maxConfluence > 0 && maxConfluence <= 0.9)) throw new IllegalArgumentException("maxConfluence must be in (0,0.9]: " + maxConfluence);
        OpticsSettings.requireNonNegative("motilityUm", motilityUm);
        OpticsSettings.requireNonNegative("driftUmPerHour", driftUmPerHour);
        OpticsSettings.requireNonNegative("spreadRadiusUm", spreadRadiusUm);
        OpticsSettings.requireFraction("spreadProbability", spreadProbability);
        OpticsSettings.requireNonNegative("piElectrons", piElectrons);
        OpticsSettings.requireNonNegative("piBackgroundElectrons", piBackgroundElectrons);
        if (lysedFrames < 1) throw new IllegalArgumentException("lysedFrames must be >= 1: " + lysedFrames);
    }

    public static LiveCellSettings defaults() {
        FieldSettings f = FieldSettings.defaults()
                .withPopulation(PopulationSettings.defaults().withConfluence(0.15).withStates(0, 0))
                .withInfection(InfectionSettings.defaults().withFraction(0.1));
        return new LiveCellSettings(f, 55, 1.75, 0.25, 56, 22, 0.45, 4, 1.0, 0.5, 45, 0.7, 900, 60, 2);
    }

    public LiveCellSettings withField(FieldSettings f) {
        return new LiveCellSettings(f, frames, intervalHours, spreaderFraction, lysisHpi, cellCycleHours, maxConfluence,
                motilityUm, driftUmPerHour, driftAngle, spreadRadiusUm, spreadProbability, piElectrons,
                piBackgroundElectrons, lysedFrames);
    }

    public LiveCellSettings withFrames(int n, double interval) {
        return new LiveCellSettings(field, n, interval, spreaderFraction, lysisHpi, cellCycleHours, maxConfluence,
                motilityUm, driftUmPerHour, driftAngle, spreadRadiusUm, spreadProbability, piElectrons,
                piBackgroundElectrons, lysedFrames);
    }

    public LiveCellSettings withSpreaderFraction(double f) {
        return new LiveCellSettings(field, frames, intervalHours, f, lysisHpi, cellCycleHours, maxConfluence,
                motilityUm, driftUmPerHour, driftAngle, spreadRadiusUm, spreadProbability, piElectrons,
                piBackgroundElectrons, lysedFrames);
    }

    public LiveCellSettings withLysisHpi(double h) {
        return new LiveCellSettings(field, frames, intervalHours, spreaderFraction, h, cellCycleHours, maxConfluence,
                motilityUm, driftUmPerHour, driftAngle, spreadRadiusUm, spreadProbability, piElectrons,
                piBackgroundElectrons, lysedFrames);
    }

    public LiveCellSettings withMaxConfluence(double c) {
        return new LiveCellSettings(field, frames, intervalHours, spreaderFraction, lysisHpi, cellCycleHours, c,
                motilityUm, driftUmPerHour, driftAngle, spreadRadiusUm, spreadProbability, piElectrons,
                piBackgroundElectrons, lysedFrames);
    }
}
