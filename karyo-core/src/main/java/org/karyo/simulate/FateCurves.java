package org.karyo.simulate;

/**
 * Nuclear area, phenotype strength and reporter level of an infected cell over hours post infection (hpi),
 * per fate. Shapes follow live-cell imaging of AdV-infected cells: spreaders stay flat until ~20 hpi,
 * surge until ~40 hpi, plateau and shrink during the last hours before lysis; nonspreaders grow until
 * ~30 hpi, shrink until ~50 hpi, then grow again. Areas are relative to the area at infection.
 */
public final class FateCurves {
    /** Hours before lysis during which a spreader's nucleus shrinks. */
    public static final double PRE_LYSIS_DECLINE_H = 4;

    private FateCurves() {
    }

    public static double areaFactor(CellFate fate, double hpi, double lysisHpi) {
        if (hpi <= 0 || fate == CellFate.UNINFECTED) return 1;
        if (fate == CellFate.SPREADER) {
            double a = 1 + 1.2 * smooth((hpi - 20) / 20);
            double declineStart = lysisHpi - PRE_LYSIS_DECLINE_H;
            if (hpi > declineStart) {
                a *= 1 - 0.25 * Math.min(1, (hpi - declineStart) / PRE_LYSIS_DECLINE_H);
            }
            return a;
        }
        if (hpi < 30) return 1 + 0.5 * smooth(hpi / 30);
        if (hpi < 50) return 1.5 - 0.35 * smooth((hpi - 30) / 20);
        return Math.min(2.0, 1.15 + 0.5 * (hpi - 50) / 30);
    }

    /** DNA-stain phenotype strength in [0,1]: spreaders develop the full phenotype, nonspreaders a weaker, later one. */
    public static double strength(CellFate fate, double hpi) {
        if (hpi <= 0 || fate == CellFate.UNINFECTED) return 0;
        return fate == CellFate.SPREADER ? smooth((hpi - 10) / 30) : 0.6 * smooth((hpi - 15) / 40);
    }

    /** Reporter level relative to the cell's maximum: spreaders accumulate it faster. */
    public static double reporter(CellFate fate, double hpi) {
        if (hpi <= 0 || fate == CellFate.UNINFECTED) return 0;
        double mid = fate == CellFate.SPREADER ? 16 : 28;
        double tau = fate == CellFate.SPREADER ? 3.5 : 7;
        double max = fate == CellFate.SPREADER ? 1 : 0.6;
        double onset = 1 / (1 + Math.exp(mid / tau));
        // Shifted so the reporter is exactly 0 at infection.
        return max * Math.max(0, (1 / (1 + Math.exp(-(hpi - mid) / tau)) - onset) / (1 - onset));
    }

    static double smooth(double t) {
        if (t <= 0) return 0;
        if (t >= 1) return 1;
        return t * t * (3 - 2 * t);
    }
}
