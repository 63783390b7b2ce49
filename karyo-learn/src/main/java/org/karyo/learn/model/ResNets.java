package org.karyo.learn.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

/**
 * torchvision's ResNet-18/34/50 (v1.5: the stride sits on the bottleneck's 3x3 convolution) built
 * from DJL blocks. DJL's own ResNetV1 differs (its 18-layer variant has bottlenecks and 0.9M
 * parameters), and the study's numbers are for the torchvision/Keras layout.
 */
final class ResNets {
    private static final int[] WIDTHS = {64, 128, 256, 512};

    private ResNets() {
    }

    static Block build(ModelSpec spec) {
        int[] blocks;
        boolean bottleneck;
        switch (spec.architecture()) {
            case RESNET18 -> { blocks = new int[] {2, 2, 2, 2}; bottleneck = false; }
            case RESNET34 -> { blocks = new int[] {3, 4, 6, 3}; bottleneck = false; }
            case RESNET50 -> { blocks = new int[] {3, 4, 6, 3}; bottleneck = true; }
            default -> throw new IllegalArgumentException("not a ResNet: " + spec.architecture());
        }
        int expansion = bottleneck ? 4 : 1;
        SequentialBlock net = new SequentialBlock()
                .add(Layers.convBnRelu(64, 7, 2))
                .add(new MaxPoolBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        int inChannels = 64;
        for (int stage = 0; stage < 4; stage++) {
            int width = WIDTHS[stage];
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                int outChannels = width * expansion;
                boolean project = stride != 1 || inChannels != outChannels;
                Block main = bottleneck ? bottleneck(width, stride) : basic(width, stride);
                net.add(residual(main, project ? projection(outChannels, stride) : new IdentityBlock()));
                inChannels = outChannels;
            }
        }
        return net.add(Layers.globalAveragePool()).add(Layers.head(spec));
    }

    private static Block basic(int width, int stride) {
        return new SequentialBlock()
                .add(Layers.convBnRelu(width, 3, stride))
                .add(Layers.conv(width, 3, 1)).add(Layers.batchNorm());
    }

    private static Block bottleneck(int width, int stride) {
        return new SequentialBlock()
                .add(Layers.convBnRelu(width, 1, 1))
                .add(Layers.convBnRelu(width, 3, stride))
                .add(Layers.conv(width * 4, 1, 1)).add(Layers.batchNorm());
    }

    private static Block projection(int outChannels, int stride) {
        return new SequentialBlock().add(Layers.conv(outChannels, 1, stride)).add(Layers.batchNorm());
    }

    private static Block residual(Block main, Block shortcut) {
        return new SequentialBlock()
                .add(new ResidualBlock(main, shortcut))
                .add(new ReluBlock());
    }
}
