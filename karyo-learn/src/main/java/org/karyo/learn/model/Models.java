package org.karyo.learn.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;

/** Builds the networks of {@link Architecture} and answers questions about them. */
public final class Models {
    private Models() {
    }

    /**
     * An uninitialised block for the spec; weights get He-normal initialisation (fan-in, gain 2),
     * the usual choice for ReLU networks trained from scratch.
     */
    public static Block build(ModelSpec spec) {
        Block block = switch (spec.architecture()) {
            case COMPACT -> CompactCnn.build(spec);
            case MLP -> Mlp.build(spec);
            default -> ResNets.build(spec);
        };
        block.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2f), Parameter.Type.WEIGHT);
        return block;
    }

    /** The input shape for a batch of the given size: (batch, channels, size, size). */
    public static Shape inputShape(ModelSpec spec, int batch) {
        return new Shape(batch, spec.inputChannels(), spec.inputSize(), spec.inputSize());
    }

    /** Initialises the block's parameters in {@code manager} for the spec's input shape. */
    public static void initialize(Block block, ModelSpec spec, NDManager manager) {
        block.initialize(manager, DataType.FLOAT32, inputShape(spec, 1));
    }

    /**
     * Trainable parameters (BatchNorm running statistics excluded, as in PyTorch's
     * {@code parameters()}). The block must be initialised.
     */
    public static long trainableParameters(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                total += p.getValue().getShape().size();
            }
        }
        return total;
    }
}
