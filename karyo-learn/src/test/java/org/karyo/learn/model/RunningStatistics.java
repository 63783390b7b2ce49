package org.karyo.learn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.SplittableRandom;

/**
 * Makes every batch norm of an initialised block non-trivial: running mean away from 0, running
 * variance away from 1, scale and shift away from 1 and 0. Fresh statistics (0 and 1) would let an
 * exporter that forgot them, or swapped mean and variance, pass a comparison.
 */
public final class RunningStatistics {
    private RunningStatistics() {
    }

    public static void randomise(Block block, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            String name = p.getKey();
            if (name.endsWith("runningMean")) {
                fill(p.getValue().getArray(), random, -0.5, 0.5);
            } else if (name.endsWith("runningVar")) {
                fill(p.getValue().getArray(), random, 0.5, 2.0);
            } else if (name.endsWith("gamma")) {
                fill(p.getValue().getArray(), random, 0.5, 1.5);
            } else if (name.endsWith("beta")) {
                fill(p.getValue().getArray(), random, -0.3, 0.3);
            }
        }
    }

    private static void fill(NDArray array, SplittableRandom random, double low, double high) {
        float[] values = new float[Math.toIntExact(array.getShape().size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        array.set(values);
    }
}
