package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.io.AtomicFiles;
import org.karyo.io.table.CsvReader;

import java.io.IOException;
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

    static void write(Path html, List<List<String>> steps, SimulatedTruthCheck c, Path labelled, Path dataset)
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
        h.append("<p>Training and evaluating a classifier on these crops (ResNet/compact CNN, ROC, CAM) is the learning "
                + "module's step and is not part of this demo yet.</p>");
        h.append("</body></html>\n");
        AtomicFiles.writeString(html, h.toString());
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
