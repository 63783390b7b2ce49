package org.karyo.bench;

import org.karyo.io.table.CsvReader;
import org.karyo.io.timelapse.CtcTrackFile;
import org.karyo.io.timelapse.CtcTruth;
import org.karyo.io.timelapse.LabelSeries;
import org.karyo.simulate.Track;
import org.karyo.track.score.CtcScorer;
import org.karyo.track.score.LineagePurity;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a fate predictor on tracker output loses against curated tracks: every scored frame of a
 * {@code karyo fate-history} run on tracker lineages, sorted by whether the truth cell under it has the fate the track
 * was called with, and by how much of the lineage's past is that cell's own ({@link LineagePurity}). Spreader frames
 * count only 20-25 h before lysis, as in the headline score.
 *
 * <p>Usage: FateErrorAnatomy PREDICTIONS_CSV TRACKS_ROOT MOVIES_ROOT [[FROM-]TO], where TRACKS_ROOT/WELL holds {@code karyo track}
 * output (res_track.txt, maskNNN.tif; without masks the tracks are taken to be the truth's own labels, as curated tracks
 * are) and MOVIES_ROOT/WELL a simulated movie (01_GT/TRA, cells.csv), for each well
 * in the predictions.
 *
 * <p>It also scores the same predictions against the truth cell under each frame instead of the called label: a frame
 * is a spreader frame when its cell lyses 20-25 h later, a nonspreader frame when its cell is a nonspreader infected
 * FROM (default 0) to TO hours before (default: as long as the called nonspreader frames scored), and uninfected when its cell never is.
 */
public final class FateErrorAnatomy {
    private FateErrorAnatomy() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs.requireAtLeast(args, 3, "FateErrorAnatomy predictions.csv TRACKS_ROOT MOVIES_ROOT [nonspreader hours]");
        List<Map<String, String>> preds = CsvReader.read(Path.of(args[0]));
        Map<String, List<Map<String, String>>> byWell = new TreeMap<>();
        for (Map<String, String> p : preds) byWell.computeIfAbsent(p.get("well"), k -> new java.util.ArrayList<>()).add(p);
        Map<String, int[]> tally = new TreeMap<>();
        Map<String, int[]> againstTruth = new TreeMap<>();
        StringBuilder ownShares = new StringBuilder();
        // Frames whose track was called uninfected although the cell under them is infected: the wrong label, not the forest.
        int infectedCalledUninfected = 0;
        double from = args.length > 3 && args[3].contains("-") ? Double.parseDouble(args[3].split("-")[0]) : 0;
        double window = args.length > 3 ? Double.parseDouble(args[3].substring(args[3].indexOf('-') + 1)) : preds.stream().filter(p -> p.get("fate").equals("nonspreader"))
                .mapToDouble(p -> Double.parseDouble(p.get("hours_post_infection"))).max().orElse(0);
        for (Map.Entry<String, List<Map<String, String>>> w : byWell.entrySet()) {
            Path tracks = Path.of(args[1]).resolve(w.getKey());
            Path movie = Path.of(args[2]).resolve(w.getKey());
            CtcTruth truth = CtcTruth.open(movie);
            // curated tracks ('karyo tracks-from-labels') carry the truth's labels and write no masks
            LabelSeries result = java.nio.file.Files.exists(tracks.resolve("mask000.tif")) ? LabelSeries.open(tracks) : truth.masks();
            CtcScorer scorer = new CtcScorer();
            for (int t = 0; t < truth.masks().frames(); t++) scorer.addFrame(truth.masks().read(t), result.read(t));
            LineagePurity purity = new LineagePurity(CtcTrackFile.read(tracks.resolve("res_track.txt")),
                    scorer.truthPerFrame(), truth.tracks());
            ownShares.append(String.format(Locale.ROOT, " %s %.3f", w.getKey(), purity.ownHistoryShare()));
            Map<Integer, String> trueFate = new HashMap<>();
            Map<Integer, Map<String, String>> cells = new HashMap<>();
            for (Map<String, String> c : CsvReader.read(movie.resolve("cells.csv"))) {
                trueFate.put(Integer.parseInt(c.get("label")), fateInMovie(c));
                cells.put(Integer.parseInt(c.get("label")), c);
            }
            for (Map<String, String> p : w.getValue()) {
                String fate = p.get("fate");
                int track = Integer.parseInt(p.get("track_id"));
                int frame = Integer.parseInt(p.get("frame"));
                String truthClass = truthClass(cells.get(purity.at(track, frame).truthCell()),
                        Double.parseDouble(p.get("hours")), from, window);
                if (truthClass != null) {
                    int[] n = againstTruth.computeIfAbsent(truthClass, k -> new int[2]);
                    n[0]++;
                    if (truthClass.equals(p.get("predicted"))) n[1]++;
                }
                if (fate.equals("spreader")) {
                    double h = Double.parseDouble(p.get("hours_before_lysis"));
                    if (h < 20 || h >= 25) continue;
                }
                LineagePurity.History h = purity.at(track, frame);
                String cell = h.truthCell() == 0 ? "on no single cell"
                        : fate.equals(trueFate.get(h.truthCell())) ? "cell has this fate" : "cell is " + trueFate.get(h.truthCell());
                String past = h.whole() ? "whole history its own" : h.pureFrames() >= 12 ? "last >= 12 frames its own"
                        : h.pureFrames() >= 6 ? "last 6-11 frames its own" : "last < 6 frames its own";
                if (fate.equals("uninfected") && h.truthCell() != 0 && !"uninfected".equals(trueFate.get(h.truthCell()))) {
                    infectedCalledUninfected++;
                }
                int[] n = tally.computeIfAbsent(fate + "|" + cell + "|" + past, k -> new int[2]);
                n[0]++;
                if (fate.equals(p.get("predicted"))) n[1]++;
            }
        }
        System.out.println("| called fate | truth cell under the frame | lineage's past | frames | recall |");
        System.out.println("|---|---|---|---|---|");
        tally.forEach((k, n) -> {
            String[] f = k.split("\\|");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %.3f |%n", f[0], f[1], f[2], n[0], (double) n[1] / n[0]);
        });
        double sum = 0;
        StringBuilder recalls = new StringBuilder();
        for (Map.Entry<String, int[]> e : againstTruth.entrySet()) {
            double r = (double) e.getValue()[1] / e.getValue()[0];
            sum += r;
            recalls.append(String.format(Locale.ROOT, " %s %.3f (%d frames)", e.getKey(), r, e.getValue()[0]));
        }
        System.out.printf(Locale.ROOT, "%nAgainst the truth cell under each frame (nonspreaders %.1f-%.1f h after infection): "
                + "balanced accuracy %.3f; recall%s%n", from, window, againstTruth.isEmpty() ? Double.NaN : sum / againstTruth.size(), recalls);
        System.out.printf(Locale.ROOT, "Frames of tracks called uninfected whose cell under them is infected (a wrong label: the track "
                + "left the cell before its reporter rose, or the reporter missed it): %d%n", infectedCalledUninfected);
        System.out.println("Share of all track frames whose lineage so far is their own cell's:" + ownShares);
    }

    /**
     * The cell's fate as the movie can show it: the simulator plans some spreaders to lyse after the last frame, and
     * those are infected cells intact to the end, nonspreaders by the fates' definition, on curated tracks too.
     */
    static String fateInMovie(Map<String, String> cell) {
        String fate = cell.get("fate");
        return "spreader".equals(fate) && Double.isNaN(hoursOrNaN(cell.get("lysis_hours"))) ? "nonspreader" : fate;
    }

    /** The class a frame of this truth cell at this movie time is scored as, or null when it is not scored. */
    static String truthClass(Map<String, String> cell, double hours, double nonspreaderFrom, double nonspreaderTo) {
        if (cell == null) return null;
        return switch (cell.get("fate")) {
            case "uninfected" -> "uninfected";
            case "spreader" -> {
                double before = hoursOrNaN(cell.get("lysis_hours")) - hours; // NaN: lyses after the movie
                yield before >= 20 && before < 25 ? "spreader" : null;
            }
            case "nonspreader" -> {
                double since = hours - hoursOrNaN(cell.get("infection_hours"));
                yield since >= nonspreaderFrom && since <= nonspreaderTo ? "nonspreader" : null;
            }
            default -> null;
        };
    }

    private static double hoursOrNaN(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
