package org.karyo.simulate;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FieldSimulatorTest {
    private static FieldSettings small(Virus virus, double infected, double strength) {
        return FieldSettings.defaults().withSize(256, 256)
                .withInfection(InfectionSettings.defaults().withVirus(virus).withFraction(infected).withStrength(strength));
    }

    @Test
    void everyLabelledNucleusIsBrighterThanTheBackground() {
        SimulatedField f = new FieldSimulator(small(Virus.ADV, 0.3, 0.8)).simulate(7);
        double noise = pixelNoise(f.dna(), f.labels());
        double[] means = meanPerLabel(f.dna(), f.labels());
        double[] local = localBackground(f.dna(), f.labels());
        assertThat(f.cells()).hasSizeGreaterThan(30);
        for (CellTruth c : f.cells()) {
            assertThat(c.areaPx()).as("area of %s", c).isPositive();
            assertThat(means[c.label()]).as("mean DNA of %s", c).isGreaterThan(local[c.label()] + 3 * noise);
        }
    }

    @Test
    void labelsAreConsecutiveAndMatchTheTruthTable() {
        SimulatedField f = new FieldSimulator(small(Virus.HSV, 0.3, 0.8)).simulate(3);
        assertThat(f.labels().count()).isEqualTo(f.cells().size());
        int[] areas = f.labels().areas();
        for (int i = 0; i < f.cells().size(); i++) {
            CellTruth c = f.cells().get(i);
            assertThat(c.label()).isEqualTo(i + 1);
            assertThat(areas[c.label()]).isEqualTo(c.areaPx());
            // The centre pixel belongs to the nucleus itself.
            assertThat(f.labels().get((int) c.x(), (int) c.y())).isIn(c.label(), 0);
        }
    }

    @Test
    void crowdedFieldsWithEnlargedNucleiListOnlyNucleiThatAreInTheImage() {
        FieldSettings s = FieldSettings.defaults().withSize(256, 256)
                .withPopulation(PopulationSettings.defaults().withConfluence(0.85).withClumping(0.9))
                .withInfection(InfectionSettings.defaults().withFraction(0.7).withStrength(1));
        SimulatedField f = new FieldSimulator(s).simulate(13);
        int[] areas = f.labels().areas();
        assertThat(f.labels().count()).isEqualTo(f.cells().size());
        for (int label = 1; label <= f.labels().count(); label++) {
            assertThat(areas[label]).as("pixels of label %d", label).isPositive();
            assertThat(f.cells().get(label - 1).areaPx()).isEqualTo(areas[label]);
        }
    }

    @Test
    void sameSeedGivesIdenticalPixelsAndOtherSeedsDiffer() {
        FieldSimulator sim = new FieldSimulator(small(Virus.ADV, 0.2, 0.8));
        SimulatedField a = sim.simulate(11);
        SimulatedField b = sim.simulate(11);
        SimulatedField c = sim.simulate(12);
        assertThat(a.dna()).isEqualTo(b.dna());
        assertThat(a.reporter()).isEqualTo(b.reporter());
        assertThat(a.labels().labels()).isEqualTo(b.labels().labels());
        assertThat(a.cells()).isEqualTo(b.cells());
        assertThat(a.dna()).isNotEqualTo(c.dna());
    }

    @Test
    void outputDoesNotDependOnTheNumberOfThreads() {
        FieldSimulator sim = new FieldSimulator(FieldSettings.defaults().withSize(512, 512));
        SimulatedField parallel = sim.simulate(31);
        SimulatedField single;
        ParallelRows.sequential(true);
        try {
            single = sim.simulate(31);
        } finally {
            ParallelRows.sequential(false);
        }
        assertThat(single.dna()).isEqualTo(parallel.dna());
        assertThat(single.reporter()).isEqualTo(parallel.reporter());
        assertThat(single.labels().labels()).isEqualTo(parallel.labels().labels());
    }

    @Test
    void writesSixteenBitImagesInsideTheCameraRange() {
        SimulatedField f = new FieldSimulator(small(Virus.ADV, 0.2, 0.8)).simulate(1);
        assertThat(f.dna().bitDepth()).isEqualTo(16);
        assertThat(f.dna().min()).isGreaterThanOrEqualTo(0f);
        assertThat(f.dna().max()).isLessThanOrEqualTo(65535f);
        // Shot + read noise: background pixels are not all equal.
        assertThat(backgroundStats(f.dna(), f.labels())[1]).isGreaterThan(2);
    }

    @Test
    void eightBitFieldsUseTheRangeWithoutClipping() {
        FieldSettings s = small(Virus.ADV, 0.2, 0.8).withOptics(OpticsSettings.forMagnification(20).withBitDepth(8));
        SimulatedField f = new FieldSimulator(s).simulate(1);
        assertThat(f.dna().bitDepth()).isEqualTo(8);
        double[] bg = backgroundStats(f.dna(), f.labels());
        assertThat(bg[0]).isBetween(15.0, 60.0);
        long clipped = 0;
        for (float v : f.dna().pixels()) if (v >= 255) clipped++;
        assertThat(clipped).isLessThan(f.dna().size() / 1000);
    }

    @Test
    void infectedFractionFollowsTheSetting() {
        FieldSettings s = FieldSettings.defaults().withSize(512, 512)
                .withInfection(InfectionSettings.defaults().withFraction(0.4))
                .withPopulation(PopulationSettings.defaults().withStates(0, 0));
        SimulatedField f = new FieldSimulator(s).simulate(5);
        double infected = f.cells().stream().filter(CellTruth::infected).count() / (double) f.cells().size();
        assertThat(infected).isCloseTo(0.4, within(0.08));
    }

    @Test
    void adenovirusEnlargesNucleiAndAddsBrightInclusions() {
        FieldSettings s = small(Virus.ADV, 0.5, 1.0).withPopulation(PopulationSettings.defaults().withStates(0, 0));
        SimulatedField f = new FieldSimulator(s).simulate(9);
        double infectedArea = f.cells().stream().filter(CellTruth::infected).mapToInt(CellTruth::areaPx).average().orElseThrow();
        double cleanArea = f.cells().stream().filter(c -> !c.infected()).mapToInt(CellTruth::areaPx).average().orElseThrow();
        assertThat(infectedArea).isGreaterThan(1.5 * cleanArea);
        double[] p99 = percentilePerLabel(f.dna(), f.labels(), 0.98);
        double[] med = percentilePerLabel(f.dna(), f.labels(), 0.5);
        double infectedContrast = f.cells().stream().filter(c -> c.infected() && c.strength() > 0.6)
                .mapToDouble(c -> p99[c.label()] / med[c.label()]).average().orElseThrow();
        double cleanContrast = f.cells().stream().filter(c -> !c.infected())
                .mapToDouble(c -> p99[c.label()] / med[c.label()]).average().orElseThrow();
        assertThat(infectedContrast).isGreaterThan(cleanContrast * 1.2);
    }

    @Test
    void herpesInfectedNucleiHaveABrightRimAndDimCentre() {
        FieldSettings s = FieldSettings.defaults().withSize(256, 256).withOptics(OpticsSettings.forMagnification(40))
                .withInfection(new InfectionSettings(Virus.HSV, 0.5, 1.0, 0))
                .withPopulation(PopulationSettings.defaults().withStates(0, 0).withClumping(0));
        SimulatedField f = new FieldSimulator(s).simulate(4);
        int checked = 0;
        for (CellTruth c : f.cells()) {
            if (!c.infected() || c.areaPx() < 200 || touchesEdge(c, f.labels(), 12)) continue;
            double centre = f.dna().get((int) c.x(), (int) c.y());
            double rim = maxAlongRadius(f.dna(), f.labels(), c);
            assertThat(rim).as("rim vs centre of %s", c).isGreaterThan(1.5 * centre);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void reporterIsBrightInInfectedNucleiOnly() {
        FieldSettings s = small(Virus.ADV, 0.4, 0.8).withReporter(ReporterSettings.defaults().withWholeCell(false));
        SimulatedField f = new FieldSimulator(s).simulate(21);
        double[] rep = meanPerLabel(f.reporter(), f.labels());
        double infected = f.cells().stream().filter(CellTruth::infected).mapToDouble(c -> rep[c.label()]).average().orElseThrow();
        double clean = f.cells().stream().filter(c -> !c.infected()).mapToDouble(c -> rep[c.label()]).average().orElseThrow();
        assertThat(infected).isGreaterThan(clean * 1.5);
    }

    @Test
    void adenovirusPlaquesAreCometsStretchedDownstream() {
        FieldSettings s = FieldSettings.defaults().withSize(640, 512).withInfection(InfectionSettings.none())
                .withPopulation(PopulationSettings.defaults().withConfluence(0.4));
        Plaque p = new Plaque(1, 130, 256, 100, Virus.ADV, 0);
        SimulatedField f = new FieldSimulator(s).simulate(2, List.of(p));
        List<CellTruth> inPlaque = f.cells().stream().filter(c -> c.plaque() == 1 && c.infected()).toList();
        assertThat(inPlaque).hasSizeGreaterThan(20);
        double downstream = inPlaque.stream().mapToDouble(c -> c.x() - p.x()).max().orElseThrow();
        double upstream = inPlaque.stream().mapToDouble(c -> p.x() - c.x()).max().orElseThrow();
        assertThat(downstream).isGreaterThan(2 * upstream);
        assertThat(f.cells().stream().filter(c -> c.plaque() == 0).noneMatch(CellTruth::infected)).isTrue();
    }

    @Test
    void herpesPlaquesAreRoundWithALysedCore() {
        FieldSettings s = FieldSettings.defaults().withSize(512, 512).withInfection(InfectionSettings.none())
                .withPopulation(PopulationSettings.defaults().withConfluence(0.4));
        Plaque p = new Plaque(1, 256, 256, 120, Virus.HSV, 0);
        SimulatedField f = new FieldSimulator(s).simulate(2, List.of(p));
        long core = f.cells().stream().filter(c -> p.distance(c.x(), c.y()) < 0.3).count();
        long ring = f.cells().stream().filter(c -> { double d = p.distance(c.x(), c.y()); return d > 0.6 && d < 0.9; }).count();
        // The ring has (0.81-0.36)/0.09 = 5x the core's area; a lysed core leaves far fewer cells than that.
        assertThat(core * 5.0).isLessThan(ring * 0.5);
        double dx = f.cells().stream().filter(CellTruth::infected).mapToDouble(c -> Math.abs(c.x() - p.x())).max().orElseThrow();
        double dy = f.cells().stream().filter(CellTruth::infected).mapToDouble(c -> Math.abs(c.y() - p.y())).max().orElseThrow();
        assertThat(dx / dy).isBetween(0.75, 1.33);
    }

    static double[] backgroundStats(Plane p, LabelImage l) {
        // Background far from any nucleus (its label-free 5x5 neighbourhood), so PSF tails don't count.
        int w = p.width();
        double[] vals = new double[p.size()];
        int n = 0;
        for (int y = 2; y < p.height() - 2; y++) {
            for (int x = 2; x < w - 2; x++) {
                boolean clear = true;
                for (int dy = -2; dy <= 2 && clear; dy++) for (int dx = -2; dx <= 2; dx++) if (l.get(x + dx, y + dy) != 0) { clear = false; break; }
                if (clear) vals[n++] = p.get(x, y);
            }
        }
        double[] v = Arrays.copyOf(vals, n);
        Arrays.sort(v);
        double median = v[n / 2];
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) dev[i] = Math.abs(v[i] - median);
        Arrays.sort(dev);
        return new double[] {median, 1.4826 * dev[n / 2]};
    }

    /** Pixel noise from differences of horizontal neighbours in the background (blind to slow haze). */
    static double pixelNoise(Plane p, LabelImage l) {
        double s = 0;
        int n = 0;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x + 1 < p.width(); x++) {
                if (l.get(x, y) != 0 || l.get(x + 1, y) != 0) continue;
                double d = p.get(x + 1, y) - p.get(x, y);
                s += d * d;
                n++;
            }
        }
        return Math.sqrt(s / n / 2);
    }

    /** Median of label-free pixels in a ring 3-8 px around each label's bounding box: its local background. */
    static double[] localBackground(Plane p, LabelImage l) {
        int n = l.count();
        int[] x0 = new int[n + 1];
        int[] y0 = new int[n + 1];
        int[] x1 = new int[n + 1];
        int[] y1 = new int[n + 1];
        Arrays.fill(x0, Integer.MAX_VALUE);
        Arrays.fill(y0, Integer.MAX_VALUE);
        for (int y = 0; y < l.height(); y++) {
            for (int x = 0; x < l.width(); x++) {
                int v = l.get(x, y);
                if (v == 0) continue;
                x0[v] = Math.min(x0[v], x);
                y0[v] = Math.min(y0[v], y);
                x1[v] = Math.max(x1[v], x);
                y1[v] = Math.max(y1[v], y);
            }
        }
        double[] out = new double[n + 1];
        for (int v = 1; v <= n; v++) {
            if (x0[v] == Integer.MAX_VALUE) continue;
            java.util.List<Float> ring = new java.util.ArrayList<>();
            for (int y = Math.max(0, y0[v] - 8); y <= Math.min(l.height() - 1, y1[v] + 8); y++) {
                for (int x = Math.max(0, x0[v] - 8); x <= Math.min(l.width() - 1, x1[v] + 8); x++) {
                    boolean inner = x >= x0[v] - 3 && x <= x1[v] + 3 && y >= y0[v] - 3 && y <= y1[v] + 3;
                    if (!inner && l.get(x, y) == 0) ring.add(p.get(x, y));
                }
            }
            ring.sort(null);
            out[v] = ring.isEmpty() ? 0 : ring.get(ring.size() / 2);
        }
        return out;
    }

    static double[] meanPerLabel(Plane p, LabelImage l) {
        double[] sum = new double[l.count() + 1];
        int[] n = new int[l.count() + 1];
        for (int i = 0; i < p.size(); i++) {
            sum[l.labels()[i]] += p.pixels()[i];
            n[l.labels()[i]]++;
        }
        for (int i = 0; i < sum.length; i++) sum[i] /= Math.max(1, n[i]);
        return sum;
    }

    static double[] percentilePerLabel(Plane p, LabelImage l, double q) {
        double[] out = new double[l.count() + 1];
        for (int label = 1; label <= l.count(); label++) {
            int lab = label;
            double[] v = java.util.stream.IntStream.range(0, p.size()).filter(i -> l.labels()[i] == lab)
                    .mapToDouble(i -> p.pixels()[i]).sorted().toArray();
            if (v.length > 0) out[label] = v[(int) Math.min(v.length - 1, q * v.length)];
        }
        return out;
    }

    private static boolean touchesEdge(CellTruth c, LabelImage l, int margin) {
        return c.x() < margin * 3 || c.y() < margin * 3 || c.x() > l.width() - margin * 3 || c.y() > l.height() - margin * 3;
    }

    private static double maxAlongRadius(Plane p, LabelImage l, CellTruth c) {
        double best = 0;
        for (int dy = -40; dy <= 40; dy++) {
            for (int dx = -40; dx <= 40; dx++) {
                int x = (int) c.x() + dx;
                int y = (int) c.y() + dy;
                if (x < 0 || y < 0 || x >= p.width() || y >= p.height() || l.get(x, y) != c.label()) continue;
                best = Math.max(best, p.get(x, y));
            }
        }
        return best;
    }
}
