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
 * by whether each part of the split matches a truth nucleus.
 *
 * <pre>MergeSplitExperiment MOVIE MASKS TRUTH_TRA VARIANT...   (variants: none, centres, claims)</pre>
 */
public final class MergeSplitExperiment {
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: MergeSplitExperiment MOVIE MASKS TRUTH_TRA none|centres|claims...");
            System.exit(2);
        }
        Timelapse movie = Timelapse.open(Path.of(args[0]), new ChannelChoice(1, 0, 0));
        LabelSeries masks = LabelSeries.open(Path.of(args[1]));
        CtcTruth truth = CtcTruth.open(Path.of(args[2]));
        for (int v = 3; v < args.length; v++) {
            String variant = args[v];
            long t0 = System.nanoTime();
            Tracker tracker = new Tracker(TrackerSettings.DEFAULTS);
            CtcScorer scorer = new CtcScorer();
            Map<String, Integer> claimKinds = new TreeMap<>();
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
                    default -> throw new IllegalArgumentException("unknown variant " + variant);
                };
                TrackedFrame linked = tracker.add(DetectionExtractor.extract(t, nuclei, frame.dna()));
                scorer.addFrame(truthMask, linked.relabel(nuclei));
            }
            CtcScores s = scorer.score(truth.tracks(), tracker.finish());
            AogmCounts c = s.counts();
            System.out.printf(Locale.ROOT, "%-8s TRA %.4f DET %.4f SEG %.4f NS %d FN %d FP %d ED %d EA %d EC %d  %.0f s%n",
                    variant, s.tra(), s.det(), s.seg(), c.splits(), c.falseNegatives(), c.falsePositives(),
                    c.edgeDeletions(), c.edgeAdditions(), c.wrongSemantics(), (System.nanoTime() - t0) / 1e9);
            claimKinds.forEach((k, n) -> System.out.printf(Locale.ROOT, "         %6d claimed objects: %s%n", n, k));
        }
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
