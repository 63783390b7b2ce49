package org.karyo.simulate;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates still fields of Hoechst-stained nuclei with a reporter channel and exact ground truth.
 * Deterministic: the same settings, seed and plaques give the same pixels.
 */
public final class FieldSimulator {
    private final FieldSettings settings;
    private final CameraModel camera;

    public FieldSimulator(FieldSettings settings) {
        this.settings = settings;
        this.camera = new CameraModel(settings.optics());
    }

    public FieldSettings settings() {
        return settings;
    }

    public SimulatedField simulate(long seed) {
        return simulate(seed, List.of());
    }

    /** A field in which cells inside {@code plaques} are infected or lysed by plaque growth. */
    public SimulatedField simulate(long seed, List<Plaque> plaques) {
        int w = settings.width();
        int h = settings.height();
        PopulationSettings pop = settings.population();
        InfectionSettings inf = settings.infection();
        ReporterSettings rep = settings.reporter();
        double g1Radius = settings.meanRadiusPx() / Math.sqrt(CellCycle.MEAN_AREA);
        double meanArea = Math.PI * settings.meanRadiusPx() * settings.meanRadiusPx();
        int target = (int) Math.round(pop.confluence() * w * h / meanArea);

        CellPlacement placement = new CellPlacement(w, h, settings.meanRadiusPx() * 2.2);
        SplittableRandom placeRandom = Seeds.random(seed, 1);
        NucleusRenderer renderer = new NucleusRenderer(w, h, settings.optics().pixelSizeUm());
        List<CellTruth> drafts = new ArrayList<>();
        List<NucleusSpec> specs = new ArrayList<>();
        for (int i = 0; i < target; i++) {
            SplittableRandom r = Seeds.random(seed, 2, i);
            double phase = r.nextDouble();
            double radius = g1Radius * Seeds.logNormal(r, pop.sizeCv()) * Math.sqrt(CellCycle.areaFactor(phase));
            double[] xy = placement.place(placeRandom, radius, pop.clumping());
            if (xy == null) continue;

            Virus virus = null;
            double strength = 0;
            int plaqueId = 0;
            boolean lysed = false;
            for (Plaque p : plaques) {
                double d = p.distance(xy[0], xy[1]);
                PlaqueGrowth.Outcome o = PlaqueGrowth.outcome(d, r);
                if (o == PlaqueGrowth.Outcome.OUTSIDE) continue;
                plaqueId = p.id();
                if (o == PlaqueGrowth.Outcome.LYSED) lysed = true;
                if (o == PlaqueGrowth.Outcome.INFECTED) {
                    virus = p.virus();
                    strength = PlaqueGrowth.strength(d, inf.strength(), r);
                }
                break;
            }
            if (lysed) continue;
            if (virus == null && r.nextDouble() < inf.infectedFraction()) {
                virus = inf.virus();
                strength = inf.strengthFor(r.nextDouble());
            }
            NuclearState state = NuclearState.INTERPHASE;
            double u = r.nextDouble();
            if (u < pop.apoptoticFraction()) {
                state = NuclearState.APOPTOTIC;
            } else if (virus == null && u < pop.apoptoticFraction() + pop.mitoticFraction()) {
                state = NuclearState.MITOTIC;
            }
            double reporter = virus == null ? 0
                    : rep.levelElectrons() * Seeds.logNormal(r, rep.levelCv()) * (0.25 + 0.75 * strength);
            int label = drafts.size() + 1;
            NucleusSpec spec = spec(label, xy[0], xy[1], radius, phase, state, virus, strength, reporter, r);
            specs.add(spec);
            drafts.add(new CellTruth(label, xy[0], xy[1], 0, state, virus, strength, reporter, plaqueId));
        }

        renderer.drawAll(specs);
        LabelImage drawn = renderer.labels(drafts.size());
        int[] areas = drawn.areas();
        // A nucleus completely covered by enlarged neighbours owns no pixel: it is not in the image, so it
        // leaves the truth table too, and the remaining labels are renumbered to stay consecutive.
        int[] newLabel = new int[areas.length];
        List<CellTruth> cells = new ArrayList<>(drafts.size());
        for (CellTruth c : drafts) {
            if (areas[c.label()] == 0) continue;
            newLabel[c.label()] = cells.size() + 1;
            cells.add(new CellTruth(cells.size() + 1, c.x(), c.y(), areas[c.label()], c.state(), c.virus(),
                    c.strength(), c.reporter(), c.plaque()));
        }
        LabelImage labels = drawn;
        if (cells.size() < drafts.size()) {
            int[] px = drawn.labels().clone();
            for (int i = 0; i < px.length; i++) px[i] = newLabel[px[i]];
            labels = new LabelImage(w, h, px, cells.size());
        }
        float[] reporterSignal = renderer.reporterSignal();
        float[] dnaSignal = renderer.dnaSignal();
        Debris.add(dnaSignal, w, h, settings.optics().pixelSizeUm(), pop.dnaElectrons(), Seeds.derive(seed, 4));
        float bleed = (float) rep.bleedThrough();
        for (int i = 0; i < reporterSignal.length; i++) reporterSignal[i] += bleed * dnaSignal[i];
        Plane dna = camera.expose(dnaSignal, w, h, settings.optics().backgroundElectrons(), Seeds.derive(seed, 3, 0));
        Plane reporterPlane = camera.expose(reporterSignal, w, h, rep.backgroundElectrons(), Seeds.derive(seed, 3, 1));
        return new SimulatedField(dna, reporterPlane, labels, cells);
    }

    /** The nucleus of a cell with the given G1-scaled radius (already including cycle growth). */
    NucleusSpec spec(int label, double x, double y, double radius, double phase, NuclearState state, Virus virus,
                     double strength, double reporter, SplittableRandom r) {
        return NucleusLook.spec(settings.population(), settings.reporter().wholeCell(), label, x, y, radius, phase,
                state, virus, strength, reporter, 0, r.nextDouble(), r.nextDouble(Math.PI), r.nextLong(),
                r.nextLong(), Seeds.logNormal(r, settings.population().brightnessCv()));
    }
}
