package org.karyo.simulate;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

import java.util.List;

/**
 * One simulated field: DNA-stain and reporter images, instance labels and per-nucleus truth.
 * Labels are 1..n in the order of {@code cells}.
 */
public record SimulatedField(Plane dna, Plane reporter, LabelImage labels, List<CellTruth> cells) {
    public SimulatedField {
        cells = List.copyOf(cells);
    }
}
