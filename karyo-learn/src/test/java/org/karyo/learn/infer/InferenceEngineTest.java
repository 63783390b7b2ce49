package org.karyo.learn.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class InferenceEngineTest {

    @Test
    void namesAndAliases() {
        assertThat(InferenceEngine.parse(null)).isEqualTo(InferenceEngine.AUTO);
        assertThat(InferenceEngine.parse(" ONNX ")).isEqualTo(InferenceEngine.ONNXRUNTIME);
        assertThat(InferenceEngine.parse("djl")).isEqualTo(InferenceEngine.PYTORCH);
        assertThatThrownBy(() -> InferenceEngine.parse("tensorrt")).hasMessageContaining("expected auto, pytorch or onnxruntime");
    }

    @Test
    void autoIsOnnxRuntimeOnTheCpuAndPytorchOnAGpu() {
        InferenceEngine.use(InferenceEngine.AUTO);
        assertThat(InferenceEngine.resolved(Device.cpu())).isEqualTo(InferenceEngine.ONNXRUNTIME);
        assertThat(InferenceEngine.resolved(Device.gpu(0))).isEqualTo(InferenceEngine.PYTORCH);
        InferenceEngine.use(InferenceEngine.PYTORCH);
        assertThat(InferenceEngine.resolved(Device.cpu())).isEqualTo(InferenceEngine.PYTORCH);
        InferenceEngine.use(InferenceEngine.AUTO);
    }
}
