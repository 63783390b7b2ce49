package org.karyo.simulate;

import java.util.SplittableRandom;

/** Mutable state of one simulated live cell; private to the time-lapse simulator. */
final class LiveCell {
    final long id;
    final SplittableRandom random;
    final int parentLabel;
    final double g1Radius;
    final double aspectDraw;
    final long shapeSeed;
    final long textureSeed;
    final double stain;
    final double cycleHours;
    final double reporterMax;

    int label;
    double x;
    double y;
    double angle;
    double phase;
    CellFate fate = CellFate.UNINFECTED;
    double infectionHours = Double.NaN;
    double pendingInfectionHours = Double.NaN;
    int infectedBy;
    int pendingInfectedBy;
    double radiusAtInfection;
    double lysisHpi = Double.NaN;
    double lysisHours = Double.NaN;
    int lysisFrame = -1;
    int areaPx;

    LiveCell(long id, long seed, int parentLabel, double x, double y, double g1Radius, double phase, double cycleMean,
             double reporterLevel, double reporterCv, double brightnessCv) {
        this.id = id;
        this.random = Seeds.random(seed, 10, id);
        this.parentLabel = parentLabel;
        this.x = x;
        this.y = y;
        this.g1Radius = g1Radius;
        this.phase = phase;
        this.aspectDraw = random.nextDouble();
        this.angle = random.nextDouble(Math.PI);
        this.shapeSeed = random.nextLong();
        this.textureSeed = random.nextLong();
        this.stain = Seeds.logNormal(random, brightnessCv);
        this.cycleHours = cycleMean * Seeds.logNormal(random, 0.15);
        this.reporterMax = reporterLevel * Seeds.logNormal(random, reporterCv);
    }

    boolean infected() {
        return !Double.isNaN(infectionHours);
    }

    boolean lysed() {
        return lysisFrame >= 0;
    }

    double hpi(double hours) {
        return infected() ? hours - infectionHours : Double.NaN;
    }

    /** Current nucleus radius (pixels) from the cell cycle or, once infected, the fate's area curve. */
    double radius(double hours) {
        if (!infected()) return g1Radius * Math.sqrt(CellCycle.areaFactor(phase));
        double a = FateCurves.areaFactor(fate, hours - infectionHours, lysisHpi);
        double r = radiusAtInfection * Math.sqrt(a);
        return lysed() ? r * 0.85 : r;
    }
}
