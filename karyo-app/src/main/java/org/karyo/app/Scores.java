package org.karyo.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.karyo.learn.eval.ConfusionMatrix;
import org.karyo.learn.eval.Interval;
import org.karyo.learn.eval.Metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier's scores on labelled crops with bootstrap intervals, in the two shapes we store them:
 * flat numbers for the model bundle and a nested object for metrics.json.
 */
record Scores(Metrics metrics, Interval[] intervals, int n, int groups) {
    static final int RESAMPLES = 1000;
    static final double LEVEL = 0.95;

    /**
     * @param groups each crop's group (the split's unit: image, well, patient, track); the bootstrap
     *               resamples whole groups, since crops of one group are not independent
     */
    static Scores of(float[][] proba, int[] truth, String[] groups, List<String> classes) {
        Metrics m = Metrics.of(proba, truth, classes);
        Interval[] ci = Metrics.intervals(proba, truth, groups, classes, RESAMPLES, LEVEL, 42);
        return new Scores(m, ci, truth.length, (int) java.util.Arrays.stream(groups).distinct().count());
    }

    static String[] groupsOf(List<org.karyo.learn.data.Crop> crops) {
        return crops.stream().map(org.karyo.learn.data.Crop::group).toArray(String[]::new);
    }

    /** Names as in metrics.json; undefined values (AUC with one class present) stay null. */
    Map<String, Double> flat() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("n", (double) n);
        out.put("n_groups", (double) groups);
        put(out, "accuracy", metrics.accuracy());
        put(out, "macro_f1", metrics.macroF1());
        put(out, "auc", metrics.auc());
        put(out, "ece", metrics.ece());
        String[] names = {"accuracy", "macro_f1", "auc"};
        for (int i = 0; i < names.length; i++) {
            put(out, names[i] + "_ci_low", intervals[i].low());
            put(out, names[i] + "_ci_high", intervals[i].high());
        }
        return out;
    }

    JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("n", n);
        add(o, "accuracy", metrics.accuracy());
        add(o, "macro_f1", metrics.macroF1());
        add(o, "auc", metrics.auc());
        o.addProperty("auc_definition", metrics.classes().size() == 2
                ? "binary, positive class '" + metrics.classes().get(1) + "' (second in sorted order)"
                : "macro one-vs-rest over classes present");
        add(o, "ece", metrics.ece());
        o.addProperty("ece_bins", Metrics.ECE_BINS);
        JsonObject ci = new JsonObject();
        String[] names = {"accuracy", "macro_f1", "auc"};
        for (int i = 0; i < names.length; i++) {
            JsonArray a = new JsonArray();
            a.add(finiteOrNull(intervals[i].low()));
            a.add(finiteOrNull(intervals[i].high()));
            ci.add(names[i], a);
        }
        o.add("ci95", ci);
        o.addProperty("n_groups", groups);
        o.addProperty("ci_method", "percentile bootstrap resampling whole groups (" + groups + " groups, the split's unit), "
                + RESAMPLES + " resamples, seed 42");
        ConfusionMatrix cm = metrics.confusion();
        JsonObject perClass = new JsonObject();
        int[][] counts = cm.counts();
        for (int k = 0; k < metrics.classes().size(); k++) {
            JsonObject c = new JsonObject();
            int support = 0;
            for (int v : counts[k]) support += v;
            c.addProperty("support", support);
            add(c, "precision", cm.precision(k));
            add(c, "recall", cm.recall(k));
            add(c, "f1", cm.f1(k));
            perClass.add(metrics.classes().get(k), c);
        }
        o.add("per_class", perClass);
        JsonObject confusion = new JsonObject();
        JsonArray classes = new JsonArray();
        metrics.classes().forEach(classes::add);
        confusion.add("classes", classes);
        JsonArray rows = new JsonArray();
        for (int[] row : counts) {
            JsonArray r = new JsonArray();
            for (int v : row) r.add(v);
            rows.add(r);
        }
        confusion.add("counts_truth_by_predicted", rows);
        o.add("confusion", confusion);
        return o;
    }

    private static void put(Map<String, Double> m, String k, double v) {
        m.put(k, Double.isFinite(v) ? v : null);
    }

    private static void add(JsonObject o, String k, double v) {
        o.add(k, finiteOrNull(v));
    }

    private static com.google.gson.JsonElement finiteOrNull(double v) {
        return Double.isFinite(v) ? new com.google.gson.JsonPrimitive(v) : com.google.gson.JsonNull.INSTANCE;
    }
}
