package org.karyo.learn.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.pooling.Pool;

/**
 * 2-D max pooling (floor mode) that remembers its kernel, stride and padding, which DJL's
 * {@code Pool.maxPool2dBlock} hides in a lambda. Saved exactly as that block was.
 */
public final class MaxPoolBlock extends LambdaBlock {
    private final Shape kernel;
    private final Shape stride;
    private final Shape padding;

    public MaxPoolBlock(Shape kernel, Shape stride, Shape padding) {
        super(x -> new NDList(Pool.maxPool2d(x.singletonOrThrow(), kernel, stride, padding, false)), "maxPool2d");
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    /** (height, width) */
    public Shape kernel() {
        return kernel;
    }

    /** (height, width) */
    public Shape stride() {
        return stride;
    }

    /** Rows and columns added on each side (height, width). */
    public Shape padding() {
        return padding;
    }
}
