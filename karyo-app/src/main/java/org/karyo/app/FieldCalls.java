package org.karyo.app;

import org.karyo.AtomicFiles;
import org.karyo.label.LabellingSettings;
import org.karyo.label.ReporterCall;
import org.karyo.label.ReporterLabeller;
import org.karyo.label.ReporterLabelling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reporter calls for a set of fields: one cut over all nuclei (default) or one per field, mapped back
 * to each field's nuclei.
 */
final class FieldCalls {
    /** Key of the pooled labelling in {@link #labellings()}. */
    static final String ALL = "all";

    private final Map<String, Map<Integer, ReporterCall>> byField;
    private final Map<String, ReporterLabelling> labellings;

    private FieldCalls(Map<String, Map<Integer, ReporterCall>> byField, Map<String, ReporterLabelling> labellings) {
        this.byField = byField;
        this.labellings = labellings;
    }

    static FieldCalls call(List<Field> fields, LabellingSettings settings, boolean perImage) {
        ReporterLabeller labeller = new ReporterLabeller(settings);
        Map<String, Map<Integer, ReporterCall>> byField = new LinkedHashMap<>();
        Map<String, ReporterLabelling> labellings = new LinkedHashMap<>();
        if (perImage) {
            for (Field f : fields) {
                ReporterLabelling l = labeller.label(f.labels(), f.reporter());
                labellings.put(f.name(), l);
                Map<Integer, ReporterCall> m = new HashMap<>();
                for (ReporterCall c : l.calls()) m.put(c.nucleusId(), c);
                byField.put(f.name(), m);
            }
        } else {
            List<double[]> rows = new ArrayList<>();
            List<String> owner = new ArrayList<>();
            for (Field f : fields) {
                ReporterLabelling own = labeller.label(f.labels(), f.reporter());
                for (ReporterCall c : own.calls()) {
                    rows.add(new double[] {c.nucleusId(), c.reporterMean(), c.pixels()});
                    owner.add(f.name());
                }
                byField.put(f.name(), new HashMap<>());
            }
            ReporterLabelling pooled = labeller.call(rows);
            labellings.put(ALL, pooled);
            for (int i = 0; i < rows.size(); i++) {
                ReporterCall c = pooled.calls().get(i);
                byField.get(owner.get(i)).put(c.nucleusId(), c);
            }
        }
        return new FieldCalls(byField, labellings);
    }

    Map<Integer, ReporterCall> byNucleus(String field) {
        return byField.getOrDefault(field, Map.of());
    }

    Map<String, ReporterLabelling> labellings() {
        return labellings;
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ReporterLabelling> e : labellings.entrySet()) {
            ReporterLabelling l = e.getValue();
            sb.append(String.format(Locale.ROOT, "%s: %d nuclei, %d infected (%.1f %%), %s cut at %.4g, separation %.2f%s%n",
                    e.getKey(), l.calls().size(), l.infectedCount(), 100 * l.infectedFraction(),
                    l.method().name().toLowerCase(Locale.ROOT), l.threshold(), l.separation(),
                    l.separation() < 0.6 ? " (weak: check the QC histogram)" : ""));
        }
        return sb.toString();
    }

    void writeSummary(Path file, LabellingSettings s) throws IOException {
        StringBuilder j = new StringBuilder("{\n");
        j.append(String.format(Locale.ROOT, "  \"method\": \"%s\",\n  \"region\": \"%s\",\n  \"ring_width\": %d,\n  \"log_scale\": %b,\n",
                s.method().name().toLowerCase(Locale.ROOT), s.region().name().toLowerCase(Locale.ROOT), s.ringWidth(), s.logScale()));
        j.append("  \"cuts\": {");
        boolean first = true;
        for (Map.Entry<String, ReporterLabelling> e : labellings.entrySet()) {
            ReporterLabelling l = e.getValue();
            j.append(first ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    %s: {\"threshold\": %s, \"separation\": %s, \"nuclei\": %d, \"infected\": %d}",
                    Json.string(e.getKey()), Json.number(l.threshold()), Json.number(l.separation()),
                    l.calls().size(), l.infectedCount()));
            first = false;
        }
        j.append("\n  },\n  \"images\": {");
        first = true;
        for (Map.Entry<String, Map<Integer, ReporterCall>> e : byField.entrySet()) {
            long inf = e.getValue().values().stream().filter(ReporterCall::infected).count();
            int n = e.getValue().size();
            j.append(first ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    %s: {\"nuclei\": %d, \"infected\": %d, \"infected_fraction\": %s}",
                    Json.string(e.getKey()), n, inf, Json.number(n == 0 ? 0 : (double) inf / n)));
            first = false;
        }
        j.append("\n  }\n}\n");
        AtomicFiles.writeString(file, j.toString());
    }
}
