package org.karyo.simulate;

/**
 * Ground truth for one nucleus in a still field.
 *
 * @param label    its value in the label image
 * @param x        centre, pixels
 * @param y        centre, pixels
 * @param areaPx   pixels it owns in the label image
 * @param state    interphase, mitotic or apoptotic
 * @param virus    infecting virus or null
 * @param strength phenotype strength (0 when uninfected)
 * @param reporter reporter level, photoelectrons (0 when uninfected)
 * @param plaque   id of the plaque it belongs to, 0 for none
 */
public record CellTruth(int label, double x, double y, int areaPx, NuclearState state, Virus virus, double strength,
                        double reporter, int plaque) {
    public boolean infected() {
        return virus != null;
    }
}
