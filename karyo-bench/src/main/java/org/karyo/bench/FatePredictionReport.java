package org.karyo.bench;

import org.karyo.io.plot.LinePlot;
import org.karyo.io.table.CsvReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a fate predictor trained on Hoechst crops ('karyo fate-crops' + 'karyo train'), on held-out wells:
 * crop accuracy binned by hours before lysis (spreaders) and by hours post infection (nonspreaders), and per well
 * the predicted spreader fraction (tracks voted by their crops' mean probabilities) against the fraction called
 * from the reporter and PI. Prints markdown tables and writes a PNG of accuracy against hours before lysis.
 *
 * <p>Usage: FatePredictionReport PREDICTIONS_CSV FRAMES_CSV FATES_CSV PNG [BIN_HOURS] [WINDOW_HOURS_BEFORE_LYSIS]
 */
public final class FatePredictionReport {
    private FatePredictionReport() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs.requireAtLeast(args, 4, "FatePredictionReport predictions.csv frames.csv fates.csv out.png [bin hours]");
        List<Map<String, String>> preds = CsvReader.read(Path.of(args[0]));
        Map<String, Map<String, String>> frames = new HashMap<>();
        for (Map<String, String> f : CsvReader.read(Path.of(args[1]))) frames.put(f.get("path"), f);
        List<Map<String, String>> fates = CsvReader.read(Path.of(args[2]));
        double bin = args.length > 4 ? Double.parseDouble(args[4]) : 5;
        double window = args.length > 5 ? Double.parseDouble(args[5]) : 20;
        int[] inWindow = new int[2];
        List<String> classes = preds.get(0).keySet().stream().filter(k -> k.startsWith("p_")).map(k -> k.substring(2)).toList();

        int[] total = new int[2];
        TreeMap<Double, int[]> byLysis = new TreeMap<>();
        TreeMap<Double, int[]> byHpiSpreader = new TreeMap<>();
        TreeMap<Double, int[]> byHpiNon = new TreeMap<>();
        Map<String, int[]> perClass = new TreeMap<>();
        // Per track (well + id): summed class probabilities and the class it truly has.
        Map<String, double[]> trackProba = new LinkedHashMap<>();
        Map<String, String> trackTruth = new HashMap<>();
        for (Map<String, String> p : preds) {
            Map<String, String> f = frames.get(p.get("path"));
            if (f == null) throw new IllegalArgumentException("no frames.csv row for " + p.get("path"));
            boolean right = p.get("class").equals(p.get("predicted"));
            add(total, right);
            if (!p.get("class").equals("spreader") || Double.parseDouble(f.get("hours_before_lysis")) >= window) add(inWindow, right);
            add(perClass.computeIfAbsent(p.get("class"), k -> new int[2]), right);
            if (p.get("class").equals("spreader")) {
                add(byLysis.computeIfAbsent(floorBin(Double.parseDouble(f.get("hours_before_lysis")), bin), k -> new int[2]), right);
                add(byHpiSpreader.computeIfAbsent(floorBin(Double.parseDouble(f.get("hours_post_infection")), bin), k -> new int[2]), right);
            } else if (p.get("class").equals("nonspreader")) {
                add(byHpiNon.computeIfAbsent(floorBin(Double.parseDouble(f.get("hours_post_infection")), bin), k -> new int[2]), right);
            }
            String track = f.get("well") + "/" + f.get("track_id");
            double[] acc = trackProba.computeIfAbsent(track, k -> new double[classes.size()]);
            for (int k = 0; k < classes.size(); k++) acc[k] += Double.parseDouble(p.get("p_" + classes.get(k)));
            trackTruth.put(track, p.get("class"));
        }
        System.out.printf(Locale.ROOT, "Held-out crops: %d, accuracy %.3f; in the training window (spreaders >= %.0f h before lysis): "
                + "%d, accuracy %.3f%n%n", total[1], acc(total), window, inWindow[1], acc(inWindow));
        System.out.println("| class | crops | accuracy |");
        System.out.println("|---|---|---|");
        perClass.forEach((c, v) -> System.out.printf(Locale.ROOT, "| %s | %d | %.3f |%n", c, v[1], acc(v)));
        System.out.println();
        table("Spreader crops by hours before lysis", "hours before lysis", byLysis, bin);
        table("Spreader crops by hours post infection (reporter onset)", "hours post infection", byHpiSpreader, bin);
        table("Nonspreader crops by hours post infection (reporter onset)", "hours post infection", byHpiNon, bin);

        // Track votes per well.
        Map<String, int[]> wellVotes = new TreeMap<>(); // predicted spreader, predicted infected, true spreader, true infected
        int tracksRight = 0;
        for (Map.Entry<String, double[]> e : trackProba.entrySet()) {
            String well = e.getKey().substring(0, e.getKey().indexOf('/'));
            String predicted = classes.get(argMax(e.getValue()));
            String truth = trackTruth.get(e.getKey());
            if (predicted.equals(truth)) tracksRight++;
            int[] v = wellVotes.computeIfAbsent(well, k -> new int[4]);
            if (!predicted.equals("uninfected")) v[1]++;
            if (predicted.equals("spreader")) v[0]++;
            if (!truth.equals("uninfected")) v[3]++;
            if (truth.equals("spreader")) v[2]++;
        }
        System.out.printf(Locale.ROOT, "Held-out tracks (crops' mean probability): %d, accuracy %.3f%n%n", trackProba.size(),
                (double) tracksRight / trackProba.size());
        Map<String, double[]> called = calledFractions(fates);
        System.out.println("| well | tracks predicted infected | predicted spreader fraction | called from reporter+PI (these tracks) | called, all tracks of the well | simulator truth, all tracks |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, int[]> e : wellVotes.entrySet()) {
            int[] v = e.getValue();
            double[] c = called.getOrDefault(e.getKey(), new double[] {Double.NaN, Double.NaN});
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", e.getKey(), v[1], frac(v[0], v[1]), frac(v[2], v[3]),
                    pct(c[0]), pct(c[1]));
        }
        System.out.println();
        plot(Path.of(args[3]), byLysis, byHpiNon, bin);
    }

    /** Per well: spreader fraction of the called fates (cells: divided mothers not counted) and of the truth columns. */
    private static Map<String, double[]> calledFractions(List<Map<String, String>> fates) {
        Map<String, int[]> n = new TreeMap<>();
        java.util.Set<String> mothers = new java.util.HashSet<>();
        for (Map<String, String> r : fates) if (!r.get("parent").equals("0")) mothers.add(r.get("well") + "/" + r.get("parent"));
        for (Map<String, String> r : fates) {
            int[] v = n.computeIfAbsent(r.get("well"), k -> new int[4]);
            if (!mothers.contains(r.get("well") + "/" + r.get("track_id")) && !r.get("fate").equals("uninfected")) {
                v[1]++;
                if (r.get("fate").equals("spreader")) v[0]++;
            }
            String t = r.getOrDefault("true_fate", "");
            if (!t.isEmpty() && !t.equals("uninfected")) {
                v[3]++;
                if (t.equals("spreader")) v[2]++;
            }
        }
        Map<String, double[]> out = new HashMap<>();
        n.forEach((w, v) -> out.put(w, new double[] {v[1] == 0 ? Double.NaN : (double) v[0] / v[1], v[3] == 0 ? Double.NaN : (double) v[2] / v[3]}));
        return out;
    }

    private static void plot(Path png, TreeMap<Double, int[]> byLysis, TreeMap<Double, int[]> byHpiNon, double bin) throws Exception {
        List<LinePlot.Line> lines = new ArrayList<>();
        lines.add(new LinePlot.Line("spreader crops",
                byLysis.keySet().stream().mapToDouble(d -> d + bin / 2).toArray(),
                byLysis.values().stream().mapToDouble(FatePredictionReport::acc).toArray(), false, true));
        List<LinePlot.Line> lines2 = new ArrayList<>();
        lines2.add(new LinePlot.Line("nonspreader crops",
                byHpiNon.keySet().stream().mapToDouble(d -> d + bin / 2).toArray(),
                byHpiNon.values().stream().mapToDouble(FatePredictionReport::acc).toArray(), false, true));
        LinePlot.write(png, 800, 360, List.of(
                new LinePlot.Panel("Held-out spreader crops", "hours before lysis (bin centre)", "accuracy", lines, Double.NaN, 1),
                new LinePlot.Panel("Held-out nonspreader crops", "hours post infection (bin centre)", "accuracy", lines2, Double.NaN, 1)));
    }

    private static void table(String title, String col, TreeMap<Double, int[]> m, double bin) {
        System.out.println("**" + title + "**");
        System.out.println();
        System.out.println("| " + col + " | crops | accuracy |");
        System.out.println("|---|---|---|");
        m.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %.0f-%.0f | %d | %.3f |%n", k, k + bin, v[1], acc(v)));
        System.out.println();
    }

    private static double floorBin(double h, double bin) {
        return Math.floor(h / bin) * bin;
    }

    private static void add(int[] v, boolean right) {
        v[1]++;
        if (right) v[0]++;
    }

    private static double acc(int[] v) {
        return v[1] == 0 ? Double.NaN : (double) v[0] / v[1];
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    private static String frac(int a, int b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * a / b, a, b);
    }

    private static String pct(double f) {
        return Double.isNaN(f) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * f);
    }
}
