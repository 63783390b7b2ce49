package org.karyo.simulate;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

import java.util.List;

/**
 * One time point: DNA (Hoechst), reporter (GFP) and propidium-iodide images, the track-label image
 * (values = track labels, as in Cell Tracking Challenge man_trackNNN.tif) and the cells in it.
 */
public record TimelapseFrame(int index, double hours, Plane dna, Plane reporter, Plane pi, LabelImage labels,
                             List<CellObservation> cells) {
    public TimelapseFrame {
        cells = List.copyOf(cells);
    }
}
