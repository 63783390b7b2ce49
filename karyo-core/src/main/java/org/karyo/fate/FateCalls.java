package org.karyo.fate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fates of every track of a movie (or several), with the cuts that produced them.
 *
 * @param calls              one per track, in track-id order
 * @param reporterThreshold  reporter cut used (given or found)
 * @param piThreshold        PI cut used (given or found)
 * @param reporterSeparation between-class over total variance of the reporter values at the cut (1 = two clean groups)
 * @param piSeparation       the same for PI
 */
public record FateCalls(List<FateCall> calls, double reporterThreshold, double piThreshold,
                        double reporterSeparation, double piSeparation) {
    public Map<Fate, Integer> counts() {
        return counts(calls);
    }

    public static Map<Fate, Integer> counts(List<FateCall> calls) {
        Map<Fate, Integer> out = new EnumMap<>(Fate.class);
        for (Fate f : Fate.values()) out.put(f, 0);
        for (FateCall c : calls) out.merge(c.fate(), 1, Integer::sum);
        return out;
    }

    /**
     * Spreaders over infected cells, each infection counted once (the study's spreader ratio: plaques over infected
     * cells): a cell infected before it divided (or before its track went on after a gap) counts once, as the cell the
     * infection began in, with the fate of its descendants (spreader when any of them lysed); the daughters that
     * inherit that infection do not count again. So a nucleus the tracker saw divide into two pieces is one infected
     * cell, as is a true division after infection. A parent link the call did not believe separates the child: its own
     * infection, if any, counts apart. Nonspreaders lost to follow-up ({@link FateCall#lost}; for a mother: all her
     * descendants lost) are left out: their fate is unknown, and counting them as nonspreaders would make every
     * tracking break a nonspreader.
     */
    public static double spreaderFraction(List<FateCall> calls) {
        int[] c = spreaderCount(calls);
        return c[1] == 0 ? Double.NaN : (double) c[0] / c[1];
    }

    /**
     * {spreader cells, infected cells} of one field's calls (track ids are unique within a field only, so pool
     * fields by adding these counts).
     */
    public static int[] spreaderCount(List<FateCall> calls) {
        int spreaders = 0;
        int infected = 0;
        for (FateCall c : calls) {
            if (!c.fate().infected() || c.inherited() || (c.fate() == Fate.NONSPREADER && c.lost())) continue;
            infected++;
            if (c.fate() == Fate.SPREADER) spreaders++;
        }
        return new int[] {spreaders, infected};
    }

    public double spreaderFraction() {
        return spreaderFraction(calls);
    }
}
