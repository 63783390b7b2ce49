package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.fate.CallSmoothing;
import org.karyo.fate.Fate;
import org.karyo.fate.FateHistory;
import org.karyo.fate.NeighbourDeaths;
import org.karyo.AtomicFiles;
import org.karyo.learn.baseline.VectorForest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** 'karyo fate-history': will an infected cell lyse? A forest on its Hoechst history, trained on some wells, scored on others. */
@Command(name = "fate-history", mixinStandardHelpOptions = true, versionProvider = KaryoVersion.class,
        description = {
                "Predict which infected cells will lyse (spreaders) from the Hoechst history of their tracks, and score the",
                "prediction on held-out wells by hours before lysis. Where a crop CNN ('fate-crops' + 'train') sees one",
                "moment, this sees the cell's own change: area, DNA brightness and chromatin texture (CV, rim/centre, 90th",
                "percentile/median, share in bright foci) now, relative to the cell at infection and to its own lowest and",
                "highest so far, their slopes over the last 10 and 20 h, area vs its peak, and hours since infection (only",
                "frames up to the moment are used; daughters keep their mother's history; texture features need the dna_*",
                "texture columns that 'karyo track' and 'tracks-from-labels' write).",
                "Training uses spreader frames from infection until --before-lysis hours before lysis and nonspreader frames",
                "in the same hours-post-infection window, in balanced draws (--draws); held-out wells are scored at every frame.",
                "Writes into --out: predictions.csv, report.md (tables), metrics.json (the headline numbers with their",
                "bootstrap intervals over lineages), accuracy_by_hours_before_lysis.png, and the model",
                "(forest.tribuo, fate-history.json). '--model DIR' applies a saved model to the TRACKS instead of training",
                "(fates.csv then gives the infection times; where it also saw lysis, the tables score the prediction)."})
final class FateHistoryCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TRACKS", description = "Folders holding tracks.csv (one per well or movie).")
    List<Path> tracks;

    @Option(names = "--fates", required = true, paramLabel = "FILE", description = "fates.csv from 'karyo fates' over these TRACKS.")
    Path fates;

    @Option(names = "--well", paramLabel = "NAME", description = "Well name of each TRACKS in fates.csv (default: the folder's name).")
    List<String> wells = new ArrayList<>();

    @Option(names = "--train-wells", split = ",", paramLabel = "W,...", description = "Wells to train on; the others are held out.")
    List<String> trainWells = new ArrayList<>();

    @Option(names = "--model", paramLabel = "DIR", description = "Apply the model a training run wrote into its --out, to every TRACKS well.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if needed).")
    Path out;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--before-lysis", defaultValue = "20", paramLabel = "H", description = "Training spreader frames end this many hours before lysis (default: ${DEFAULT-VALUE}).")
    double beforeLysis;

    @Option(names = "--features", defaultValue = "history", paramLabel = "history|hoechst|frame|cycle|neighbours|NAME,...", description = {
            "history: all Hoechst features; hoechst: only those that do not use the infection time (the frame's size,",
            "brightness and texture, their 10- and 20-h slopes, and each relative to the cell's lowest and highest so far),",
            "since the onset comes from the reporter; frame: what a single crop shows (size, brightness, texture); cycle:",
            "hours without division and whether a division was seen (infected cells stop dividing; so do crowded uninfected",
            "ones); neighbours: deaths around the cell in the last 60 h, seen in Hoechst as a nucleus that brightens and",
            "vanishes (a lytic cell infects its neighbours): distance to the nearest, hours since the latest within 4 nucleus",
            "diameters, and their number; or a comma-separated list of these and of feature names (the report lists them),",
            "e.g. hoechst,cycle.",
            "Default: ${DEFAULT-VALUE}."})
    String features;

    @Option(names = "--trees", defaultValue = "200", paramLabel = "N", description = "Trees in the forest (default: ${DEFAULT-VALUE}).")
    int trees;

    @Option(names = "--draws", defaultValue = "10", paramLabel = "N", description = {
            "Balanced draws the forest grows on: each takes as many training frames of every class as the smallest class has",
            "(usually the spreaders) and grows trees/N of the trees, so every tree sees the classes balanced while the forest",
            "sees up to N times more of the large classes (uninfected, nonspreader) at the same cost. 1 = one balanced sample,",
            "as before 2026-12-03 (default: ${DEFAULT-VALUE})."})
    int draws;

    @Option(names = "--bin", defaultValue = "5", paramLabel = "H", description = "Width of the hours bins in the tables (default: ${DEFAULT-VALUE}).")
    double bin;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seeds sampling and the forest (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--call-hpi", defaultValue = "20", paramLabel = "H", description = {
            "Per-well spreader fraction: each infected track still intact this many hours after infection is called once, at its",
            "first frame from then on (default: ${DEFAULT-VALUE})."})
    double callHpi;

    @Option(names = "--uninfected", description = {
            "Add a third class, uninfected (every frame of the uninfected tracks): the forest then also tells infected from",
            "uninfected cells by their Hoechst history, as the study's 3-class CNN did from crops. Needs features that do not",
            "use the infection time (--features hoechst, frame or a list of such names)."})
    boolean uninfected;

    @Option(names = "--smooth-half-life", defaultValue = "1.75", paramLabel = "H", description = {
            "Each frame's call averages the probabilities of the track's frames so far, weights halving every H hours back",
            "(frames more than 4 H back left out): a fate does not change from frame to frame, one frame's measurement",
            "does. Only earlier frames count. 0 = every frame on its own, as before the option (default: ${DEFAULT-VALUE})."})
    double smoothHalfLife;

    @Option(names = "--write-features", description = {
            "Also write features.csv: for every scored frame, the values of the model's features (what the forest saw),",
            "to look into its calls with other tools (empty: not measurable there)."})
    boolean writeFeatures;

    @Override
    public Integer call() throws Exception {
        if (!wells.isEmpty() && wells.size() != tracks.size()) throw new KaryoInputException(null, "give one --well per TRACKS folder, or none");
        if (trees < 1) throw new KaryoInputException(null, "--trees must be at least 1");
        if (draws < 1 || draws > trees) throw new KaryoInputException(null, "--draws must be between 1 and --trees");
        if (!(beforeLysis >= 0) || !(bin > 0)) throw new KaryoInputException(null, "--before-lysis must be >= 0 and --bin > 0 hours");
        if (!(smoothHalfLife >= 0)) throw new KaryoInputException(null, "--smooth-half-life must be >= 0 hours");
        if ((model == null) == trainWells.isEmpty()) {
            throw new KaryoInputException(null, "give either --train-wells (train and score held-out wells) or --model (apply a saved model)");
        }
        FateHistoryModel saved = model == null ? null : FateHistoryModel.load(model);
        boolean withUninfected = saved == null ? uninfected : saved.info().classesOrDefault().size() > 2;
        List<FateHistorySamples.Sample> train = new ArrayList<>(), test = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        Map<String, Integer> deaths = new java.util.TreeMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            String well = wells.isEmpty() ? FatesCommand.wellName(tracks.get(i)) : wells.get(i);
            if (!seen.add(well)) throw new KaryoInputException(tracks.get(i), "well name '" + well + "' is used twice; name them with --well");
            TracksTable.Tracks t = TracksTable.read(tracks.get(i));
            NeighbourDeaths around = FateHistorySamples.deaths(t);
            deaths.put(well, around.count());
            (trainWells.contains(well) ? train : test).addAll(FateHistorySamples.of(well, t, FatesTable.read(fates, well), withUninfected, around));
        }
        FateHistoryModel forest;
        String header;
        List<FateHistorySamples.Sample> scored;
        if (saved != null) {
            forest = saved;
            header = String.format(Locale.ROOT, "Model %s (trained on wells %s, features: %s), applied to wells %s.%n%n", model,
                    forest.info().trainedOn(), String.join(", ", forest.info().features()), seen);
            scored = test.stream().filter(s -> s.fate() != Fate.SPREADER || s.hoursBeforeLysis() >= 0).toList();
        } else {
            for (String w : trainWells) if (!seen.contains(w)) throw new KaryoInputException(null, "--train-wells names '" + w + "', which is not among the TRACKS wells " + seen);
            if (seen.size() == trainWells.size()) throw new KaryoInputException(null, "every well is a training well: leave at least one out to score on");
            Trained t = train(train);
            forest = t.model();
            StringBuilder frames = new StringBuilder();
            t.available().forEach((f, n) -> frames.append(frames.isEmpty() ? "" : ", ").append(n).append(' ').append(f.csv()));
            header = String.format(Locale.ROOT, "Trained on wells %s: %s frames, in %s of %d frames per class%s, spreaders >= %.0f h "
                    + "before lysis, nonspreaders 0-%.1f h post infection; %d trees, seed %d; features: %s.%n%n", trainWells, frames,
                    draws == 1 ? "one balanced sample" : draws + " balanced draws", t.perClass(),
                    draws == 1 ? "" : " (" + (trees / draws) + " trees each)", beforeLysis, t.window(), (trees / draws) * draws, seed,
                    String.join(", ", forest.info().features()));
            scored = test.stream().filter(s -> switch (s.fate()) {
                case SPREADER -> s.hoursBeforeLysis() >= 0;
                case NONSPREADER -> s.hpi() <= t.window();
                case UNINFECTED -> true;
            }).toList();
        }
        if (scored.isEmpty()) throw new KaryoInputException(fates, "the wells to score have no infected frames");
        if (forest.info().features().stream().anyMatch(NeighbourDeaths.NAMES::contains)) {
            StringBuilder d = new StringBuilder();
            deaths.forEach((w, n) -> d.append(d.isEmpty() ? "" : ", ").append(w).append(' ').append(n));
            header += "Deaths seen in Hoechst (a nucleus that brightened and vanished before the movie's end), per well: " + d + ".\n\n";
        }
        float[][] proba = new float[scored.size()][];
        try (Progress bar = new Progress("fate-history", scored.size(), !noProgress)) {
            // Frames are independent and the forest only reads: chunks on every core (2x on 2 cores; ~100,000 frames).
            int chunk = 1024;
            FateHistoryModel reading = forest;
            java.util.stream.IntStream.range(0, (proba.length + chunk - 1) / chunk).parallel().forEach(c -> {
                int end = Math.min(proba.length, (c + 1) * chunk);
                for (int i = c * chunk; i < end; i++) proba[i] = reading.probabilities(scored.get(i).features());
                bar.stepBy(end - c * chunk);
            });
        }
        smoothAlongTracks(scored, proba);
        if (smoothHalfLife > 0) {
            header += String.format(Locale.ROOT, "Calls smoothed along each track: the probabilities of its frames so far, weights halving every "
                    + "%.2f h back, over the last %.2f h.%n%n", smoothHalfLife, 4 * smoothHalfLife);
        }
        FateHistoryScores p = new FateHistoryScores(forest.info().classesOrDefault(), proba);
        Files.createDirectories(out);
        if (model == null) forest.save(out);
        FateHistoryReport reporter = new FateHistoryReport(out, model == null ? features : "saved model's", beforeLysis, bin, callHpi);
        reporter.writePredictions(scored, p);
        if (writeFeatures) reporter.writeFeatures(scored, forest.info().features());
        String report = reporter.text(header, scored, p, forest.info().prior());
        AtomicFiles.writeString(out.resolve("report.md"), report);
        reporter.writeMetrics(smoothHalfLife);
        reporter.plot(scored, p);
        System.out.print(report);
        return Karyo.EXIT_OK;
    }

    /** Replaces each scored frame's probabilities by {@link CallSmoothing} over its track's scored frames so far. */
    private void smoothAlongTracks(List<FateHistorySamples.Sample> scored, float[][] proba) {
        if (smoothHalfLife == 0) return;
        Map<String, List<Integer>> byTrack = new java.util.HashMap<>();
        for (int i = 0; i < scored.size(); i++) {
            byTrack.computeIfAbsent(scored.get(i).well() + "/" + scored.get(i).trackId(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> rows : byTrack.values()) {
            rows.sort(java.util.Comparator.comparingDouble(i -> scored.get(i).hours()));
            double[] hours = rows.stream().mapToDouble(i -> scored.get(i).hours()).toArray();
            float[][] smoothed = CallSmoothing.smooth(hours, rows.stream().map(i -> proba[i]).toArray(float[][]::new), smoothHalfLife);
            for (int j = 0; j < rows.size(); j++) proba[rows.get(j)] = smoothed[j];
        }
    }

    /**
     * @param perClass  training frames per class in each balanced draw; available the training frames of each class
     * @param window    the nonspreader hours post infection used
     */
    private record Trained(FateHistoryModel model, int perClass, Map<Fate, Integer> available, double window) {
    }

    private Trained train(List<FateHistorySamples.Sample> train) throws KaryoInputException {
        int[] columns = withoutUnmeasured(columns(features), train);
        if (uninfected) {
            for (int c : columns) {
                String name = FateHistorySamples.NAMES.get(c);
                if (!FateHistory.UNANCHORED.contains(name) && !FateHistory.CYCLE.contains(name) && !NeighbourDeaths.NAMES.contains(name)) {
                    throw new KaryoInputException(null, "--uninfected needs features that do not use the infection time (uninfected cells have "
                            + "none), e.g. --features hoechst; '" + name + "' uses it");
                }
            }
        }
        double[] medians = medians(train, columns);
        // A spreader through its daughters has no lysis time of its own (NaN): it says nothing about the window.
        double window = train.stream().filter(s -> s.fate() == Fate.SPREADER)
                .mapToDouble(s -> s.hpi() + s.hoursBeforeLysis() - beforeLysis).filter(Double::isFinite).max().orElse(Double.NaN);
        if (!(window >= 0)) throw new KaryoInputException(fates, "training wells have no spreader followed " + beforeLysis + " h before its lysis");
        List<String> classes = uninfected ? FateHistoryModel.CLASSES_WITH_UNINFECTED : FateHistoryModel.CLASSES;
        // Sampled in this order (spreaders first), whatever the classes' order in the model.
        List<Fate> order = uninfected ? List.of(Fate.SPREADER, Fate.NONSPREADER, Fate.UNINFECTED) : List.of(Fate.SPREADER, Fate.NONSPREADER);
        Map<Fate, List<FateHistorySamples.Sample>> byClass = new LinkedHashMap<>();
        for (Fate f : order) byClass.put(f, new ArrayList<>());
        for (FateHistorySamples.Sample s : train) {
            boolean use = switch (s.fate()) {
                case SPREADER -> s.hoursBeforeLysis() >= beforeLysis;
                case NONSPREADER -> s.hpi() <= window;
                case UNINFECTED -> uninfected;
            };
            if (use) byClass.get(s.fate()).add(s);
        }
        for (Fate f : order) {
            if (byClass.get(f).isEmpty()) throw new KaryoInputException(fates, "training wells have no " + f.csv() + " frames");
        }
        // Balanced draws: each tree sees as many frames of every class as the smallest class has, so the vote fraction is
        // not a prior, and the large classes (uninfected above all) are not cut down to one such sample.
        Random random = new Random(seed);
        int perClass = Integer.MAX_VALUE;
        for (List<FateHistorySamples.Sample> c : byClass.values()) {
            Collections.shuffle(c, random);
            perClass = Math.min(perClass, c.size());
        }
        List<List<double[]>> rows = new ArrayList<>();
        Map<Fate, Integer> available = new LinkedHashMap<>();
        for (Fate f : order) available.put(f, byClass.get(f).size());
        for (String name : classes) {
            List<FateHistorySamples.Sample> c = byClass.get(Fate.parse(name).orElseThrow());
            List<double[]> r = new ArrayList<>();
            for (int i = 0; i < Math.min(c.size(), (long) draws * perClass); i++) r.add(fill(select(c.get(i).features(), columns), medians));
            rows.add(r);
        }
        List<String> names = java.util.Arrays.stream(columns).mapToObj(FateHistorySamples.NAMES::get).toList();
        VectorForest forest = VectorForest.trainBalanced(rows, names, classes, trees, seed, draws);
        FateHistoryModel.Info info = new FateHistoryModel.Info("karyo-fate-history/1", names, medians, trackShare(train), beforeLysis,
                List.copyOf(trainWells), classes);
        return new Trained(new FateHistoryModel(forest, info), perClass, available, window);
    }

    /** Groups and feature names, comma-separated (e.g. "hoechst,cycle"), in the order given, each once. */
    static int[] columns(String features) throws KaryoInputException {
        List<Integer> out = new ArrayList<>();
        for (String item : features.split(",")) {
            String name = item.strip();
            List<String> group = switch (name.toLowerCase(Locale.ROOT)) {
                case "history" -> FateHistory.NAMES.stream().filter(n -> !FateHistory.CYCLE.contains(n)).toList();
                case "frame" -> FateHistory.FRAME_ONLY;
                case "hoechst" -> FateHistory.UNANCHORED;
                case "cycle" -> FateHistory.CYCLE;
                case "neighbours" -> NeighbourDeaths.NAMES;
                default -> {
                    if (!FateHistorySamples.NAMES.contains(name)) {
                        throw new KaryoInputException(null, "--features takes history, hoechst, frame, cycle, neighbours or feature names ("
                                + String.join(", ", FateHistorySamples.NAMES) + "), not '" + name + "'");
                    }
                    yield List.of(name);
                }
            };
            for (String n : group) {
                int i = FateHistorySamples.NAMES.indexOf(n);
                if (!out.contains(i)) out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Drops features missing in most training samples (texture columns absent from older tables), and says so; the
     * few values missing elsewhere (a nucleus too small for a rim/centre ratio) are filled by {@link #fill}.
     */
    private static int[] withoutUnmeasured(int[] columns, List<FateHistorySamples.Sample> samples) {
        List<Integer> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int c : columns) {
            long finite = samples.stream().filter(s -> Double.isFinite(s.features()[c])).count();
            if (finite * 2 > samples.size()) kept.add(c);
            else dropped.add(FateHistorySamples.NAMES.get(c));
        }
        if (!dropped.isEmpty()) {
            System.err.println("features left out (not measured in most training tracks, e.g. an older tracks.csv without texture columns): "
                    + String.join(", ", dropped));
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Per selected column, the median of the finite training values: what a missing value becomes. */
    private static double[] medians(List<FateHistorySamples.Sample> samples, int[] columns) {
        double[] m = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            int c = columns[j];
            double[] v = samples.stream().mapToDouble(s -> s.features()[c]).filter(Double::isFinite).sorted().toArray();
            m[j] = v.length == 0 ? 0 : v[v.length / 2];
        }
        return m;
    }

    private static double[] fill(double[] row, double[] medians) {
        double[] out = row.clone();
        for (int j = 0; j < out.length; j++) if (!Double.isFinite(out[j])) out[j] = medians[j];
        return out;
    }

    private static double[] select(double[] all, int[] columns) {
        double[] v = new double[columns.length];
        for (int i = 0; i < columns.length; i++) v[i] = all[columns[i]];
        return v;
    }

    /** Share of spreaders among the infected tracks of the training wells: the prior the balanced forest no longer knows. */
    private static double trackShare(List<FateHistorySamples.Sample> train) {
        Set<String> spreaders = new TreeSet<>(), all = new TreeSet<>();
        for (FateHistorySamples.Sample s : train) {
            if (!s.fate().infected()) continue;
            String key = s.well() + "/" + s.trackId();
            all.add(key);
            if (s.fate() == Fate.SPREADER) spreaders.add(key);
        }
        return all.isEmpty() ? 0.5 : spreaders.size() / (double) all.size();
    }

}
