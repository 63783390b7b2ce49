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
     * Spreaders over infected cells. Cells, not tracks: an infected cell that divided (or whose track went on after a
     * gap) is counted once, through its daughters, and not again itself; a parent link the call did not believe does
     * not make its parent a divided cell. Nonspreaders lost to follow-up ({@link FateCall#lost}) are left out: their
     * fate is unknown, and counting them as nonspreaders would make every tracking break a nonspreader.
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
        java.util.Set<Integer> dividedParents = new java.util.HashSet<>();
        for (FateCall c : calls) if (c.parent() != 0 && c.parentLink() == ParentLink.TRUSTED) dividedParents.add(c.parent());
        int spreaders = 0;
        int infected = 0;
        for (FateCall c : calls) {
            if (!c.fate().infected() || dividedParents.contains(c.trackId()) || (c.fate() == Fate.NONSPREADER && c.lost())) continue;
            infected++;
            if (c.fate() == Fate.SPREADER) spreaders++;
        }
        return new int[] {spreaders, infected};
    }

    public double spreaderFraction() {
        return spreaderFraction(calls);
    }
}
