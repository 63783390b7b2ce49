package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.NucleusMeasurer;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.AtomicFiles;
import org.karyo.io.PngWriter;
import org.karyo.io.timelapse.ChannelChoice;
import org.karyo.io.timelapse.CtcResultWriter;
import org.karyo.io.timelapse.CtcTruth;
import org.karyo.io.timelapse.LabelSeries;
import org.karyo.io.timelapse.Timelapse;
import org.karyo.io.timelapse.TimelapseFrame;
import org.karyo.render.OutlineOverlay;
import org.karyo.render.RgbImage;
import org.karyo.render.TrackPaths;
import org.karyo.simulate.Track;
import org.karyo.track.BrightSideTally;
import org.karyo.track.Detection;
import org.karyo.track.DetectionExtractor;
import org.karyo.track.MergeSplitter;
import org.karyo.track.TrackedFrame;
import org.karyo.track.Tracker;
import org.karyo.track.TrackerSettings;
import org.karyo.track.score.AogmCounts;
import org.karyo.track.score.CtcScorer;
import org.karyo.track.score.CtcScores;
import org.karyo.track.score.LineagePurity;
import org.karyo.track.score.TrackTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

/** 'karyo track': follow nuclei through a time-lapse and write Cell Tracking Challenge results plus a track table. */
@Command(name = "track", mixinStandardHelpOptions = true,
        description = {
                "Track nuclei through a live-cell time-lapse, frame by frame.",
                "INPUT is a folder of IXM TimePoint_<n>/ sub-folders (one site; channels by number, w1 = 1), a Cell Tracking",
                "Challenge folder of tNNN.tif, or one multi-frame TIFF (ImageJ hyperstack, or plain pages = frames).",
                "Each frame is segmented (or its labels read from --labels), nuclei are linked to the previous frames by optimal",
                "assignment on displacement, area, brightness and shape (and reporter brightness, given --reporter-channel),",
                "gaps of up to --max-gap frames are closed, and divisions",
                "start two daughter tracks (two nuclei where one was, either dimmer than it, as after a mitosis, or together",
                "its size). Writes into --out:",
                "  tracks.csv      track_id,parent,frame,hours,nucleus_id,x,y,area,dna_mean,reporter_mean,pi_mean,dna_cv,dna_rim_ratio,dna_p90_ratio,dna_bright_fraction",
                "                  (one row per track per frame; frame 0-based; x = column, y = row; parent 0 = none;",
                "                  reporter/pi empty when not given)",
                "  maskNNN.tif     16-bit label images, label = track id",
                "  res_track.txt   'L B E P' per track (Cell Tracking Challenge): a track linked over a gap continues as a new",
                "                  track whose parent is the interrupted one, so a parent with one child is a gap, not a division",
                "  tracks.png      the last frame with each track's path over its last --path-frames frames, coloured by",
                "                  lineage (daughters fork from their mother), and the nuclei outlined in their track's colour",
                "  scores.json     with --truth: CTC TRA, DET and SEG (also printed), and own_history_share: the share of track",
                "                  frames whose lineage up to them stayed on one truth cell (and its ancestors)",
                "  truth_match.csv with --truth: track_id,truth_label,matched_frames,frames: the truth cell each track covered",
                "                  (alone, over half of it) in most of its frames; 'karyo fates --truth' scores calls through it"})
final class TrackCommand implements Callable<Integer> {
    static final String[] HEADER = TracksTable.HEADER;
    static final String TRUTH_MATCH = "truth_match.csv";

    @Parameters(index = "0", paramLabel = "INPUT", description = "The movie: plate folder, CTC folder or multi-frame TIFF.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the results.")
    Path out;

    @Option(names = "--dna-channel", defaultValue = "1", paramLabel = "N", description = "Channel of the nuclear stain (default: ${DEFAULT-VALUE}).")
    int dnaChannel;

    @Option(names = "--reporter-channel", defaultValue = "0", paramLabel = "N",
            description = "Channel of the reporter, measured per nucleus as reporter_mean; 0 = none (default).")
    int reporterChannel;

    @Option(names = "--pi-channel", defaultValue = "0", paramLabel = "N",
            description = "Channel of propidium iodide, measured as pi_mean; 0 = none (default).")
    int piChannel;

    @Option(names = "--interval", defaultValue = "1.75", paramLabel = "HOURS",
            description = "Hours between frames, for the hours column (default: ${DEFAULT-VALUE}, the simulator's).")
    double interval;

    @Option(names = "--labels", paramLabel = "DIR", description = {
            "Use these label images (one per frame, numbered: man_trackNNN.tif, maskNNN.tif...) instead of segmenting,",
            "e.g. truth masks, to score tracking apart from segmentation."})
    Path labels;

    @Option(names = "--truth", paramLabel = "DIR", description = {
            "Cell Tracking Challenge truth (man_track.txt + man_trackNNN.tif, here or in TRA/ or 01_GT/TRA/): score the",
            "result and write scores.json."})
    Path truth;

    @Option(names = "--max-gap", defaultValue = "2", paramLabel = "FRAMES",
            description = "Most frames a nucleus may be missed and still be linked back; 0 = no gap closing (default: ${DEFAULT-VALUE}).")
    int maxGap;

    @Option(names = "--max-distance", defaultValue = "0", paramLabel = "PX", description = {
            "Farthest a nucleus may move between frames, pixels; 0 (default) = automatic: the larger of 2 nucleus",
            "diameters and 5 sd of the motion measured as the movie runs."})
    double maxDistance;

    @Option(names = "--brightness-weight", defaultValue = "2", paramLabel = "W", description = {
            "How many times a change of the nucleus's mean Hoechst brightness counts in a link's cost, capped so a",
            "nucleus entering mitosis stays linked (default: ${DEFAULT-VALUE}: brightness tells alike neighbours apart",
            "best; 1 counts it as much as area and shape, 0 ignores it, e.g. for a stain that flickers between frames)."})
    double brightnessWeight;

    @Option(names = "--bright-side-sigma", defaultValue = "0.03", paramLabel = "S", description = {
            "Typical change, between frames, of which side of a nucleus is brighter (the offset of its Hoechst-weighted",
            "centre, in nucleus radii). Uneven thickness, chromatin and nucleoli make each nucleus brighter on one side;",
            "where nuclei keep that side between frames, it tells apart touching neighbours that size and brightness do",
            "not. The run prints how much it changed along links and how much it differed between neighbours: if the",
            "first is not clearly smaller, give 0 to leave it out (default: ${DEFAULT-VALUE}, measured on simulated",
            "movies; docs/tracking.md)."})
    double brightSideSigma;

    @Option(names = "--reporter-sigma", paramLabel = "S", description = {
            "With --reporter-channel, links also compare the nucleus's mean reporter brightness, S being its typical",
            "change of ln between frames. An infected nucleus and an uninfected neighbour alike in Hoechst are then not",
            "swapped, a swap that would give each the other's fate. Default: 0.1 with --reporter-channel (measured on",
            "the simulator's movies), else not used; 0 = measure the reporter only, do not link on it."})
    Double reporterSigma;

    /** What --reporter-sigma means for the tracker: the given value, else 0.1 when there is a reporter. */
    double reporterSigma() {
        return reporterSigma != null ? reporterSigma : reporterChannel > 0 ? DEFAULT_REPORTER_SIGMA : 0;
    }

    /** Typical frame-to-frame change of ln(reporter mean) along true tracks of the simulator's fate wells. */
    static final double DEFAULT_REPORTER_SIGMA = 0.1;

    @Option(names = "--no-divisions", description = "Do not detect divisions (every new nucleus starts a lone track).")
    boolean noDivisions;

    @Option(names = "--no-split-merged", description = {
            "Keep segmented objects as they are. By default an object that looks like two or more tracked nuclei the",
            "segmenter merged is split among them, so crowded nuclei keep their tracks: with the classical segmenter when",
            "the expected positions of two or more tracks lie inside it; with --segmenter when a trial linking lets two",
            "established tracks share it and their sizes fit it (docs/tracking.md). Never applied to --labels."})
    boolean noSplitMerged;

    @Option(names = "--path-frames", defaultValue = "6", paramLabel = "FRAMES", description = {
            "How many of the last frames of each track's path tracks.png draws (default: ${DEFAULT-VALUE}; 0 = whole",
            "paths, which cover a crowded field)."})
    int pathFrames;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Mixin
    SegmentationOptions segmentation;

    @Override
    public Integer call() throws KaryoInputException, IOException {
        if (!(interval > 0)) throw new KaryoInputException(null, "--interval must be > 0 hours, not " + interval);
        if (maxGap < 0) throw new KaryoInputException(null, "--max-gap must be >= 0, not " + maxGap);
        if (!(maxDistance >= 0)) throw new KaryoInputException(null, "--max-distance must be >= 0, not " + maxDistance);
        if (pathFrames < 0) throw new KaryoInputException(null, "--path-frames must be >= 0, not " + pathFrames);
        if (!(brightnessWeight >= 0)) {
            throw new KaryoInputException(null, "--brightness-weight must be >= 0, not " + brightnessWeight);
        }
        if (!(brightSideSigma >= 0)) {
            throw new KaryoInputException(null, "--bright-side-sigma must be >= 0, not " + brightSideSigma);
        }
        if (reporterSigma != null && !(reporterSigma >= 0)) {
            throw new KaryoInputException(null, "--reporter-sigma must be >= 0, not " + reporterSigma);
        }
        if (reporterSigma != null && reporterSigma > 0 && reporterChannel == 0) {
            throw new KaryoInputException(null, "--reporter-sigma compares the reporter between frames: give --reporter-channel too");
        }
        ChannelChoice channels;
        try {
            channels = new ChannelChoice(dnaChannel, reporterChannel, piChannel);
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, e.getMessage());
        }
        Timelapse movie = Timelapse.open(input, channels);
        int frames = movie.frames();
        LabelSeries given = labels == null ? null : LabelSeries.open(labels);
        if (given != null && given.frames() != frames) {
            throw new KaryoInputException(labels, given.frames() + " label images for a movie of " + frames + " frames");
        }
        CtcTruth gt = truth == null ? null : CtcTruth.open(truth);
        if (gt != null && gt.masks().frames() != frames) {
            throw new KaryoInputException(gt.folder(), gt.masks().frames() + " truth masks for a movie of " + frames + " frames");
        }
        if (given != null && segmentation.segmenter != null) {
            throw new KaryoInputException(labels, "--labels and --segmenter both say where the nuclei are; give one");
        }
        NucleusFinder finder = given == null ? segmentation.finder() : null;
        TrackerSettings linking = TrackerSettings.DEFAULTS;
        Tracker tracker = new Tracker(linking.withMaxGap(maxGap).withMaxDistance(maxDistance).withDivisions(!noDivisions)
                .withIntensityTerm(brightnessWeight, linking.intensityCap()).withBrightSideSigma(brightSideSigma)
                .withReporterSigma(reporterSigma()));
        CtcScorer scorer = gt == null ? null : new CtcScorer();
        CtcResultWriter writer = new CtcResultWriter(out, frames);
        TrackPaths paths = new TrackPaths(pathFrames);
        Plane lastDna = null;
        LabelImage lastMask = null;
        long t0 = System.nanoTime();
        try (NucleusFinder closing = finder; Progress bar = new Progress("track", frames, !noProgress);
             CsvStream csv = new CsvStream(out.resolve("tracks.csv"), HEADER)) {
            for (int t = 0; t < frames; t++) {
                TimelapseFrame frame = movie.read(t);
                LabelImage nuclei = given == null ? finder.find(frame.dna()) : given.read(t);
                if (given == null && !noSplitMerged) {
                    // Claims by a trial linking for the learned segmenter: the centre rule split its single nuclei
                    // far more often than its merges and cost TRA (docs/tracking.md, merged objects).
                    nuclei = segmentation.segmenter == null ? MergeSplitter.split(nuclei, tracker.expected())
                            : MergeSplitter.splitObjects(nuclei,
                            tracker.mergedObjects(DetectionExtractor.extract(t, nuclei, frame.dna())));
                }
                requireSize(given == null ? null : given.file(t), nuclei, frame.dna());
                List<Detection> found = DetectionExtractor.extract(t, nuclei, frame.dna(), frame.reporter(), frame.pi());
                TrackedFrame linked = tracker.add(found);
                LabelImage mask = linked.relabel(nuclei);
                writer.writeMask(t, mask);
                for (int i = 0; i < linked.detections().size(); i++) {
                    Detection d = linked.detections().get(i);
                    paths.add(linked.trackId(i), linked.parent(i), t, d.x(), d.y());
                }
                lastDna = frame.dna();
                lastMask = mask;
                writeRows(csv, linked, t, texture(mask, frame.dna()));
                if (scorer != null) {
                    LabelImage truthMask = gt.masks().read(t);
                    requireSize(gt.masks().file(t), truthMask, frame.dna());
                    scorer.addFrame(truthMask, mask);
                }
                bar.step();
                bar.message(linked.detections().size() + " nuclei");
            }
            csv.commit();
        }
        List<Track> tracks = tracker.finish();
        writer.writeTracks(tracks);
        if (lastMask != null) writePaths(paths, lastDna, lastMask, frames - 1);
        java.util.Map<Integer, Long> children = tracks.stream().filter(tr -> tr.parent() != 0)
                .collect(java.util.stream.Collectors.groupingBy(Track::parent, java.util.stream.Collectors.counting()));
        long divisions = children.values().stream().filter(n -> n == 2).count();
        System.out.printf(Locale.ROOT, "%s: %d frames, %d tracks, %d divisions, %.1f s -> %s%n", movie.describe(), frames,
                tracks.size(), divisions, (System.nanoTime() - t0) / 1e9, out);
        BrightSideTally sides = tracker.brightSides();
        if (Double.isFinite(sides.linkMedian()) && Double.isFinite(sides.neighbourMedian())) {
            // Whether the bright-side term can help on this movie: only if a nucleus keeps its side better than
            // its neighbours share it.
            System.out.printf(Locale.ROOT, "  bright side of a nucleus: changes by %.3f radii along links, differs by %.3f"
                    + " between neighbours (medians)%n", sides.linkMedian(), sides.neighbourMedian());
        }
        if (reporterSigma() > 0) {
            System.out.printf("  links also compared the reporter (--reporter-sigma %s)%n",
                    java.math.BigDecimal.valueOf(reporterSigma()).stripTrailingZeros().toPlainString());
        }
        if (scorer != null) {
            CtcScores s = scorer.score(gt.tracks(), tracks);
            double own = new LineagePurity(tracks, scorer.truthPerFrame(), gt.tracks()).ownHistoryShare();
            writeScores(s, own);
            writeTruthMatch(scorer.truthOfTracks());
            System.out.printf(Locale.ROOT, "TRA %.4f  DET %.4f  SEG %.4f  (against %s)%n", s.tra(), s.det(), s.seg(), gt.folder());
            AogmCounts c = s.counts();
            // Where the cost comes from: segmentation (merges, misses, extras) or linking (wrong, missing, kind).
            System.out.printf(Locale.ROOT, "  nuclei: %d merged away (splits needed), %d missed, %d extra;"
                            + " links: %d wrong, %d missing, %d of the wrong kind (of %d truth nuclei, %d links)%n",
                    c.splits(), c.falseNegatives(), c.falsePositives(), c.edgeDeletions(), c.edgeAdditions(),
                    c.wrongSemantics(), c.truthNodes(), c.truthEdges());
            System.out.printf(Locale.ROOT, "  lineages: %.1f %% of track frames have only their own cell's past behind them"
                    + " (what a fate predictor reads; a swap TRA barely sees breaks it)%n", 100 * own);
        }
        return Karyo.EXIT_OK;
    }

    /** The last frame, its nuclei outlined and the paths drawn in each lineage's colour. */
    private void writePaths(TrackPaths paths, Plane dna, LabelImage mask, int lastFrame) throws IOException {
        RgbImage img = OutlineOverlay.grey(dna);
        paths.draw(img, lastFrame);
        int[] colours = new int[mask.count() + 1];
        for (int id = 1; id < colours.length; id++) colours[id] = paths.colourOf(id);
        OutlineOverlay.draw(img, mask, colours);
        PngWriter.write(out.resolve("tracks.png"), img);
    }

    private void writeRows(CsvStream csv, TrackedFrame linked, int t, Map<Integer, NucleusMeasurement> texture)
            throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < linked.detections().size(); i++) order.add(i);
        order.sort(Comparator.comparingInt(linked::trackId));
        for (int i : order) {
            Detection d = linked.detections().get(i);
            NucleusMeasurement m = texture.get(linked.trackId(i));
            csv.row(linked.trackId(i), linked.parent(i), t, t * interval, d.label(), d.x(), d.y(), d.area(),
                    d.mean(0), d.mean(1), d.mean(2), m == null ? Double.NaN : DnaTexture.cv(m),
                    m == null ? Double.NaN : DnaTexture.rim(m), m == null ? Double.NaN : DnaTexture.p90Ratio(m),
                    m == null ? Double.NaN : DnaTexture.brightFraction(m));
        }
    }

    /** Hoechst texture per track id, measured on the frame's track-labelled mask. */
    private static Map<Integer, NucleusMeasurement> texture(LabelImage mask, Plane dna) {
        Map<Integer, NucleusMeasurement> out = new java.util.HashMap<>();
        for (NucleusMeasurement m : new NucleusMeasurer().measure(mask, Map.of("dna", dna))) out.put(m.id(), m);
        return out;
    }

    private static void requireSize(Path file, LabelImage labels, Plane dna) throws KaryoInputException {
        if (!labels.sameSize(dna)) {
            throw new KaryoInputException(file, "label image is " + labels.width() + "x" + labels.height()
                    + " but the movie's frames are " + dna.width() + "x" + dna.height());
        }
    }

    private void writeTruthMatch(Map<Integer, TrackTruth> match) throws IOException {
        try (CsvStream csv = new CsvStream(out.resolve(TRUTH_MATCH), "track_id", "truth_label", "matched_frames", "frames")) {
            for (TrackTruth t : match.values()) csv.row(t.trackId(), t.truthLabel(), t.matchedFrames(), t.frames());
            csv.commit();
        }
    }

    private void writeScores(CtcScores s, double ownHistoryShare) throws IOException {
        AogmCounts c = s.counts();
        String json = "{\n"
                + "  \"tra\": " + Json.number(s.tra()) + ",\n"
                + "  \"det\": " + Json.number(s.det()) + ",\n"
                + "  \"seg\": " + Json.number(s.seg()) + ",\n"
                + "  \"truth\": " + Json.string(String.valueOf(truth)) + ",\n"
                + "  \"truth_nuclei\": " + c.truthNodes() + ",\n"
                + "  \"truth_links\": " + c.truthEdges() + ",\n"
                + "  \"aogm\": " + Json.number(c.aogm()) + ",\n"
                + "  \"aogm_empty\": " + Json.number(c.aogmEmpty()) + ",\n"
                + "  \"splits\": " + c.splits() + ",\n"
                + "  \"false_negatives\": " + c.falseNegatives() + ",\n"
                + "  \"false_positives\": " + c.falsePositives() + ",\n"
                + "  \"edge_deletions\": " + c.edgeDeletions() + ",\n"
                + "  \"edge_additions\": " + c.edgeAdditions() + ",\n"
                + "  \"wrong_semantics\": " + c.wrongSemantics() + ",\n"
                + "  \"own_history_share\": " + Json.number(ownHistoryShare) + "\n"
                + "}\n";
        AtomicFiles.writeString(out.resolve("scores.json"), json);
    }
}
