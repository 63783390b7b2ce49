package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.io.plate.ImageName;
import org.karyo.io.table.CsvReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares what 'karyo predict' called from the Hoechst images of a simulated plate the model never saw with
 * the simulator's truth, per well: the infection index a screen would report, without the reporter.
 */
record UnseenPlateCheck(Map<String, Well> wells) {
    /** One well: truth from the simulator, prediction from the model. */
    record Well(double moi, int trueCells, int trueInfected, int predictedCells, int predictedInfected) {
        double trueFraction() {
            return trueCells == 0 ? Double.NaN : (double) trueInfected / trueCells;
        }

        double predictedFraction() {
            return predictedCells == 0 ? Double.NaN : (double) predictedInfected / predictedCells;
        }
    }

    static UnseenPlateCheck run(Path plateFolder, Path predictions) throws KaryoInputException, IOException {
        Map<String, Double> moi = new TreeMap<>();
        for (Map<String, String> r : CsvReader.read(plateFolder.resolve("groundtruth/wells.csv"))) {
            moi.put(r.get("well"), Double.parseDouble(r.get("moi")));
        }
        Map<String, int[]> counts = new TreeMap<>(); // well -> {true cells, true infected, predicted, predicted infected}
        for (Map<String, String> r : CsvReader.read(plateFolder.resolve("groundtruth/cells.csv"))) {
            int[] c = counts.computeIfAbsent(r.get("well"), k -> new int[4]);
            c[0]++;
            if ("1".equals(r.get("infected"))) c[1]++;
        }
        List<Path> tables;
        try (Stream<Path> s = Files.list(predictions)) {
            tables = s.filter(p -> p.getFileName().toString().endsWith(".cells.csv")).sorted().toList();
        }
        for (Path t : tables) {
            for (Map<String, String> r : CsvReader.read(t)) {
                String well = ImageName.parse(r.get("image")).map(n -> n.well().toString())
                        .orElseThrow(() -> new KaryoInputException(t, "image '" + r.get("image") + "' is not an IXM file name"));
                int[] c = counts.computeIfAbsent(well, k -> new int[4]);
                c[2]++;
                if ("infected".equals(r.get("class"))) c[3]++;
            }
        }
        Map<String, Well> wells = new TreeMap<>();
        counts.forEach((w, c) -> wells.put(w, new Well(moi.getOrDefault(w, Double.NaN), c[0], c[1], c[2], c[3])));
        return new UnseenPlateCheck(wells);
    }

    double trueFraction() {
        int n = wells.values().stream().mapToInt(Well::trueCells).sum();
        return n == 0 ? Double.NaN : (double) wells.values().stream().mapToInt(Well::trueInfected).sum() / n;
    }

    double predictedFraction() {
        int n = wells.values().stream().mapToInt(Well::predictedCells).sum();
        return n == 0 ? Double.NaN : (double) wells.values().stream().mapToInt(Well::predictedInfected).sum() / n;
    }
}
