package org.karyo.simulate;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiveCellSimulatorTest {
    /** A small, fast movie in which infection, lysis, spread and division all happen. */
    private static LiveCellSettings busy() {
        LiveCellSettings d = LiveCellSettings.defaults();
        FieldSettings f = d.field().withSize(160, 160)
                .withPopulation(d.field().population().withConfluence(0.3))
                .withInfection(d.field().infection().withFraction(0.4));
        return d.withField(f).withFrames(14, 4).withSpreaderFraction(0.6).withLysisHpi(20);
    }

    private static final class Recorder implements FrameSink {
        final List<TimelapseFrame> frames = new ArrayList<>();

        @Override
        public void accept(TimelapseFrame frame) {
            frames.add(frame);
        }
    }

    private static Recorder run(LiveCellSettings s, long seed, TimelapseResult[] result) throws IOException {
        Recorder r = new Recorder();
        result[0] = new LiveCellSimulator(s).run(seed, r);
        return r;
    }

    @Test
    void eachTrackLabelIsPresentExactlyFromItsBeginToItsEndFrame() throws IOException {
        TimelapseResult[] res = new TimelapseResult[1];
        Recorder rec = run(busy(), 3, res);
        Map<Integer, Set<Integer>> framesOfLabel = new HashMap<>();
        for (TimelapseFrame f : rec.frames) {
            for (int v : f.labels().labels()) {
                if (v != 0) framesOfLabel.computeIfAbsent(v, k -> new HashSet<>()).add(f.index());
            }
        }
        assertThat(res[0].tracks()).isNotEmpty();
        Map<Integer, Track> byLabel = new HashMap<>();
        for (Track t : res[0].tracks()) byLabel.put(t.label(), t);
        assertThat(framesOfLabel.keySet()).isEqualTo(byLabel.keySet());
        for (Track t : res[0].tracks()) {
            Set<Integer> expected = new HashSet<>();
            for (int i = t.begin(); i <= t.end(); i++) expected.add(i);
            assertThat(framesOfLabel.get(t.label())).as("frames of track %s", t).isEqualTo(expected);
            if (t.parent() != 0) {
                assertThat(byLabel).containsKey(t.parent());
                assertThat(byLabel.get(t.parent()).end()).isEqualTo(t.begin() - 1);
            }
        }
        assertThat(res[0].tracks()).anyMatch(t -> t.parent() != 0);
    }

    @Test
    void propidiumIodideAppearsOnlyInLysedNuclei() throws IOException {
        TimelapseResult[] res = new TimelapseResult[1];
        Recorder rec = run(busy(), 5, res);
        Map<Integer, CellRecord> cells = new HashMap<>();
        for (CellRecord c : res[0].cells()) cells.put(c.label(), c);
        int lysedSeen = 0;
        for (TimelapseFrame f : rec.frames) {
            double[] bg = FieldSimulatorTest.backgroundStats(f.pi(), f.labels());
            double[] median = FieldSimulatorTest.percentilePerLabel(f.pi(), f.labels(), 0.5);
            for (CellObservation o : f.cells()) {
                CellRecord c = cells.get(o.label());
                boolean lysedByNow = c.lysed() && c.lysisHours() <= f.hours();
                assertThat(o.lysed()).isEqualTo(lysedByNow);
                if (lysedByNow) {
                    lysedSeen++;
                    assertThat(median[o.label()]).as("PI of lysed %s", o).isGreaterThan(bg[0] + 8 * bg[1]);
                } else {
                    assertThat(median[o.label()]).as("PI of live %s in frame %d", o, f.index()).isLessThan(bg[0] + 4 * bg[1]);
                }
            }
        }
        assertThat(lysedSeen).isPositive();
    }

    @Test
    void spreaderFractionFollowsTheSetting() throws IOException {
        LiveCellSettings d = LiveCellSettings.defaults();
        FieldSettings f = d.field().withSize(1024, 1024).withInfection(d.field().infection().withFraction(0.8));
        LiveCellSettings s = d.withField(f).withFrames(1, 1).withSpreaderFraction(0.3);
        TimelapseResult res = new LiveCellSimulator(s).run(8, frame -> { });
        List<CellRecord> infected = res.cells().stream().filter(CellRecord::infected).toList();
        assertThat(infected).hasSizeGreaterThan(300);
        double spreaders = infected.stream().filter(c -> c.fate() == CellFate.SPREADER).count() / (double) infected.size();
        assertThat(spreaders).isCloseTo(0.3, within(0.07));
    }

    @Test
    void lysisInfectsNeighboursAfterwards() throws IOException {
        TimelapseResult res = new LiveCellSimulator(busy()).run(5, frame -> { });
        Map<Integer, CellRecord> cells = new HashMap<>();
        for (CellRecord c : res.cells()) cells.put(c.label(), c);
        List<CellRecord> secondary = res.cells().stream().filter(c -> c.infectedBy() != 0).toList();
        assertThat(secondary).isNotEmpty();
        for (CellRecord c : secondary) {
            CellRecord source = cells.get(c.infectedBy());
            assertThat(source.lysed()).isTrue();
            assertThat(c.infectionHours()).isGreaterThan(source.lysisHours());
        }
        assertThat(res.cells()).allMatch(c -> !c.lysed() || c.fate() == CellFate.SPREADER);
        Map<Integer, Integer> plaques = res.plaques();
        for (CellRecord c : secondary) {
            CellRecord founder = cells.get(plaques.get(c.label()));
            assertThat(founder.lysed()).isTrue();
            assertThat(founder.infectedBy()).isZero();
            assertThat(plaques.get(founder.label())).isEqualTo(founder.label());
        }
        assertThat(res.cells()).filteredOn(c -> !c.infected()).allMatch(c -> plaques.get(c.label()) == 0);
    }

    @Test
    void sameSeedGivesTheSameFramesByteForByte() throws IOException {
        LiveCellSettings s = busy().withFrames(6, 4);
        TimelapseResult[] a = new TimelapseResult[1];
        TimelapseResult[] b = new TimelapseResult[1];
        Recorder ra = run(s, 17, a);
        Recorder rb = run(s, 17, b);
        assertThat(a[0]).isEqualTo(b[0]);
        for (int i = 0; i < ra.frames.size(); i++) {
            TimelapseFrame x = ra.frames.get(i);
            TimelapseFrame y = rb.frames.get(i);
            assertThat(x.dna()).isEqualTo(y.dna());
            assertThat(x.reporter()).isEqualTo(y.reporter());
            assertThat(x.pi()).isEqualTo(y.pi());
            assertThat(x.labels().labels()).isEqualTo(y.labels().labels());
            assertThat(x.cells()).isEqualTo(y.cells());
        }
    }

    @Test
    void labelledNucleiAreBrighterThanBackgroundInEveryFrame() throws IOException {
        TimelapseResult[] res = new TimelapseResult[1];
        Recorder rec = run(busy().withFrames(6, 8), 9, res);
        for (TimelapseFrame f : rec.frames) {
            double noise = FieldSimulatorTest.pixelNoise(f.dna(), f.labels());
            double[] local = FieldSimulatorTest.localBackground(f.dna(), f.labels());
            double[] mean = FieldSimulatorTest.meanPerLabel(f.dna(), f.labels());
            for (CellObservation o : f.cells()) {
                assertThat(mean[o.label()]).as("%s in frame %d", o, f.index()).isGreaterThan(local[o.label()] + 3 * noise);
            }
        }
    }
}
