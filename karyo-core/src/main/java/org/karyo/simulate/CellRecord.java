package org.karyo.simulate;

/**
 * Ground truth for one tracked cell over the whole time-lapse.
 *
 * @param label           track label
 * @param parent          label of the mother cell, 0 for none
 * @param fate            UNINFECTED, SPREADER or NONSPREADER (fixed at infection)
 * @param infectionHours  movie time of infection, NaN if never infected
 * @param lysisHours      movie time of lysis, NaN if it did not lyse during the movie
 * @param infectedBy      label of the lysed cell whose virus infected it; 0 when infected at the start or never
 * @param begin           first frame
 * @param end             last frame
 */
public record CellRecord(int label, int parent, CellFate fate, double infectionHours, double lysisHours, int infectedBy,
                         int begin, int end) {
    public boolean infected() {
        return !Double.isNaN(infectionHours);
    }

    public boolean lysed() {
        return !Double.isNaN(lysisHours);
    }
}
