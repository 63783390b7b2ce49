package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.fate.Fate;
import org.karyo.fate.FateHistory;
import org.karyo.AtomicFiles;
import org.karyo.io.plot.LinePlot;
import org.karyo.learn.baseline.VectorForest;
import org.karyo.learn.eval.Interval;
import org.karyo.learn.eval.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
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
import java.util.TreeMap;
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
                "in the same hours-post-infection window, balanced by sampling; held-out wells are scored at every frame.",
                "Writes into --out: predictions.csv, report.md (tables), accuracy_by_hours_before_lysis.png, and the model",
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

    @Option(names = "--features", defaultValue = "history", paramLabel = "history|hoechst|frame|NAME,...", description = {
            "history: all features; hoechst: only those that do not use the infection time (the frame's size, brightness and",
            "texture, their 10- and 20-h slopes, and each relative to the cell's lowest and highest so far), since the onset",
            "comes from the reporter; frame: what a single crop shows (size, brightness, texture); or a comma-separated list",
            "of feature names (the report lists them). Default: ${DEFAULT-VALUE}."})
    String features;

    @Option(names = "--trees", defaultValue = "200", paramLabel = "N", description = "Trees in the forest (default: ${DEFAULT-VALUE}).")
    int trees;

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

    @Override
    public Integer call() throws Exception {
        if (!wells.isEmpty() && wells.size() != tracks.size()) throw new KaryoInputException(null, "give one --well per TRACKS folder, or none");
        if (trees < 1) throw new KaryoInputException(null, "--trees must be at least 1");
        if (!(beforeLysis >= 0) || !(bin > 0)) throw new KaryoInputException(null, "--before-lysis must be >= 0 and --bin > 0 hours");
        if ((model == null) == trainWells.isEmpty()) {
            throw new KaryoInputException(null, "give either --train-wells (train and score held-out wells) or --model (apply a saved model)");
        }
        FateHistoryModel saved = model == null ? null : FateHistoryModel.load(model);
        boolean withUninfected = saved == null ? uninfected : saved.info().classesOrDefault().size() > 2;
        List<FateHistorySamples.Sample> train = new ArrayList<>(), test = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < tracks.size(); i++) {
            String well = wells.isEmpty() ? FatesCommand.wellName(tracks.get(i)) : wells.get(i);
            if (!seen.add(well)) throw new KaryoInputException(tracks.get(i), "well name '" + well + "' is used twice; name them with --well");
            (trainWells.contains(well) ? train : test).addAll(FateHistorySamples.of(well, TracksTable.read(tracks.get(i)),
                    FatesTable.read(fates, well), withUninfected));
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
            header = String.format(Locale.ROOT, "Trained on wells %s: %d spreader and %d nonspreader%s frames (balanced), spreaders >= %.0f h "
                    + "before lysis, nonspreaders 0-%.1f h post infection; %d trees, seed %d; features: %s.%n%n", trainWells, t.perClass(),
                    t.perClass(), withUninfected ? " and " + t.perClass() + " uninfected" : "", beforeLysis, t.window(), trees, seed,
                    String.join(", ", forest.info().features()));
            scored = test.stream().filter(s -> switch (s.fate()) {
                case SPREADER -> s.hoursBeforeLysis() >= 0;
                case NONSPREADER -> s.hpi() <= t.window();
                case UNINFECTED -> true;
            }).toList();
        }
        if (scored.isEmpty()) throw new KaryoInputException(fates, "the wells to score have no infected frames");
        float[][] proba = new float[scored.size()][];
        try (Progress bar = new Progress("fate-history", scored.size(), !noProgress)) {
            for (int i = 0; i < proba.length; i++) {
                proba[i] = forest.probabilities(scored.get(i).features());
                bar.step();
            }
        }
        FateHistoryScores p = new FateHistoryScores(forest.info().classesOrDefault(), proba);
        Files.createDirectories(out);
        if (model == null) forest.save(out);
        writePredictions(scored, p);
        String report = report(header, scored, p) + wellFractions(scored, p, forest.info().prior());
        AtomicFiles.writeString(out.resolve("report.md"), report);
        plot(scored, p);
        System.out.print(report);
        return Karyo.EXIT_OK;
    }

    /** @param perClass training frames per class after balancing; window the nonspreader hours post infection used */
    private record Trained(FateHistoryModel model, int perClass, double window) {
    }

    private Trained train(List<FateHistorySamples.Sample> train) throws KaryoInputException {
        int[] columns = withoutUnmeasured(columns(features), train);
        if (uninfected) {
            for (int c : columns) {
                if (!FateHistory.UNANCHORED.contains(FateHistory.NAMES.get(c))) {
                    throw new KaryoInputException(null, "--uninfected needs features that do not use the infection time (uninfected cells have "
                            + "none), e.g. --features hoechst; '" + FateHistory.NAMES.get(c) + "' uses it");
                }
            }
        }
        double[] medians = medians(train, columns);
        double window = train.stream().filter(s -> s.fate() == Fate.SPREADER)
                .mapToDouble(s -> s.hpi() + s.hoursBeforeLysis() - beforeLysis).max().orElse(Double.NaN);
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
        // Balance by sampling the larger classes down, so the forest's vote fraction is not a prior.
        Random random = new Random(seed);
        int perClass = Integer.MAX_VALUE;
        for (List<FateHistorySamples.Sample> c : byClass.values()) {
            Collections.shuffle(c, random);
            perClass = Math.min(perClass, c.size());
        }
        List<double[]> rows = new ArrayList<>();
        int[] labels = new int[order.size() * perClass];
        for (int i = 0, n = 0; i < perClass; i++) {
            for (Fate f : order) {
                rows.add(fill(select(byClass.get(f).get(i).features(), columns), medians));
                labels[n++] = classes.indexOf(f.csv());
            }
        }
        int k = perClass;
        List<String> names = java.util.Arrays.stream(columns).mapToObj(FateHistory.NAMES::get).toList();
        VectorForest forest = VectorForest.train(rows, labels, names, classes, trees, seed);
        FateHistoryModel.Info info = new FateHistoryModel.Info("karyo-fate-history/1", names, medians, trackShare(train), beforeLysis,
                List.copyOf(trainWells), classes);
        return new Trained(new FateHistoryModel(forest, info), k, window);
    }

    private static int[] columns(String features) throws KaryoInputException {
        return switch (features.toLowerCase(Locale.ROOT)) {
            case "history" -> java.util.stream.IntStream.range(0, FateHistory.NAMES.size()).toArray();
            case "frame" -> FateHistory.FRAME_ONLY.stream().mapToInt(FateHistory.NAMES::indexOf).toArray();
            case "hoechst" -> FateHistory.UNANCHORED.stream().mapToInt(FateHistory.NAMES::indexOf).toArray();
            default -> named(features);
        };
    }

    /** An explicit list of feature names, for ablations. */
    private static int[] named(String features) throws KaryoInputException {
        List<Integer> out = new ArrayList<>();
        for (String name : features.split(",")) {
            int i = FateHistory.NAMES.indexOf(name.strip());
            if (i < 0) {
                throw new KaryoInputException(null, "--features must be history, hoechst, frame or feature names ("
                        + String.join(", ", FateHistory.NAMES) + "), not '" + name.strip() + "'");
            }
            if (!out.contains(i)) out.add(i);
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
            else dropped.add(FateHistory.NAMES.get(c));
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

    /** One row per scored frame; a three-class model adds p_uninfected. */
    private void writePredictions(List<FateHistorySamples.Sample> s, FateHistoryScores p) throws java.io.IOException {
        AtomicFiles.write(out.resolve("predictions.csv"), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                w.write("well,track_id,root,frame,hours,fate,hours_post_infection,hours_before_lysis,p_spreader,"
                        + (p.threeClass() ? "p_uninfected," : "") + "predicted\n");
                for (int i = 0; i < p.size(); i++) {
                    FateHistorySamples.Sample x = s.get(i);
                    w.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%.4f,%s,%s,%s,%.4f,%s%s%n", x.well(), x.trackId(), x.root(), x.frame(),
                            x.hours(), x.fate().csv(), hours(x.hpi()), hours(x.hoursBeforeLysis()), p.probability(i, Fate.SPREADER),
                            p.threeClass() ? String.format(Locale.ROOT, "%.4f,", p.probability(i, Fate.UNINFECTED)) : "", p.called(i).csv()));
                }
            }
        });
    }

    private static String hours(double h) {
        return Double.isNaN(h) ? "" : String.format(Locale.ROOT, "%.4f", h);
    }

    private String report(String header, List<FateHistorySamples.Sample> s, FateHistoryScores p) {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "# Fate from Hoechst history (%s features)%n%n", model == null ? features : "saved model's"));
        r.append(header);
        TreeMap<Double, int[]> byLysis = bins(s, p, Fate.SPREADER, true);
        TreeMap<Double, int[]> byHpi = bins(s, p, Fate.NONSPREADER, false);
        r.append("| spreader frames, hours before lysis | frames | called spreader |\n|---|---|---|\n");
        byLysis.forEach((lo, c) -> r.append(String.format(Locale.ROOT, "| %.0f-%.0f | %d | %.3f |%n", lo, lo + bin, c[1], c[0] / (double) c[1])));
        r.append("\n| nonspreader frames, hours post infection | frames | called nonspreader |\n|---|---|---|\n");
        byHpi.forEach((lo, c) -> r.append(String.format(Locale.ROOT, "| %.0f-%.0f | %d | %.3f |%n", lo, lo + bin, c[1], c[0] / (double) c[1])));
        if (p.threeClass()) {
            long n = s.stream().filter(x -> x.fate() == Fate.UNINFECTED).count();
            long right = java.util.stream.IntStream.range(0, s.size())
                    .filter(i -> s.get(i).fate() == Fate.UNINFECTED && p.called(i) == Fate.UNINFECTED).count();
            r.append(String.format(Locale.ROOT, "%n| uninfected frames | frames | called uninfected |%n|---|---|---|%n| all | %d | %.3f |%n",
                    n, n == 0 ? Double.NaN : right / (double) n));
            r.append(String.format(Locale.ROOT, "%nInfected frames called uninfected: spreaders %.3f, nonspreaders %.3f (an infected cell "
                    + "whose nucleus has not changed yet looks uninfected).%n", share(s, p, Fate.SPREADER), share(s, p, Fate.NONSPREADER)));
        }
        // The headline: spreaders in the bin starting at --before-lysis against every scored nonspreader frame.
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            FateHistorySamples.Sample x = s.get(i);
            if (x.fate() == Fate.NONSPREADER || (x.hoursBeforeLysis() >= beforeLysis && x.hoursBeforeLysis() < beforeLysis + bin)) at.add(i);
        }
        float[][] proba = new float[at.size()][];
        int[] truth = new int[at.size()];
        String[] groups = new String[at.size()];
        for (int j = 0; j < at.size(); j++) {
            FateHistorySamples.Sample x = s.get(at.get(j));
            float ps = p.spreaderIfInfected(at.get(j));
            proba[j] = new float[] {1 - ps, ps};
            truth[j] = x.fate() == Fate.SPREADER ? 1 : 0;
            groups[j] = x.well() + "_" + x.root();
        }
        int spreaders = java.util.Arrays.stream(truth).sum();
        if (spreaders == 0 || spreaders == truth.length) {
            return r.append(String.format(Locale.ROOT, "%nAt %.0f-%.0f h before lysis: nothing to score (%d spreader and %d nonspreader "
                    + "frames; without lysis calls in fates.csv there is no truth to compare with).%n", beforeLysis, beforeLysis + bin,
                    spreaders, truth.length - spreaders)).toString();
        }
        Metrics m = Metrics.of(proba, truth, FateHistoryModel.CLASSES);
        Interval[] ci = Metrics.intervals(proba, truth, groups, FateHistoryModel.CLASSES, 1000, 0.95, 42);
        double balanced = (m.confusion().recall(0) + m.confusion().recall(1)) / 2;
        r.append(String.format(Locale.ROOT, "%nAt %.0f-%.0f h before lysis (spreader frames in that bin vs all scored nonspreader frames; intervals: "
                        + "bootstrap over lineages): balanced accuracy %.3f (spreader recall %.3f, nonspreader %.3f), AUC %.3f [%.3f, %.3f], "
                        + "%d spreader and %d nonspreader frames.%n",
                beforeLysis, beforeLysis + bin, balanced, m.confusion().recall(1), m.confusion().recall(0), m.auc(), ci[2].low(), ci[2].high(),
                java.util.Arrays.stream(truth).sum(), truth.length - java.util.Arrays.stream(truth).sum()));
        if (p.threeClass()) {
            r.append(String.format(Locale.ROOT, "(Two classes among the cells the reporter calls infected: spreader / (spreader + nonspreader).)%n"));
            r.append(threeClasses(s, p, at));
        }
        r.append(controls(s, p, at));
        return r.toString();
    }

    /** The three-class headline: the same spreader and nonspreader frames, and every scored uninfected frame. */
    private String threeClasses(List<FateHistorySamples.Sample> s, FateHistoryScores p, List<Integer> at) {
        List<Integer> all = new ArrayList<>(at);
        for (int i = 0; i < s.size(); i++) if (s.get(i).fate() == Fate.UNINFECTED) all.add(i);
        float[][] proba = new float[all.size()][];
        int[] truth = new int[all.size()];
        String[] groups = new String[all.size()];
        for (int j = 0; j < all.size(); j++) {
            FateHistorySamples.Sample x = s.get(all.get(j));
            proba[j] = p.row(all.get(j));
            truth[j] = p.classes().indexOf(x.fate().csv());
            groups[j] = x.well() + "_" + x.root();
        }
        long uninfectedFrames = all.size() - at.size();
        if (uninfectedFrames == 0) return String.format(Locale.ROOT, "%nThree classes: no uninfected frames to score.%n");
        Metrics m = Metrics.of(proba, truth, p.classes());
        // 200 resamples, not 1000: uninfected frames outnumber the others tenfold and each resample sorts them all.
        Interval[] ci = Metrics.intervals(proba, truth, groups, p.classes(), 200, 0.95, 42);
        int sp = p.classes().indexOf(Fate.SPREADER.csv()), ns = p.classes().indexOf(Fate.NONSPREADER.csv()),
                un = p.classes().indexOf(Fate.UNINFECTED.csv());
        double balanced = (m.confusion().recall(sp) + m.confusion().recall(ns) + m.confusion().recall(un)) / 3;
        return String.format(Locale.ROOT, "%nThree classes at %.0f-%.0f h before lysis (those frames, plus %d uninfected frames): balanced "
                        + "accuracy %.3f (recall: spreader %.3f, nonspreader %.3f, uninfected %.3f), accuracy %.3f, macro AUC %.3f [%.3f, %.3f] (200 lineage resamples).%n",
                beforeLysis, beforeLysis + bin, uninfectedFrames, balanced, m.confusion().recall(sp), m.confusion().recall(ns),
                m.confusion().recall(un), m.accuracy(), m.auc(), ci[2].low(), ci[2].high());
    }

    /** Share of the scored frames of this fate that the forest calls uninfected. */
    private static double share(List<FateHistorySamples.Sample> s, FateHistoryScores p, Fate fate) {
        int n = 0, u = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).fate() != fate) continue;
            n++;
            if (p.called(i) == Fate.UNINFECTED) u++;
        }
        return n == 0 ? Double.NaN : u / (double) n;
    }

    /**
     * Two checks on the headline. Lysis is only seen in the movie, so a cell infected late cannot be a spreader: the
     * movie clock alone predicts fate, and a predictor may learn it rather than the nucleus. The clock's best cut shows
     * how much that gives; scoring only against nonspreaders followed long enough to have lysed (as long as 95 % of the
     * scored spreaders took from infection to lysis) removes the cells whose fate the end of the movie decided.
     */
    private String controls(List<FateHistorySamples.Sample> s, FateHistoryScores p, List<Integer> at) {
        double[] hours = at.stream().mapToDouble(i -> s.get(i).hours()).toArray();
        boolean[] spreader = new boolean[at.size()], called = new boolean[at.size()];
        for (int j = 0; j < at.size(); j++) {
            spreader[j] = s.get(at.get(j)).fate() == Fate.SPREADER;
            called[j] = p.spreaderIfInfected(at.get(j)) >= 0.5f;
        }
        ClockControls.Cut clock = ClockControls.bestCut(hours, spreader);
        StringBuilder r = new StringBuilder(String.format(Locale.ROOT, "%nControls: the movie clock alone (every frame before %.1f h called "
                + "spreader, the best cut) reaches a balanced accuracy of %.3f on the same frames.", clock.cut(), clock.balanced()));
        ClockControls.Matched m = ClockControls.matched(hours, spreader, called, bin);
        r.append(m == null ? " Clock-matched: no movie-time bin holds both spreader and nonspreader frames."
                : String.format(Locale.ROOT, " Clock-matched (nonspreader frames weighted to the spreader frames' movie times, %.0f-h bins; "
                + "%.0f %% of the spreader frames share a bin with nonspreaders): balanced accuracy %.3f (spreader %.3f, nonspreader %.3f).",
                bin, 100 * m.kept(), m.balanced(), m.recall(), m.specificity()));
        double[] toLysis = s.stream().filter(x -> x.fate() == Fate.SPREADER).collect(java.util.stream.Collectors.toMap(
                x -> x.well() + "/" + x.trackId(), x -> x.hpi() + x.hoursBeforeLysis(), (a, b) -> a)).values().stream()
                .mapToDouble(Double::doubleValue).sorted().toArray();
        if (toLysis.length > 0) {
            double follow = toLysis[(int) Math.ceil(0.95 * toLysis.length) - 1];
            int[] c = new int[4];
            for (int j = 0; j < at.size(); j++) {
                FateHistorySamples.Sample x = s.get(at.get(j));
                if (spreader[j]) {
                    c[1]++;
                    if (called[j]) c[0]++;
                } else if (x.followedHours() >= follow) {
                    c[3]++;
                    if (!called[j]) c[2]++;
                }
            }
            if (c[3] > 0) {
                r.append(String.format(Locale.ROOT, " Against only the nonspreaders followed at least %.1f h after infection (as long as "
                        + "95 %% of the scored spreaders took to lyse, so they could have lysed and did not; %d frames): balanced accuracy "
                        + "%.3f (nonspreader %.3f).", follow, c[3], (c[0] / (double) c[1] + c[2] / (double) c[3]) / 2, c[2] / (double) c[3]));
            } else {
                r.append(" No scored nonspreader was followed long enough to have lysed (fates.csv without followed_hours, or short movies).");
            }
        }
        return r.append('\n').toString();
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

    /**
     * Spreader fraction per held-out well among the infected tracks still intact at --call-hpi, each called once at its
     * first frame from then on: truth, the count of calls at p >= 0.5, and the mean of probabilities corrected for the
     * training balance (Bayes' prior shift: odds x prior/(1 - prior)), which estimates a fraction without the bias of counting.
     */
    private String wellFractions(List<FateHistorySamples.Sample> s, FateHistoryScores scores, double prior) {
        Map<String, Integer> firstAtCall = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            FateHistorySamples.Sample x = s.get(i);
            if (!x.fate().infected() || x.hpi() < callHpi) continue;
            String key = x.well() + "/" + x.trackId();
            Integer j = firstAtCall.get(key);
            if (j == null || s.get(j).hpi() > x.hpi()) firstAtCall.put(key, i);
        }
        TreeMap<String, double[]> byWell = new TreeMap<>(); // tracks, true spreaders, called, corrected sum
        double odds = prior / (1 - prior);
        for (int i : firstAtCall.values()) {
            FateHistorySamples.Sample x = s.get(i);
            float p = scores.spreaderIfInfected(i);
            double[] w = byWell.computeIfAbsent(x.well(), k -> new double[4]);
            w[0]++;
            if (x.fate() == Fate.SPREADER) w[1]++;
            if (p >= 0.5f) w[2]++;
            double o = Math.min(p, 1 - 1e-6) / Math.max(1 - p, 1e-6) * odds;
            w[3] += o / (1 + o);
        }
        StringBuilder r = new StringBuilder(String.format(Locale.ROOT, "%nSpreader fraction per held-out well, infected tracks intact %.0f h after "
                + "infection, each called once then (training prior %.3f):%n%n| well | tracks | true | called (p >= 0.5) | "
                + "prior-corrected mean probability |%n|---|---|---|---|---|%n", callHpi, prior));
        byWell.forEach((well, w) -> r.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f %% | %.1f %% | %.1f %% |%n",
                well, w[0], 100 * w[1] / w[0], 100 * w[2] / w[0], 100 * w[3] / w[0])));
        return r.toString();
    }

    /** Per bin: {correct, total}; spreaders binned by hours before lysis, nonspreaders by hours post infection. */
    private TreeMap<Double, int[]> bins(List<FateHistorySamples.Sample> s, FateHistoryScores p, Fate fate, boolean byLysis) {
        TreeMap<Double, int[]> out = new TreeMap<>();
        for (int i = 0; i < s.size(); i++) {
            FateHistorySamples.Sample x = s.get(i);
            if (x.fate() != fate) continue;
            double h = byLysis ? x.hoursBeforeLysis() : x.hpi();
            int[] c = out.computeIfAbsent(Math.floor(h / bin) * bin, b -> new int[2]);
            if (p.called(i) == fate) c[0]++;
            c[1]++;
        }
        return out;
    }

    private void plot(List<FateHistorySamples.Sample> s, FateHistoryScores p) throws java.io.IOException {
        Map<String, TreeMap<Double, int[]>> both = new LinkedHashMap<>();
        both.put("spreader frames", bins(s, p, Fate.SPREADER, true));
        both.put("nonspreader frames", bins(s, p, Fate.NONSPREADER, false));
        List<LinePlot.Panel> panels = new ArrayList<>();
        String[] x = {"hours before lysis (bin start)", "hours post infection (bin start)"};
        int j = 0;
        for (Map.Entry<String, TreeMap<Double, int[]>> e : both.entrySet()) {
            double[] xs = e.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] ys = e.getValue().values().stream().mapToDouble(c -> c[0] / (double) c[1]).toArray();
            panels.add(new LinePlot.Panel("Held-out " + e.getKey() + " called correctly (" + features + " features)", x[j++], "accuracy",
                    List.of(LinePlot.Line.of(e.getKey(), xs, ys)), Double.NaN, 1));
        }
        LinePlot.write(out.resolve("accuracy_by_hours_before_lysis.png"), 800, 360, panels);
    }
}
