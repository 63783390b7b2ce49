package org.karyo.fate;

/**
 * What a track really did, from a simulator's ground truth or a curator.
 *
 * @param infectionHours movie time of infection, NaN if never infected
 * @param lysisHours     movie time of lysis, NaN if it did not lyse within the movie
 */
public record TrueFate(int trackId, double infectionHours, double lysisHours) {
    /** The fate as the movie can show it: lysed = spreader, infected and intact = nonspreader. */
    public Fate fate() {
        if (!Double.isNaN(lysisHours)) return Fate.SPREADER;
        return Double.isNaN(infectionHours) ? Fate.UNINFECTED : Fate.NONSPREADER;
    }
}
