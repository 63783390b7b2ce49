package org.karyo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.learn.segment.LearnedNucleusSegmenter;
import org.karyo.learn.segment.PixelClassifier;
import org.karyo.segment.NucleusSegmenter;
import org.karyo.segment.SegmentationScore;
import org.karyo.segment.SegmentationSettings;
import org.karyo.simulate.LiveCellSettings;
import org.karyo.simulate.LiveCellSimulator;
import org.karyo.simulate.TimelapseResult;
import org.karyo.track.DetectionExtractor;
import org.karyo.track.MergeSplitter;
import org.karyo.track.TrackedFrame;
import org.karyo.track.Tracker;
import org.karyo.track.TrackerSettings;
import org.karyo.track.score.CtcScorer;
import org.karyo.track.score.CtcScores;

/**
 * Does a learned pixel classifier (background / interior / boundary) segment crowded simulated nuclei
 * better than the classical segmenter, and does tracking gain from it? Trains on movies of some seeds,
 * then on a movie of another seed compares, frame by frame, segmentation F1 (IoU 0.5) and, over the
 * whole movie, the CTC TRA/DET/SEG of the tracker fed by each segmentation (both with merge splitting).
 *
 * <p>Usage: {@code LearnedSegmentationExperiment [--train-seeds 11,12] [--test-seed 2] [--size 512]
 * [--every 3] [--minutes 15] [--steps 4000] [--width 16] [--patch 96] [--batch 8] [--save FILE | --load FILE]}
 */
public final class LearnedSegmentationExperiment {
    private LearnedSegmentationExperiment() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> trainSeeds = List.of(11L, 12L);
        List<Long> testSeeds = List.of(2L);
        int testSize = 0;
        int size = 512;
        int every = 3;
        double minutes = 15;
        int steps = 4000;
        int width = 16;
        int fieldOfView = PixelClassifier.DEFAULT_FIELD_OF_VIEW;
        int patch = 96;
        int batch = 8;
        java.nio.file.Path save = null;
        java.nio.file.Path load = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train-seeds" -> {
                    List<Long> s = new ArrayList<>();
                    for (String v : args[++i].split(",")) s.add(Long.parseLong(v.trim()));
                    trainSeeds = s;
                }
                case "--test-seeds" -> {
                    List<Long> s = new ArrayList<>();
                    for (String v : args[++i].split(",")) s.add(Long.parseLong(v.trim()));
                    testSeeds = s;
                }
                case "--test-size" -> testSize = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--field-of-view" -> fieldOfView = Integer.parseInt(args[++i]);
                case "--patch" -> patch = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--save" -> save = java.nio.file.Path.of(args[++i]);
                case "--load" -> load = java.nio.file.Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        LiveCellSettings live = LiveCellSettings.defaults();
        live = live.withField(live.field().withSize(size, size));

        LearnedNucleusSegmenter learned;
        if (load != null) {
            learned = LearnedNucleusSegmenter.load(load);
            System.out.println("loaded " + load + " (" + learned.settings().trainedOn() + ")");
        } else {
            List<LearnedNucleusSegmenter.Example> examples = new ArrayList<>();
            final int everyFrame = every;
            for (long seed : trainSeeds) {
                new LiveCellSimulator(live).run(seed, frame -> {
                    if (frame.index() % everyFrame == 0) {
                        examples.add(new LearnedNucleusSegmenter.Example(frame.dna(), frame.labels()));
                    }
                });
            }
            System.out.printf(Locale.ROOT, "training frames: %d (seeds %s, every %d frames, %dx%d)%n", examples.size(),
                    trainSeeds, every, size, size);
            long t0 = System.nanoTime();
            int[] done = {0};
            learned = LearnedNucleusSegmenter.train(examples, new LearnedNucleusSegmenter.Training(width, fieldOfView, patch, batch,
                    steps, 2e-3, minutes, 7), "seeds " + trainSeeds + " at " + size + " px", (step, loss) -> {
                        done[0] = step;
                        if (step % 100 == 0) {
                            System.out.printf(Locale.ROOT, "step %d loss %.4f (%.1f s)%n", step, loss,
                                    (System.nanoTime() - t0) / 1e9);
                        }
                    });
            System.out.printf(Locale.ROOT, "trained %d steps of %d patches of %d px in %.0f s (width %d, receptive field %d px)%n",
                    done[0], batch, patch, (System.nanoTime() - t0) / 1e9, width, learned.settings().fieldOfView());
            if (save != null) learned.save(save);
        }

        int side = testSize > 0 ? testSize : size;
        LiveCellSettings test = live.withField(live.field().withSize(side, side));
        System.out.printf(Locale.ROOT, "%ntest movies: seeds %s at %dx%d, %d frames%n", testSeeds, side, side, test.frames());
        for (long testSeed : testSeeds) {
            NucleusSegmenter classical = new NucleusSegmenter(SegmentationSettings.DEFAULTS);
            TrackerSettings ts = TrackerSettings.DEFAULTS;
            Tracker[] trackers = {new Tracker(ts), new Tracker(ts), new Tracker(ts)};
            CtcScorer[] scorers = {new CtcScorer(), new CtcScorer(), new CtcScorer()};
            SegmentationScore[] late = {SegmentationScore.empty(), SegmentationScore.empty(), SegmentationScore.empty()};
            long[] nanos = {0, 0, 0};
            System.out.println();
            System.out.println("| frame | truth nuclei | classical F1 (IoU 0.5) | learned F1 | classical + merge split F1 | learned + merge split F1 |");
            System.out.println("|---|---|---|---|---|---|");
            final LearnedNucleusSegmenter model = learned;
            TimelapseResult result = new LiveCellSimulator(test).run(testSeed, frame -> {
                Plane dna = frame.dna();
                LabelImage truth = frame.labels();
                long a0 = System.nanoTime();
                LabelImage c = classical.segment(dna).labels();
                long a1 = System.nanoTime();
                LabelImage l = model.segment(dna);
                long a2 = System.nanoTime();
                nanos[0] += a1 - a0;
                nanos[1] += a2 - a1;
                nanos[2] += a2 - a1;
                LabelImage[] raw = {c, l, l};
                LabelImage[] split = new LabelImage[3];
                for (int k = 0; k < 3; k++) {
                    split[k] = k == 2 ? raw[k] : MergeSplitter.split(raw[k], trackers[k].expected());
                    TrackedFrame tf = trackers[k].add(DetectionExtractor.extract(frame.index(), split[k], dna));
                    scorers[k].addFrame(truth, tf.relabel(split[k]));
                    if (frame.index() >= 36) late[k] = late[k].plus(SegmentationScore.of(split[k], truth));
                }
                if (frame.index() % 9 == 0 || frame.index() == 54) {
                    System.out.printf(Locale.ROOT, "| %d | %d | %.3f | %.3f | %.3f | %.3f |%n", frame.index(), truth.count(),
                            SegmentationScore.of(c, truth).f1(), SegmentationScore.of(l, truth).f1(),
                            SegmentationScore.of(split[0], truth).f1(), SegmentationScore.of(split[1], truth).f1());
                }
            });
            System.out.println();
            System.out.println("| seed | segmentation | TRA | DET | SEG | F1 frames 36-54 (IoU 0.5) | segment s/frame |");
            System.out.println("|---|---|---|---|---|---|---|");
            String[] names = {"classical (defaults) + merge split", "learned + merge split", "learned, no merge split"};
            int frames = test.frames();
            for (int k = 0; k < 3; k++) {
                CtcScores s = scorers[k].score(result.tracks(), trackers[k].finish());
                System.out.printf(Locale.ROOT, "| %d | %s | %.4f | %.4f | %.4f | %.3f | %.2f |%n", testSeed, names[k], s.tra(), s.det(), s.seg(),
                        late[k].f1(), nanos[k] / 1e9 / frames);
            }
        }
        learned.close();
    }
}
