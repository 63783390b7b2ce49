package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.fate.Fate;
import org.karyo.io.table.CsvReader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fates set by hand: a CSV with columns {@code track_id,fate} and, when several tracks folders (wells) are
 * called together, {@code well}. Rows without a well apply to every well.
 */
final class FateOverrides {
    private FateOverrides() {
    }

    /** Overrides by well name ("" = any well), then by track id. */
    static Map<String, Map<Integer, Fate>> read(Path file) throws KaryoInputException {
        Map<String, Map<Integer, Fate>> out = new HashMap<>();
        if (file == null) return out;
        List<Map<String, String>> rows = CsvReader.read(file);
        int line = 1;
        for (Map<String, String> r : rows) {
            line++;
            if (!r.containsKey("track_id") || !r.containsKey("fate")) {
                throw new KaryoInputException(file, "needs columns track_id,fate (found " + r.keySet() + ")");
            }
            int id;
            try {
                id = Integer.parseInt(r.get("track_id").strip());
            } catch (NumberFormatException e) {
                throw new KaryoInputException(file, "line " + line + ": track_id '" + r.get("track_id") + "' is not a number");
            }
            final int l = line;
            Fate f = Fate.parse(r.get("fate")).orElseThrow(() -> new KaryoInputException(file,
                    "line " + l + ": fate '" + r.get("fate") + "' is not spreader, nonspreader or uninfected"));
            String well = r.getOrDefault("well", "").strip();
            out.computeIfAbsent(well, k -> new HashMap<>()).put(id, f);
        }
        return out;
    }

    static Map<Integer, Fate> forWell(Map<String, Map<Integer, Fate>> all, String well) {
        Map<Integer, Fate> m = new HashMap<>(all.getOrDefault("", Map.of()));
        m.putAll(all.getOrDefault(well, Map.of()));
        return m;
    }
}
