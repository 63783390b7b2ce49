package org.karyo.learn.data;

import java.util.List;

/**
 * A labelled crop dataset in memory.
 *
 * @param classes class names; a crop's label indexes this list
 * @param crops   the crops, in a stable order (class, then file name or manifest order)
 */
public record CropSet(List<String> classes, List<Crop> crops) {
    public CropSet {
        classes = List.copyOf(classes);
        crops = List.copyOf(crops);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("need at least 2 classes, found " + classes);
        }
        for (Crop c : crops) {
            if (c.label() >= classes.size()) {
                throw new IllegalArgumentException("label " + c.label() + " out of range for " + classes);
            }
        }
    }

    /** Crops per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (Crop c : crops) {
            counts[c.label()]++;
        }
        return counts;
    }

    /** The crops at the given indices, in that order. */
    public List<Crop> select(List<Integer> indices) {
        return indices.stream().map(crops::get).toList();
    }
}
