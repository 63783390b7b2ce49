package org.karyo.simulate;

/**
 * A multiwell plate imaged like a Molecular Devices ImageXpress (IXM): a few sites per well, one or more
 * time points. Column 1 is mock-infected; columns 2.. get a dilution series of the virus, the same in every
 * row (rows are replicates).
 *
 * @param name                   plate name, used in file names (default "SIM")
 * @param rows                   plate rows (default 8: a 96-well plate)
 * @param columns                plate columns (default 12)
 * @param sites                  sites per well (default 1)
 * @param timePoints             time points (default 1)
 * @param firstHpi               hours post infection at the first time point (default 72)
 * @param hoursBetweenTimePoints (default 24)
 * @param maxMoi                 multiplicity of infection in column 2 (default 1.0)
 * @param dilution               MOI factor from one column to the next (default 0.5, a two-fold series)
 * @param spreaderFraction       fraction of infected cells that lyse and found a plaque (default 0.25)
 * @param lysisHpi               when founders lyse and plaques start to grow, hours post infection (default 48)
 * @param plaqueGrowthUmPerHour  plaque radius growth (default 8 µm/h)
 * @param field                  each site's image (defaults: {@link FieldSettings#defaults()} at 512x512,
 *                               confluence 0.3); its infection's virus and strength are used
 */
public record PlateSettings(String name, int rows, int columns, int sites, int timePoints, double firstHpi,
                            double hoursBetweenTimePoints, double maxMoi, double dilution, double spreaderFraction,
                            double lysisHpi, double plaqueGrowthUmPerHour, FieldSettings field) {
    public PlateSettings {
        if (name == null || !name.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("plate name must be letters, digits and '-': " + name);
        }
        if (rows < 1 || rows > 32 || columns < 1 || columns > 48) {
            throw new IllegalArgumentException("plate must have 1-32 rows and 1-48 columns: " + rows + "x" + columns);
        }
        if (sites < 1 || sites > 1000) throw new IllegalArgumentException("sites must be in 1..1000: " + sites);
        if (timePoints < 1 || timePoints > 1000) throw new IllegalArgumentException("timePoints must be in 1..1000: " + timePoints);
        OpticsSettings.requireNonNegative("firstHpi", firstHpi);
        OpticsSettings.requireNonNegative("hoursBetweenTimePoints", hoursBetweenTimePoints);
        OpticsSettings.requireNonNegative("maxMoi", maxMoi);
        if (!(dilution > 0 && dilution <= 1)) throw new IllegalArgumentException("dilution must be in (0,1]: " + dilution);
        OpticsSettings.requireFraction("spreaderFraction", spreaderFraction);
        OpticsSettings.requireNonNegative("lysisHpi", lysisHpi);
        OpticsSettings.requireNonNegative("plaqueGrowthUmPerHour", plaqueGrowthUmPerHour);
        if (field == null) throw new IllegalArgumentException("field is required");
    }

    public static PlateSettings defaults() {
        FieldSettings f = FieldSettings.defaults().withSize(512, 512)
                .withPopulation(PopulationSettings.defaults().withConfluence(0.3));
        return new PlateSettings("SIM", 8, 12, 1, 1, 72, 24, 1.0, 0.5, 0.25, 48, 8, f);
    }

    public PlateSettings withLayout(int nRows, int nColumns, int nSites) {
        return new PlateSettings(name, nRows, nColumns, nSites, timePoints, firstHpi, hoursBetweenTimePoints, maxMoi,
                dilution, spreaderFraction, lysisHpi, plaqueGrowthUmPerHour, field);
    }

    public PlateSettings withTimePoints(int n, double first, double between) {
        return new PlateSettings(name, rows, columns, sites, n, first, between, maxMoi, dilution, spreaderFraction,
                lysisHpi, plaqueGrowthUmPerHour, field);
    }

    public PlateSettings withMoi(double max, double factor) {
        return new PlateSettings(name, rows, columns, sites, timePoints, firstHpi, hoursBetweenTimePoints, max, factor,
                spreaderFraction, lysisHpi, plaqueGrowthUmPerHour, field);
    }

    public PlateSettings withName(String n) {
        return new PlateSettings(n, rows, columns, sites, timePoints, firstHpi, hoursBetweenTimePoints, maxMoi, dilution,
                spreaderFraction, lysisHpi, plaqueGrowthUmPerHour, field);
    }

    public PlateSettings withSpreaderFraction(double f) {
        return new PlateSettings(name, rows, columns, sites, timePoints, firstHpi, hoursBetweenTimePoints, maxMoi,
                dilution, f, lysisHpi, plaqueGrowthUmPerHour, field);
    }

    public PlateSettings withField(FieldSettings f) {
        return new PlateSettings(name, rows, columns, sites, timePoints, firstHpi, hoursBetweenTimePoints, maxMoi,
                dilution, spreaderFraction, lysisHpi, plaqueGrowthUmPerHour, f);
    }

    /** MOI of a column (1-based): 0 for the mock column 1, then the dilution series. */
    public double moi(int column) {
        return column <= 1 ? 0 : maxMoi * Math.pow(dilution, column - 2);
    }

    /** IXM well name, e.g. A01. */
    public static String wellName(int row, int column) {
        StringBuilder sb = new StringBuilder();
        int r = row;
        // Rows beyond Z (1536-well plates) use two letters, AA, AB...
        if (r >= 26) sb.append((char) ('A' + r / 26 - 1));
        sb.append((char) ('A' + r % 26));
        return sb.append(String.format("%02d", column)).toString();
    }
}
