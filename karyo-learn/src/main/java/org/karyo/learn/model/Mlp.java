package org.karyo.learn.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * Three dense layers on the flattened pixels: the baseline that shows what convolutions add. It sees
 * the same rendered, augmented crops as the CNNs; it has no notion of neighbouring pixels. Each hidden
 * layer is dense → batch norm → ReLU → dropout: without the batch norm, on malaria crops (2,304
 * all-positive inputs) every ReLU died within the first epoch and the net stayed at chance.
 */
final class Mlp {
    private Mlp() {
    }

    static Block build(ModelSpec spec) {
        int[] hidden = {spec.hiddenUnits(), Math.max(1, spec.hiddenUnits() / 2)};
        SequentialBlock net = new SequentialBlock().add(new FlattenBlock());
        for (int units : hidden) {
            net.add(Linear.builder().setUnits(units).build()).add(Layers.batchNorm()).add(new ReluBlock());
            if (spec.dropout() > 0f) {
                net.add(Dropout.builder().optRate(spec.dropout()).build());
            }
        }
        return net.add(Linear.builder().setUnits(spec.numClasses()).build());
    }
}
