package org.karyo.learn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class EnginesTest {

    @Test
    void startsPytorchOfflineAndMultipliesMatrices() {
        var engine = Engines.pytorch();
        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        try (NDManager m = NDManager.newBaseManager(engine.defaultDevice(), Engines.PYTORCH)) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray b = m.create(new float[] {5, 6, 7, 8}, new Shape(2, 2));
            float[] c = a.matMul(b).toFloatArray();
            assertThat(c).containsExactly(19f, 22f, 43f, 50f);
        }
    }

    @Test
    void returnsTheSameEngineEveryTime() {
        assertThat(Engines.pytorch()).isSameAs(Engines.pytorch());
    }
}
