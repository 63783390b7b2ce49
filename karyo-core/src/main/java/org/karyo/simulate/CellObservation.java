package org.karyo.simulate;

/**
 * One cell in one time-lapse frame.
 *
 * @param label    track label (its value in this frame's label image)
 * @param x        centre, pixels
 * @param y        centre, pixels
 * @param areaPx   pixels it owns in the label image
 * @param state    nuclear appearance
 * @param fate     its fate (UNINFECTED while not infected)
 * @param hpi      hours post infection, NaN when not (yet) infected
 * @param reporter reporter level, photoelectrons
 * @param lysed    true from the lysis frame on (PI-positive)
 */
public record CellObservation(int label, double x, double y, int areaPx, NuclearState state, CellFate fate,
                              double hpi, double reporter, boolean lysed) {
}
