package org.karyo.learn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.karyo.learn.engine.Engines;

class ModelsTest {

    private static long countInitialised(ModelSpec spec) {
        try (NDManager m = NDManager.newBaseManager(Engines.pytorch().defaultDevice(), Engines.PYTORCH)) {
            Block block = Models.build(spec);
            Models.initialize(block, spec, m);
            return Models.trainableParameters(block);
        }
    }

    private static Shape forwardShape(ModelSpec spec, int batch) {
        try (NDManager m = NDManager.newBaseManager(Engines.pytorch().defaultDevice(), Engines.PYTORCH)) {
            Block block = Models.build(spec);
            Models.initialize(block, spec, m);
            NDList out = block.forward(new ParameterStore(m, false),
                    new NDList(m.randomUniform(0f, 1f, Models.inputShape(spec, batch))), false);
            return out.singletonOrThrow().getShape();
        }
    }

    @Test
    void resnet18MatchesTorchvisionParameterCountWithALinearThousandClassHead() {
        ModelSpec spec = new ModelSpec(Architecture.RESNET18, 3, 1000, 64, Head.LINEAR, 1024, 0f);
        assertThat(countInitialised(spec)).isEqualTo(11_689_512L);
    }

    @Test
    void mlpIsThreeDenseLayersOnThePixels() {
        ModelSpec spec = ModelSpec.mlp(1, 2, 16);
        // dense + BN (scale, shift) twice, then the output layer
        assertThat(countInitialised(spec)).isEqualTo(256L * 512 + 512 + 2 * 512 + 512L * 256 + 256 + 2 * 256 + 256L * 2 + 2);
        assertThat(forwardShape(spec, 3)).isEqualTo(new Shape(3, 2));
        assertThat(Architecture.MLP.isResNet()).isFalse();
        assertThat(Architecture.MLP.isConvolutional()).isFalse();
    }

    @Test
    void resnet34MatchesTorchvisionParameterCount() {
        ModelSpec spec = new ModelSpec(Architecture.RESNET34, 3, 1000, 64, Head.LINEAR, 1024, 0f);
        assertThat(countInitialised(spec)).isEqualTo(21_797_672L);
    }

    @Test
    void resnet50MatchesTorchvisionParameterCount() {
        ModelSpec spec = new ModelSpec(Architecture.RESNET50, 3, 1000, 64, Head.LINEAR, 1024, 0f);
        assertThat(countInitialised(spec)).isEqualTo(25_557_032L);
    }

    @Test
    void studyHeadReplacesTheLinearClassifierWithDense1024AndDenseN() {
        ModelSpec linear = new ModelSpec(Architecture.RESNET50, 1, 2, 64, Head.LINEAR, 1024, 0.5f);
        long backbone = countInitialised(linear) - (2048L * 2 + 2);
        long study = countInitialised(linear.withHead(Head.STUDY));
        assertThat(study).isEqualTo(backbone + 2048L * 1024 + 1024 + 1024L * 2 + 2);
    }

    @Test
    void oneChannelStemHasAThirdOfTheStemWeights() {
        ModelSpec rgb = new ModelSpec(Architecture.RESNET18, 3, 2, 64, Head.LINEAR, 1024, 0f);
        ModelSpec grey = new ModelSpec(Architecture.RESNET18, 1, 2, 64, Head.LINEAR, 1024, 0f);
        assertThat(countInitialised(rgb) - countInitialised(grey)).isEqualTo(2L * 64 * 7 * 7);
    }

    @Test
    void resnet18GivesOneLogitPerClassForEachImage() {
        assertThat(forwardShape(ModelSpec.resnet(Architecture.RESNET18, 1, 3, 64), 2)).isEqualTo(new Shape(2, 3));
    }

    @Test
    void compactCnnGivesOneLogitPerClassAndStaysSmall() {
        ModelSpec spec = ModelSpec.compact(1, 2, 48);
        assertThat(forwardShape(spec, 4)).isEqualTo(new Shape(4, 2));
        assertThat(countInitialised(spec)).isBetween(300_000L, 500_000L);
    }

    @Test
    void rejectsTwoChannelInputAndSingleClass() {
        assertThatThrownBy(() -> ModelSpec.compact(2, 2, 48)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelSpec.compact(1, 1, 48)).isInstanceOf(IllegalArgumentException.class);
    }
}
