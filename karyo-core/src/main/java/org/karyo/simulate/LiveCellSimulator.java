package org.karyo.simulate;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulates a live-cell time-lapse: cells random-walk with drift, divide, get infected, follow their fate's
 * nuclear-area and reporter curves, and spreaders lyse (PI turns on) and infect their neighbours.
 * Frames go to a {@link FrameSink} as they are made; only the cells and track table stay in memory.
 */
public final class LiveCellSimulator {
    /** Mitosis (condensed chromosomes) lasts about this long at the end of the cycle. */
    static final double MITOSIS_HOURS = 1.0;
    /** Cycle phase at which contact-inhibited cells wait. */
    static final double G2_ARREST = 0.9;

    private final LiveCellSettings settings;
    private final FieldSettings field;
    private final CameraModel camera;
    private final double pixelUm;

    public LiveCellSimulator(LiveCellSettings settings) {
        this.settings = settings;
        this.field = settings.field();
        this.camera = new CameraModel(field.optics());
        this.pixelUm = field.optics().pixelSizeUm();
    }

    public TimelapseResult run(long seed, FrameSink sink) throws IOException {
        int w = field.width();
        int h = field.height();
        Population pop = new Population(seed);
        pop.seedCells();
        NucleusRenderer renderer = new NucleusRenderer(w, h, pixelUm);
        Map<Integer, TrackInfo> tracks = new LinkedHashMap<>();
        for (int f = 0; f < settings.frames(); f++) {
            double t = f * settings.intervalHours();
            if (f > 0) pop.advance(f, t);
            List<LiveCell> visible = render(renderer, pop.cells, t);
            if (visible.size() < pop.cells.size()) {
                // A nucleus completely hidden under others would break its track: it leaves the field of view.
                pop.cells.retainAll(visible);
                visible = render(renderer, pop.cells, t);
            }
            List<CellObservation> obs = new ArrayList<>(visible.size());
            int maxLabel = 0;
            for (LiveCell c : visible) {
                TrackInfo ti = tracks.computeIfAbsent(c.label, k -> new TrackInfo(c));
                ti.end = f;
                if (ti.begin < 0) ti.begin = f;
                maxLabel = Math.max(maxLabel, c.label);
                obs.add(new CellObservation(c.label, c.x, c.y, c.areaPx, state(c, t), c.fate, c.hpi(t),
                        reporter(c, t), c.lysed()));
            }
            float[] dna = renderer.dnaSignal();
            Debris.add(dna, w, h, pixelUm, field.population().dnaElectrons(), Seeds.derive(seed, 21, f));
            float[] rep = renderer.reporterSignal();
            float bleed = (float) field.reporter().bleedThrough();
            for (int i = 0; i < rep.length; i++) rep[i] += bleed * dna[i];
            Plane dnaPlane = camera.expose(dna, w, h, field.optics().backgroundElectrons(), Seeds.derive(seed, 20, f, 0));
            Plane repPlane = camera.expose(rep, w, h, field.reporter().backgroundElectrons(), Seeds.derive(seed, 20, f, 1));
            Plane piPlane = camera.expose(renderer.piSignal(), w, h, settings.piBackgroundElectrons(), Seeds.derive(seed, 20, f, 2));
            LabelImage labels = renderer.labels(maxLabel);
            sink.accept(new TimelapseFrame(f, t, dnaPlane, repPlane, piPlane, labels, obs));
        }
        List<Track> trackList = new ArrayList<>();
        List<CellRecord> records = new ArrayList<>();
        for (Map.Entry<Integer, TrackInfo> e : tracks.entrySet()) {
            TrackInfo ti = e.getValue();
            LiveCell c = ti.cell;
            int parent = tracks.containsKey(c.parentLabel) ? c.parentLabel : 0;
            trackList.add(new Track(e.getKey(), ti.begin, ti.end, parent));
            records.add(new CellRecord(e.getKey(), parent, c.fate, c.infectionHours, c.lysisHours, c.infectedBy, ti.begin, ti.end));
        }
        return new TimelapseResult(trackList, records);
    }

    private static final class TrackInfo {
        final LiveCell cell;
        int begin = -1;
        int end = -1;

        TrackInfo(LiveCell cell) {
            this.cell = cell;
        }
    }

    /** Draws all cells; returns those that own at least one pixel, with their areas set. */
    private List<LiveCell> render(NucleusRenderer renderer, List<LiveCell> cells, double t) {
        renderer.clear();
        PopulationSettings pop = field.population();
        Virus virus = field.infection().virus();
        double strengthMax = field.infection().strength();
        int maxLabel = 0;
        List<NucleusSpec> specs = new ArrayList<>(cells.size());
        for (LiveCell c : cells) {
            double hpi = c.hpi(t);
            boolean inf = c.infected() && hpi > 0;
            double strength = inf ? strengthMax * FateCurves.strength(c.fate, hpi) : 0;
            double pi = c.lysed() ? settings.piElectrons() * c.stain : 0;
            double stain = c.lysed() ? c.stain * 1.5 : c.stain;
            NucleusSpec spec = NucleusLook.spec(pop, field.reporter().wholeCell(), c.label, c.x, c.y, c.radius(t),
                    c.phase, state(c, t), inf ? virus : null, strength, reporter(c, t), pi, c.aspectDraw, c.angle,
                    c.shapeSeed, c.textureSeed, stain, false);
            specs.add(spec);
            maxLabel = Math.max(maxLabel, c.label);
        }
        renderer.drawAll(specs);
        int[] areas = new int[maxLabel + 1];
        for (int v : renderer.labelBuffer()) areas[v]++;
        List<LiveCell> visible = new ArrayList<>(cells.size());
        for (LiveCell c : cells) {
            c.areaPx = areas[c.label];
            if (c.areaPx > 0) visible.add(c);
        }
        return visible;
    }

    private NuclearState state(LiveCell c, double t) {
        if (!c.infected() && c.phase >= 1 - MITOSIS_HOURS / c.cycleHours) return NuclearState.MITOTIC;
        return NuclearState.INTERPHASE;
    }

    private double reporter(LiveCell c, double t) {
        if (!c.infected()) return 0;
        double r = c.reporterMax * FateCurves.reporter(c.fate, c.hpi(t));
        return c.lysed() ? 0.3 * r : r;
    }

    /** The cells and the rules that move, divide, infect and lyse them. */
    private final class Population {
        final long seed;
        final List<LiveCell> cells = new ArrayList<>();
        final SplittableRandom events;
        long nextId;
        int nextLabel = 1;
        final double g1Mean;

        Population(long seed) {
            this.seed = seed;
            this.events = Seeds.random(seed, 11);
            this.g1Mean = field.meanRadiusPx() / Math.sqrt(CellCycle.MEAN_AREA);
        }

        LiveCell newCell(int parentLabel, double x, double y, double g1Radius, double phase) {
            ReporterSettings rep = field.reporter();
            LiveCell c = new LiveCell(nextId++, seed, parentLabel, x, y, g1Radius, phase, settings.cellCycleHours(),
                    rep.levelElectrons(), rep.levelCv(), field.population().brightnessCv());
            c.label = nextLabel++;
            return c;
        }

        void seedCells() {
            PopulationSettings p = field.population();
            double meanArea = Math.PI * field.meanRadiusPx() * field.meanRadiusPx();
            int target = (int) Math.round(p.confluence() * field.width() * field.height() / meanArea);
            CellPlacement placement = new CellPlacement(field.width(), field.height(), field.meanRadiusPx() * 2.2);
            SplittableRandom r = Seeds.random(seed, 12);
            for (int i = 0; i < target; i++) {
                double phase = r.nextDouble();
                double g1 = g1Mean * Seeds.logNormal(r, p.sizeCv());
                double[] xy = placement.place(r, g1 * Math.sqrt(CellCycle.areaFactor(phase)), p.clumping());
                if (xy == null) continue;
                LiveCell c = newCell(0, xy[0], xy[1], g1, phase);
                if (r.nextDouble() < field.infection().infectedFraction()) {
                    infect(c, -4 * r.nextDouble(), 0);
                }
                cells.add(c);
            }
        }

        void infect(LiveCell c, double hours, int byLabel) {
            c.radiusAtInfection = c.radius(hours);
            c.infectionHours = hours;
            c.infectedBy = byLabel;
            boolean spreader = c.random.nextDouble() < settings.spreaderFraction();
            c.fate = spreader ? CellFate.SPREADER : CellFate.NONSPREADER;
            if (spreader) {
                double mean = settings.lysisHpi();
                c.lysisHpi = Math.max(0.8 * mean, mean * (1 + 0.14 * c.random.nextGaussian()));
            } else {
                c.lysisHpi = Double.NaN;
            }
        }

        void advance(int frame, double t) {
            double dt = settings.intervalHours();
            double area = 0;
            for (LiveCell c : cells) area += Math.PI * sq(c.radius(t - dt));
            boolean crowded = area / ((double) field.width() * field.height()) >= settings.maxConfluence();
            List<LiveCell> born = new ArrayList<>();
            List<LiveCell> lysedNow = new ArrayList<>();
            for (Iterator<LiveCell> it = cells.iterator(); it.hasNext(); ) {
                LiveCell c = it.next();
                if (c.lysed() && frame - c.lysisFrame >= settings.lysedFrames()) {
                    it.remove(); // the dead cell detaches and floats away
                    continue;
                }
                if (!c.infected() && !Double.isNaN(c.pendingInfectionHours) && c.pendingInfectionHours <= t) {
                    infect(c, c.pendingInfectionHours, c.pendingInfectedBy);
                }
                if (c.infected()) {
                    if (c.fate == CellFate.SPREADER && !c.lysed() && c.hpi(t) >= c.lysisHpi) {
                        c.lysisFrame = frame;
                        c.lysisHours = c.infectionHours + c.lysisHpi;
                        lysedNow.add(c);
                    }
                } else {
                    double mitosisStart = 1 - MITOSIS_HOURS / c.cycleHours;
                    double next = c.phase + dt / c.cycleHours;
                    if (crowded && c.phase < mitosisStart && next >= mitosisStart) {
                        // Contact inhibition: the cell waits in G2 instead of entering mitosis; cells already
                        // in mitosis finish it.
                        next = Math.max(c.phase, Math.min(next, G2_ARREST));
                    }
                    c.phase = next;
                    if (c.phase >= 1) {
                        it.remove();
                        divide(c, born);
                        continue;
                    }
                }
                move(c, dt);
            }
            cells.addAll(born);
            for (LiveCell dead : lysedNow) spread(dead);
            separate();
        }

        void divide(LiveCell mother, List<LiveCell> born) {
            double t = mother.random.nextDouble(Math.PI);
            double d = mother.g1Radius * 0.9;
            for (int k = -1; k <= 1; k += 2) {
                double x = clampX(mother.x + k * d * Math.cos(t));
                double y = clampY(mother.y + k * d * Math.sin(t));
                double g1 = mother.g1Radius * Seeds.logNormal(mother.random, 0.05);
                LiveCell c = newCell(mother.label, x, y, g1, 0);
                if (!Double.isNaN(mother.pendingInfectionHours)) {
                    c.pendingInfectionHours = mother.pendingInfectionHours;
                    c.pendingInfectedBy = mother.pendingInfectedBy;
                }
                born.add(c);
            }
        }

        void spread(LiveCell dead) {
            double radiusPx = settings.spreadRadiusUm() / pixelUm;
            for (LiveCell c : cells) {
                if (c == dead || c.infected() || !Double.isNaN(c.pendingInfectionHours)) continue;
                double d = Math.hypot(c.x - dead.x, c.y - dead.y);
                if (d >= radiusPx) continue;
                if (events.nextDouble() < settings.spreadProbability() * (1 - d / radiusPx)) {
                    c.pendingInfectionHours = dead.lysisHours + 1 + 3 * events.nextDouble();
                    c.pendingInfectedBy = dead.label;
                }
            }
        }

        void move(LiveCell c, double dt) {
            double step = settings.motilityUm() / pixelUm * Math.sqrt(dt);
            double drift = settings.driftUmPerHour() / pixelUm * dt;
            double speed = c.lysed() ? 0 : 1;
            c.x = clampX(c.x + speed * (drift * Math.cos(settings.driftAngle()) + step * c.random.nextGaussian()));
            c.y = clampY(c.y + speed * (drift * Math.sin(settings.driftAngle()) + step * c.random.nextGaussian()));
            c.angle += 0.15 * c.random.nextGaussian();
        }

        /** Pushes apart nuclei that overlap too much, so each stays visible and keeps its centre. */
        void separate() {
            double cellSize = field.meanRadiusPx() * 4;
            int gw = (int) Math.ceil(field.width() / cellSize) + 1;
            int gh = (int) Math.ceil(field.height() / cellSize) + 1;
            for (int pass = 0; pass < 2; pass++) {
                List<List<LiveCell>> grid = new ArrayList<>(gw * gh);
                for (int i = 0; i < gw * gh; i++) grid.add(new ArrayList<>(4));
                for (LiveCell c : cells) grid.get((int) (c.y / cellSize) * gw + (int) (c.x / cellSize)).add(c);
                for (LiveCell c : cells) {
                    int gx = (int) (c.x / cellSize);
                    int gy = (int) (c.y / cellSize);
                    double rc = c.g1Radius * 1.2;
                    for (int j = Math.max(0, gy - 1); j <= Math.min(gh - 1, gy + 1); j++) {
                        for (int i = Math.max(0, gx - 1); i <= Math.min(gw - 1, gx + 1); i++) {
                            for (LiveCell o : grid.get(j * gw + i)) {
                                if (o.id <= c.id) continue;
                                double dx = o.x - c.x;
                                double dy = o.y - c.y;
                                double d = Math.sqrt(dx * dx + dy * dy);
                                double min = 0.8 * (rc + o.g1Radius * 1.2);
                                if (d >= min) continue;
                                if (d < 1e-6) {
                                    dx = 1;
                                    dy = 0;
                                    d = 1;
                                }
                                double push = (min - d) / 2 / d;
                                c.x = clampX(c.x - dx * push);
                                c.y = clampY(c.y - dy * push);
                                o.x = clampX(o.x + dx * push);
                                o.y = clampY(o.y + dy * push);
                            }
                        }
                    }
                }
            }
        }

        double clampX(double v) {
            return reflect(v, field.width());
        }

        double clampY(double v) {
            return reflect(v, field.height());
        }
    }

    /** Reflects a coordinate back into [0, size): cells stay in view, so tracks never leave and return. */
    static double reflect(double v, int size) {
        double max = size - 1e-3;
        if (v < 0) v = -v;
        if (v >= max) v = 2 * max - v;
        return Math.max(0, Math.min(max, v));
    }

    private static double sq(double v) {
        return v * v;
    }
}
