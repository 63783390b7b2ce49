package org.karyo.bench;

import org.karyo.image.LabelImage;
import org.karyo.segment.NucleusSegmenter;
import org.karyo.segment.SegmentationSettings;
import org.karyo.simulate.LiveCellSettings;
import org.karyo.simulate.LiveCellSimulator;
import org.karyo.simulate.TimelapseResult;
import org.karyo.track.DetectionExtractor;
import org.karyo.track.MergeSplitter;
import org.karyo.track.TrackedFrame;
import org.karyo.track.Tracker;
import org.karyo.track.TrackerSettings;
import org.karyo.track.score.AogmCounts;
import org.karyo.track.score.CtcScorer;
import org.karyo.track.score.CtcScores;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tracking accuracy on simulated 4-day movies with exact truth: (a) the tracker alone, on the truth
 * segmentation, and (b) the whole pipeline, segmenting the Hoechst channel first. Prints a Markdown table with
 * CTC TRA, DET and SEG, the AOGM edit counts, time per frame and heap. Frames stream from the simulator, so
 * nothing is written to disk. A main class, not a test.
 *
 * <p>Usage: {@code TrackingBenchmark [--size 1024] [--frames 55] [--seeds 1,2,3] [--max-gap 2] [--no-divisions]
 * [--truth-only] [--drifts AREA,INTENSITY (Infinity,Infinity: last values)] [--division-slack S (0: off)]
 * [--division-chain-depth N (1: the neighbour only)] [--division-origin-weight W (0: off)]
 * [--bright-side-sigma S (0: off)]}
 */
public final class TrackingBenchmark {
    private TrackingBenchmark() {
    }

    private static final class Run {
        final String name;
        final Tracker tracker;
        final CtcScorer scorer = new CtcScorer();
        long nanos;

        Run(String name, TrackerSettings settings) {
            this.name = name;
            this.tracker = new Tracker(settings);
        }
    }

    public static void main(String[] args) throws Exception {
        int size = 1024;
        int frames = 55;
        List<Long> seeds = List.of(1L, 2L, 3L);
        TrackerSettings settings = TrackerSettings.DEFAULTS;
        boolean truthOnly = false;
        boolean[] splitMerged = {true};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--seeds" -> {
                    List<Long> s = new ArrayList<>();
                    for (String v : args[++i].split(",")) s.add(Long.parseLong(v.trim()));
                    seeds = s;
                }
                case "--max-gap" -> settings = settings.withMaxGap(Integer.parseInt(args[++i]));
                case "--no-link-cost" -> settings = settings.withNoLinkCost(Double.parseDouble(args[++i]));
                case "--division-cost" -> settings = settings.withDivisionCost(Double.parseDouble(args[++i]));
                case "--sigmas" -> {
                    String[] v = args[++i].split(",");
                    settings = settings.withSigmas(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]));
                }
                case "--intensity-term" -> {
                    String[] wc = args[++i].split(",");
                    settings = settings.withIntensityTerm(Double.parseDouble(wc[0]), Double.parseDouble(wc[1]));
                }
                case "--drifts" -> {
                    String[] v = args[++i].split(",");
                    settings = settings.withDrifts(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
                }
                case "--division-slack" -> settings = settings.withDivisionSlack(Double.parseDouble(args[++i]));
                case "--division-chain-depth" -> settings = settings.withDivisionChainDepth(Integer.parseInt(args[++i]));
                case "--division-origin-weight" -> settings = settings.withDivisionOriginWeight(Double.parseDouble(args[++i]));
                case "--bright-side-sigma" -> settings = settings.withBrightSideSigma(Double.parseDouble(args[++i]));
                case "--no-divisions" -> settings = settings.withDivisions(false);
                case "--truth-only" -> truthOnly = true;
                case "--no-split-merged" -> splitMerged[0] = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "%dx%d, %d frames, %s, %d cores, max heap %d MB%n%n", size, size, frames,
                settings, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| seed | input | truth nuclei | TRA | DET | SEG | NS | FN | FP | ED | EA | EC | track ms/frame | segment ms/frame | tracks (truth) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        LiveCellSettings live = LiveCellSettings.defaults();
        live = live.withField(live.field().withSize(size, size)).withFrames(frames, live.intervalHours());
        NucleusSegmenter segmenter = new NucleusSegmenter(SegmentationSettings.DEFAULTS);
        long peakHeap = 0;
        final int lastFrame = frames - 1;
        for (long seed : seeds) {
            Run onTruth = new Run("truth segmentation", settings);
            Run full = truthOnly ? null : new Run("segmented (full pipeline)", settings);
            long[] segNanos = {0};
            long[] peak = {0};
            TimelapseResult result = new LiveCellSimulator(live).run(seed, frame -> {
                LabelImage truth = frame.labels();
                long t0 = System.nanoTime();
                TrackedFrame a = onTruth.tracker.add(DetectionExtractor.extract(frame.index(), truth, frame.dna()));
                LabelImage aMask = a.relabel(truth);
                onTruth.nanos += System.nanoTime() - t0;
                onTruth.scorer.addFrame(truth, aMask);
                if (full != null) {
                    long s0 = System.nanoTime();
                    LabelImage seg = segmenter.segment(frame.dna()).labels();
                    if (splitMerged[0]) seg = MergeSplitter.split(seg, full.tracker.expected());
                    long s1 = System.nanoTime();
                    segNanos[0] += s1 - s0;
                    TrackedFrame b = full.tracker.add(DetectionExtractor.extract(frame.index(), seg, frame.dna()));
                    LabelImage bMask = b.relabel(seg);
                    full.nanos += System.nanoTime() - s1;
                    full.scorer.addFrame(truth, bMask);
                }
                if (frame.index() % 10 == 9 || frame.index() == lastFrame) {
                    Runtime rt = Runtime.getRuntime();
                    peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                }
            });
            peakHeap = Math.max(peakHeap, peak[0]);
            for (Run r : full == null ? List.of(onTruth) : List.of(onTruth, full)) {
                var tracks = r.tracker.finish();
                CtcScores s = r.scorer.score(result.tracks(), tracks);
                AogmCounts c = s.counts();
                System.out.printf(Locale.ROOT, "| %d | %s | %d | %.4f | %.4f | %.4f | %d | %d | %d | %d | %d | %d | %.1f | %s | %d (%d) |%n",
                        seed, r.name, c.truthNodes(), s.tra(), s.det(), s.seg(), c.splits(), c.falseNegatives(),
                        c.falsePositives(), c.edgeDeletions(), c.edgeAdditions(), c.wrongSemantics(),
                        r.nanos / 1e6 / frames, r == full ? String.format(Locale.ROOT, "%.0f", segNanos[0] / 1e6 / frames) : "-",
                        tracks.size(), result.tracks().size());
            }
        }
        System.out.printf(Locale.ROOT, "%nheap in use (sampled every 10 frames and at the last; simulator, segmenter and garbage included): peak %d MB%n", peakHeap >> 20);
    }
}
