package org.karyo.track;

import org.karyo.simulate.Track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Links nuclei frame by frame into Cell Tracking Challenge tracks, one frame at a time.
 *
 * <p>Each new frame is linked to the tracks seen in the last {@code maxGap + 1} frames by one optimal
 * assignment ({@link SparseLinker}) on displacement (after the field's drift), area change and DNA intensity
 * change, with a "no link" alternative for every track and nucleus. Motion scale and drift are re-estimated
 * from each frame's confident links, so the costs adapt to how fast the cells move. A track linked over a
 * gap, or that divides, ends; its continuation or daughters start new tracks with it as parent, as the CTC
 * format requires (a track is present in every frame from begin to end). Divisions are found after the
 * assignment: a track whose nucleus became two (one linked, one new; or both new) whose midpoint sits where
 * the mother was and whose areas fit the mother's.
 *
 * <p>Memory: the live tracks (a few numbers each) and the finished track records; no label images.
 */
public final class Tracker {
    /** Cost of a second track sharing an object, on top of its distance term (see {@link #mergedObjects}). */
    static final double MERGE_PENALTY = 4;
    /** A change of ln(area) beyond this restarts a track's area estimate (a nucleus cut in two, a daughter). */
    static final double AREA_RESET = 0.4;
    /** A change of ln(brightness) beyond this restarts a track's brightness estimate (mitosis: ×2–3). */
    static final double INTENSITY_RESET = 0.3;
    /** Frames a track must have been followed before it may claim a share of an object. */
    static final int MERGE_MIN_AGE = 3;
    /** The smaller of two claimants must be at least this share of a typical nucleus's area. */
    static final double MERGE_MIN_SHARE = 0.3;
    /** The larger of two claimants may be at most this many times the smaller. */
    static final double MERGE_MAX_RATIO = 3;
    /** Centre distance of two claimants over the sum of their radii: touching nuclei about 1, halves of one 0.6. */
    static final double MERGE_MIN_SEPARATION = 0.8;
    private final TrackerSettings settings;
    private final List<LiveTrack> active = new ArrayList<>();
    private final List<Track> finished = new ArrayList<>();
    private int nextId = 1;
    private int frame;
    private double diameter = Double.NaN;
    private double motionVar = Double.NaN;
    private double driftX;
    private double driftY;
    /** Brightness level (ln) of the frame being linked and of the last frame linked; the first frame's is 0. */
    private double level;
    private double lastLevel;
    /** ln of the median nucleus brightness of the frame being linked and of the last one (NaN: too few nuclei). */
    private double logMedian = Double.NaN;
    private double lastLogMedian = Double.NaN;
    private final BrightSideTally brightSides = new BrightSideTally();

    public Tracker(TrackerSettings settings) {
        this.settings = settings;
    }

    private final class LiveTrack {
        final int id;
        final int begin;
        final int parent;
        int last;
        double x;
        double y;
        double area;
        double intensity;
        /** The frame's brightness level when this track was last seen (see {@link #brightnessLevel}). */
        double levelAtLast;
        Detection lastSeen;
        boolean ended;
        /** Smoothed ln(area) and ln(brightness) after the frame's level: what a new nucleus is compared with. */
        final AppearanceLevel lnArea;
        final AppearanceLevel lnBrightness;

        LiveTrack(int id, int begin, int parent, Detection d, double level) {
            this.id = id;
            this.begin = begin;
            this.parent = parent;
            this.last = d.frame();
            lnArea = new AppearanceLevel(Math.log(d.area()));
            lnBrightness = new AppearanceLevel(lnBrightness(d, level));
            move(d, level);
        }

        void move(Detection d, double level) {
            int gap = d.frame() - last;
            if (gap > 0) {
                lnArea.update(Math.log(d.area()), gap, settings.areaDrift(), AREA_RESET);
                lnBrightness.update(lnBrightness(d, level), gap, settings.intensityDrift(), INTENSITY_RESET);
            }
            levelAtLast = level;
            last = d.frame();
            x = d.x();
            y = d.y();
            area = d.area();
            intensity = d.dnaMean();
            lastSeen = d;
        }
    }

    /** Number of frames linked so far. */
    public int frames() {
        return frame;
    }

    /** Motion sd per axis per frame (pixels) currently assumed; NaN before the first frame. */
    public double motionSigma() {
        return Math.sqrt(motionVar);
    }

    /**
     * The nuclei the live tracks expect in the next frame: tracks seen within the last {@code maxGap + 1}
     * frames, at their last centre moved by the field's drift.
     */
    public List<ExpectedNucleus> expected() {
        List<ExpectedNucleus> out = new ArrayList<>();
        for (LiveTrack t : active) {
            if (t.ended || frame - t.last > settings.maxGap() + 1) continue;
            int g = frame - t.last;
            out.add(new ExpectedNucleus(t.id, t.x + driftX * g, t.y + driftY * g, t.area));
        }
        return out;
    }

    /**
     * Links the next frame. Detections must all carry the next frame index (0, 1, 2, ...) and distinct labels.
     */
    public TrackedFrame add(List<Detection> detections) {
        for (Detection d : detections) {
            if (d.frame() != frame) {
                throw new IllegalArgumentException("expected detections of frame " + frame + ", got frame " + d.frame());
            }
        }
        if (Double.isNaN(diameter) && !detections.isEmpty()) initScale(detections);
        level = brightnessLevel(detections);
        int m = detections.size();
        LinkProblem problem = linkProblem(detections);
        List<LiveTrack> sources = problem.sources();
        int n = sources.size();
        double gate = problem.gate();
        TargetGrid grid = problem.grid();
        int[] targetOf = SparseLinker.link(noLink(n, n), noLink(m, m), problem.candidates());
        int[] sourceOf = new int[m];
        Arrays.fill(sourceOf, -1);
        for (int s = 0; s < n; s++) if (targetOf[s] >= 0) sourceOf[targetOf[s]] = s;

        int[] trackIds = new int[m];
        int[] parents = new int[m];
        if (settings.divisions()) divide(sources, targetOf, sourceOf, detections, grid, gate, trackIds, parents);
        updateMotion(sources, targetOf, detections);
        tallyBrightSides(sources, targetOf, detections, grid);
        for (int s = 0; s < n; s++) {
            int j = targetOf[s];
            LiveTrack t = sources.get(s);
            // A mother that divided into two other nuclei gives up its own link; that nucleus starts a track.
            if (j < 0 || trackIds[j] != 0 || t.ended) continue;
            if (frame - t.last == 1) {
                t.move(detections.get(j), level);
                trackIds[j] = t.id;
                parents[j] = t.parent;
            } else {
                // A link over a gap continues as a new track whose parent is the interrupted one (CTC rule).
                t.ended = true;
                trackIds[j] = start(detections.get(j), t.id);
                parents[j] = t.id;
            }
        }
        for (int j = 0; j < m; j++) {
            if (trackIds[j] == 0) trackIds[j] = start(detections.get(j), 0);
        }
        lastLevel = level;
        lastLogMedian = logMedian;
        frame++;
        retire();
        return new TrackedFrame(frame - 1, detections, trackIds, parents);
    }

    /** The tracks that may link to the next frame, its detections binned for search, and the candidate links. */
    private record LinkProblem(List<LiveTrack> sources, TargetGrid grid, double gate,
                               List<SparseLinker.Candidate> candidates) {
    }

    private LinkProblem linkProblem(List<Detection> detections) {
        List<LiveTrack> sources = new ArrayList<>();
        for (LiveTrack t : active) if (!t.ended && frame - t.last <= settings.maxGap() + 1) sources.add(t);
        double gate = gate();
        TargetGrid grid = new TargetGrid(detections, gate * Math.sqrt(settings.maxGap() + 1.0));
        return new LinkProblem(sources, grid, gate, candidates(sources, detections, grid, gate));
    }

    /** "No link" costs: half the no-link cost for the first {@code charged} entries, 0 for the rest. */
    private double[] noLink(int size, int charged) {
        double[] c = new double[size];
        Arrays.fill(c, 0, charged, settings.noLinkCost() / 2);
        return c;
    }

    private List<SparseLinker.Candidate> candidates(List<LiveTrack> sources, List<Detection> detections,
                                                    TargetGrid grid, double gate) {
        List<SparseLinker.Candidate> candidates = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            LiveTrack t = sources.get(s);
            int g = frame - t.last;
            double px = t.x + driftX * g;
            double py = t.y + driftY * g;
            double r = gate * Math.sqrt(g);
            for (int j : grid.near(px, py, r)) {
                Detection d = detections.get(j);
                double dx = d.x() - px;
                double dy = d.y() - py;
                double d2 = dx * dx + dy * dy;
                if (d2 > r * r) continue;
                double c = linkCost(t, d, d2, g);
                if (c < settings.noLinkCost()) candidates.add(new SparseLinker.Candidate(s, j, c));
            }
        }
        return candidates;
    }

    /**
     * Objects of the next frame that look like two tracked nuclei the segmenter merged, for {@link
     * MergeSplitter#splitObjects}. One trial assignment in which every object may also take a second track, at a
     * fixed penalty plus the distance from that track's expected centre to the object's inner half, if the object
     * is at least 1.3 times that track's area; an object that ends up with two tracks is returned when their areas
     * together match its own (0.75-1.35) and they look like two nuclei rather than the two pieces of one nucleus
     * cut in two by the segmenter (pieces are small, unequal and close together; see the MERGE_ constants: on
     * learned-segmenter output claimed objects were single nuclei twice as often as merges before these checks).
     * Tracks followed fewer than {@link #MERGE_MIN_AGE} frames or missing in the last frame do not claim. Why an
     * assignment and not "the expected centre lies inside the object": a nucleus moves about half its diameter per
     * frame in the simulated movies, so expected centres land in neighbours, and in the track of an unsplit learned
     * segmentation (seed 5) two or more centres fell inside 4,889 single-nucleus objects against 538 merged ones.
     * Changes nothing; returns object label to the two tracks' expected nuclei.
     */
    public java.util.Map<Integer, List<ExpectedNucleus>> mergedObjects(List<Detection> detections) {
        java.util.Map<Integer, List<ExpectedNucleus>> out = new java.util.HashMap<>();
        if (Double.isNaN(diameter) || detections.isEmpty()) return out;
        level = brightnessLevel(detections);
        LinkProblem problem = linkProblem(detections);
        List<LiveTrack> sources = problem.sources();
        List<SparseLinker.Candidate> candidates = new ArrayList<>(problem.candidates());
        int m = detections.size();
        int n = sources.size();
        for (int s = 0; s < n; s++) {
            LiveTrack t = sources.get(s);
            if (frame - t.last != 1 || frame - t.begin < MERGE_MIN_AGE) continue;
            double px = t.x + driftX;
            double py = t.y + driftY;
            for (int j : problem.grid().near(px, py, problem.gate())) {
                Detection d = detections.get(j);
                if (d.area() < 1.3 * t.area) continue;
                double reach = Math.max(0, Math.hypot(d.x() - px, d.y() - py) - 0.5 * Math.sqrt(d.area() / Math.PI));
                double c = MERGE_PENALTY + reach * reach / (2 * motionVar);
                if (t.intensity > 0 && d.dnaMean() > 0) {
                    c += heavyTail(brightnessChange(t, d) / settings.intensitySigma());
                }
                if (c < settings.noLinkCost()) candidates.add(new SparseLinker.Candidate(s, m + j, c));
            }
        }
        // A second slot left empty costs nothing.
        int[] targetOf = SparseLinker.link(noLink(n, n), noLink(2 * m, m), candidates);
        int[] first = new int[m];
        int[] second = new int[m];
        Arrays.fill(first, -1);
        Arrays.fill(second, -1);
        for (int s = 0; s < n; s++) {
            int j = targetOf[s];
            if (j < 0) continue;
            if (j < m) first[j] = s;
            else second[j - m] = s;
        }
        for (int j = 0; j < m; j++) {
            if (first[j] < 0 || second[j] < 0) continue;
            LiveTrack a = sources.get(first[j]);
            LiveTrack b = sources.get(second[j]);
            if (frame - a.last != 1) continue;
            double ratio = detections.get(j).area() / (a.area + b.area);
            if (ratio < 0.75 || ratio > 1.35) continue;
            // The pieces of one nucleus cut in two are small, unequal and closer than two touching nuclei.
            double typical = Math.PI * diameter * diameter / 4;
            if (Math.min(a.area, b.area) < MERGE_MIN_SHARE * typical) continue;
            if (Math.max(a.area, b.area) > MERGE_MAX_RATIO * Math.min(a.area, b.area)) continue;
            double sep = Math.hypot(a.x - b.x, a.y - b.y) / (Math.sqrt(a.area / Math.PI) + Math.sqrt(b.area / Math.PI));
            if (sep < MERGE_MIN_SEPARATION) continue;
            out.put(detections.get(j).label(), List.of(
                    new ExpectedNucleus(a.id, a.x + driftX, a.y + driftY, a.area),
                    new ExpectedNucleus(b.id, b.x + driftX, b.y + driftY, b.area)));
        }
        return out;
    }

    /** How much the bright side of a nucleus changed along this movie's links and differed between neighbours. */
    public BrightSideTally brightSides() {
        return brightSides;
    }

    /** Before the tracks move: each one-frame link's bright-side change, and each nucleus's to its nearest neighbour. */
    private void tallyBrightSides(List<LiveTrack> sources, int[] targetOf, List<Detection> detections, TargetGrid grid) {
        for (int s = 0; s < sources.size(); s++) {
            LiveTrack t = sources.get(s);
            if (targetOf[s] >= 0 && frame - t.last == 1) brightSides.addLink(t.lastSeen.brightSideDistance(detections.get(targetOf[s])));
        }
        if (Double.isNaN(diameter)) return;
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j : grid.near(d.x(), d.y(), 2 * diameter)) {
                double dist = Math.hypot(detections.get(j).x() - d.x(), detections.get(j).y() - d.y());
                if (j != i && dist < best) {
                    best = dist;
                    nearest = j;
                }
            }
            if (nearest >= 0) brightSides.addNeighbours(d.brightSideDistance(detections.get(nearest)));
        }
    }

    /** Ends every track and returns all tracks, ordered by id. */
    public List<Track> finish() {
        for (LiveTrack t : active) finished.add(new Track(t.id, t.begin, t.last, t.parent));
        active.clear();
        finished.sort(Comparator.comparingInt(Track::label));
        return List.copyOf(finished);
    }

    private int start(Detection d, int parent) {
        LiveTrack t = new LiveTrack(nextId++, d.frame(), parent, d, level);
        active.add(t);
        return t.id;
    }

    private void retire() {
        List<LiveTrack> keep = new ArrayList<>(active.size());
        for (LiveTrack t : active) {
            if (t.ended || frame - t.last > settings.maxGap() + 1) finished.add(new Track(t.id, t.begin, t.last, t.parent));
            else keep.add(t);
        }
        active.clear();
        active.addAll(keep);
    }

    private void initScale(List<Detection> detections) {
        double[] dia = new double[detections.size()];
        for (int i = 0; i < dia.length; i++) dia[i] = detections.get(i).diameter();
        diameter = median(dia);
        double sigma = diameter / 2;
        motionVar = sigma * sigma;
    }

    /**
     * The frame's brightness level: the last frame's plus the change of the median nucleus brightness between
     * them. Bleaching, or lamp and focus changes, dim or brighten every nucleus of a frame alike, and a link
     * compares a nucleus with its track after removing that. With fewer than {@link #LEVEL_MIN_NUCLEI} nuclei in
     * either frame the median could follow one nucleus entering mitosis, so the level is kept.
     */
    private double brightnessLevel(List<Detection> detections) {
        double[] v = detections.stream().mapToDouble(Detection::dnaMean).filter(b -> b > 0).toArray();
        logMedian = v.length < LEVEL_MIN_NUCLEI ? Double.NaN : Math.log(median(v));
        if (Double.isNaN(logMedian) || Double.isNaN(lastLogMedian)) return lastLevel;
        return lastLevel + logMedian - lastLogMedian;
    }

    /** ln(brightness ratio) of a nucleus to its track's estimate, after the change of the whole frame's level. */
    private double brightnessChange(LiveTrack t, Detection d) {
        return lnBrightness(d, level) - t.lnBrightness.value();
    }

    /** ln of a nucleus's mean DNA brightness relative to its frame's level; NaN without a DNA image. */
    private static double lnBrightness(Detection d, double level) {
        return d.dnaMean() > 0 ? Math.log(d.dnaMean()) - level : Double.NaN;
    }

    private double gate() {
        if (settings.maxDistance() > 0) return settings.maxDistance();
        return Math.max(2 * diameter, 5 * Math.sqrt(motionVar));
    }

    private double linkCost(LiveTrack t, Detection d, double d2, int gap) {
        double c = d2 / (2 * motionVar * gap);
        double areaSd = settings.areaSigma() * t.lnArea.spread(gap, settings.areaDrift());
        c += heavyTail((Math.log(d.area()) - t.lnArea.value()) / areaSd);
        if (t.intensity > 0 && d.dnaMean() > 0) {
            double brightnessSd = settings.intensitySigma() * t.lnBrightness.spread(gap, settings.intensityDrift());
            double z = brightnessChange(t, d) / brightnessSd;
            c += Math.min(settings.intensityCap(), settings.intensityWeight() * heavyTail(z));
        }
        c += heavyTail(t.lastSeen.shapeDistance(d) / (settings.shapeSigma() * Math.sqrt(gap)));
        double side = t.lastSeen.brightSideDistance(d);
        if (settings.brightSideSigma() > 0 && Double.isFinite(side)) {
            c += heavyTail(side / (settings.brightSideSigma() * Math.sqrt(gap)));
        }
        double reporter = Math.log(d.mean(1) / t.lastSeen.mean(1));
        if (settings.reporterSigma() > 0 && Double.isFinite(reporter)) {
            c += heavyTail(reporter / (settings.reporterSigma() * Math.sqrt(gap)));
        }
        return c + (gap - 1) * settings.gapCost();
    }

    /**
     * Negative log-likelihood of a Student-t (3 degrees of freedom) for a z-score: quadratic for small changes,
     * logarithmic for large ones, because a nucleus entering mitosis changes area and brightness by far more
     * than the usual spread, and one such change should not outweigh the whole displacement term.
     */
    /** Fewest nuclei in a frame to measure its brightness level from. */
    static final int LEVEL_MIN_NUCLEI = 30;

    static double heavyTail(double z) {
        return 2 * Math.log1p(z * z / 3);
    }

    /**
     * Finds divisions among this frame's links and leftovers, best first; marks daughters with new track ids.
     */
    private void divide(List<LiveTrack> sources, int[] targetOf, int[] sourceOf, List<Detection> detections,
                        TargetGrid grid, double gate, int[] trackIds, int[] parents) {
        record Split(int source, int a, int b, double cost) {
        }
        List<Split> splits = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            LiveTrack t = sources.get(s);
            if (frame - t.last != 1) continue;
            double px = t.x + driftX;
            double py = t.y + driftY;
            List<Integer> free = new ArrayList<>();
            List<Integer> taken = new ArrayList<>();
            for (int j : grid.near(px, py, gate)) {
                if (sourceOf[j] < 0) free.add(j);
                else if (sourceOf[j] != s && frame - sources.get(sourceOf[j]).last == 1) taken.add(j);
            }
            int linked = targetOf[s];
            if (settings.divisionSlack() > 0) {
                // A neighbour's link as the second daughter: tried in the loop below, at the neighbour's expense.
                for (int b : taken) {
                    if (linked >= 0) splits.add(new Split(s, linked, b, divisionCost(t, detections.get(linked), detections.get(b))));
                    for (int a : free) splits.add(new Split(s, a, b, divisionCost(t, detections.get(a), detections.get(b))));
                }
            }
            if (free.isEmpty()) continue;
            if (linked >= 0) {
                for (int b : free) splits.add(new Split(s, linked, b, divisionCost(t, detections.get(linked), detections.get(b))));
            }
            for (int i = 0; i < free.size(); i++) {
                for (int k = i + 1; k < free.size(); k++) {
                    int a = free.get(i);
                    int b = free.get(k);
                    splits.add(new Split(s, a, b, divisionCost(t, detections.get(a), detections.get(b))));
                }
            }
        }
        splits.sort(Comparator.comparingDouble(Split::cost));
        boolean[] sourceUsed = new boolean[sources.size()];
        for (Split sp : splits) {
            if (sp.cost > settings.divisionCost()) break;
            if (sourceUsed[sp.source] || trackIds[sp.a] != 0 || trackIds[sp.b] != 0) continue;
            if (sourceOf[sp.a] >= 0 && sourceOf[sp.a] != sp.source) continue;
            if (sourceOf[sp.b] >= 0 && sourceOf[sp.b] != sp.source
                    && !relinkElsewhere(sources, sp.source, sourceOf[sp.b], sp.b, sp.a, targetOf, sourceOf, detections, grid, gate,
                    trackIds, sp.cost)) {
                continue;
            }
            sourceUsed[sp.source] = true;
            LiveTrack mother = sources.get(sp.source);
            mother.ended = true;
            trackIds[sp.a] = start(detections.get(sp.a), mother.id);
            parents[sp.a] = mother.id;
            trackIds[sp.b] = start(detections.get(sp.b), mother.id);
            parents[sp.b] = mother.id;
        }
    }

    /**
     * Moves track {@code n} off nucleus {@code b} when that costs at most {@code divisionSlack} in all, plus what the
     * division's cost leaves below {@code divisionCost}, so that
     * {@code b} can be a dividing neighbour's second daughter: to a free nucleus, or to one another track holds,
     * which then moves on in turn (up to {@code divisionChainDepth} tracks). The assignment does not see divisions
     * (they are found after it), so a neighbour next to a division often takes the second daughter, which is small
     * and close, while its own nucleus is nearly as cheap and left free, or taken by the next neighbour; on
     * simulated movies that was a fifth of the daughters.
     */
    private boolean relinkElsewhere(List<LiveTrack> sources, int mother, int n, int b, int a, int[] targetOf,
                                    int[] sourceOf, List<Detection> detections, TargetGrid grid, double gate,
                                    int[] trackIds, double divisionCost) {
        if (settings.divisionSlack() == 0) return false; // 0: a neighbour's link is never given up
        // A division that fits better than the acceptance threshold may cost its neighbours that much more.
        double budget = settings.divisionSlack() + Math.max(0, settings.divisionCost() - divisionCost);
        ChainSearch search = new ChainSearch(sources, targetOf, sourceOf, detections, grid, gate, trackIds, mother, a, b,
                budget);
        search.from(n, b, 0, settings.divisionChainDepth(), new int[0], new int[0]);
        if (search.bestTracks == null) return false;
        sourceOf[b] = -1;
        for (int i = 0; i < search.bestTracks.length; i++) {
            targetOf[search.bestTracks[i]] = search.bestNuclei[i];
            sourceOf[search.bestNuclei[i]] = search.bestTracks[i];
        }
        return true;
    }

    /**
     * The cheapest way to free nucleus {@code b} for a division: its track moves to another nucleus, and when that
     * one is held too, its track moves on, up to {@code depth} tracks, ending at a free nucleus. Costs are link
     * costs minus the links given up; a chain costing more than the budget is not taken.
     */
    private final class ChainSearch {
        final List<LiveTrack> sources;
        final int[] targetOf;
        final int[] sourceOf;
        final List<Detection> detections;
        final TargetGrid grid;
        final double gate;
        final int[] trackIds;
        final int mother;
        final int a;
        final int b;
        double best;
        int[] bestTracks;
        int[] bestNuclei;

        ChainSearch(List<LiveTrack> sources, int[] targetOf, int[] sourceOf, List<Detection> detections, TargetGrid grid,
                    double gate, int[] trackIds, int mother, int a, int b, double budget) {
            this.sources = sources;
            this.targetOf = targetOf;
            this.sourceOf = sourceOf;
            this.detections = detections;
            this.grid = grid;
            this.gate = gate;
            this.trackIds = trackIds;
            this.mother = mother;
            this.a = a;
            this.b = b;
            this.best = budget;
        }

        void from(int n, int leaving, double spent, int depth, int[] tracks, int[] nuclei) {
            LiveTrack t = sources.get(n);
            int g = frame - t.last;
            double px = t.x + driftX * g;
            double py = t.y + driftY * g;
            double r = gate * Math.sqrt(g);
            Detection held = detections.get(leaving);
            double current = linkCost(t, held, square(held.x() - px) + square(held.y() - py), g);
            for (int j : grid.near(px, py, r)) {
                if (j == a || j == b || j == leaving || trackIds[j] != 0 || contains(nuclei, j)) continue;
                Detection d = detections.get(j);
                double d2 = square(d.x() - px) + square(d.y() - py);
                if (d2 > r * r) continue;
                double cost = spent + linkCost(t, d, d2, g) - current;
                int[] nextTracks = append(tracks, n);
                int[] nextNuclei = append(nuclei, j);
                if (sourceOf[j] < 0) {
                    if (cost <= best) {
                        best = cost;
                        bestTracks = nextTracks;
                        bestNuclei = nextNuclei;
                    }
                } else if (depth > 1 && cost < best + settings.noLinkCost() / 2) {
                    // Later moves may win some cost back (a track moving to a nucleus it fits better), rarely more
                    // than a track start costs: the bound keeps the search small.
                    int owner = sourceOf[j];
                    if (owner == mother || contains(nextTracks, owner) || targetOf[owner] != j) continue;
                    from(owner, j, cost, depth - 1, nextTracks, nextNuclei);
                }
            }
        }
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) if (x == v) return true;
        return false;
    }

    private static int[] append(int[] values, int v) {
        int[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = v;
        return out;
    }

    private static double square(double v) {
        return v * v;
    }

    /**
     * Daughters part symmetrically about where the mother was and end up touching: their midpoint is close to
     * the mother's last centre (within {@code divisionSpread} nucleus diameters), they are about one daughter
     * diameter apart ({@code daughterSeparation}) and alike in area. Measured on simulated divisions: midpoint
     * 1.1 px from the mother (median, p95 4 px at 19 px diameters), separation 0.98 diameters (p5-p95
     * 0.93-1.22), |ln area ratio| 0.12 (p95 0.55).
     */
    private double divisionCost(LiveTrack mother, Detection a, Detection b) {
        double mx = (a.x() + b.x()) / 2 - (mother.x + driftX);
        double my = (a.y() + b.y()) / 2 - (mother.y + driftY);
        double spread = settings.divisionSpread() * diameter;
        double c = (mx * mx + my * my) / (2 * spread * spread);
        c += heavyTail(Math.log((double) a.area() / b.area()) / 0.2);
        double daughterDiameter = 2 * Math.sqrt((a.area() + b.area()) / (2 * Math.PI));
        double sep = Math.hypot(a.x() - b.x(), a.y() - b.y()) / daughterDiameter;
        c += heavyTail(Math.log(Math.max(sep, 0.05) / settings.daughterSeparation()) / 0.1);
        if (settings.divisionOriginWeight() > 0) c += settings.divisionOriginWeight() * originCost(mother, a, b);
        return c;
    }

    /** Daughters' areas add up to about this much of the mother's last area (median 1.11 on simulated divisions). */
    static final double DAUGHTER_AREA_SUM = 1.12;
    /** Typical spread of ln(daughters' area sum / mother's area) (simulated divisions: p10-p90 0.99-1.31). */
    static final double DAUGHTER_AREA_SIGMA = 0.12;
    /** Daughters at most this bright relative to their mother mean she was caught in mitosis. */
    static final double MITOTIC_DIMMING = 0.8;

    /**
     * A nucleus divides in one of two ways a frame apart: caught in mitosis (condensed, so its daughters are dimmer
     * and together larger than it was), or not (daughters together about its area and as bright). A pair that
     * fits neither, as bright as the mother and much larger together, is most often a neighbour or a piece of a
     * nucleus the segmenter cut, not a daughter. The cost is the better of the two explanations.
     */
    private double originCost(LiveTrack mother, Detection a, Detection b) {
        double areaSum = heavyTail(Math.log((a.area() + b.area()) / (DAUGHTER_AREA_SUM * mother.area)) / DAUGHTER_AREA_SIGMA);
        return Math.min(areaSum, mitoticCost(mother, a, b));
    }

    /** 0 when the daughters are clearly dimmer than the mother (after the frame's level), rising as they are not. */
    private double mitoticCost(LiveTrack mother, Detection a, Detection b) {
        if (!(mother.intensity > 0 && a.dnaMean() > 0 && b.dnaMean() > 0)) return 0;
        double daughters = (a.dnaMean() * a.area() + b.dnaMean() * b.area()) / (a.area() + b.area());
        double change = Math.log(daughters) - level - (Math.log(mother.intensity) - mother.levelAtLast);
        double excess = change - Math.log(MITOTIC_DIMMING);
        return excess > 0 ? heavyTail(excess / 0.1) : 0;
    }

    /** Re-estimates drift and motion scale from this frame's one-frame links (medians: robust to bad links). */
    private void updateMotion(List<LiveTrack> sources, int[] targetOf, List<Detection> detections) {
        List<double[]> steps = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            LiveTrack t = sources.get(s);
            int j = targetOf[s];
            if (j < 0 || frame - t.last != 1) continue;
            Detection d = detections.get(j);
            steps.add(new double[]{d.x() - t.x, d.y() - t.y});
        }
        if (steps.size() < 5) return;
        double[] dx = new double[steps.size()];
        double[] dy = new double[steps.size()];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = steps.get(i)[0];
            dy[i] = steps.get(i)[1];
        }
        double mx = median(dx);
        double my = median(dy);
        double[] r2 = new double[dx.length];
        for (int i = 0; i < r2.length; i++) r2[i] = (dx[i] - mx) * (dx[i] - mx) + (dy[i] - my) * (dy[i] - my);
        // Per-axis variance of a 2-D Gaussian step: median of r² is 2 ln 2 σ².
        double var = median(r2) / (2 * Math.log(2));
        double w = Math.min(0.5, steps.size() / 100.0);
        driftX = (1 - w) * driftX + w * mx;
        driftY = (1 - w) * driftY + w * my;
        motionVar = Math.max(1, (1 - w) * motionVar + w * var);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Detections binned on a square grid, to find the ones near a point without scanning all. */
    private static final class TargetGrid {
        private final List<Detection> detections;
        private final double cell;
        private final java.util.Map<Long, List<Integer>> bins = new java.util.HashMap<>();

        TargetGrid(List<Detection> detections, double cell) {
            this.detections = detections;
            this.cell = Math.max(cell, 1);
            for (int j = 0; j < detections.size(); j++) {
                Detection d = detections.get(j);
                bins.computeIfAbsent(key((long) Math.floor(d.x() / this.cell), (long) Math.floor(d.y() / this.cell)),
                        k -> new ArrayList<>()).add(j);
            }
        }

        List<Integer> near(double x, double y, double r) {
            List<Integer> out = new ArrayList<>();
            long x0 = (long) Math.floor((x - r) / cell);
            long x1 = (long) Math.floor((x + r) / cell);
            long y0 = (long) Math.floor((y - r) / cell);
            long y1 = (long) Math.floor((y + r) / cell);
            for (long gy = y0; gy <= y1; gy++) {
                for (long gx = x0; gx <= x1; gx++) {
                    List<Integer> b = bins.get(key(gx, gy));
                    if (b == null) continue;
                    for (int j : b) {
                        Detection d = detections.get(j);
                        double dx = d.x() - x;
                        double dy = d.y() - y;
                        if (dx * dx + dy * dy <= r * r) out.add(j);
                    }
                }
            }
            return out;
        }

        private static long key(long gx, long gy) {
            return gx * 1_000_003L + gy;
        }
    }
}
