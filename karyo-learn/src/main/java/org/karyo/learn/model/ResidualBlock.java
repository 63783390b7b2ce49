package org.karyo.learn.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import java.util.List;

/**
 * A residual unit's two branches summed element-wise (without the ReLU that follows). A plain
 * {@link ParallelBlock} joins with an opaque function; this one is known to add, so an exporter can
 * write an Add. It saves and loads exactly as that ParallelBlock did (main branch first).
 */
public final class ResidualBlock extends ParallelBlock {
    public ResidualBlock(Block main, Block shortcut) {
        super(ResidualBlock::sum, List.of(main, shortcut));
    }

    /** The convolutions. */
    public Block main() {
        return getChildren().get(0).getValue();
    }

    /** The identity or the 1x1 projection. */
    public Block shortcut() {
        return getChildren().get(1).getValue();
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }
}
