package org.karyo.learn.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;

/** Small building blocks shared by the networks. */
final class Layers {
    private Layers() {
    }

    /** A bias-free square convolution (BN follows, so a bias would be redundant, as in torchvision). */
    static Block conv(int filters, int kernel, int stride) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false)
                .build();
    }

    static Block batchNorm() {
        return BatchNorm.builder().build();
    }

    static SequentialBlock convBnRelu(int filters, int kernel, int stride) {
        return new SequentialBlock().add(conv(filters, kernel, stride)).add(batchNorm()).add(new ReluBlock());
    }

    /** Global average pool to (N, C). */
    static Block globalAveragePool() {
        return new SequentialBlock().add(new GlobalAvgPoolBlock()).add(new FlattenBlock());
    }

    /** The classifier on pooled features; outputs logits (softmax is applied at prediction). */
    static Block head(ModelSpec spec) {
        SequentialBlock head = new SequentialBlock();
        if (spec.head() == Head.STUDY) {
            head.add(Linear.builder().setUnits(spec.hiddenUnits()).build()).add(new ReluBlock());
        }
        if (spec.dropout() > 0f) {
            head.add(Dropout.builder().optRate(spec.dropout()).build());
        }
        return head.add(Linear.builder().setUnits(spec.numClasses()).build());
    }
}
