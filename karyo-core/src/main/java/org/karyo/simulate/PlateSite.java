package org.karyo.simulate;

import java.util.List;

/**
 * One imaged site of a plate at one time point, with the MOI of its well and the plaques in view.
 *
 * @param row        0-based plate row
 * @param column     1-based plate column
 * @param well       IXM well name (A01)
 * @param site       1-based site
 * @param timePoint  1-based time point (IXM TimePoint_n)
 * @param hpi        hours post infection
 * @param moi        multiplicity of infection of the well
 * @param plaques    plaques overlapping this site (ids unique within the site)
 * @param field      images, labels and per-cell truth
 */
public record PlateSite(int row, int column, String well, int site, int timePoint, double hpi, double moi,
                        List<Plaque> plaques, SimulatedField field) {
    public PlateSite {
        plaques = List.copyOf(plaques);
    }
}
