package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.fate.Fate;
import org.karyo.io.table.CsvReader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the fates.csv 'karyo fates' writes, for one well; tracks lost to follow-up (fate unknown) are left out. */
final class FatesTable {
    private FatesTable() {
    }

    /** @param followedHours hours from infection to the last frame the cell (or its daughters) was seen; NaN if unknown */
    record Row(String well, int trackId, int root, Fate fate, double infectionHours, double lysisHours, double followedHours) {
    }

    /** @param well the well to keep; null when the table holds a single well */
    static Map<Integer, Row> read(Path file, String well) throws KaryoInputException {
        List<Map<String, String>> rows = CsvReader.read(file);
        TreeSet<String> wells = new TreeSet<>();
        for (Map<String, String> r : rows) {
            for (String c : List.of("well", "track_id", "fate", "infection_hours", "lysis_hours", "root")) {
                if (!r.containsKey(c)) throw new KaryoInputException(file, "has no '" + c + "' column (a 'karyo fates' fates.csv)");
            }
            wells.add(r.get("well"));
        }
        if (well == null && wells.size() > 1) throw new KaryoInputException(file, "holds wells " + wells + "; choose one with --well");
        if (well != null && !wells.contains(well)) throw new KaryoInputException(file, "has no well '" + well + "' (wells " + wells + ")");
        Map<Integer, Row> out = new LinkedHashMap<>();
        int line = 1;
        for (Map<String, String> r : rows) {
            line++;
            if (well != null && !well.equals(r.get("well"))) continue;
            if ("1".equals(r.getOrDefault("lost", "").strip())) continue; // fate unknown: in no dataset or time course
            final int l = line;
            try {
                Fate f = Fate.parse(r.get("fate")).orElseThrow(() -> new KaryoInputException(file, "line " + l + ": unknown fate '" + r.get("fate") + "'"));
                int id = Integer.parseInt(r.get("track_id").strip());
                out.put(id, new Row(r.get("well"), id, Integer.parseInt(r.get("root").strip()), f, num(r.get("infection_hours")), num(r.get("lysis_hours")),
                        num(r.get("followed_hours"))));
            } catch (NumberFormatException e) {
                throw new KaryoInputException(file, "line " + line + ": not a number (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static double num(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.strip());
    }
}
