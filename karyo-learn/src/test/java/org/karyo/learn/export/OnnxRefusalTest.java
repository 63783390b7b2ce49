package org.karyo.learn.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.model.FlattenBlock;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.model.Models;

/** A block the exporter does not know stops the export, naming it, and nothing is written. */
class OnnxRefusalTest {
    private static final ModelSpec SPEC = ModelSpec.mlp(1, 2, 8);

    @Test
    void aLambdaItCannotSeeIntoIsRefusedByPathAndClass(@TempDir Path dir) {
        // DJL's own ReLU block: a lambda that could compute anything.
        Block net = new SequentialBlock().add(new FlattenBlock()).add(Linear.builder().setUnits(4).build())
                .add(Activation.reluBlock()).add(Linear.builder().setUnits(2).build());
        Path target = dir.resolve("net.onnx");
        try (NDManager m = manager()) {
            Models.initialize(net, SPEC, m);
            assertThatThrownBy(() -> OnnxExport.write(net, SPEC, Map.of(), null, target))
                    .isInstanceOf(UnsupportedBlockException.class)
                    .hasMessageContaining("03LambdaBlock")
                    .hasMessageContaining("ai.djl.nn.LambdaBlock");
        }
        assertThat(target).doesNotExist();
    }

    @Test
    void aParallelBlockWithAnUnknownJoinIsRefusedAndAnOlderExportKept(@TempDir Path dir) throws Exception {
        Block net = new SequentialBlock().add(new FlattenBlock()).add(new ParallelBlock(
                branches -> new NDList(branches.get(0).singletonOrThrow().mul(branches.get(1).singletonOrThrow())),
                List.of(Linear.builder().setUnits(2).build(), Linear.builder().setUnits(2).build())));
        Path target = dir.resolve("net.onnx");
        Files.writeString(target, "an older export");
        try (NDManager m = manager()) {
            net.initialize(m, DataType.FLOAT32, Models.inputShape(SPEC, 1));
            assertThatThrownBy(() -> OnnxExport.write(net, SPEC, Map.of(), null, target))
                    .isInstanceOf(UnsupportedBlockException.class)
                    .hasMessageContaining("02ParallelBlock");
        }
        assertThat(target).hasContent("an older export");
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }

    private static NDManager manager() {
        return NDManager.newBaseManager(Engines.pytorch().defaultDevice(), Engines.PYTORCH);
    }
}
