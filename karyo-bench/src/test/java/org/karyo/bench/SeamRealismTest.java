package org.karyo.bench;

import org.karyo.simulate.LiveCellSettings;
import org.karyo.simulate.LiveCellSimulator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the seams between touching nuclei in simulated movies as faint as in real annotated images (DSB2018): the
 * learned segmenter's remaining merges are pairs whose seam does not show, so a simulator with clearer seams would
 * make tracking look better than it is on real cells, and one with none would make it look worse. Skips when
 * shared/data is absent.
 */
class SeamRealismTest {
    @Test
    void seamsBetweenTouchingNucleiInSimulatedMoviesAreAsFaintAsInRealImages() throws Exception {
        Path dsb = SharedData.folder("dsb2018-fluo");
        double real = SeamContrast.medianTouchingDepth(SeamContrast.annotated(dsb));

        LiveCellSettings live = LiveCellSettings.defaults();
        live = live.withField(live.field().withSize(512, 512)).withFrames(46, live.intervalHours());
        List<SeamContrast.Pair> pairs = new ArrayList<>();
        new LiveCellSimulator(live).run(1, frame -> {
            // Day 2 onwards: the field is crowded and most nuclei touch a neighbour.
            if (frame.index() >= 30 && frame.index() % 5 == 0) pairs.addAll(SeamContrast.measure(frame.dna(), frame.labels(), null));
        });
        long touching = pairs.stream().filter(p -> p.contact() >= 3).count();
        double sim = SeamContrast.medianTouchingDepth(pairs);

        assertThat(touching).as("touching pairs measured").isGreaterThan(500);
        assertThat(real).as("DSB2018: a real seam is darker than the inside but fainter than the outer edge").isBetween(0.3, 0.95);
        assertThat(sim / real).as("simulated over real median seam depth (sim %.3f, real %.3f)", sim, real).isBetween(0.75, 1.35);
    }
}
