package org.karyo.bench;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.learn.segment.LearnedNucleusSegmenter;
import org.karyo.segment.BoundaryClasses;
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
 * <p>Usage: {@code BoundaryMapVariants --load MODEL [--size 1024] [--test-seed 3] [--variants 0.5:0,0.7:0,0.5:4]}
 * (each variant: seed threshold : core split radius in pixels, 0 = off).
 */
public final class BoundaryMapVariants {
    private BoundaryMapVariants() {
    }

    public static void main(String[] args) throws Exception {
        Path load = null;
        int size = 1024;
        long seed = 3;
        String variants = "0.5:0,0.6:0,0.7:0,0.8:0,0.5:3,0.5:5";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--load" -> load = Path.of(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--test-seed" -> seed = Long.parseLong(args[++i]);
                case "--variants" -> variants = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (load == null) throw new IllegalArgumentException("--load MODEL is required");
        try (LearnedNucleusSegmenter model = LearnedNucleusSegmenter.load(load)) {
            LearnedNucleusSegmenter.Settings s = model.settings();
            List<String> names = new ArrayList<>();
            List<BoundaryMapSegmenter> posts = new ArrayList<>();
            for (String v : variants.split(",")) {
                String[] p = v.split(":");
                names.add("seed >= " + p[0] + (Integer.parseInt(p[1]) > 0 ? ", cores split at " + p[1] + " px" : ""));
                posts.add(new BoundaryMapSegmenter(Double.parseDouble(p[0]), s.minSeedPixels(), s.minArea(), s.maxArea(),
                        Integer.parseInt(p[1])));
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
                float[][] maps = model.probabilities(dna);
                for (int j = 0; j < k; j++) {
                    LabelImage l = posts.get(j).segment(maps[BoundaryClasses.BACKGROUND], maps[BoundaryClasses.INTERIOR],
                            dna.width(), dna.height());
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
}
