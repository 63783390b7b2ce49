package org.karyo.bench;

import org.karyo.image.LabelImage;
import org.karyo.io.timelapse.ChannelChoice;
import org.karyo.io.timelapse.CtcTruth;
import org.karyo.io.timelapse.LabelSeries;
import org.karyo.io.timelapse.Timelapse;
import org.karyo.io.timelapse.TimelapseFrame;
import org.karyo.track.DetectionExtractor;
import org.karyo.track.ExpectedNucleus;
import org.karyo.track.MergeSplitter;
import org.karyo.track.TrackedFrame;
import org.karyo.track.Tracker;
import org.karyo.track.TrackerSettings;
import org.karyo.track.score.AogmCounts;
import org.karyo.track.score.CtcScorer;
import org.karyo.track.score.CtcScores;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Re-tracks a simulated movie from a saved segmentation with each way of splitting merged objects, and scores each
 * against the truth. The saved segmentation is the masks folder of a {@code karyo track --no-split-merged} run (its
 * objects are the segmenter's, relabelled by track), so the segmenter runs once and each variant takes seconds.
 * With {@code claims}, the claimed objects are also sorted by what they are in the truth (merged or one nucleus) and
 * by whether each part of the split matches a truth nucleus; with {@code -Dkaryo.why=1}, the merged objects left unsplit
 * whose two nuclei were separate tracked objects the frame before are sorted by the check that kept them whole.
 * The {@code twoway-*} variants also run a tracker backwards in time over the segmentation first, whose claims
 * ask the next frames whether an object parts again (merges are mostly one frame long): split what both directions
 * claim ({@code and}), either ({@code or}), or only the backward one ({@code back}). {@code oracle} cuts every merged
 * object along the truth instead: what perfect merge handling would be worth; {@code oracle-kmeans} finds the same
 * objects but cuts them as the claims do, from the true nuclei's centres and areas; {@code oracle-window}
 * cuts only those whose nuclei lay in separate objects in the frames before and after (what a model of three frames
 * could know at best). {@code file} cuts the objects
 * listed in the file named by {@code -Dkaryo.claims} (lines "frame label x1 y1 area1 x2 y2 area2", e.g. from a merge
 * detector prototyped elsewhere) from the centres given; {@code file+claims} adds the tracker's own claims.
 *
 * <pre>MergeSplitExperiment MOVIE MASKS TRUTH_TRA VARIANT...   (variants: none, centres, claims, twoway-and, twoway-or, twoway-back, oracle, oracle-kmeans, oracle-window, file, file+claims)</pre>
 */
public final class MergeSplitExperiment {
    public static void main(String[] args) throws Exception {
        BenchArgs.requireAtLeast(args, 4, "MergeSplitExperiment MOVIE MASKS TRUTH_TRA none|centres|claims|twoway-and|twoway-or|twoway-back|oracle|oracle-kmeans|oracle-window|file|file+claims...");
        Timelapse movie = Timelapse.open(Path.of(args[0]), new ChannelChoice(1, 0, 0));
        LabelSeries masks = LabelSeries.open(Path.of(args[1]));
        CtcTruth truth = CtcTruth.open(Path.of(args[2]));
        for (int v = 3; v < args.length; v++) {
            String variant = args[v];
            long t0 = System.nanoTime();
            Tracker tracker = new Tracker(TrackerSettings.DEFAULTS);
            CtcScorer scorer = new CtcScorer();
            Map<String, Integer> claimKinds = new TreeMap<>();
            Map<Integer, Integer> firstSeen = new HashMap<>();
            LabelImage prevTracked = null;
            LabelImage prevTruth = null;
            Map<Integer, Map<Integer, List<ExpectedNucleus>>> fileClaims = variant.startsWith("file")
                    ? readClaims(Path.of(System.getProperty("karyo.claims"))) : Map.of();
            List<Map<Integer, List<ExpectedNucleus>>> back = variant.startsWith("twoway") ? backwardClaims(movie, masks) : null;
            for (int t = 0; t < movie.frames(); t++) {
                TimelapseFrame frame = movie.read(t);
                LabelImage objects = masks.read(t);
                LabelImage truthMask = truth.masks().read(t);
                LabelImage nuclei = switch (variant) {
                    case "none" -> objects;
                    case "centres" -> MergeSplitter.split(objects, tracker.expected());
                    case "claims" -> {
                        Map<Integer, List<ExpectedNucleus>> claims =
                                tracker.mergedObjects(DetectionExtractor.extract(t, objects, frame.dna()));
                        LabelImage split = MergeSplitter.splitObjects(objects, claims);
                        sortClaims(objects, split, truthMask, claims.keySet(), claimKinds);
                        yield split;
                    }
                    case "twoway-and", "twoway-or", "twoway-back" -> {
                        Map<Integer, List<ExpectedNucleus>> fwd =
                                tracker.mergedObjects(DetectionExtractor.extract(t, objects, frame.dna()));
                        Map<Integer, List<ExpectedNucleus>> bwd = back.get(t);
                        Map<Integer, List<ExpectedNucleus>> claims = new HashMap<>();
                        switch (variant) {
                            case "twoway-and" -> fwd.forEach((k, e) -> { if (bwd.containsKey(k)) claims.put(k, e); });
                            case "twoway-or" -> { claims.putAll(bwd); claims.putAll(fwd); }
                            default -> claims.putAll(bwd);
                        }
                        LabelImage split = MergeSplitter.splitObjects(objects, claims);
                        sortClaims(objects, split, truthMask, claims.keySet(), claimKinds);
                        yield split;
                    }
                    case "oracle" -> splitByTruth(objects, truthMask);
                    case "file", "file+claims" -> {
                        Map<Integer, List<ExpectedNucleus>> claims = new HashMap<>(fileClaims.getOrDefault(t, Map.of()));
                        if (variant.equals("file+claims")) {
                            claims.putAll(tracker.mergedObjects(DetectionExtractor.extract(t, objects, frame.dna())));
                        }
                        LabelImage split = MergeSplitter.splitObjects(objects, claims);
                        sortClaims(objects, split, truthMask, claims.keySet(), claimKinds);
                        yield split;
                    }
                    case "oracle-kmeans" -> MergeSplitter.splitObjects(objects, mergedByTruth(objects, truthMask));
                    case "oracle-window" -> {
                        // Only the merges a model seeing the frames before and after could know: every pair of its
                        // nuclei lay in different objects in both neighbouring frames.
                        Map<Integer, List<ExpectedNucleus>> merged = mergedByTruth(objects, truthMask);
                        if (t == 0 || t + 1 >= movie.frames()) merged.clear();
                        else {
                            Map<Integer, Integer> before = majority(truth.masks().read(t - 1), masks.read(t - 1));
                            Map<Integer, Integer> after = majority(truth.masks().read(t + 1), masks.read(t + 1));
                            merged.values().removeIf(pair -> !apartIn(pair, before) || !apartIn(pair, after));
                        }
                        yield MergeSplitter.splitObjects(objects, merged);
                    }
                    default -> throw new IllegalArgumentException("unknown variant " + variant);
                };
                TrackedFrame linked = tracker.add(DetectionExtractor.extract(t, nuclei, frame.dna()));
                LabelImage tracked = linked.relabel(nuclei);
                scorer.addFrame(truthMask, tracked);
                if (System.getProperty("karyo.why") != null && variant.equals("claims")) {
                    whyUnclaimed(prevTracked, prevTruth, objects, truthMask, tracked, firstSeen, t, claimKinds);
                    for (int i = 0; i < linked.detections().size(); i++) firstSeen.putIfAbsent(linked.trackId(i), t);
                    prevTracked = tracked;
                    prevTruth = truthMask;
                }
            }
            CtcScores s = scorer.score(truth.tracks(), tracker.finish());
            AogmCounts c = s.counts();
            System.out.printf(Locale.ROOT, "%-8s TRA %.4f DET %.4f SEG %.4f NS %d FN %d FP %d ED %d EA %d EC %d  %.0f s%n",
                    variant, s.tra(), s.det(), s.seg(), c.splits(), c.falseNegatives(), c.falsePositives(),
                    c.edgeDeletions(), c.edgeAdditions(), c.wrongSemantics(), (System.nanoTime() - t0) / 1e9);
            claimKinds.forEach((k, n) -> System.out.printf(Locale.ROOT, "         %6d claimed objects: %s%n", n, k));
        }
    }

    /**
     * An upper bound for merge handling: every object covering more than half of two or more truth nuclei is cut
     * along the truth (its other pixels go to the part of the nucleus they touch first in scan order, or stay).
     */
    private static LabelImage splitByTruth(LabelImage objects, LabelImage truth) {
        Map<Integer, Integer> objOf = majority(truth, objects);
        Map<Integer, Integer> count = new HashMap<>();
        objOf.values().forEach(o -> count.merge(o, 1, Integer::sum));
        int[] lab = objects.labels().clone();
        int[] g = truth.labels();
        int next = objects.count();
        Map<Long, Integer> partOf = new HashMap<>();
        for (int i = 0; i < lab.length; i++) {
            int o = lab[i];
            if (o == 0 || count.getOrDefault(o, 0) < 2 || g[i] == 0 || !Integer.valueOf(o).equals(objOf.get(g[i]))) continue;
            long key = (long) o << 32 | g[i];
            Integer p = partOf.get(key);
            if (p == null) {
                boolean first = partOf.keySet().stream().noneMatch(k -> (k >>> 32) == o);
                p = first ? o : ++next;
                partOf.put(key, p);
            }
            lab[i] = p;
        }
        return new LabelImage(objects.width(), objects.height(), lab, next);
    }

    /** Lines "frame label x1 y1 area1 x2 y2 area2": objects to cut in two from those centres. */
    private static Map<Integer, Map<Integer, List<ExpectedNucleus>>> readClaims(Path file) throws java.io.IOException {
        Map<Integer, Map<Integer, List<ExpectedNucleus>>> out = new HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8) continue;
            double[] v = java.util.Arrays.stream(f).mapToDouble(Double::parseDouble).toArray();
            out.computeIfAbsent((int) v[0], k -> new HashMap<>()).put((int) v[1], List.of(
                    new ExpectedNucleus(-1, v[2], v[3], v[4]), new ExpectedNucleus(-2, v[5], v[6], v[7])));
        }
        return out;
    }

    /** Objects covering more than half of two or more truth nuclei, with those nuclei's centres and areas. */
    private static Map<Integer, List<ExpectedNucleus>> mergedByTruth(LabelImage objects, LabelImage truth) {
        Map<Integer, Integer> objOf = majority(truth, objects);
        int[] g = truth.labels();
        int w = truth.width();
        Map<Integer, double[]> sums = new HashMap<>();
        for (int i = 0; i < g.length; i++) {
            if (g[i] == 0 || !objOf.containsKey(g[i])) continue;
            double[] a = sums.computeIfAbsent(g[i], k -> new double[3]);
            a[0] += i % w;
            a[1] += i / w;
            a[2]++;
        }
        Map<Integer, List<ExpectedNucleus>> out = new HashMap<>();
        objOf.forEach((nucleus, obj) -> {
            double[] a = sums.get(nucleus);
            out.computeIfAbsent(obj, k -> new java.util.ArrayList<>()).add(new ExpectedNucleus(nucleus, a[0] / a[2], a[1] / a[2], a[2]));
        });
        out.values().removeIf(l -> l.size() < 2);
        return out;
    }

    /** Whether every nucleus of the list had its own object (by majority), none shared, in the frame of {@code objectOf}. */
    private static boolean apartIn(List<ExpectedNucleus> nuclei, Map<Integer, Integer> objectOf) {
        Set<Integer> seen = new HashSet<>();
        for (ExpectedNucleus n : nuclei) {
            Integer o = objectOf.get(n.trackId());
            if (o == null || !seen.add(o)) return false;
        }
        return true;
    }

    /** The claims of a tracker run backwards in time over the saved segmentation, per frame (forward index). */
    private static List<Map<Integer, List<ExpectedNucleus>>> backwardClaims(Timelapse movie, LabelSeries masks) throws Exception {
        int n = movie.frames();
        List<Map<Integer, List<ExpectedNucleus>>> out = new java.util.ArrayList<>(java.util.Collections.nCopies(n, Map.of()));
        Tracker reverse = new Tracker(TrackerSettings.DEFAULTS);
        for (int r = 0; r < n; r++) {
            int t = n - 1 - r;
            TimelapseFrame frame = movie.read(t);
            LabelImage objects = masks.read(t);
            Map<Integer, List<ExpectedNucleus>> claims = reverse.mergedObjects(DetectionExtractor.extract(r, objects, frame.dna()));
            out.set(t, claims);
            reverse.add(DetectionExtractor.extract(r, MergeSplitter.splitObjects(objects, claims), frame.dna()));
        }
        return out;
    }

    /** For merged objects left unsplit whose nuclei were separate tracked objects the frame before: which check failed. */
    private static void whyUnclaimed(LabelImage prevTracked, LabelImage prevTruth, LabelImage objects, LabelImage truth,
                                     LabelImage tracked, Map<Integer, Integer> firstSeen, int t, Map<String, Integer> kinds) {
        if (prevTracked == null) return;
        Map<Integer, Integer> prevTrackOf = majority(prevTruth, prevTracked);
        Map<Integer, Integer> objOf = majority(truth, tracked);
        Map<Integer, List<Integer>> nucleiIn = new HashMap<>();
        objOf.forEach((nucleus, obj) -> nucleiIn.computeIfAbsent(obj, k -> new java.util.ArrayList<>()).add(nucleus));
        int[] prevArea = prevTracked.areas();
        int[] area = tracked.areas();
        Set<Integer> present = new HashSet<>();
        for (int v : tracked.labels()) present.add(v);
        double typical = median(prevArea);
        for (Map.Entry<Integer, List<Integer>> e : nucleiIn.entrySet()) {
            if (e.getValue().size() != 2) continue;
            Integer p = prevTrackOf.get(e.getValue().get(0));
            Integer q = prevTrackOf.get(e.getValue().get(1));
            if (p == null || q == null || p.equals(q)) continue;
            int obj = e.getKey();
            String why;
            int ap = prevArea[p];
            int aq = prevArea[q];
            int other = obj == p ? q : p;
            if (t - firstSeen.getOrDefault(p, t) < 3 || t - firstSeen.getOrDefault(q, t) < 3) why = "a track younger than 3 frames";
            else if (obj != p && obj != q) why = "neither track holds the object";
            else if (area[obj] < 1.3 * prevArea[other]) why = "object < 1.3 x the second track's area";
            else if (area[obj] / (double) (ap + aq) < 0.75 || area[obj] / (double) (ap + aq) > 1.35) why = "areas do not add up";
            else if (Math.min(ap, aq) < 0.3 * typical || Math.max(ap, aq) > 3.0 * Math.min(ap, aq)) why = "size checks";
            else why = present.contains(other) ? "second track linked elsewhere" : "second track unlinked (cost)";
            kinds.merge("unclaimed merge: " + why, 1, Integer::sum);
        }
    }

    private static double median(int[] areas) {
        int[] a = java.util.Arrays.stream(areas).skip(1).filter(v -> v > 0).sorted().toArray();
        return a.length == 0 ? 0 : a[a.length / 2];
    }

    /** Truth label -> the result label covering more than half of it. */
    private static Map<Integer, Integer> majority(LabelImage truth, LabelImage result) {
        int[] g = truth.labels();
        int[] r = result.labels();
        int[] ga = truth.areas();
        Map<Long, Integer> n = new HashMap<>();
        for (int i = 0; i < g.length; i++) if (g[i] != 0 && r[i] != 0) n.merge((long) g[i] << 32 | r[i], 1, Integer::sum);
        Map<Integer, Integer> out = new HashMap<>();
        n.forEach((k, c) -> {
            int gl = (int) (k >>> 32);
            if (2 * c > ga[gl]) out.put(gl, (int) (k & 0xffffffffL));
        });
        return out;
    }

    /** What each claimed object is in the truth (covers more than half of 2+, 1 or 0 nuclei) and how its split went. */
    private static void sortClaims(LabelImage before, LabelImage after, LabelImage truth, Set<Integer> claimed,
                                   Map<String, Integer> kinds) {
        int[] b = before.labels();
        int[] a = after.labels();
        int[] g = truth.labels();
        int[] truthArea = truth.areas();
        for (int obj : claimed) {
            Map<Integer, Integer> cover = new HashMap<>();
            Map<Long, Integer> partCover = new HashMap<>();
            Set<Integer> parts = new HashSet<>();
            for (int i = 0; i < b.length; i++) {
                if (b[i] != obj) continue;
                parts.add(a[i]);
                if (g[i] == 0) continue;
                cover.merge(g[i], 1, Integer::sum);
                partCover.merge((long) a[i] << 32 | g[i], 1, Integer::sum);
            }
            long nuclei = cover.entrySet().stream().filter(e -> 2 * e.getValue() > truthArea[e.getKey()]).count();
            long goodParts = partCover.entrySet().stream()
                    .filter(e -> 2 * e.getValue() > truthArea[(int) (e.getKey() & 0xffffffffL)])
                    .map(e -> e.getKey() >>> 32).distinct().count();
            String kind = (nuclei >= 2 ? "merged nuclei" : nuclei == 1 ? "one nucleus" : "no nucleus")
                    + (parts.size() < 2 ? ", not split" : ", split, parts matching a nucleus " + goodParts + "/" + parts.size());
            kinds.merge(kind, 1, Integer::sum);
        }
    }
}
