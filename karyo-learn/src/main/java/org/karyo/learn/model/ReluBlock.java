package org.karyo.learn.model;

import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;

/**
 * ReLU. DJL's {@code Activation.reluBlock()} is an anonymous {@link LambdaBlock}, so an exporter
 * cannot tell it from any other lambda; this one says what it is. It saves and loads exactly as
 * that block did (a subclass inherits the parameter stream), so older weight files still load.
 */
public final class ReluBlock extends LambdaBlock {
    public ReluBlock() {
        super(Activation::relu, "ReLU");
    }
}
