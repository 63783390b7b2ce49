package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.fate.TrackSeries;
import org.karyo.io.table.CsvReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code tracks.csv}, the table 'karyo track' and 'karyo tracks-from-labels' write: one row per track per frame,
 * frame 0-based, hours = frame × interval, intensities are means inside the nucleus (empty when the channel was
 * not given), then the Hoechst texture (optional when reading).
 */
final class TracksTable {
    static final String FILE = "tracks.csv";
    /** Columns every tracks.csv has. */
    static final String[] REQUIRED = {"track_id", "parent", "frame", "hours", "nucleus_id", "x", "y", "area", "dna_mean",
            "reporter_mean", "pi_mean"};
    /**
     * Columns Karyo writes: the required ones, then the Hoechst texture inside the nucleus (standard deviation / mean,
     * rim mean / centre mean, 90th percentile / median, share of pixels in bright foci), which older tables lack and
     * readers treat as unknown.
     */
    static final String[] HEADER = {"track_id", "parent", "frame", "hours", "nucleus_id", "x", "y", "area", "dna_mean",
            "reporter_mean", "pi_mean", "dna_cv", "dna_rim_ratio", "dna_p90_ratio", "dna_bright_fraction"};

    private TracksTable() {
    }

    /** A tracks folder (holding tracks.csv) or the tracks.csv file itself. */
    static Path locate(Path dirOrFile) throws KaryoInputException {
        Path f = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(FILE) : dirOrFile;
        if (!Files.isRegularFile(f)) {
            throw new KaryoInputException(dirOrFile, "has no " + FILE + " (run 'karyo track' or 'karyo tracks-from-labels' first)");
        }
        return f;
    }

    /** The per-frame rows of one track, as read. */
    record Row(int frame, double hours, int nucleusId, double x, double y, double area, double dna, double reporter, double pi,
               double dnaCv, double dnaRim, double dnaP90Ratio, double dnaBright) {
    }

    /** Tracks with their rows, by track id. */
    record Tracks(Path file, List<TrackSeries> series, Map<Integer, List<Row>> rows) {
    }

    static Tracks read(Path dirOrFile) throws KaryoInputException {
        Path file = locate(dirOrFile);
        List<Map<String, String>> table = CsvReader.read(file);
        if (!table.isEmpty()) {
            for (String c : REQUIRED) {
                if (!table.get(0).containsKey(c)) throw new KaryoInputException(file, "has no '" + c + "' column (need " + String.join(",", REQUIRED) + ")");
            }
        }
        TreeMap<Integer, List<Row>> rows = new TreeMap<>();
        Map<Integer, Integer> parents = new TreeMap<>();
        int line = 1;
        for (Map<String, String> r : table) {
            line++;
            try {
                int id = Integer.parseInt(r.get("track_id").strip());
                int parent = r.get("parent").isBlank() ? 0 : Integer.parseInt(r.get("parent").strip());
                Integer before = parents.put(id, parent);
                if (before != null && before != parent) throw new KaryoInputException(file, "line " + line + ": track " + id + " has two parents");
                rows.computeIfAbsent(id, k -> new ArrayList<>()).add(new Row(Integer.parseInt(r.get("frame").strip()),
                        num(r.get("hours")), r.get("nucleus_id").isBlank() ? 0 : Integer.parseInt(r.get("nucleus_id").strip()),
                        num(r.get("x")), num(r.get("y")), num(r.get("area")), num(r.get("dna_mean")),
                        num(r.get("reporter_mean")), num(r.get("pi_mean")), num(r.get("dna_cv")), num(r.get("dna_rim_ratio")),
                        num(r.get("dna_p90_ratio")), num(r.get("dna_bright_fraction"))));
            } catch (NumberFormatException e) {
                throw new KaryoInputException(file, "line " + line + ": not a number (" + e.getMessage() + ")");
            }
        }
        List<TrackSeries> series = new ArrayList<>();
        for (Map.Entry<Integer, List<Row>> e : rows.entrySet()) {
            List<Row> rs = e.getValue();
            rs.sort(java.util.Comparator.comparingInt(Row::frame));
            int n = rs.size();
            int[] frames = new int[n];
            double[] hours = new double[n], area = new double[n], dna = new double[n], rep = new double[n], pi = new double[n];
            for (int i = 0; i < n; i++) {
                Row r = rs.get(i);
                if (i > 0 && r.frame() == frames[i - 1]) {
                    throw new KaryoInputException(file, "track " + e.getKey() + " has two rows for frame " + r.frame());
                }
                frames[i] = r.frame();
                hours[i] = r.hours();
                area[i] = r.area();
                dna[i] = r.dna();
                rep[i] = r.reporter();
                pi[i] = r.pi();
            }
            int parent = parents.get(e.getKey());
            if (e.getKey() <= 0 || parent < 0 || parent == e.getKey()) {
                throw new KaryoInputException(file, "track " + e.getKey() + " has a bad id or parent " + parent);
            }
            series.add(new TrackSeries(e.getKey(), parent, frames, hours, area, dna, rep, pi));
        }
        return new Tracks(file, series, rows);
    }

    private static double num(String s) {
        if (s == null || s.isBlank()) return Double.NaN;
        return Double.parseDouble(s.strip());
    }
}
