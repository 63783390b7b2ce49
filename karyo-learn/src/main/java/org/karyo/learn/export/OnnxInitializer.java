package org.karyo.learn.export;

/** A named float32 constant of the graph (a weight or a batch-norm statistic), row-major. */
record OnnxInitializer(String name, long[] dims, float[] values) {
    OnnxInitializer {
        long size = 1;
        for (long d : dims) {
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + size + " elements");
        }
    }
}
