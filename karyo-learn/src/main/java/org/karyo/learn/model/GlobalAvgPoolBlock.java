package org.karyo.learn.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.pooling.Pool;

/**
 * Global average pooling of (N, C, H, W) to (N, C), as DJL's {@code Pool.globalAvgPool2dBlock()}
 * computes it, but recognisable by an exporter. Saved exactly as that block was.
 */
public final class GlobalAvgPoolBlock extends LambdaBlock {
    public GlobalAvgPoolBlock() {
        super(x -> new NDList(Pool.globalAvgPool2d(x.singletonOrThrow())), "globalAvgPool2d");
    }
}
