package org.karyo.simulate;

/**
 * Builds a {@link NucleusSpec} from a cell's biology (size, cycle phase, state, infection), shared by the
 * field, plate and time-lapse simulators so they draw cells the same way.
 */
final class NucleusLook {
    private NucleusLook() {
    }

    /**
     * @param radius      interphase radius including cell-cycle growth, before infection enlargement, pixels
     * @param aspectDraw  uniform draw in [0,1) (mapped to the population's aspect range)
     * @param stain       per-cell staining multiplier (median 1)
     */
    static NucleusSpec spec(PopulationSettings pop, boolean wholeCell, int label, double x, double y, double radius,
                            double phase, NuclearState state, Virus virus, double strength, double reporter, double pi,
                            double aspectDraw, double angle, long shapeSeed, long textureSeed, double stain) {
        return spec(pop, wholeCell, label, x, y, radius, phase, state, virus, strength, reporter, pi, aspectDraw, angle,
                shapeSeed, textureSeed, stain, true);
    }

    /** As above; {@code infectionGrowth} false when the caller already sized the nucleus for its infection. */
    static NucleusSpec spec(PopulationSettings pop, boolean wholeCell, int label, double x, double y, double radius,
                            double phase, NuclearState state, Virus virus, double strength, double reporter, double pi,
                            double aspectDraw, double angle, long shapeSeed, long textureSeed, double stain,
                            boolean infectionGrowth) {
        double aspect = pop.minAspect() + (1 - pop.minAspect()) * aspectDraw;
        double a;
        double b;
        double irregularity = pop.irregularity();
        double dna = pop.dnaElectrons() * stain;
        switch (state) {
            case MITOTIC -> {
                // Metaphase plate: a short bright bar of condensed chromosomes.
                a = radius * 0.8;
                b = radius * 0.32;
                irregularity = Math.min(0.25, irregularity * 2);
                dna *= 2;
            }
            case APOPTOTIC -> {
                a = radius * 0.45;
                b = radius * 0.4;
                irregularity = Math.min(0.25, irregularity * 2.5);
                dna *= 1.5;
            }
            default -> {
                double f = infectionGrowth ? InfectionPhenotype.sizeFactor(virus, virus == null ? 0 : strength) : 1;
                a = radius / Math.sqrt(aspect) * f;
                b = radius * Math.sqrt(aspect) * f;
                dna *= CellCycle.intensityFactor(phase);
            }
        }
        NucleusShape shape = new NucleusShape(x, y, a, b, angle, irregularity, shapeSeed);
        return new NucleusSpec(label, shape, state, dna, virus, virus == null ? 0 : strength, reporter, wholeCell, pi,
                textureSeed);
    }
}
