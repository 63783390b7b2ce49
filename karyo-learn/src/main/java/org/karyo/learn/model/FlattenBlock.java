package org.karyo.learn.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;

/**
 * Flattens everything but the batch axis to (N, features), as DJL's {@code Blocks.batchFlattenBlock()}
 * does, but recognisable by an exporter. Saved exactly as that block was.
 */
public final class FlattenBlock extends LambdaBlock {
    public FlattenBlock() {
        super(x -> new NDList(Blocks.batchFlatten(x.singletonOrThrow())), "batchFlatten");
    }
}
