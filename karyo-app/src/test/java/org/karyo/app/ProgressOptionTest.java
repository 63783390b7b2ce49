package org.karyo.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command that draws a progress bar can be told not to (scripts, CI logs); segment, crops and others could not. */
class ProgressOptionTest {
    @ParameterizedTest
    @ValueSource(strings = {"segment", "score-segmentation", "crops", "label", "track", "tracks-from-labels", "fate-crops",
            "fate-history", "train", "train-segmenter", "pretrain", "evaluate", "predict", "simulate timelapse",
            "simulate plate", "simulate field", "demo"})
    void offersNoProgress(String command) {
        String[] args = (command + " --help").split(" ");
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).as(command).contains("--no-progress");
    }
}
