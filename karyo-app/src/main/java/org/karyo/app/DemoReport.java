package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.AtomicFiles;
import org.karyo.io.table.CsvReader;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The demo's HTML page: what was run, what came out, and how it compares with the ground truth. */
final class DemoReport {
    private DemoReport() {
    }

    static void write(Path html, List<List<String>> steps, SimulatedTruthCheck c, Path labelled, Path dataset,
                      UnseenPlateCheck unseen)
            throws IOException, KaryoInputException {
        Map<String, Map<String, String>> measured = new HashMap<>();
        for (Map<String, String> r : CsvReader.read(labelled.resolve("wells.csv"))) measured.put(r.get("well"), r);
        TreeMap<String, Integer> classes = new TreeMap<>();
        for (Map<String, String> r : CsvReader.read(dataset.resolve("manifest.csv"))) classes.merge(r.get("class"), 1, Integer::sum);
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Karyo demo</title><style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}")
                .append("th{background:#f3f3f3}code{background:#f5f5f5;padding:1px 4px}img{max-width:100%;border:1px solid #ddd}")
                .append(".row{display:flex;gap:12px}.row figure{flex:1;margin:0}</style></head><body>");
        h.append("<h1>Karyo demo: a simulated adenovirus plate</h1>");
        h.append("<p>Each step below is an ordinary <code>karyo</code> command; run them yourself to reproduce this page's inputs.</p><ol>");
        for (List<String> s : steps) h.append("<li><code>karyo ").append(esc(String.join(" ", s))).append("</code></li>");
        h.append("</ol>");
        h.append("<h2>Infection per well</h2><img src=\"labels/plate_infection.png\" alt=\"plate heatmap\">");
        h.append("<table><tr><th>well</th><th>MOI (truth)</th><th>nuclei found</th><th>infected, measured</th><th>infected, truth</th></tr>");
        for (String w : c.wellNames()) {
            double[] t = c.wells.get(w);
            Map<String, String> m = measured.get(w);
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3g</td><td>%s</td><td>%s</td><td>%.1f %%</td></tr>",
                    w, t[2], m == null ? "" : m.get("nuclei"), m == null ? "" : pct(m.get("infected_fraction")), 100 * t[1] / t[0]));
        }
        h.append("</table>");
        h.append("<h2>Checked against the ground truth</h2><table>");
        h.append(row("nuclei in truth / found", c.segmentation.truth() + " / " + c.segmentation.predicted()));
        h.append(row("segmentation F1 at IoU 0.5", fmt(c.segmentation.f1())));
        h.append(row("segmentation mean AP (IoU 0.5:0.95)", fmt(c.segmentation.meanAp())));
        h.append(row("nuclei matched to truth (IoU &gt; 0.5)", Long.toString(c.matched())));
        h.append(row("infected call accuracy", fmt(c.accuracy())));
        h.append(row("precision / recall of 'infected'", fmt(c.precision()) + " / " + fmt(c.recall())));
        h.append(row("confusion (TP, FP, FN, TN)", c.tp + ", " + c.fp + ", " + c.fn + ", " + c.tn));
        h.append("</table>");
        h.append("<h2>Reporter threshold</h2><p>One cut over all nuclei of the plate, found by Otsu's method on log reporter values:</p>")
                .append("<img src=\"labels/reporter_qc.png\" alt=\"reporter histogram\">");
        String mock = c.wellNames().get(0);
        String high = c.wellNames().stream().max((a, b) -> Double.compare(c.wells.get(a)[2], c.wells.get(b)[2])).orElse(mock);
        h.append("<h2>Overlays</h2><p>Green: called infected; blue: uninfected.</p><div class=\"row\">");
        for (String w : List.of(mock, high)) {
            h.append("<figure><img src=\"labels/DEMO_").append(w).append("_s1.overlay.png\"><figcaption>well ").append(w)
                    .append(String.format(Locale.ROOT, ", MOI %.3g", c.wells.get(w)[2])).append("</figcaption></figure>");
        }
        h.append("</div>");
        h.append("<h2>Dataset for learning</h2><p><code>dataset/</code>: ").append(esc(classes.toString()))
                .append(" crops, with <code>manifest.csv</code> grouping them by well so no well reaches both training and test.</p>");
        learning(h, html.getParent(), unseen);
        h.append("</body></html>\n");
        AtomicFiles.writeString(html, h.toString());
    }

    /** Training, held-out evaluation and the unseen plate: what the model learnt from the Hoechst stain alone. */
    private static void learning(StringBuilder h, Path dir, UnseenPlateCheck unseen) throws IOException {
        h.append("<h2>Learning infection from the Hoechst stain alone</h2>")
                .append("<p>A compact CNN was trained on the crops above (reporter-derived labels, Hoechst pixels only), ")
                .append("with whole wells held out for validation and test. Its curve, then its scores on the test wells:</p>")
                .append("<img src=\"model/training.png\" alt=\"training curve\">");
        Path metrics = dir.resolve("evaluation/metrics.json");
        if (Files.isRegularFile(metrics)) {
            JsonObject m = JsonParser.parseString(Files.readString(metrics)).getAsJsonObject();
            JsonObject cis = m.has("ci95") ? m.getAsJsonObject("ci95") : new JsonObject();
            h.append("<table>");
            for (String k : List.of("accuracy", "macro_f1", "auc")) {
                String label = k.replace('_', ' ') + (k.equals("auc") && m.has("auc_definition")
                        ? " (" + esc(m.get("auc_definition").getAsString()) + ")" : "");
                String ci = "";
                if (cis.has(k) && cis.get(k).isJsonArray()) {
                    JsonArray a = cis.getAsJsonArray(k);
                    ci = " [" + fmt(number(a.get(0))) + ", " + fmt(number(a.get(1))) + "]";
                }
                h.append(row(label, fmt(number(m.get(k))) + ci));
            }
            h.append(row("crops scored", m.has("n") ? m.get("n").getAsString() : "n/a"))
                    .append(row("expected calibration error", fmt(number(m.get("ece")))));
            h.append("</table><p>95 % intervals: bootstrap over crops (crops of one well are correlated, so they are optimistic).</p>");
        }
        h.append("<div class=\"row\"><figure><img src=\"evaluation/roc.png\"><figcaption>ROC</figcaption></figure>")
                .append("<figure><img src=\"evaluation/confusion.png\"><figcaption>confusion</figcaption></figure>")
                .append("<figure><img src=\"evaluation/reliability.png\"><figcaption>calibration</figcaption></figure></div>");
        Path cam = dir.resolve("evaluation/cam");
        if (Files.isRegularFile(cam.resolve("index.html"))) {
            h.append("<p>Where the network looked (class activation maps; each picture: the crop, and the crop with the mean ")
                    .append("map of its class, red = strongest evidence). Sampled right and wrong calls: ")
                    .append("<a href=\"evaluation/cam/index.html\">evaluation/cam/index.html</a>.</p><div class=\"row\">");
            try (var files = Files.list(cam)) {
                for (String png : files.map(f -> f.getFileName().toString())
                        .filter(n -> n.startsWith("mean_") && n.endsWith(".png")).sorted().toList()) {
                    h.append("<figure><img src=\"evaluation/cam/").append(png).append("\"><figcaption>")
                            .append(png.substring(5, png.length() - 4)).append("</figcaption></figure>");
                }
            }
            h.append("</div>");
        }
        h.append("<h2>An unseen plate, from Hoechst alone</h2><p>A second plate (another seed) was simulated and only its ")
                .append("Hoechst images given to <code>karyo predict</code>. Infected fraction per well, predicted vs the simulator's truth:</p>");
        h.append("<table><tr><th>well</th><th>MOI</th><th>nuclei (truth / found)</th><th>infected, predicted</th><th>infected, truth</th></tr>");
        for (Map.Entry<String, UnseenPlateCheck.Well> e : unseen.wells().entrySet()) {
            UnseenPlateCheck.Well w = e.getValue();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3g</td><td>%d / %d</td><td>%.1f %%</td><td>%.1f %%</td></tr>",
                    e.getKey(), w.moi(), w.trueCells(), w.predictedCells(), 100 * w.predictedFraction(), 100 * w.trueFraction()));
        }
        h.append(String.format(Locale.ROOT, "<tr><th>all</th><td></td><td></td><td>%.1f %%</td><td>%.1f %%</td></tr></table>",
                100 * unseen.predictedFraction(), 100 * unseen.trueFraction()));
        if (!unseen.wells().isEmpty()) {
            TreeMap<String, UnseenPlateCheck.Well> sorted = new TreeMap<>(unseen.wells());
            String first = sorted.firstKey();
            String last = sorted.lastKey();
            h.append("<p>Nuclei coloured by the model's class (from Hoechst only):</p><div class=\"row\">");
            for (String w : List.of(first, last)) {
                h.append("<figure><img src=\"predictions/UNSEEN_").append(w).append("_s1_w1.classes.png\"><figcaption>unseen well ")
                        .append(w).append("</figcaption></figure>");
            }
            h.append("</div>");
        }
    }

    private static double number(com.google.gson.JsonElement e) {
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    private static String row(String k, String v) {
        return "<tr><th style=\"text-align:left\">" + k + "</th><td>" + v + "</td></tr>";
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    private static String pct(String fraction) {
        if (fraction == null || fraction.isEmpty()) return "n/a";
        return String.format(Locale.ROOT, "%.1f %%", 100 * Double.parseDouble(fraction));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
