package org.karyo.learn.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnnxRuntimeGuardTest {

    @Test
    void refusesFromTheMeasuredCrashingLengthOn() {
        assertThat(OnnxRuntimeGuard.refusal(3900)).isNull();
        assertThat(OnnxRuntimeGuard.refusal(3999)).isNull();
        assertThat(OnnxRuntimeGuard.refusal(4000)).contains("4000 bytes or longer", "this one is 4000", "--inference pytorch");
        assertThat(OnnxRuntimeGuard.refusal(12000)).contains("this one is 12000");
    }

    @Test
    void thisTestProcessIsSafe() {
        // Surefire starts forks with a short command line (the class path goes in a manifest jar).
        assertThat(OnnxRuntimeGuard.refusal()).isNull();
    }
}
