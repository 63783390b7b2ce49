package org.karyo.fate;

import org.karyo.label.ThresholdFinder;
import org.karyo.label.ThresholdMethod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls each track spreader, nonspreader or uninfected from its reporter and propidium iodide (PI) series.
 *
 * <p>Infection is the reporter's onset, lysis the PI's onset (see {@link Onset}: a run of consecutive frames above
 * the cut). A daughter inherits its mother's history: its reporter series is the mother's (and grandmother's...)
 * followed by its own, so a cell infected before it divided has both daughters infected, at the mother's onset time,
 * and an onset that straddles the division is still seen as one run. PI is read in the track's own frames only:
 * a cell that divided did not lyse. A spreader needs the reporter on no later than PI (a dead uninfected cell takes
 * up PI too, and stays uninfected). An infected mother that divided is a spreader when any of its descendants lysed,
 * else a nonspreader.
 */
public final class FateCaller {
    private final FateSettings settings;

    public FateCaller(FateSettings settings) {
        this.settings = settings;
    }

    /**
     * The settings with both cuts fixed at what {@link #call} would find on these tracks: several fields (wells) get
     * one cut, so a well without infection is not split into two classes by a threshold of its own.
     */
    public FateSettings resolve(List<TrackSeries> tracks) {
        double[] rep = Cut.of(tracks, TrackSeries::reporter, settings, settings.reporterThreshold(), false);
        double[] pi = Cut.of(tracks, TrackSeries::pi, settings, settings.piThreshold(), true);
        return settings.withThresholds(rep[0], pi[0]);
    }

    /** @param overrides fates set by hand, by track id (may be empty); they replace the calls of those tracks */
    public FateCalls call(List<TrackSeries> tracks, Map<Integer, Fate> overrides) {
        Map<Integer, TrackSeries> byId = new HashMap<>();
        for (TrackSeries t : tracks) {
            if (byId.put(t.trackId(), t) != null) throw new IllegalArgumentException("track " + t.trackId() + " appears twice");
        }
        double[] rep = Cut.of(tracks, TrackSeries::reporter, settings, settings.reporterThreshold(), false);
        double[] pi = Cut.of(tracks, TrackSeries::pi, settings, settings.piThreshold(), true);
        Map<Integer, ParentLink> links = settings.checkParentLinks()
                ? ParentLinkCheck.check(tracks, rep[0], pi[0], settings.persistence()) : Map.of();
        Map<Integer, Integer> trackerRoot = new HashMap<>();
        Map<Integer, Integer> trackerParent = new HashMap<>();
        for (TrackSeries t : tracks) {
            trackerRoot.put(t.trackId(), lineage(t, byId).get(0).trackId());
            trackerParent.put(t.trackId(), t.parent());
        }
        // A doubted link is cut for the call: the child is a cell of its own, its parent a cell whose track ended.
        List<TrackSeries> believed = new ArrayList<>(tracks.size());
        for (TrackSeries t : tracks) {
            boolean cut = links.getOrDefault(t.trackId(), ParentLink.TRUSTED) != ParentLink.TRUSTED;
            TrackSeries b = cut ? new TrackSeries(t.trackId(), 0, t.frames(), t.hours(), t.area(), t.dna(), t.reporter(), t.pi()) : t;
            believed.add(b);
            byId.put(b.trackId(), b);
        }
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (TrackSeries t : believed) {
            if (t.parent() != 0 && byId.containsKey(t.parent())) {
                children.computeIfAbsent(t.parent(), k -> new ArrayList<>()).add(t.trackId());
            }
        }
        Map<Integer, FateCall> own = new HashMap<>();
        for (TrackSeries t : believed) own.put(t.trackId(), callOwn(t, byId, rep[0], pi[0]));
        int lastFrame = tracks.stream().mapToInt(TrackSeries::lastFrame).max().orElse(0);
        Map<Integer, Boolean> lost = new HashMap<>();
        List<FateCall> out = new ArrayList<>();
        for (TrackSeries t : believed.stream().sorted(Comparator.comparingInt(TrackSeries::trackId)).toList()) {
            FateCall c = own.get(t.trackId());
            List<Integer> kids = children.getOrDefault(t.trackId(), List.of());
            if (!kids.isEmpty()) {
                if (c.fate() == Fate.UNINFECTED) c = onsetSeenInDaughters(c, kids, own);
                if (c.fate() == Fate.NONSPREADER) c = fromDaughters(c, kids, children, own);
            }
            if (c.fate() == Fate.NONSPREADER) c = c.withLost(lostToFollowUp(t, byId, children, own, lastFrame, rep[0], lost));
            Fate manual = overrides.get(t.trackId());
            if (manual != null) c = c.overridden(manual);
            out.add(c.withLineage(trackerParent.get(t.trackId()), trackerRoot.get(t.trackId()), links.getOrDefault(t.trackId(), ParentLink.TRUSTED)));
        }
        return new FateCalls(out, rep[0], pi[0], rep[1], pi[1]);
    }

    private FateCall callOwn(TrackSeries t, Map<Integer, TrackSeries> byId, double repCut, double piCut) {
        List<TrackSeries> lineage = lineage(t, byId);
        int n = lineage.stream().mapToInt(TrackSeries::size).sum();
        double[] reporter = new double[n];
        double[] hours = new double[n];
        int[] frames = new int[n];
        int k = 0;
        for (TrackSeries s : lineage) {
            System.arraycopy(s.reporter(), 0, reporter, k, s.size());
            System.arraycopy(s.hours(), 0, hours, k, s.size());
            System.arraycopy(s.frames(), 0, frames, k, s.size());
            k += s.size();
        }
        int ownStart = n - t.size();
        int inf = Onset.sustained(reporter, repCut, settings.persistence());
        int lys = Onset.first(t.pi(), piCut, settings.persistence());
        boolean infected = inf >= 0;
        boolean lysed = lys >= 0;
        double infectionHours = infected ? hours[inf] : Double.NaN;
        double lysisHours = lysed ? t.hours()[lys] : Double.NaN;
        Fate fate = !infected ? Fate.UNINFECTED
                : lysed && t.frames()[lys] >= frames[inf] ? Fate.SPREADER : Fate.NONSPREADER;
        double followed = infected ? t.lastHours() - infectionHours : Double.NaN;
        return new FateCall(t.trackId(), t.parent(), lineage.get(0).trackId(), fate, fate, FateCall.Source.SERIES,
                infectionHours, lysisHours, infected ? frames[inf] : -1, lysed ? t.frames()[lys] : -1,
                t.firstFrame(), t.lastFrame(), t.size(), infected && inf < ownStart, followed, ParentLink.TRUSTED, false);
    }

    /**
     * Whether an unlysed infected track's cell was lost before the movie ended: its own track ended early, its last
     * frame has the reporter dark, or its reporter jumped after the onset (the tracker moved on to another nucleus),
     * or, for a mother, all her daughters' were lost.
     */
    private boolean lostToFollowUp(TrackSeries t, Map<Integer, TrackSeries> byId, Map<Integer, List<Integer>> children,
                                   Map<Integer, FateCall> own, int lastFrame, double repCut, Map<Integer, Boolean> memo) {
        Boolean known = memo.get(t.trackId());
        if (known != null) return known;
        List<Integer> kids = children.getOrDefault(t.trackId(), List.of());
        boolean lost;
        if (kids.isEmpty()) {
            // One dark frame is enough: the reporter does not fade, and a switch in the movie's last frame (common in
            // crowded late frames) has no later frames to persist in. Curated tracks lose 1-3 of ~400 infected cells to
            // it; raw-frame tracker output stops counting dozens of tracks that ended on an uninfected neighbour.
            double end = t.reporter()[t.size() - 1];
            lost = t.lastFrame() < lastFrame || (!Double.isNaN(end) && !(end > repCut))
                    || switched(t, own.get(t.trackId()).infectionFrame());
        } else {
            lost = true;
            for (int k : kids) lost &= lostToFollowUp(byId.get(k), byId, children, own, lastFrame, repCut, memo);
        }
        memo.put(t.trackId(), lost);
        return lost;
    }

    /**
     * A reporter step after the onset larger than the switch factor, between two runs of {@code persistence} frames
     * (every frame after it beyond the factor from every frame before it): one cell's reporter rises over hours and
     * does not fade, while a tracker that moves on to a neighbour picks up that neighbour's level at once. A step that
     * returns the next frame (a merged object, a brief swap) is not a switch.
     */
    private boolean switched(TrackSeries t, int onsetFrame) {
        double f = settings.switchFactor();
        if (f == 0) return false;
        double[] r = t.reporter();
        int p = settings.persistence();
        for (int i = p; i + p <= t.size(); i++) {
            if (t.frames()[i - p] < onsetFrame) continue;
            double beforeLo = Double.POSITIVE_INFINITY, beforeHi = 0, afterLo = Double.POSITIVE_INFINITY, afterHi = 0;
            for (int k = 0; k < p; k++) {
                beforeLo = Math.min(beforeLo, r[i - p + k]);
                beforeHi = Math.max(beforeHi, r[i - p + k]);
                afterLo = Math.min(afterLo, r[i + k]);
                afterHi = Math.max(afterHi, r[i + k]);
            }
            if (!(beforeLo > 0 && afterLo > 0)) continue;
            if (afterLo > f * beforeHi || afterHi * f < beforeLo) return true;
        }
        return false;
    }

    /** Ancestors first, the track itself last; stops at a missing parent or a loop. */
    private static List<TrackSeries> lineage(TrackSeries t, Map<Integer, TrackSeries> byId) {
        List<TrackSeries> chain = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (TrackSeries s = t; s != null && seen.add(s.trackId()); s = byId.get(s.parent())) chain.add(0, s);
        return chain;
    }

    /**
     * A reporter run that starts in the mother's last frames and goes on in her daughters is her infection too,
     * though too short in her own frames to count.
     */
    private static FateCall onsetSeenInDaughters(FateCall mother, List<Integer> kids, Map<Integer, FateCall> own) {
        FateCall first = null;
        for (int id : kids) {
            FateCall d = own.get(id);
            if (d.inherited() && d.infectionFrame() >= mother.firstFrame() && d.infectionFrame() <= mother.lastFrame()
                    && (first == null || d.infectionFrame() < first.infectionFrame())) {
                first = d;
            }
        }
        if (first == null) return mother;
        return new FateCall(mother.trackId(), mother.parent(), mother.root(), Fate.NONSPREADER, Fate.NONSPREADER,
                FateCall.Source.DAUGHTERS, first.infectionHours(), mother.lysisHours(), first.infectionFrame(),
                mother.lysisFrame(), mother.firstFrame(), mother.lastFrame(), mother.frames(), false, Double.NaN, ParentLink.TRUSTED, false);
    }

    private static FateCall fromDaughters(FateCall mother, List<Integer> kids, Map<Integer, List<Integer>> children,
                                          Map<Integer, FateCall> own) {
        boolean spread = false;
        double followed = mother.followedHours();
        List<Integer> todo = new ArrayList<>(kids);
        Set<Integer> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            int id = todo.remove(todo.size() - 1);
            if (!seen.add(id)) continue;
            FateCall d = own.get(id);
            spread |= d.fate() == Fate.SPREADER;
            if (Double.isFinite(d.followedHours())) followed = Math.max(followed, d.followedHours());
            todo.addAll(children.getOrDefault(id, List.of()));
        }
        Fate f = spread ? Fate.SPREADER : Fate.NONSPREADER;
        return new FateCall(mother.trackId(), mother.parent(), mother.root(), f, f, FateCall.Source.DAUGHTERS,
                mother.infectionHours(), mother.lysisHours(), mother.infectionFrame(), mother.lysisFrame(),
                mother.firstFrame(), mother.lastFrame(), mother.frames(), mother.inherited(), followed, ParentLink.TRUSTED, false);
    }

    /**
     * A channel's cut: given, or found on one value per track, its sustained peak (the highest level held for
     * {@code persistence} frames in a row). Per frame, a signal held for two frames (PI in a lysed cell) is a few in
     * ten thousand values and Otsu splits the background instead; per track the positive class is a few percent
     * and single-frame spikes are gone already. Returns {cut, separation}.
     */
    private static final class Cut {
        static double[] of(List<TrackSeries> tracks, java.util.function.Function<TrackSeries, double[]> channel,
                           FateSettings s, double given, boolean rareMinority) {
            List<Double> all = new ArrayList<>();
            for (TrackSeries t : tracks) {
                double peak = sustainedPeak(channel.apply(t), s.persistence());
                if (Double.isFinite(peak)) all.add(peak);
            }
            double[] v = all.stream().mapToDouble(Double::doubleValue).toArray();
            if (Double.isFinite(given)) return new double[] {given, ThresholdFinder.separation(v, given)};
            if (v.length < 2) return new double[] {Double.POSITIVE_INFINITY, 0};
            double min = Double.POSITIVE_INFINITY;
            for (double x : v) min = Math.min(min, x);
            // Log of the value above the dimmest one: camera offsets make raw values never reach zero.
            double shift = min - 1;
            double[] scaled = v.clone();
            if (s.logScale()) for (int i = 0; i < scaled.length; i++) scaled[i] = Math.log(scaled[i] - shift);
            double cut = s.method() == ThresholdMethod.MIXTURE ? ThresholdFinder.mixture(scaled) : ThresholdFinder.otsu(scaled);
            double sep = ThresholdFinder.separation(scaled, cut);
            double raw = s.logScale() ? Math.exp(cut) + shift : cut;
            // When hardly any track is positive (no lysis yet, a mock well) the values are one group, and on the log
            // scale its dim tail looks like a second one: Otsu then cuts inside the background and calls most tracks
            // lysed. Lysed tracks are always a minority (a track ends soon after its lysis), so for PI a positive must
            // stand clear of where most tracks sit. Not for the reporter: at a high MOI most tracks are infected.
            return new double[] {rareMinority ? Math.max(raw, bulkCeiling(v)) : raw, sep};
        }

        /** Median plus {@link #BULK_SIGMAS} robust standard deviations (1.4826 x MAD) of the per-track values. */
        static double bulkCeiling(double[] v) {
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            double[] dev = new double[v.length];
            for (int i = 0; i < v.length; i++) dev[i] = Math.abs(v[i] - median);
            java.util.Arrays.sort(dev);
            return median + BULK_SIGMAS * 1.4826 * dev[dev.length / 2];
        }

        /** Six robust sd: a Gaussian background crosses it about once in a billion tracks. */
        static final double BULK_SIGMAS = 6;
    }

    /** The largest minimum over {@code n} consecutive values; NaN when the series is shorter or has no finite run. */
    static double sustainedPeak(double[] v, int n) {
        double best = Double.NaN;
        for (int i = 0; i + n <= v.length; i++) {
            double m = Double.POSITIVE_INFINITY;
            for (int j = i; j < i + n; j++) m = Double.isNaN(v[j]) ? Double.NaN : Math.min(m, v[j]);
            if (!Double.isNaN(m) && !(m <= best)) best = m;
        }
        return best;
    }
}
