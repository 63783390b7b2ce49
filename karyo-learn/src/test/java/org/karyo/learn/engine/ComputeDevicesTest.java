package org.karyo.learn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class ComputeDevicesTest {

    @Test
    void autoTakesTheFirstGpuWhenThereIsOneAndTheCpuOtherwise() {
        Device expected = ComputeDevices.gpuCount() > 0 ? Device.gpu(0) : Device.cpu();
        assertThat(ComputeDevices.resolve("auto")).isEqualTo(expected);
        assertThat(ComputeDevices.resolve(null)).isEqualTo(expected);
        assertThat(ComputeDevices.resolve(" AUTO ")).isEqualTo(expected);
    }

    @Test
    void cpuIsAlwaysThere() {
        assertThat(ComputeDevices.resolve("cpu")).isEqualTo(Device.cpu());
    }

    @Test
    void aGpuBeyondTheCountIsRefusedWithTheReason() {
        int gpus = ComputeDevices.gpuCount();
        assertThatThrownBy(() -> ComputeDevices.resolve("gpu:" + gpus))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpu:" + gpus)
                .hasMessageContaining(gpus == 0 ? "no CUDA GPU" : "numbered from 0");
    }

    @Test
    void malformedRequestsNameTheAccepted() {
        for (String bad : new String[] {"tpu", "gpu:x", "gpu:-1x"}) {
            assertThatThrownBy(() -> ComputeDevices.resolve(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected auto, cpu, gpu or gpu:N");
        }
    }
}
