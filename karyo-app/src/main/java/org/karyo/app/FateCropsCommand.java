package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.crop.CropExtractor;
import org.karyo.crop.CropSettings;
import org.karyo.fate.Fate;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;
import org.karyo.io.dataset.CropDataset;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.NucleusMeasurer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** 'karyo fate-crops': Hoechst crops of tracked nuclei in the frames that can predict a fate, as a dataset. */
@Command(name = "fate-crops", mixinStandardHelpOptions = true, versionProvider = KaryoVersion.class,
        description = {
                "Cut Hoechst-only crops of tracked nuclei from the frames of interest, to train a fate predictor (as the",
                "ViResNet study did: spreader / nonspreader / uninfected from the DNA stain well before lysis).",
                "  spreader     frames from infection (reporter onset) until --before-lysis hours before lysis",
                "  nonspreader  frames in the same hours-post-infection window (0..--max-hpi; default the widest spreader window)",
                "  uninfected   frames of uninfected tracks in the same movie hours, sampled at random to the size of the",
                "               larger infected class",
                "Each TRACKS folder (tracks.csv, with maskNNN.tif unless --labels is given) comes with its --movie. Writes",
                "into --out a 'karyo train' dataset: <class>/<well>_t<track>_f<frame>.tif, manifest.csv with group =",
                "<well>_<lineage root> (a cell and its daughters never fall into two splits), crop-recipe.properties, and",
                "frames.csv: path,well,track_id,root,frame,hours,fate,hours_post_infection,hours_before_lysis, to bin",
                "accuracy by hours before lysis."})
final class FateCropsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TRACKS", description = "Folders holding tracks.csv (one per field).")
    List<Path> tracks;

    @Option(names = "--fates", required = true, paramLabel = "FILE", description = "fates.csv from 'karyo fates' over these TRACKS.")
    Path fates;

    @Option(names = "--movie", required = true, paramLabel = "DIR", description = "Movie folder (TimePoint_<n>/...) per TRACKS, in order.")
    List<Path> movies;

    @Option(names = "--labels", paramLabel = "DIR", description = "Track label folder per TRACKS (default: the TRACKS folder's maskNNN.tif).")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--well", paramLabel = "NAME", description = "Well name of each TRACKS in fates.csv (default: the folder's name, as 'karyo fates').")
    List<String> wells = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DATASET", description = "Dataset folder to create.")
    Path out;

    @Option(names = "--before-lysis", defaultValue = "20", paramLabel = "H", description = "Spreader frames end this many hours before lysis (default: ${DEFAULT-VALUE}).")
    double beforeLysis;

    @Option(names = "--max-hpi", paramLabel = "H", description = "Nonspreader window end, hours post infection (default: the widest spreader window).")
    Double maxHpi;

    @Option(names = "--every", defaultValue = "1", paramLabel = "N", description = "Take every N-th eligible frame of a track (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--dna-channel", defaultValue = "1", paramLabel = "C", description = "Hoechst channel w<C> (default: ${DEFAULT-VALUE}).")
    int dnaChannel;

    @Option(names = "--size", defaultValue = "64", paramLabel = "PX", description = "Crop side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--mode", defaultValue = "box", paramLabel = "box|window", description = "As 'karyo crops' (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--margin", defaultValue = "0.2", paramLabel = "F", description = "Box mode context fraction (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed for sampling uninfected frames (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    /** One crop to cut. */
    record Pick(int field, int trackId, int root, int frame, double hours, Fate fate, double hpi, double beforeLysis) {
    }

    @Override
    public Integer call() throws Exception {
        if (movies.size() != tracks.size()) throw new KaryoInputException(null, "give one --movie per TRACKS folder");
        if (!labels.isEmpty() && labels.size() != tracks.size()) throw new KaryoInputException(null, "give one --labels per TRACKS folder, or none");
        if (!wells.isEmpty() && wells.size() != tracks.size()) throw new KaryoInputException(null, "give one --well per TRACKS folder, or none");
        if (every < 1) throw new KaryoInputException(null, "--every must be at least 1");
        if (!(beforeLysis >= 0)) throw new KaryoInputException(null, "--before-lysis must be >= 0 hours");
        CropSettings settings = cropSettings();
        int n = tracks.size();
        List<String> names = new ArrayList<>();
        List<TracksTable.Tracks> tables = new ArrayList<>();
        List<Map<Integer, FatesTable.Row>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(wells.isEmpty() ? FatesCommand.wellName(tracks.get(i)) : wells.get(i));
            tables.add(TracksTable.read(tracks.get(i)));
            calls.add(FatesTable.read(fates, names.get(i)));
        }
        double window = maxHpi != null ? maxHpi : widestSpreaderWindow(calls);
        List<Pick> spread = new ArrayList<>(), non = new ArrayList<>(), uninf = new ArrayList<>();
        double firstInfected = Double.POSITIVE_INFINITY, lastInfected = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (Map.Entry<Integer, List<TracksTable.Row>> e : tables.get(i).rows().entrySet()) {
                FatesTable.Row c = calls.get(i).get(e.getKey());
                if (c == null) continue;
                int k = 0;
                for (TracksTable.Row r : e.getValue()) {
                    double hpi = r.hours() - c.infectionHours();
                    double before = c.lysisHours() - r.hours();
                    boolean take = switch (c.fate()) {
                        case SPREADER -> hpi >= 0 && before >= beforeLysis;
                        case NONSPREADER -> hpi >= 0 && hpi <= window;
                        case UNINFECTED -> true;
                    };
                    if (!take || k++ % every != 0) continue;
                    Pick p = new Pick(i, e.getKey(), c.root(), r.frame(), r.hours(), c.fate(), hpi, before);
                    switch (c.fate()) {
                        case SPREADER -> spread.add(p);
                        case NONSPREADER -> non.add(p);
                        default -> uninf.add(p);
                    }
                    if (c.fate().infected()) {
                        firstInfected = Math.min(firstInfected, r.hours());
                        lastInfected = Math.max(lastInfected, r.hours());
                    }
                }
            }
        }
        final double lo = firstInfected, hi = lastInfected;
        List<Pick> pool = new ArrayList<>(uninf.stream().filter(p -> p.hours() >= lo && p.hours() <= hi).toList());
        Collections.shuffle(pool, new Random(seed));
        List<Pick> picks = new ArrayList<>(spread);
        picks.addAll(non);
        picks.addAll(pool.subList(0, Math.min(pool.size(), Math.max(spread.size(), non.size()))));
        if (spread.isEmpty() && non.isEmpty()) throw new KaryoInputException(fates, "has no infected track with frames in the window; nothing to learn from");
        cut(picks, names, settings);
        return Karyo.EXIT_OK;
    }

    private double widestSpreaderWindow(List<Map<Integer, FatesTable.Row>> calls) {
        double w = 0;
        for (Map<Integer, FatesTable.Row> m : calls) {
            for (FatesTable.Row c : m.values()) {
                if (c.fate() == Fate.SPREADER) w = Math.max(w, c.lysisHours() - c.infectionHours() - beforeLysis);
            }
        }
        return w;
    }

    private void cut(List<Pick> picks, List<String> names, CropSettings settings) throws Exception {
        // Frame by frame, so each image and its labels are read once.
        TreeMap<Long, List<Pick>> byFrame = new TreeMap<>();
        for (Pick p : picks) byFrame.computeIfAbsent(((long) p.field() << 32) | p.frame(), k -> new ArrayList<>()).add(p);
        CropExtractor extractor = new CropExtractor(settings);
        NucleusMeasurer measurer = new NucleusMeasurer();
        List<MovieFrames> movieFrames = new ArrayList<>();
        List<LabelSeries> labelSeries = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            movieFrames.add(MovieFrames.open(movies.get(i), null, null));
            labelSeries.add(LabelSeries.open(labels.isEmpty() ? TracksTable.locate(tracks.get(i)).toAbsolutePath().getParent() : labels.get(i)));
        }
        try (CropDataset ds = CropDataset.create(out); Progress bar = new Progress("fate crops", picks.size(), !noProgress);
             CsvStream frames = new CsvStream(out.toAbsolutePath().getParent().resolve("." + out.getFileName() + ".frames.csv"),
                     "path", "well", "track_id", "root", "frame", "hours", "fate", "hours_post_infection", "hours_before_lysis")) {
            for (List<Pick> group : byFrame.values()) {
                Pick first = group.get(0);
                Path imageFile = movieFrames.get(first.field()).file(dnaChannel, first.frame());
                Plane dna = ImageFileReader.readPlane(imageFile);
                LabelImage lab = labelSeries.get(first.field()).read(first.frame());
                if (!lab.sameSize(dna)) throw new KaryoInputException(imageFile, "is not the size of its label image");
                Map<Integer, NucleusMeasurement> shapes = new TreeMap<>();
                for (NucleusMeasurement m : measurer.measure(lab, Map.of())) shapes.put(m.id(), m);
                float bg = CropExtractor.backgroundLevel(dna, lab);
                String well = names.get(first.field());
                for (Pick p : group) {
                    NucleusMeasurement m = shapes.get(p.trackId());
                    if (m == null) {
                        throw new KaryoInputException(labelSeries.get(p.field()).folder(), "frame " + p.frame() + " has no label " + p.trackId()
                                + " though tracks.csv has it");
                    }
                    String stem = well + "_t" + p.trackId() + "_f" + p.frame();
                    ds.add(p.fate().csv(), stem, extractor.crop(dna, lab, p.trackId(), m.shape(), bg), imageFile.getFileName().toString(),
                            p.trackId(), m.shape().x(), m.shape().y(), m.shape().area(), well + "_" + p.root());
                    frames.row(p.fate().csv() + "/" + stem + ".tif", well, p.trackId(), p.root(), p.frame(), p.hours(), p.fate().csv(),
                            p.fate().infected() ? p.hpi() : Double.NaN, p.fate() == Fate.SPREADER ? p.beforeLysis() : Double.NaN);
                    bar.step();
                }
            }
            ds.recipe(settings);
            frames.commit();
            ds.commit();
            // The sidecar is written beside the staging folder and moved in once the dataset is in place.
            java.nio.file.Files.move(out.toAbsolutePath().getParent().resolve("." + out.getFileName() + ".frames.csv"), out.resolve("frames.csv"));
            System.out.printf(Locale.ROOT, "wrote %s: %s crops of %dx%d px, manifest.csv, frames.csv%n", out, ds.counts(), size, size);
        }
    }

    private CropSettings cropSettings() throws KaryoInputException {
        return CropsCommand.cropSettings(size, mode, margin, false);
    }
}
