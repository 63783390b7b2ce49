package org.karyo.app;

import org.karyo.io.plot.PlateHeatmap;
import org.karyo.io.table.CsvTable;
import org.karyo.label.ReporterCall;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Infection per plate well: the number a plate screen is read by. */
final class WellSummary {
    private final TreeMap<String, long[]> counts; // well -> {nuclei, infected, sites}

    private WellSummary(TreeMap<String, long[]> counts) {
        this.counts = counts;
    }

    static WellSummary of(List<Field> fields, FieldCalls calls) {
        TreeMap<String, long[]> counts = new TreeMap<>();
        for (Field f : fields) {
            long[] c = counts.computeIfAbsent(f.well(), w -> new long[3]);
            Map<Integer, ReporterCall> byId = calls.byNucleus(f.name());
            c[0] += byId.size();
            c[1] += byId.values().stream().filter(ReporterCall::infected).count();
            c[2]++;
        }
        return new WellSummary(counts);
    }

    void write(Path csv, Path heatmap) throws IOException {
        CsvTable t = new CsvTable(List.of("well", "sites", "nuclei", "infected", "infected_fraction"));
        Map<String, Double> fraction = new TreeMap<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            double f = c[0] == 0 ? Double.NaN : (double) c[1] / c[0];
            t.add(e.getKey(), c[2], c[0], c[1], f);
            fraction.put(e.getKey(), f);
        }
        t.write(csv);
        PlateHeatmap.write(heatmap, "Infected nuclei per well (%)", fraction);
    }
}
