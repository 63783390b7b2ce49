package org.karyo.app;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.karyo.fate.Fate;
import org.karyo.fate.FateCall;
import org.karyo.fate.FateCalls;
import org.karyo.fate.FateScore;
import org.karyo.fate.FateSettings;
import org.karyo.fate.ParentLink;
import org.karyo.fate.TrueFate;
import org.karyo.AtomicFiles;
import org.karyo.io.plot.BarPlot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** fates.csv and fates.json for 'karyo fates': calls per well, spreader fractions, and scores against truth. */
final class FateReport {
    static final String CSV = "fates.csv";
    static final String JSON = "fates.json";
    static final String WELLS = "wells.csv";
    static final String WELLS_PNG = "wells.png";
    static final String[] HEADER = {"well", "track_id", "parent", "fate", "infection_hours", "lysis_hours", "frames", "root",
            "first_frame", "last_frame", "called_fate", "source", "inherited", "followed_hours",
            "true_fate", "true_infection_hours", "true_lysis_hours", "parent_link", "lost"};

    private final FateSettings settings;
    private final Map<String, FateCalls> wells = new LinkedHashMap<>();
    private final Map<String, Map<Integer, TrueFate>> truth = new HashMap<>();
    /** Per well whose calls can be scored track by track: the truth keyed by the calls' track ids. */
    private final Map<String, Map<Integer, TrueFate>> trackTruth = new HashMap<>();
    /** Wells whose track truth came through truth_match.csv (tracker output), not from shared labels. */
    private final java.util.Set<String> matched = new java.util.HashSet<>();

    FateReport(FateSettings settings) {
        this.settings = settings;
    }

    /**
     * @param wellTruth  what really happened in the well, by truth label (null: unknown)
     * @param trackTruth the same keyed by the calls' track ids, so each call can be scored against its own cell: the
     *                   truth itself when the tracks are its labels, the cell each track followed for tracker output
     *                   with a truth_match.csv; null when calls cannot be matched to cells (only the true spreader
     *                   fraction is compared then)
     * @param viaMatch   trackTruth came from matching tracker tracks to truth cells
     */
    void add(String well, FateCalls calls, Map<Integer, TrueFate> wellTruth, Map<Integer, TrueFate> trackTruth, boolean viaMatch) {
        wells.put(well, calls);
        if (wellTruth != null) truth.put(well, wellTruth);
        if (wellTruth != null && trackTruth != null) {
            this.trackTruth.put(well, trackTruth);
            if (viaMatch) matched.add(well);
        }
    }

    private List<FateCall> allCalls() {
        return wells.values().stream().flatMap(c -> c.calls().stream()).toList();
    }

    void write(Path out) throws IOException {
        try (CsvStream csv = new CsvStream(out.resolve(CSV), HEADER)) {
            for (Map.Entry<String, FateCalls> e : wells.entrySet()) {
                Map<Integer, TrueFate> t = trackTruth.getOrDefault(e.getKey(), Map.of());
                for (FateCall c : e.getValue().calls()) {
                    TrueFate tf = t.get(c.trackId());
                    csv.row(e.getKey(), c.trackId(), c.parent(), c.fate().csv(), c.infectionHours(), c.lysisHours(), c.frames(),
                            c.root(), c.firstFrame(), c.lastFrame(), c.calledFate().csv(), c.source().csv(), c.inherited() ? 1 : 0,
                            c.followedHours(), tf == null ? null : tf.fate().csv(), tf == null ? Double.NaN : tf.infectionHours(),
                            tf == null ? Double.NaN : tf.lysisHours(), c.parentLink().csv(), c.lost() ? 1 : 0);
                }
            }
            csv.commit();
        }
        try (CsvStream csv = new CsvStream(out.resolve(WELLS), "well", "tracks", "spreader_cells", "infected_cells",
                "spreader_fraction", "lost_to_follow_up", "links_doubted", "true_spreader_fraction")) {
            for (Map.Entry<String, FateCalls> e : wells.entrySet()) {
                List<FateCall> calls = e.getValue().calls();
                int[] k = FateCalls.spreaderCount(calls);
                csv.row(e.getKey(), calls.size(), k[0], k[1], FateCalls.spreaderFraction(calls),
                        calls.stream().filter(FateCall::lost).count(),
                        calls.stream().filter(c -> c.parentLink() != ParentLink.TRUSTED).count(),
                        truth.containsKey(e.getKey()) ? trueSpreaderFraction(e.getKey()) : Double.NaN);
            }
            csv.commit();
        }
        writeWellPlot(out.resolve(WELLS_PNG));
        AtomicFiles.writeString(out.resolve(JSON), new GsonBuilder().setPrettyPrinting().serializeNulls()
                .serializeSpecialFloatingPointValues().create().toJson(json()).replace("NaN", "null") + "\n");
    }

    /** Spreader fraction per well in per cent, called and (with truth) true: the study's headline number per well. */
    private void writeWellPlot(Path png) throws IOException {
        List<String> names = new ArrayList<>(wells.keySet());
        double[] called = new double[names.size()];
        double[] truthPct = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            called[i] = 100 * FateCalls.spreaderFraction(wells.get(names.get(i)).calls());
            truthPct[i] = truth.containsKey(names.get(i)) ? 100 * trueSpreaderFraction(names.get(i)) : Double.NaN;
        }
        java.util.LinkedHashMap<String, double[]> series = new java.util.LinkedHashMap<>();
        series.put("called", called);
        if (!truth.isEmpty()) series.put("truth", truthPct);
        BarPlot.write(png, "Spreaders per infected cell", "spreader fraction (%)", names, series);
    }

    JsonObject json() {
        JsonObject j = new JsonObject();
        JsonObject s = new JsonObject();
        s.addProperty("persistence_frames", settings.persistence());
        s.addProperty("parent_links_checked", settings.checkParentLinks());
        s.addProperty("threshold_method", settings.method().name().toLowerCase(Locale.ROOT) + (settings.logScale() ? " (log values)" : ""));
        j.add("settings", s);
        FateCalls first = wells.values().iterator().next();
        j.addProperty("reporter_threshold", first.reporterThreshold());
        j.addProperty("pi_threshold", first.piThreshold());
        JsonObject pooled = summary(allCalls());
        pooled.addProperty("spreader_fraction", pooledSpreaderFraction());
        j.add("all", pooled);
        JsonObject per = new JsonObject();
        wells.forEach((w, c) -> {
            JsonObject o = summary(c.calls());
            o.addProperty("reporter_separation", c.reporterSeparation());
            o.addProperty("pi_separation", c.piSeparation());
            if (truth.containsKey(w)) o.add("truth", truthJson(w, c.calls()));
            per.add(w, o);
        });
        j.add("wells", per);
        if (!truth.isEmpty()) j.add("truth", truthJson(null, allCalls()));
        return j;
    }

    private static JsonObject summary(List<FateCall> calls) {
        JsonObject o = new JsonObject();
        o.addProperty("tracks", calls.size());
        FateCalls.counts(calls).forEach((f, n) -> o.addProperty(f.csv(), n));
        o.addProperty("overridden", calls.stream().filter(c -> c.source() == FateCall.Source.OVERRIDE).count());
        o.addProperty("lost_to_follow_up", calls.stream().filter(FateCall::lost).count());
        o.addProperty("spreader_fraction", FateCalls.spreaderFraction(calls));
        for (ParentLink l : ParentLink.values()) {
            if (l != ParentLink.TRUSTED) o.addProperty("links_doubted_" + l.csv(), calls.stream().filter(c -> c.parentLink() == l).count());
        }
        return o;
    }

    /** Spreader cells over infected cells, counted well by well (track ids repeat between wells). */
    private double pooledSpreaderFraction() {
        int s = 0;
        int inf = 0;
        for (FateCalls c : wells.values()) {
            int[] k = FateCalls.spreaderCount(c.calls());
            s += k[0];
            inf += k[1];
        }
        return inf == 0 ? Double.NaN : (double) s / inf;
    }

    /** Truth summary over one well (or all wells that have truth when well is null). */
    private JsonObject truthJson(String well, List<FateCall> calls) {
        JsonObject o = new JsonObject();
        boolean any = well != null ? trackTruth.containsKey(well) : !trackTruth.isEmpty();
        if (!any) {
            o.addProperty("per_track", "skipped: the tracks are not the truth's labels (e.g. tracker output)");
            o.addProperty("true_spreader_fraction", trueSpreaderFraction(well));
            return o;
        }
        FateScore score = well != null ? FateScore.of(calls, trackTruth.get(well)) : pooledScore();
        o.addProperty("tracks_matched_to_truth_cells", well != null ? matched.contains(well) : !matched.isEmpty());
        o.addProperty("scored_tracks", score.total());
        o.addProperty("unmatched_tracks", score.unmatched());
        o.addProperty("accuracy", score.accuracy());
        JsonArray conf = new JsonArray();
        for (Fate t : Fate.values()) {
            JsonObject row = new JsonObject();
            row.addProperty("true", t.csv());
            for (Fate c : Fate.values()) row.addProperty("called_" + c.csv(), score.confusion()[t.ordinal()][c.ordinal()]);
            conf.add(row);
        }
        o.add("confusion", conf);
        for (Fate f : Fate.values()) {
            JsonObject pr = new JsonObject();
            pr.addProperty("recall", score.recall(f));
            pr.addProperty("precision", score.precision(f));
            o.add(f.csv(), pr);
        }
        o.add("infection_onset_error_hours", errors(score.infectionError()));
        o.add("lysis_onset_error_hours", errors(score.lysisError()));
        o.addProperty("true_spreader_fraction", trueSpreaderFraction(well));
        return o;
    }

    private FateScore pooledScore() {
        int k = Fate.values().length;
        int[][] conf = new int[k][k];
        List<Double> inf = new ArrayList<>();
        List<Double> lys = new ArrayList<>();
        int unmatched = 0;
        for (Map.Entry<String, FateCalls> e : wells.entrySet()) {
            if (!trackTruth.containsKey(e.getKey())) continue;
            FateScore s = FateScore.of(e.getValue().calls(), trackTruth.get(e.getKey()));
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) conf[a][b] += s.confusion()[a][b];
            for (double v : s.infectionError()) inf.add(v);
            for (double v : s.lysisError()) lys.add(v);
            unmatched += s.unmatched();
        }
        return new FateScore(conf, inf.stream().mapToDouble(Double::doubleValue).toArray(),
                lys.stream().mapToDouble(Double::doubleValue).toArray(), unmatched);
    }

    /** Spreaders over infected cells in the truth, cells counted as tracks (the simulator's infected cells never divide). */
    private double trueSpreaderFraction(String well) {
        int s = 0;
        int inf = 0;
        for (Map.Entry<String, Map<Integer, TrueFate>> e : truth.entrySet()) {
            if (well != null && !well.equals(e.getKey())) continue;
            for (TrueFate t : e.getValue().values()) {
                if (!t.fate().infected()) continue;
                inf++;
                if (t.fate() == Fate.SPREADER) s++;
            }
        }
        return inf == 0 ? Double.NaN : (double) s / inf;
    }

    private static JsonObject errors(double[] e) {
        JsonObject o = new JsonObject();
        o.addProperty("n", e.length);
        o.addProperty("median", FateScore.quantile(e, 0.5));
        o.addProperty("p10", FateScore.quantile(e, 0.1));
        o.addProperty("p90", FateScore.quantile(e, 0.9));
        double abs = 0;
        for (double v : e) abs += Math.abs(v);
        o.addProperty("mean_absolute", e.length == 0 ? Double.NaN : abs / e.length);
        return o;
    }

    String summary() {
        StringBuilder sb = new StringBuilder();
        List<FateCall> all = allCalls();
        Map<Fate, Integer> n = FateCalls.counts(all);
        FateCalls first = wells.values().iterator().next();
        sb.append(String.format(Locale.ROOT, "cuts: reporter %.1f, PI %.1f (persistence %d frames)%n",
                first.reporterThreshold(), first.piThreshold(), settings.persistence()));
        long lost = all.stream().filter(FateCall::lost).count();
        long doubted = all.stream().filter(c -> c.parentLink() != ParentLink.TRUSTED).count();
        sb.append(String.format(Locale.ROOT, "%d tracks: %d spreader, %d nonspreader (%d of them lost to follow-up), %d uninfected; "
                        + "%d parent links doubted; spreader fraction %s%n", all.size(), n.get(Fate.SPREADER), n.get(Fate.NONSPREADER),
                lost, n.get(Fate.UNINFECTED), doubted, pct(pooledSpreaderFraction())));
        if (wells.size() > 1) {
            wells.forEach((w, c) -> sb.append(String.format(Locale.ROOT, "  %s: spreader fraction %s%s%n", w,
                    pct(c.spreaderFraction()), truth.containsKey(w) ? " (truth " + pct(trueSpreaderFraction(w)) + ")" : "")));
        }
        if (!truth.isEmpty() && trackTruth.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "vs truth: true spreader fraction %s; per-track scores skipped: the tracks are not "
                    + "the truth's labels (tracker output) and no truth_match.csv ('karyo track --truth') says which cell each "
                    + "followed%n", pct(trueSpreaderFraction(null))));
        } else if (!truth.isEmpty()) {
            FateScore s = pooledScore();
            if (!matched.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "vs truth, each tracker track scored as the truth cell it followed in most of"
                        + " its frames (truth_match.csv; %d tracks followed no one cell and are not scored):%n  ", s.unmatched()));
            }
            sb.append(String.format(Locale.ROOT, "vs truth: accuracy %.3f on %d tracks; spreader recall %.2f precision %.2f; "
                            + "true spreader fraction %s; infection onset error median %+.1f h, lysis onset error median %+.1f h%n",
                    s.accuracy(), s.total(), s.recall(Fate.SPREADER), s.precision(Fate.SPREADER), pct(trueSpreaderFraction(null)),
                    FateScore.quantile(s.infectionError(), 0.5), FateScore.quantile(s.lysisError(), 0.5)));
        }
        return sb.toString();
    }

    private static String pct(double f) {
        return Double.isNaN(f) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * f);
    }
}
