package org.karyo.app;

import org.karyo.AtomicFiles;
import org.karyo.fate.Fate;
import org.karyo.io.plot.LinePlot;
import org.karyo.learn.eval.Interval;
import org.karyo.learn.eval.Metrics;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What 'karyo fate-history' writes about its scored frames: predictions.csv, the report's tables and headline with
 * its controls, the per-well spreader fractions, the accuracy plot, and the headline numbers as metrics.json (for
 * scripts, which should not parse the report's prose).
 */
final class FateHistoryReport {
    private final Path out;
    private final String features;
    private final double beforeLysis;
    private final double bin;
    private final double callHpi;
    /** The headline numbers as the report states them, filled while {@link #text} writes it. */
    private final Map<String, Object> metrics = new LinkedHashMap<>();

    /**
     * @param out         folder to write into
     * @param features    how the features are named in titles
     * @param beforeLysis the headline's bin starts this many hours before lysis
     * @param bin         width of the hours bins
     * @param callHpi     per-well fractions call each infected track once, this many hours after infection
     */
    FateHistoryReport(Path out, String features, double beforeLysis, double bin, double callHpi) {
        this.out = out;
        this.features = features;
        this.beforeLysis = beforeLysis;
        this.bin = bin;
        this.callHpi = callHpi;
    }

    /** One row per scored frame; a three-class model adds p_uninfected. */
    void writePredictions(List<FateHistorySamples.Sample> s, FateHistoryScores p) throws java.io.IOException {
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

    /** One row per scored frame, in predictions.csv's order: the frame's key and the named features' values. */
    void writeFeatures(List<FateHistorySamples.Sample> s, List<String> names) throws java.io.IOException {
        int[] columns = names.stream().mapToInt(FateHistorySamples.NAMES::indexOf).toArray();
        AtomicFiles.write(out.resolve("features.csv"), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                w.write("well,track_id,frame,fate," + String.join(",", names) + "\n");
                for (FateHistorySamples.Sample x : s) {
                    StringBuilder row = new StringBuilder().append(x.well()).append(',').append(x.trackId()).append(',')
                            .append(x.frame()).append(',').append(x.fate().csv());
                    for (int c : columns) {
                        double v = x.features()[c];
                        row.append(',').append(Double.isFinite(v) ? java.math.BigDecimal.valueOf(v)
                                .round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString() : "");
                    }
                    w.write(row.append('\n').toString());
                }
            }
        });
    }

    private static String hours(double h) {
        return Double.isNaN(h) ? "" : String.format(Locale.ROOT, "%.4f", h);
    }

    /** The report's text: tables by hours, the headline at --before-lysis, its controls, and the per-well fractions. */
    String text(String header, List<FateHistorySamples.Sample> s, FateHistoryScores p, double prior) {
        metrics.clear();
        return headline(header, s, p) + wellFractions(s, p, prior);
    }

    private String headline(String header, List<FateHistorySamples.Sample> s, FateHistoryScores p) {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "# Fate from Hoechst history (%s features)%n%n", features));
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
        Interval balanced = Metrics.balancedAccuracyInterval(proba, truth, groups, 1000, 0.95, 42);
        r.append(String.format(Locale.ROOT, "%nAt %.0f-%.0f h before lysis (spreader frames in that bin vs all scored nonspreader frames; intervals: "
                        + "bootstrap over lineages): balanced accuracy %.3f [%.3f, %.3f] (spreader recall %.3f, nonspreader %.3f), AUC %.3f [%.3f, %.3f], "
                        + "%d spreader and %d nonspreader frames.%n",
                beforeLysis, beforeLysis + bin, balanced.estimate(), balanced.low(), balanced.high(), m.confusion().recall(1),
                m.confusion().recall(0), m.auc(), ci[2].low(), ci[2].high(), spreaders, truth.length - spreaders));
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("balanced_accuracy", withInterval(balanced));
        two.put("recall", entries("spreader", number(m.confusion().recall(1)), "nonspreader", number(m.confusion().recall(0))));
        two.put("auc", withInterval(ci[2]));
        two.put("frames", entries("spreader", spreaders, "nonspreader", truth.length - spreaders));
        metrics.put("two_classes", two);
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
        // The balanced accuracy needs only counts, so it affords the full 1000.
        Interval balanced = Metrics.balancedAccuracyInterval(proba, truth, groups, 1000, 0.95, 42);
        int sp = p.classes().indexOf(Fate.SPREADER.csv()), ns = p.classes().indexOf(Fate.NONSPREADER.csv()),
                un = p.classes().indexOf(Fate.UNINFECTED.csv());
        Map<String, Object> three = new LinkedHashMap<>();
        three.put("balanced_accuracy", withInterval(balanced));
        three.put("recall", entries("spreader", number(m.confusion().recall(sp)), "nonspreader", number(m.confusion().recall(ns)),
                "uninfected", number(m.confusion().recall(un))));
        three.put("accuracy", number(m.accuracy()));
        three.put("macro_auc", withInterval(ci[2]));
        three.put("uninfected_frames", uninfectedFrames);
        metrics.put("three_classes", three);
        return String.format(Locale.ROOT, "%nThree classes at %.0f-%.0f h before lysis (those frames, plus %d uninfected frames): balanced "
                        + "accuracy %.3f [%.3f, %.3f] (recall: spreader %.3f, nonspreader %.3f, uninfected %.3f), accuracy %.3f, macro AUC %.3f "
                        + "[%.3f, %.3f] (intervals: 1000 lineage resamples, 200 for the AUC).%n",
                beforeLysis, beforeLysis + bin, uninfectedFrames, balanced.estimate(), balanced.low(), balanced.high(), m.confusion().recall(sp),
                m.confusion().recall(ns), m.confusion().recall(un), m.accuracy(), m.auc(), ci[2].low(), ci[2].high())
                + matchedThreeClasses(s, p, all, m.confusion().recall(sp), three);
    }

    /** A number for metrics.json: NaN (nothing to score) becomes null, as JSON has no NaN. */
    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Object> withInterval(Interval i) {
        return entries("estimate", number(i.estimate()), "low", number(i.low()), "high", number(i.high()));
    }

    /** An ordered map from key, value pairs; values may be null (Map.of refuses them). */
    private static Map<String, Object> entries(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return out;
    }

    /**
     * metrics.json: the headline numbers of the last {@link #text}, with what they were measured on.
     *
     * @param smoothHalfLife the half-life the calls were smoothed with along each track (0: per frame)
     */
    void writeMetrics(double smoothHalfLife) throws java.io.IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("features", features);
        json.put("hours_before_lysis", List.of(beforeLysis, beforeLysis + bin));
        json.put("smooth_half_life_hours", smoothHalfLife);
        json.put("intervals", "95 % percentile bootstrap over lineages (a root cell and its descendants in one well)");
        json.putAll(metrics);
        AtomicFiles.writeString(out.resolve("metrics.json"),
                new com.google.gson.GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json) + "\n");
    }

    /**
     * The three-class score seen two other ways: with the nonspreader and uninfected frames weighted to the movie times
     * of the scored spreader frames (every cell at the moment the spreaders are that far from lysis), and with the
     * nonspreader frames weighted to their hours since infection (cells as long infected as the spreaders).
     */
    private String matchedThreeClasses(List<FateHistorySamples.Sample> s, FateHistoryScores p, List<Integer> frames, double spreaderRecall,
                                       Map<String, Object> three) {
        List<Double> spHours = new ArrayList<>(), spHpi = new ArrayList<>();
        List<Double> nsHours = new ArrayList<>(), nsHpi = new ArrayList<>(), unHours = new ArrayList<>();
        List<Boolean> nsRight = new ArrayList<>(), unRight = new ArrayList<>();
        for (int i : frames) {
            FateHistorySamples.Sample x = s.get(i);
            switch (x.fate()) {
                case SPREADER -> {
                    spHours.add(x.hours());
                    spHpi.add(x.hpi());
                }
                case NONSPREADER -> {
                    nsHours.add(x.hours());
                    nsHpi.add(x.hpi());
                    nsRight.add(p.called(i) == Fate.NONSPREADER);
                }
                case UNINFECTED -> {
                    unHours.add(x.hours());
                    unRight.add(p.called(i) == Fate.UNINFECTED);
                }
            }
        }
        double nsClock = ClockControls.matchedRecall(doubles(spHours), doubles(nsHours), booleans(nsRight), bin);
        double unClock = ClockControls.matchedRecall(doubles(spHours), doubles(unHours), booleans(unRight), bin);
        double nsAge = ClockControls.matchedRecall(doubles(spHpi), doubles(nsHpi), booleans(nsRight), bin);
        double unPlain = unRight.stream().filter(b -> b).count() / (double) unRight.size();
        three.put("balanced_accuracy_matched_to_movie_time", number((spreaderRecall + nsClock + unClock) / 3));
        three.put("balanced_accuracy_matched_to_infection_age", number((spreaderRecall + nsAge + unPlain) / 3));
        return String.format(Locale.ROOT, "Matched: with nonspreader and uninfected frames weighted to the spreader frames' movie times "
                        + "(%.0f-h bins), balanced accuracy %.3f (nonspreader %.3f, uninfected %.3f); with nonspreader frames weighted to "
                        + "the spreader frames' hours since infection, %.3f (nonspreader %.3f).%n",
                bin, (spreaderRecall + nsClock + unClock) / 3, nsClock, unClock, (spreaderRecall + nsAge + unPlain) / 3, nsAge);
    }

    private static double[] doubles(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean[] booleans(List<Boolean> v) {
        boolean[] out = new boolean[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
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
        Map<String, Object> controls = entries("clock_alone", number(clock.balanced()), "clock_matched", m == null ? null : number(m.balanced()),
                "against_long_followed_nonspreaders", null);
        metrics.put("controls", controls);
        r.append(m == null ? " Clock-matched: no movie-time bin holds both spreader and nonspreader frames."
                : String.format(Locale.ROOT, " Clock-matched (nonspreader frames weighted to the spreader frames' movie times, %.0f-h bins; "
                + "%.0f %% of the spreader frames share a bin with nonspreaders): balanced accuracy %.3f (spreader %.3f, nonspreader %.3f).",
                bin, 100 * m.kept(), m.balanced(), m.recall(), m.specificity()));
        double[] toLysis = s.stream().filter(x -> x.fate() == Fate.SPREADER).collect(java.util.stream.Collectors.toMap(
                x -> x.well() + "/" + x.trackId(), x -> x.hpi() + x.hoursBeforeLysis(), (a, b) -> a)).values().stream()
                .mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
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
                controls.put("against_long_followed_nonspreaders", number((c[0] / (double) c[1] + c[2] / (double) c[3]) / 2));
            } else {
                r.append(" No scored nonspreader was followed long enough to have lysed (fates.csv without followed_hours, or short movies).");
            }
        }
        return r.append('\n').toString();
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

    void plot(List<FateHistorySamples.Sample> s, FateHistoryScores p) throws java.io.IOException {
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
