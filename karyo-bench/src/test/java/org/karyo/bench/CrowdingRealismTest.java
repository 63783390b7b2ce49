package org.karyo.bench;

import org.karyo.io.ImageFileReader;
import org.karyo.simulate.LiveCellSettings;
import org.karyo.simulate.LiveCellSimulator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the crowding of simulated movies where docs/simulator.md ("How crowded") says it is, against real annotated
 * images (DSB2018): touching nuclei are what the learned segmenter merges, so how many nuclei touch decides how hard
 * tracking is. Movies with contact inhibition at a cover of 0.3 must be at least as crowded as the densest tenth of
 * the real images and not beyond the densest one; the default movies (0.45) are beyond every real image. Skips when
 * shared/data is absent.
 */
class CrowdingRealismTest {
    @Test
    void moviesCappedAtACoverOfPointThreeAreAsCrowdedAsTheDensestRealImages() throws Exception {
        Path dsb = SharedData.folder("dsb2018-fluo");
        double[] real = realTouchingShares(dsb);
        double p90 = real[(int) (0.9 * real.length)];
        double max = real[real.length - 1];

        double capped = lateTouchingShare(0.3);
        double dflt = lateTouchingShare(LiveCellSettings.defaults().maxConfluence());

        System.out.printf(java.util.Locale.ROOT, "touching share: DSB2018 p90 %.3f, max %.3f; movies capped at 0.3 %.3f, default %.3f%n",
                p90, max, capped, dflt);
        assertThat(p90).as("DSB2018: the densest tenth has most nuclei touching").isBetween(0.6, 0.95);
        assertThat(capped).as("cap 0.3 against DSB2018's p90 %.3f and max %.3f", p90, max).isBetween(p90, max + 0.05);
        assertThat(dflt).as("default cap against DSB2018's max %.3f", max).isGreaterThan(max);
    }

    private static double[] realTouchingShares(Path dsb) throws Exception {
        List<Path> images;
        try (Stream<Path> s = Files.list(dsb.resolve("labels"))) {
            images = s.sorted().toList();
        }
        double[] share = new double[images.size()];
        for (int i = 0; i < share.length; i++) {
            double s = Crowding.touchingShare(SeamContrast.labelsOf(ImageFileReader.readPlane(images.get(i))));
            share[i] = Double.isNaN(s) ? 0 : s;
        }
        Arrays.sort(share);
        return share;
    }

    /** Mean touching share over the frames of the movie's second half, once contact inhibition holds. */
    private static double lateTouchingShare(double cap) throws Exception {
        LiveCellSettings live = LiveCellSettings.defaults().withMaxConfluence(cap);
        live = live.withField(live.field().withSize(512, 512)).withFrames(40, live.intervalHours());
        List<Double> shares = new ArrayList<>();
        new LiveCellSimulator(live).run(1, frame -> {
            if (frame.index() >= 28 && frame.index() % 4 == 0) shares.add(Crowding.touchingShare(frame.labels()));
        });
        return shares.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
