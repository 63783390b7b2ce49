package org.karyo.learn.data;

import java.util.List;

/** Indices into a {@link CropSet} for each split; no group appears in two of them. */
public record Split(List<Integer> train, List<Integer> validation, List<Integer> test) {
    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }
}
