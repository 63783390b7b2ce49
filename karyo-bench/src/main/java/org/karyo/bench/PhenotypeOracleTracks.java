package org.karyo.bench;

import org.karyo.AtomicFiles;
import org.karyo.simulate.CellFate;
import org.karyo.simulate.FateCurves;
import org.karyo.simulate.InfectionSettings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An oracle for the fate-history forest: the curated tracks of a simulated movie with their {@code dna_cv} column
 * replaced by the simulator's own DNA-phenotype strength of each cell at each frame (what drives the infected
 * nucleus's texture, brightness and replication compartments). Scoring the forest on such tracks bounds what a
 * perfect Hoechst phenotype measurement would give; {@code --noise} adds Gaussian error and {@code --floor} hides
 * strengths below a detection limit, to ask how good a measurement must be.
 *
 * <p>Usage: {@code PhenotypeOracleTracks MOVIE TRACKS OUT [--noise SD] [--floor F] [--seed N] [--strength S]}, where
 * MOVIE holds the simulator's {@code observations.csv} and TRACKS the {@code tracks.csv} and {@code res_track.txt}
 * that {@code karyo tracks-from-labels} measured on its truth labels (track id = simulator label).
 */
public final class PhenotypeOracleTracks {
    private PhenotypeOracleTracks() {
    }

    public static void main(String[] args) throws IOException {
        BenchArgs.requireAtLeast(args, 3, "PhenotypeOracleTracks MOVIE TRACKS OUT [--noise SD] [--floor F] [--seed N] [--strength S]");
        double noise = 0;
        double floor = 0;
        long seed = 1;
        double strengthMax = InfectionSettings.defaults().strength();
        for (int i = 3; i < args.length; i += 2) {
            double v = Double.parseDouble(args[i + 1]);
            switch (args[i]) {
                case "--noise" -> noise = v;
                case "--floor" -> floor = v;
                case "--seed" -> seed = (long) v;
                case "--strength" -> strengthMax = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path out = Path.of(args[2]);
        int rows = write(Path.of(args[0]), Path.of(args[1]), out, strengthMax, floor, noise, seed);
        System.out.printf(Locale.ROOT, "%s: %d track-frames, dna_cv = max(0, strength - %.3f) + N(0, %.3f)%n",
                out, rows, floor, noise);
    }

    /** Writes OUT/tracks.csv and OUT/res_track.txt; returns the number of track-frames. */
    static int write(Path movie, Path tracks, Path out, double strengthMax, double floor, double noise, long seed)
            throws IOException {
        Map<Long, Double> strength = strengths(movie.resolve("observations.csv"), strengthMax);
        List<String> lines = Files.readAllLines(tracks.resolve("tracks.csv"));
        if (lines.isEmpty()) throw new IOException(tracks.resolve("tracks.csv") + ": empty file");
        List<String> header = List.of(lines.get(0).split(",", -1));
        int track = column(header, "track_id", tracks);
        int frame = column(header, "frame", tracks);
        int cv = column(header, "dna_cv", tracks);
        SplittableRandom random = new SplittableRandom(seed);
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("tracks.csv"), tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                w.write(lines.get(0));
                w.newLine();
                for (int i = 1; i < lines.size(); i++) {
                    String[] cells = lines.get(i).split(",", -1);
                    long key = key(Integer.parseInt(cells[frame]), Integer.parseInt(cells[track]));
                    Double s = strength.get(key);
                    if (s == null) {
                        throw new IOException(tracks.resolve("tracks.csv") + ": track " + cells[track] + " frame "
                                + cells[frame] + " is not in " + movie.resolve("observations.csv")
                                + " (tracks must come from the movie's truth labels)");
                    }
                    double seen = Math.max(0, s - floor) + (noise > 0 ? noise * gaussian(random) : 0);
                    cells[cv] = String.format(Locale.ROOT, "%.5f", seen);
                    w.write(String.join(",", cells));
                    w.newLine();
                }
            }
        });
        Path lineage = tracks.resolve("res_track.txt");
        if (Files.exists(lineage)) {
            AtomicFiles.write(out.resolve("res_track.txt"), tmp -> Files.copy(lineage, tmp, StandardCopyOption.REPLACE_EXISTING));
        }
        return lines.size() - 1;
    }

    /** The strength of every (frame, label) the simulator drew, from its fate and hours post infection. */
    static Map<Long, Double> strengths(Path observations, double strengthMax) throws IOException {
        List<String> lines = Files.readAllLines(observations);
        if (lines.isEmpty()) throw new IOException(observations + ": empty file");
        List<String> header = List.of(lines.get(0).split(",", -1));
        int frame = column(header, "frame", observations);
        int label = column(header, "label", observations);
        int fate = column(header, "fate", observations);
        int hpi = column(header, "hpi", observations);
        Map<Long, Double> out = new HashMap<>(lines.size() * 2);
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            CellFate f = CellFate.valueOf(c[fate].toUpperCase(Locale.ROOT));
            double h = c[hpi].isEmpty() ? Double.NaN : Double.parseDouble(c[hpi]);
            double s = Double.isNaN(h) ? 0 : strengthMax * FateCurves.strength(f, h);
            out.put(key(Integer.parseInt(c[frame]), Integer.parseInt(c[label])), s);
        }
        return out;
    }

    private static int column(List<String> header, String name, Path file) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) throw new IOException(file + ": no column " + name);
        return i;
    }

    private static long key(int frame, int label) {
        return ((long) frame << 32) | (label & 0xffffffffL);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
