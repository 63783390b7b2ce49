package org.karyo.simulate;

/**
 * Everything needed to draw one nucleus in one image: outline, appearance and channel levels.
 * Levels are photoelectrons per pixel above background before optics.
 *
 * @param label      instance label (>= 1) written to the label image
 * @param shape      outline, already scaled for state and infection
 * @param state      cell-cycle / death appearance
 * @param dna        DNA-stain (Hoechst) level at the centre of an interphase nucleus
 * @param virus      infecting virus, or null when uninfected
 * @param strength   infection phenotype strength in [0,1] (ignored when virus is null)
 * @param reporter   reporter (GFP) level, 0 for none
 * @param wholeCell  true when the reporter fills the whole cell, false when only the nucleus
 * @param pi         propidium-iodide level (dead-cell marker), 0 for live cells
 * @param textureSeed fixes chromatin grain, nucleoli and inclusions, so a cell looks the same over time
 */
public record NucleusSpec(int label, NucleusShape shape, NuclearState state, double dna, Virus virus, double strength,
                          double reporter, boolean wholeCell, double pi, long textureSeed) {
    public NucleusSpec {
        if (label < 1) throw new IllegalArgumentException("label must be >= 1: " + label);
        if (shape == null || state == null) throw new IllegalArgumentException("shape and state are required");
        OpticsSettings.requireNonNegative("dna", dna);
        OpticsSettings.requireFraction("strength", strength);
        OpticsSettings.requireNonNegative("reporter", reporter);
        OpticsSettings.requireNonNegative("pi", pi);
    }
}
