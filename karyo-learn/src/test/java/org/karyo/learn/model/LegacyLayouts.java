package org.karyo.learn.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The networks as they were built before the exportable blocks: DJL's anonymous lambda blocks and a
 * ParallelBlock with a lambda join. Weight files written then must load into today's networks.
 */
final class LegacyLayouts {
    private LegacyLayouts() {
    }

    static Block build(ModelSpec spec) {
        return switch (spec.architecture()) {
            case COMPACT -> compact(spec);
            case MLP -> mlp(spec);
            default -> resnet(spec);
        };
    }

    private static Block compact(ModelSpec spec) {
        SequentialBlock net = new SequentialBlock();
        for (int channels : new int[] {32, 64, 128, 256}) {
            net.add(convBnRelu(channels, 3, 1)).add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        return net.add(globalAveragePool()).add(head(spec));
    }

    private static Block mlp(ModelSpec spec) {
        SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int units : new int[] {spec.hiddenUnits(), Math.max(1, spec.hiddenUnits() / 2)}) {
            net.add(Linear.builder().setUnits(units).build()).add(Layers.batchNorm())
                    .add(Activation.reluBlock());
            if (spec.dropout() > 0f) {
                net.add(Dropout.builder().optRate(spec.dropout()).build());
            }
        }
        return net.add(Linear.builder().setUnits(spec.numClasses()).build());
    }

    private static Block resnet(ModelSpec spec) {
        boolean bottleneck = spec.architecture() == Architecture.RESNET50;
        int[] blocks = spec.architecture() == Architecture.RESNET18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
        int expansion = bottleneck ? 4 : 1;
        SequentialBlock net = new SequentialBlock()
                .add(convBnRelu(64, 7, 2))
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        int inChannels = 64;
        int[] widths = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; stage++) {
            for (int b = 0; b < blocks[stage]; b++) {
                int width = widths[stage];
                int stride = stage > 0 && b == 0 ? 2 : 1;
                int outChannels = width * expansion;
                Block main = bottleneck
                        ? new SequentialBlock().add(convBnRelu(width, 1, 1)).add(convBnRelu(width, 3, stride))
                                .add(Layers.conv(width * 4, 1, 1)).add(Layers.batchNorm())
                        : new SequentialBlock().add(convBnRelu(width, 3, stride))
                                .add(Layers.conv(width, 3, 1)).add(Layers.batchNorm());
                Block shortcut = stride != 1 || inChannels != outChannels
                        ? new SequentialBlock().add(Layers.conv(outChannels, 1, stride)).add(Layers.batchNorm())
                        : Blocks.identityBlock();
                net.add(new SequentialBlock()
                        .add(new ParallelBlock(LegacyLayouts::sum, List.of(main, shortcut)))
                        .add(Activation.reluBlock()));
                inChannels = outChannels;
            }
        }
        return net.add(globalAveragePool()).add(head(spec));
    }

    private static SequentialBlock convBnRelu(int filters, int kernel, int stride) {
        return new SequentialBlock().add(Layers.conv(filters, kernel, stride)).add(Layers.batchNorm())
                .add(Activation.reluBlock());
    }

    private static Block globalAveragePool() {
        return new SequentialBlock().add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
    }

    private static Block head(ModelSpec spec) {
        SequentialBlock head = new SequentialBlock();
        if (spec.head() == Head.STUDY) {
            head.add(Linear.builder().setUnits(spec.hiddenUnits()).build()).add(Activation.reluBlock());
        }
        if (spec.dropout() > 0f) {
            head.add(Dropout.builder().optRate(spec.dropout()).build());
        }
        return head.add(Linear.builder().setUnits(spec.numClasses()).build());
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }
}
