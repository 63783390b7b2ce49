package org.karyo.simulate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates a plate: wells at different MOIs, each site a field in which a fraction 1 - e^-MOI of cells was
 * infected directly and, once the first infected cells have lysed, plaques grow from lysed founders (comets
 * for AdV, round for HSV-1). A site's cells are the same at every time point; plaques grow between them.
 */
public final class PlateSimulator {
    /**
     * Share of directly infected spreaders whose plaque is seen as a separate plaque: most early lysis events
     * release too little virus or fall inside a neighbouring plaque. Tuned so a two-fold dilution series goes
     * from a field full of plaques to a few single plaques, as in plaque assays.
     */
    static final double PLAQUE_EFFICIENCY = 0.02;

    private final PlateSettings settings;
    private final FieldSettings field;

    public PlateSimulator(PlateSettings settings) {
        this.settings = settings;
        this.field = settings.field();
    }

    /** Number of sites the plate will emit (wells x sites x time points), for progress reporting. */
    public long siteCount() {
        return (long) settings.rows() * settings.columns() * settings.sites() * settings.timePoints();
    }

    public void run(long seed, PlateSink sink) throws IOException {
        for (int t = 1; t <= settings.timePoints(); t++) {
            double hpi = settings.firstHpi() + (t - 1) * settings.hoursBetweenTimePoints();
            for (int r = 0; r < settings.rows(); r++) {
                for (int c = 1; c <= settings.columns(); c++) {
                    for (int s = 1; s <= settings.sites(); s++) {
                        sink.accept(site(seed, r, c, s, t, hpi));
                    }
                }
            }
        }
    }

    /** One site, computed independently of all others (so sites can be made in any order). */
    public PlateSite site(long seed, int row, int column, int site, int timePoint, double hpi) {
        double moi = settings.moi(column);
        long siteSeed = Seeds.derive(seed, 30, row, column, site);
        List<Plaque> plaques = plaques(siteSeed, moi, hpi);
        InfectionSettings base = field.infection();
        // Directly infected cells develop their phenotype over the first two days.
        double strength = base.strength() * Math.min(1, hpi / 48);
        InfectionSettings inf = new InfectionSettings(base.virus(), 1 - Math.exp(-moi), strength, base.strengthSpread());
        FieldSettings fs = field.withInfection(inf);
        SimulatedField f = new FieldSimulator(fs).simulate(siteSeed, plaques);
        return new PlateSite(row, column, PlateSettings.wellName(row, column), site, timePoint, hpi, moi, plaques, f);
    }

    /**
     * Plaque founders: directly infected spreaders anywhere in and around the site; each lysed at
     * {@code lysisHpi} and its plaque has grown since. Founders outside the site can reach into it.
     */
    List<Plaque> plaques(long siteSeed, double moi, double hpi) {
        double radiusPx = radiusPx(hpi);
        if (moi <= 0 || radiusPx <= 1) return List.of();
        Virus virus = field.infection().virus();
        // Founders are drawn in the box the largest plaque (last time point) could reach into the site from,
        // independently of hpi, so plaques stay in place and grow between time points.
        double lastHpi = settings.firstHpi() + (settings.timePoints() - 1) * settings.hoursBetweenTimePoints();
        double maxReach = radiusPx(lastHpi) * 1.25 * (virus == Virus.HSV ? 1 : Plaque.TAIL);
        double w = field.width() + 2 * maxReach;
        double h = field.height() + 2 * maxReach;
        double cellArea = Math.PI * field.meanRadiusPx() * field.meanRadiusPx();
        double cells = field.population().confluence() * w * h / cellArea;
        SplittableRandom r = new SplittableRandom(Seeds.derive(siteSeed, 31));
        double flow = r.nextDouble(2 * Math.PI);
        int n = Seeds.poisson(r, cells * (1 - Math.exp(-moi)) * settings.spreaderFraction() * PLAQUE_EFFICIENCY);
        List<Plaque> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble(w) - maxReach;
            double y = r.nextDouble(h) - maxReach;
            double size = 0.75 + 0.5 * r.nextDouble();
            double angle = flow + 0.3 * r.nextGaussian();
            Plaque p = new Plaque(out.size() + 1, x, y, radiusPx * size, virus, angle);
            if (x + p.reachPx() >= 0 && y + p.reachPx() >= 0 && x - p.reachPx() < field.width()
                    && y - p.reachPx() < field.height()) {
                out.add(p);
            }
        }
        return out;
    }

    private double radiusPx(double hpi) {
        return (hpi - settings.lysisHpi()) * settings.plaqueGrowthUmPerHour() / field.optics().pixelSizeUm();
    }
}
