package org.karyo.simulate;

import java.util.SplittableRandom;

/**
 * Infection inside a plaque: cells near the founder were infected first, so they are the most advanced and
 * many have already lysed (a hole in the monolayer); towards the edge infection becomes patchier and younger.
 */
public final class PlaqueGrowth {
    /** Inside this normalized distance most cells have lysed and detached. */
    static final double LYSED_CORE = 0.35;

    private PlaqueGrowth() {
    }

    /** What happens to a cell at normalized plaque distance {@code d}. */
    public enum Outcome { OUTSIDE, LYSED, INFECTED, SPARED }

    static Outcome outcome(double d, SplittableRandom r) {
        if (d >= 1) return Outcome.OUTSIDE;
        if (d < LYSED_CORE && r.nextDouble() < 0.8 * (1 - d / LYSED_CORE) + 0.2) return Outcome.LYSED;
        double p = 0.95 - 0.6 * d * d;
        return r.nextDouble() < p ? Outcome.INFECTED : Outcome.SPARED;
    }

    /** Phenotype strength of an infected cell at distance d, given the field's maximum strength. */
    static double strength(double d, double maxStrength, SplittableRandom r) {
        double s = maxStrength * (1 - 0.7 * d) * (0.85 + 0.15 * r.nextDouble());
        return Math.max(0, Math.min(1, s));
    }
}
