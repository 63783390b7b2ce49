package org.karyo.learn.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.util.Pair;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.karyo.learn.model.FlattenBlock;
import org.karyo.learn.model.GlobalAvgPoolBlock;
import org.karyo.learn.model.IdentityBlock;
import org.karyo.learn.model.MaxPoolBlock;
import org.karyo.learn.model.ReluBlock;
import org.karyo.learn.model.ResidualBlock;

/**
 * Walks a DJL block tree and adds the equivalent inference-mode ONNX nodes to a graph. Knows exactly
 * the blocks Karyo's networks are made of; anything else is refused ({@link UnsupportedBlockException})
 * rather than guessed at. Dropout is the identity at inference and writes nothing.
 *
 * <p>Node and constant names are DJL's parameter-name prefixes (child keys joined by '_'), so
 * {@code 02SequentialBlock_01Conv2d_weight} in the graph is that parameter in the block.
 */
final class BlockTranslator {
    private final OnnxGraph graph;

    BlockTranslator(OnnxGraph graph) {
        this.graph = graph;
    }

    /** Adds the nodes computing {@code block} on tensor {@code input}; returns the output tensor's name. */
    String translate(Block block, String path, String input) {
        if (block instanceof SequentialBlock seq) {
            String x = input;
            for (Pair<String, Block> child : seq.getChildren()) {
                x = translate(child.getValue(), join(path, child.getKey()), x);
            }
            return x;
        }
        if (block instanceof ResidualBlock residual) {
            BlockList children = residual.getChildren();
            String main = translate(residual.main(), join(path, children.get(0).getKey()), input);
            String shortcut = translate(residual.shortcut(), join(path, children.get(1).getKey()), input);
            return graph.node(name(path, "add"), "Add", List.of(main, shortcut));
        }
        if (block instanceof Conv2d conv) {
            return conv(conv, path, input);
        }
        if (block instanceof BatchNorm bn) {
            return batchNorm(bn, path, input);
        }
        if (block instanceof Linear linear) {
            return linear(linear, path, input);
        }
        if (block instanceof ReluBlock) {
            return graph.node(name(path, "relu"), "Relu", List.of(input));
        }
        if (block instanceof MaxPoolBlock pool) {
            return maxPool(pool, path, input);
        }
        if (block instanceof GlobalAvgPoolBlock) {
            // DJL's global pool gives (N, C); ONNX's keeps (N, C, 1, 1).
            String pooled = graph.node(join(path, "pool"), "GlobalAveragePool", List.of(input));
            return graph.node(name(path, "flatten"), "Flatten", List.of(pooled), OnnxAttribute.of("axis", 1L));
        }
        if (block instanceof FlattenBlock) {
            return graph.node(name(path, "flatten"), "Flatten", List.of(input), OnnxAttribute.of("axis", 1L));
        }
        if (block instanceof IdentityBlock || block instanceof Dropout) {
            return input;
        }
        throw new UnsupportedBlockException(path, block.getClass().getName() + " is not one of the layers the exporter "
                + "knows (sequential, residual, Conv2d, BatchNorm, Linear, ReLU, max pool, global average pool, "
                + "flatten, identity, dropout)");
    }

    private String conv(Conv2d conv, String path, String input) {
        Shape pad = conv.getPadding();
        List<String> inputs = conv.isIncludeBias()
                ? List.of(input, constant(conv, path, "weight"), constant(conv, path, "bias"))
                : List.of(input, constant(conv, path, "weight"));
        return graph.node(name(path, "conv"), "Conv", inputs,
                OnnxAttribute.of("kernel_shape", conv.getKernelShape().getShape()),
                OnnxAttribute.of("strides", conv.getStride().getShape()),
                // ONNX wants begin and end padding per axis; PyTorch pads both sides alike.
                OnnxAttribute.of("pads", pad.get(0), pad.get(1), pad.get(0), pad.get(1)),
                OnnxAttribute.of("dilations", conv.getDilation().getShape()),
                OnnxAttribute.of("group", (long) conv.getGroups()));
    }

    private String batchNorm(BatchNorm bn, String path, String input) {
        if (this.<Integer>field(bn, "axis", path) != 1) {
            throw new UnsupportedBlockException(path, "batch norm over axis " + field(bn, "axis", path)
                    + "; ONNX normalises axis 1 only");
        }
        long channels = bn.getDirectParameters().get("runningMean").getArray().size();
        // DJL still holds gamma and beta when scale or centre is off, but does not apply them.
        String scale = this.<Boolean>field(bn, "scale", path)
                ? constant(bn, path, "gamma") : graph.constant(join(path, "gamma"), new long[] {channels}, filled(channels, 1f));
        String bias = this.<Boolean>field(bn, "center", path)
                ? constant(bn, path, "beta") : graph.constant(join(path, "beta"), new long[] {channels}, filled(channels, 0f));
        return graph.node(name(path, "batchnorm"), "BatchNormalization",
                List.of(input, scale, bias, constant(bn, path, "runningMean"), constant(bn, path, "runningVar")),
                OnnxAttribute.of("epsilon", this.<Float>field(bn, "epsilon", path)));
    }

    private String linear(Linear linear, String path, String input) {
        ParameterList params = linear.getDirectParameters();
        List<String> inputs = params.get("bias") == null
                ? List.of(input, constant(linear, path, "weight"))
                : List.of(input, constant(linear, path, "weight"), constant(linear, path, "bias"));
        // DJL keeps a dense weight as (out, in); Gemm computes A * B' with transB.
        return graph.node(name(path, "gemm"), "Gemm", inputs, OnnxAttribute.of("transB", 1L));
    }

    private String maxPool(MaxPoolBlock pool, String path, String input) {
        Shape pad = pool.padding();
        return graph.node(name(path, "maxpool"), "MaxPool", List.of(input),
                OnnxAttribute.of("kernel_shape", pool.kernel().getShape()),
                OnnxAttribute.of("strides", pool.stride().getShape()),
                OnnxAttribute.of("pads", pad.get(0), pad.get(1), pad.get(0), pad.get(1)));
    }

    private String constant(Block block, String path, String parameter) {
        Parameter p = block.getDirectParameters().get(parameter);
        if (p == null || !p.isInitialized()) {
            throw new UnsupportedBlockException(path, "parameter '" + parameter + "' is missing or not initialised");
        }
        NDArray a = p.getArray();
        return graph.constant(join(path, parameter), a.getShape().getShape(), a.toFloatArray());
    }

    /**
     * A batch-norm setting. DJL's BatchNorm has no getters for epsilon, axis, scale or centre, and
     * guessing the defaults would silently export a wrong graph for a net built otherwise.
     */
    @SuppressWarnings("unchecked")
    private <T> T field(BatchNorm bn, String name, String path) {
        try {
            Field f = BatchNorm.class.getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(bn);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedBlockException(path, "cannot read batch norm '" + name + "' from this DJL version: " + e);
        }
    }

    private static float[] filled(long n, float value) {
        float[] a = new float[Math.toIntExact(n)];
        Arrays.fill(a, value);
        return a;
    }

    private static String join(String path, String child) {
        return path.isEmpty() ? child : path + "_" + child;
    }

    /** A node's name: its block's path, or the op when the block is the whole network. */
    private static String name(String path, String op) {
        return path.isEmpty() ? op : path;
    }
}
