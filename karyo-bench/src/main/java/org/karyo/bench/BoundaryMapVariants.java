package org.karyo.bench;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.learn.segment.LearnedNucleusSegmenter;
import org.karyo.segment.BoundaryMapSegmenter;
import org.karyo.segment.SegmentationScore;
import org.karyo.simulate.LiveCellSettings;
import org.karyo.simulate.LiveCellSimulator;
import org.karyo.simulate.TimelapseResult;
import org.karyo.track.DetectionExtractor;
import org.karyo.track.TrackedFrame;
import org.karyo.track.Tracker;
import org.karyo.track.TrackerSettings;
import org.karyo.track.score.CtcScorer;
import org.karyo.track.score.CtcScores;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which reading of a trained pixel classifier's maps tracks best? The network runs once per frame of a simulated test
 * movie; several {@link BoundaryMapSegmenter} settings (seed threshold, distance-transform splitting of joined
 * interiors) each segment the same maps and feed their own tracker, and each is scored with the CTC measures. Merged
 * nuclei (one object over two true ones) dominate the learned segmenter's tracking errors, and the seeds decide them.
 *
 * <p>Usage: {@code BoundaryMapVariants --load MODEL [--also MODEL]... [--size 1024] [--test-seed 3] [--variants 0.5:0,0.7:0,0.5:4] [--views none|flips|dihedral]}
 * (each variant: seed threshold : neck ratio, 0 = no splitting [: scale of the smallest object kept]); or {@code --images DIR --labels DIR} to score still images instead.
 */
public final class BoundaryMapVariants {
    private BoundaryMapVariants() {
    }

    /** Still images with label images of the same names: pooled and per-image mean F1 at IoU 0.5 per variant. */
    private static void stills(LearnedNucleusSegmenter model, Path images, Path labels, List<String> names,
                               List<BoundaryMapSegmenter> posts) throws Exception {
        List<org.karyo.app.LabelledImages.Pair> pairs = org.karyo.app.LabelledImages.read(images, labels);
        SegmentationScore[] pooled = new SegmentationScore[posts.size()];
        double[] mean = new double[posts.size()];
        java.util.Arrays.fill(pooled, SegmentationScore.empty());
        for (org.karyo.app.LabelledImages.Pair p : pairs) {
            float[][] maps = model.probabilities(p.image());
            for (int j = 0; j < posts.size(); j++) {
                LabelImage l = posts.get(j).segment(maps, p.image().width(), p.image().height());
                SegmentationScore sc = SegmentationScore.of(l, p.truth());
                pooled[j] = pooled[j].plus(sc);
                mean[j] += sc.f1() / pairs.size();
            }
        }
        System.out.printf(Locale.ROOT, "%d images in %s%n%n| reading of the maps | pooled F1 (IoU 0.5) | mean F1 per image | pooled mean AP |%n|---|---|---|---|%n",
                pairs.size(), images);
        for (int j = 0; j < posts.size(); j++) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", names.get(j), pooled[j].f1(), mean[j], pooled[j].meanAp());
        }
    }

    public static void main(String[] args) throws Exception {
        Path load = null;
        List<Path> others = new ArrayList<>();
        int size = 1024;
        long seed = 3;
        String variants = "0.5:0,0.5:0.5,0.5:0.7,0.5:0.85";
        Path images = null;
        Path labels = null;
        org.karyo.learn.infer.TestTimeViews views = org.karyo.learn.infer.TestTimeViews.NONE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--load" -> load = Path.of(args[++i]);
                case "--also" -> others.add(Path.of(args[++i]));
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--test-seed" -> seed = Long.parseLong(args[++i]);
                case "--variants" -> variants = args[++i];
                case "--images" -> images = Path.of(args[++i]);
                case "--labels" -> labels = Path.of(args[++i]);
                case "--views" -> views = org.karyo.learn.infer.TestTimeViews.parse(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (load == null) throw new IllegalArgumentException("--load MODEL is required");
        try (LearnedNucleusSegmenter model = LearnedNucleusSegmenter.load(load).views(views)) {
            LearnedNucleusSegmenter.Settings s = model.settings();
            List<String> names = new ArrayList<>();
            List<BoundaryMapSegmenter> posts = new ArrayList<>();
            for (String v : variants.split(",")) {
                String[] p = v.split(":");
                // An optional third field scales the smallest object kept (the model's: a fifth of the median nucleus).
                double minScale = p.length > 2 ? Double.parseDouble(p[2]) : 1;
                names.add("seed >= " + p[0] + (Double.parseDouble(p[1]) > 0 ? ", split at necks <= " + p[1] : "")
                        + (p.length > 2 ? ", smallest object x" + p[2] : ""));
                posts.add(new BoundaryMapSegmenter(Double.parseDouble(p[0]), s.minSeedPixels(),
                        (int) Math.round(s.minArea() * minScale), s.maxArea(), Double.parseDouble(p[1])));
            }
            if (images != null) {
                stills(model, images, labels, names, posts);
                return;
            }
            // With --also: every reading of the first model's maps, of each other model's and of their mean (an ensemble).
            List<LearnedNucleusSegmenter> ensemble = new ArrayList<>(List.of(model));
            for (Path o : others) ensemble.add(LearnedNucleusSegmenter.load(o).views(views));
            int readings = names.size();
            if (ensemble.size() > 1) {
                List<String> all = new ArrayList<>();
                for (int m = 0; m <= ensemble.size(); m++) {
                    String who = m < ensemble.size() ? "model " + (m + 1) : "mean of models";
                    for (int j = 0; j < readings; j++) all.add(who + ", " + names.get(j));
                }
                for (int m = 0; m < ensemble.size(); m++) posts.addAll(posts.subList(0, readings));
                names.clear();
                names.addAll(all);
            }
            int k = posts.size();
            Tracker[] trackers = new Tracker[k];
            CtcScorer[] scorers = new CtcScorer[k];
            SegmentationScore[] late = new SegmentationScore[k];
            for (int j = 0; j < k; j++) {
                trackers[j] = new Tracker(TrackerSettings.DEFAULTS);
                scorers[j] = new CtcScorer();
                late[j] = SegmentationScore.empty();
            }
            LiveCellSettings live = LiveCellSettings.defaults();
            live = live.withField(live.field().withSize(size, size));
            long t0 = System.nanoTime();
            TimelapseResult result = new LiveCellSimulator(live).run(seed, frame -> {
                Plane dna = frame.dna();
                List<float[][]> sources = new ArrayList<>();
                for (LearnedNucleusSegmenter m : ensemble) sources.add(m.probabilities(dna));
                if (ensemble.size() > 1) sources.add(mean(sources));
                for (int j = 0; j < k; j++) {
                    float[][] maps = sources.get(j / readings);
                    LabelImage l = posts.get(j).segment(maps, dna.width(), dna.height());
                    TrackedFrame tf = trackers[j].add(DetectionExtractor.extract(frame.index(), l, dna));
                    scorers[j].addFrame(frame.labels(), tf.relabel(l));
                    if (frame.index() >= 36) late[j] = late[j].plus(SegmentationScore.of(l, frame.labels()));
                }
            });
            System.out.printf(Locale.ROOT, "model %s, test movie seed %d at %dx%d, %d frames, %.0f s%n%n", load, seed, size, size,
                    live.frames(), (System.nanoTime() - t0) / 1e9);
            System.out.println("| reading of the maps | TRA | DET | SEG | F1 frames 36-54 | splits needed | false neg. | false pos. | edges added | edges deleted | wrong semantics |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (int j = 0; j < k; j++) {
                CtcScores c = scorers[j].score(result.tracks(), trackers[j].finish());
                System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.3f | %d | %d | %d | %d | %d | %d |%n", names.get(j), c.tra(), c.det(),
                        c.seg(), late[j].f1(), c.counts().splits(), c.counts().falseNegatives(), c.counts().falsePositives(),
                        c.counts().edgeAdditions(), c.counts().edgeDeletions(), c.counts().wrongSemantics());
            }
        }
    }

    private static float[][] mean(List<float[][]> maps) {
        float[][] out = new float[maps.get(0).length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = new float[maps.get(0)[c].length];
            for (float[][] m : maps) for (int i = 0; i < out[c].length; i++) out[c][i] += m[c][i] / maps.size();
        }
        return out;
    }
}
