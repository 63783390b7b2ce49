package org.karyo.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.karyo.fate.FateHistory;
import org.karyo.fate.NeighbourDeaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic wells where a spreader's nucleus grows after infection and a nonspreader's does not, while
 * nuclei differ in size from cell to cell by more than that growth: the cell's own history tells the
 * fates apart, a single moment does not.
 */
class FateHistoryCommandTest {
    @TempDir
    static Path dir;
    static Path fates;

    @BeforeAll
    static void wells() throws IOException {
        StringBuilder f = new StringBuilder(FATES_HEADER);
        Random r = new Random(5);
        for (String well : List.of("A", "B", "C")) {
            StringBuilder t = tracksTable();
            for (int id = 1; id <= 60; id++) {
                boolean spreader = id <= 20;
                double size = 300 * Math.exp(0.35 * r.nextGaussian());   // cell-to-cell spread > growth below
                double infection = 4 + 2 * r.nextInt(4);
                double lysis = infection + 50 + 2 * r.nextInt(3);
                int frames = spreader ? (int) (lysis / 2) : 40;
                for (int k = 0; k < frames; k++) {
                    double h = 2.0 * k, hpi = h - infection;
                    double grow = spreader && hpi > 10 ? Math.exp(0.02 * (hpi - 10)) : 1;
                    double area = size * grow * Math.exp(0.03 * r.nextGaussian());
                    t.append(String.format(Locale.ROOT, "%d,0,%d,%.1f,%d,10,10,%.1f,%.1f,,%n", id, k, h, id, area, 700 + 20 * r.nextGaussian()));
                }
                f.append(String.format(Locale.ROOT, "%s,%d,0,%s,%.1f,%s,%d,%.1f%n", well, id, spreader ? "spreader" : "nonspreader",
                        infection, spreader ? String.format(Locale.ROOT, "%.1f", lysis) : "", id, 2.0 * (frames - 1) - infection));
            }
            Files.createDirectories(dir.resolve(well));
            Files.writeString(dir.resolve(well).resolve("tracks.csv"), t);
        }
        fates = dir.resolve("fates.csv");
        Files.writeString(fates, f);
    }

    private static CliRun run(String features, Path out) {
        return CliRun.of("fate-history", dir.resolve("A").toString(), dir.resolve("B").toString(), dir.resolve("C").toString(),
                "--fates", fates.toString(), "--train-wells", "A,B", "--out", out.toString(), "--features", features, "--trees", "50");
    }

    /** Balanced accuracy on held-out spreader frames 20-25 h before lysis against all nonspreader frames. */
    private static double balancedAt20h(Path out) throws Exception {
        int[] s = new int[2], n = new int[2];
        for (Map<String, String> row : org.karyo.io.table.CsvReader.read(out.resolve("predictions.csv"))) {
            assertThat(row.get("well")).isEqualTo("C");
            boolean called = row.get("predicted").equals("spreader");
            if (row.get("fate").equals("spreader")) {
                double before = Double.parseDouble(row.get("hours_before_lysis"));
                if (before >= 20 && before < 25) { s[1]++; if (called) s[0]++; }
            } else {
                n[1]++;
                if (!called) n[0]++;
            }
        }
        assertThat(s[1]).isPositive();
        return (s[0] / (double) s[1] + n[0] / (double) n[1]) / 2;
    }

    @Test
    void theCellsOwnHistoryTellsFatesApartWhereOneMomentCannot() throws Exception {
        Path history = dir.resolve("history"), hoechst = dir.resolve("hoechst"), frame = dir.resolve("frame");
        for (Map.Entry<String, Path> e : Map.of("history", history, "hoechst", hoechst, "frame", frame).entrySet()) {
            CliRun r = run(e.getKey(), e.getValue());
            assertThat(r.exit()).as(r.err()).isZero();
            for (String file : List.of("predictions.csv", "report.md", "accuracy_by_hours_before_lysis.png", "forest.tribuo")) {
                assertThat(e.getValue().resolve(file)).isNotEmptyFile();
            }
        }
        double h = balancedAt20h(history), u = balancedAt20h(hoechst), f = balancedAt20h(frame);
        assertThat(h).as("history").isGreaterThan(0.85);
        assertThat(f).as("one frame").isLessThan(0.75);
        assertThat(h).isGreaterThan(f + 0.15);
        assertThat(u).as("unanchored history").isGreaterThan(f);
        String report = Files.readString(history.resolve("report.md"));
        assertThat(report).contains("At 20-25 h before lysis", "balanced accuracy", "Spreader fraction per held-out well");
        // Every nonspreader here is followed 68-74 h after infection, longer than any spreader took to lyse (50-54 h).
        assertThat(report).contains("Controls: the movie clock alone", "Clock-matched (nonspreader frames weighted").containsPattern("Against only the nonspreaders followed at least 5\\d\\.\\d h");
        // Well C: 20 spreaders of 60 infected tracks, all intact 20 h after infection (lysis at 50+ h).
        assertThat(report).containsPattern("\\| C \\| 60 \\| 33\\.3 % \\|");
        // metrics.json: the headline as the report states it, with its interval over lineages.
        JsonObject metrics = JsonParser.parseString(Files.readString(history.resolve("metrics.json"))).getAsJsonObject();
        JsonObject balanced = metrics.getAsJsonObject("two_classes").getAsJsonObject("balanced_accuracy");
        double estimate = balanced.get("estimate").getAsDouble(), low = balanced.get("low").getAsDouble(), high = balanced.get("high").getAsDouble();
        assertThat(estimate).isCloseTo(h, within(0.01));
        assertThat(low).isLessThanOrEqualTo(estimate).isGreaterThan(0.5);
        assertThat(high).isGreaterThanOrEqualTo(estimate).isLessThanOrEqualTo(1);
        assertThat(report).contains(String.format(Locale.ROOT, "balanced accuracy %.3f [%.3f, %.3f] (spreader recall", estimate, low, high));
        assertThat(metrics.getAsJsonObject("controls").get("clock_alone").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(metrics.has("three_classes")).as("a two-class model").isFalse();

        // The saved model, applied to well C alone, gives the same probabilities as the run that trained it.
        Path applied = dir.resolve("applied");
        CliRun a = CliRun.of("fate-history", dir.resolve("C").toString(), "--fates", fates.toString(), "--model", history.toString(),
                "--out", applied.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(applied.resolve("forest.tribuo")).doesNotExist();
        // (Applying scores every nonspreader frame; training scored them up to its window: the applied rows include all.)
        List<String> trainedRun = Files.readAllLines(history.resolve("predictions.csv"));
        List<String> appliedRun = Files.readAllLines(applied.resolve("predictions.csv"));
        assertThat(appliedRun).hasSizeGreaterThanOrEqualTo(trainedRun.size()).containsAll(trainedRun);
    }

    @Test
    void wellsThatCannotWorkAreOneLineErrors() throws IOException {
        Path out = dir.resolve("bad");
        CliRun r = CliRun.of("fate-history", dir.resolve("A").toString(), dir.resolve("B").toString(), "--fates", fates.toString(),
                "--train-wells", "A,Z", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(r.err().lines().filter(l -> l.startsWith("error:"))).singleElement().asString().contains("'Z'");
        r = CliRun.of("fate-history", dir.resolve("A").toString(), "--fates", fates.toString(), "--train-wells", "A", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("leave at least one out");
        r = CliRun.of("fate-history", dir.resolve("A").toString(), dir.resolve("B").toString(), "--fates", fates.toString(),
                "--train-wells", "A", "--out", out.toString(), "--features", "pixels");
        assertThat(r.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--features");
        r = CliRun.of("fate-history", dir.resolve("A").toString(), "--fates", fates.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("either --train-wells", "--model");
        r = CliRun.of("fate-history", dir.resolve("A").toString(), "--fates", fates.toString(), "--out", out.toString(),
                "--model", dir.resolve("no-model").toString());
        assertThat(r.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("fate-history.json");
        assertThat(out).doesNotExist();
    }

    @Test
    void callsAreSmoothedAlongEachTrackFromItsOwnEarlierFramesOnly() throws Exception {
        Path plain = dir.resolve("unsmoothed"), smoothed = dir.resolve("smoothed");
        for (Map.Entry<Path, String> e : Map.of(plain, "0", smoothed, "3").entrySet()) {
            CliRun r = CliRun.of("fate-history", dir.resolve("A").toString(), dir.resolve("B").toString(), dir.resolve("C").toString(),
                    "--fates", fates.toString(), "--train-wells", "A,B", "--out", e.getKey().toString(), "--features", "hoechst",
                    "--trees", "30", "--no-progress", "--smooth-half-life", e.getValue());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        // Same forest (same seed): each smoothed probability is the weighted mean of the same track's unsmoothed ones so far.
        Map<String, List<Map<String, String>>> byTrack = new java.util.TreeMap<>();
        for (Map<String, String> row : org.karyo.io.table.CsvReader.read(plain.resolve("predictions.csv"))) {
            byTrack.computeIfAbsent(row.get("track_id"), k -> new java.util.ArrayList<>()).add(row);
        }
        Map<String, Double> expected = new java.util.HashMap<>();
        for (List<Map<String, String>> t : byTrack.values()) {
            t.sort(java.util.Comparator.comparingDouble(x -> Double.parseDouble(x.get("hours"))));
            double[] hours = t.stream().mapToDouble(x -> Double.parseDouble(x.get("hours"))).toArray();
            float[][] p = t.stream().map(x -> {
                float ps = Float.parseFloat(x.get("p_spreader"));
                return new float[] {1 - ps, ps};
            }).toArray(float[][]::new);
            float[][] sm = org.karyo.fate.CallSmoothing.smooth(hours, p, 3);
            for (int i = 0; i < t.size(); i++) expected.put(t.get(i).get("track_id") + "/" + t.get(i).get("frame"), (double) sm[i][1]);
        }
        List<Map<String, String>> rows = org.karyo.io.table.CsvReader.read(smoothed.resolve("predictions.csv"));
        assertThat(rows).hasSize(expected.size());
        int changed = 0;
        for (Map<String, String> row : rows) {
            String key = row.get("track_id") + "/" + row.get("frame");
            double p = Double.parseDouble(row.get("p_spreader"));
            assertThat(p).as(key).isCloseTo(expected.get(key), within(2e-4));
            assertThat(row.get("predicted")).as(key).isEqualTo(p > 0.5 ? "spreader" : p < 0.5 ? "nonspreader" : row.get("predicted"));
        }
        for (Map<String, String> row : org.karyo.io.table.CsvReader.read(plain.resolve("predictions.csv"))) {
            String key = row.get("track_id") + "/" + row.get("frame");
            if (Math.abs(Double.parseDouble(row.get("p_spreader")) - expected.get(key)) > 0.01) changed++;
        }
        assertThat(changed).as("frames whose probability the smoothing moved").isGreaterThan(10);
        assertThat(Files.readString(smoothed.resolve("report.md"))).contains("Calls smoothed along each track");
        assertThat(JsonParser.parseString(Files.readString(smoothed.resolve("metrics.json"))).getAsJsonObject()
                .get("smooth_half_life_hours").getAsDouble()).isEqualTo(3);
        CliRun bad = CliRun.of("fate-history", dir.resolve("A").toString(), dir.resolve("C").toString(), "--fates", fates.toString(),
                "--train-wells", "A", "--out", dir.resolve("bad-smooth").toString(), "--smooth-half-life", "-1");
        assertThat(bad.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("--smooth-half-life");
    }

    @Test
    void aListOfFeatureNamesTrainsOnExactlyThose() throws Exception {
        Path out = dir.resolve("named");
        CliRun r = CliRun.of("fate-history", dir.resolve("A").toString(), dir.resolve("B").toString(), dir.resolve("C").toString(),
                "--fates", fates.toString(), "--train-wells", "A,B", "--out", out.toString(), "--no-progress",
                "--features", "log_area_vs_min, log_area_slope_20h_per_h", "--trees", "20");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("fate-history.json"))).contains("log_area_vs_min", "log_area_slope_20h_per_h")
                .doesNotContain("hours_post_infection");
        assertThat(Files.readString(out.resolve("report.md"))).contains("features: log_area_vs_min, log_area_slope_20h_per_h.");
    }

    @Test
    void featuresCsvHoldsWhatTheForestSawForEveryScoredFrame() throws Exception {
        Path out = dir.resolve("features");
        CliRun r = CliRun.of("fate-history", dir.resolve("A").toString(), dir.resolve("B").toString(), dir.resolve("C").toString(),
                "--fates", fates.toString(), "--train-wells", "A,B", "--out", out.toString(), "--no-progress",
                "--features", "log_area,log_area_vs_min", "--trees", "20", "--write-features");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> features = Files.readAllLines(out.resolve("features.csv"));
        List<String> predictions = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(features.get(0)).isEqualTo("well,track_id,frame,fate,log_area,log_area_vs_min");
        assertThat(features).hasSameSizeAs(predictions);
        String tracksCsv = Files.readString(dir.resolve("C").resolve("tracks.csv"));
        for (int i = 1; i < features.size(); i += 37) {
            String[] f = features.get(i).split(",", -1);
            String[] p = predictions.get(i).split(",", -1);
            assertThat(f[0] + "," + f[1] + "," + f[2]).isEqualTo(p[0] + "," + p[1] + "," + p[3]);
            // log_area is the log of the area tracks.csv gives for that track and frame.
            double area = tracksCsv.lines().map(l -> l.split(",", -1)).filter(c -> c[0].equals(f[1]) && c[2].equals(f[2]))
                    .mapToDouble(c -> Double.parseDouble(c[7])).findFirst().orElseThrow();
            assertThat(Double.parseDouble(f[4])).isCloseTo(Math.log(area), org.assertj.core.api.Assertions.within(1e-4));
            assertThat(Double.parseDouble(f[5])).isGreaterThanOrEqualTo(-1e-9);
        }
        CliRun without = CliRun.of("fate-history", dir.resolve("A").toString(), dir.resolve("B").toString(), dir.resolve("C").toString(),
                "--fates", fates.toString(), "--train-wells", "A,B", "--out", dir.resolve("nofeatures").toString(), "--no-progress",
                "--features", "log_area", "--trees", "20");
        assertThat(without.exit()).as(without.err()).isZero();
        assertThat(dir.resolve("nofeatures").resolve("features.csv")).doesNotExist();
    }

    /**
     * Bug: on tracker output a mother can be a spreader through her daughters, with no lysis time of her own; the
     * training window became NaN and the run stopped with "no spreader followed 20 h before its lysis".
     */
    @Test
    void aSpreaderWithoutItsOwnLysisTimeDoesNotStopTraining() throws Exception {
        Path copy = dir.resolve("nolysis");
        for (String well : List.of("A", "B", "C")) {
            Files.createDirectories(copy.resolve(well));
            Files.copy(dir.resolve(well).resolve("tracks.csv"), copy.resolve(well).resolve("tracks.csv"));
        }
        StringBuilder extra = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            extra.append(String.format(Locale.ROOT, "99,0,%d,%.1f,99,10,10,300.0,700.0,,%n", k, 2.0 * k));
        }
        Files.writeString(copy.resolve("A").resolve("tracks.csv"), extra, java.nio.file.StandardOpenOption.APPEND);
        Path fates2 = copy.resolve("fates.csv");
        Files.writeString(fates2, Files.readString(fates) + "A,99,0,spreader,4.0,,99,14.0\n");
        CliRun r = CliRun.of("fate-history", copy.resolve("A").toString(), copy.resolve("B").toString(), copy.resolve("C").toString(),
                "--fates", fates2.toString(), "--train-wells", "A,B", "--out", copy.resolve("out").toString(), "--trees", "20",
                "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /** Bug: a nucleus too small for a rim/centre ratio left a NaN in one held-out row, and the forest refused it. */
    @Test
    void aFewUnmeasuredValuesAreFilledNotFatal() throws Exception {
        Path textured = dir.resolve("textured");
        for (String well : List.of("A", "B", "C")) {
            List<String> lines = Files.readAllLines(dir.resolve(well).resolve("tracks.csv"));
            StringBuilder t = new StringBuilder(lines.get(0)).append(",dna_cv,dna_rim_ratio\n");
            for (int i = 1; i < lines.size(); i++) {
                t.append(lines.get(i)).append(",0.2,").append(well.equals("C") && i % 17 == 0 ? "" : "1.0").append('\n');
            }
            Files.createDirectories(textured.resolve(well));
            Files.writeString(textured.resolve(well).resolve("tracks.csv"), t);
        }
        Path out = dir.resolve("textured-out");
        CliRun r = CliRun.of("fate-history", textured.resolve("A").toString(), textured.resolve("B").toString(),
                textured.resolve("C").toString(), "--fates", fates.toString(), "--train-wells", "A,B", "--out", out.toString(),
                "--features", "frame", "--trees", "20");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("predictions.csv")).isNotEmptyFile();
    }

    /**
     * Three classes on their own wells: spreaders grow after infection, nonspreaders dim by a fifth, uninfected cells
     * stay as they are; cells differ from one another by more than either change.
     */
    @Test
    void aThirdClassTellsUninfectedCellsByTheirHistoryToo() throws Exception {
        Path three = dir.resolve("three");
        Path fates3 = syntheticWells(three, 11, List.of("D", "E", "F"), (well, index, c, t, f, r) -> {
            int id = index + 1;
            for (int k = 0; k < c.frames(); k++) {
                double hpi = 2.0 * k - c.infection();
                double grow = c.fate().equals("spreader") && hpi > 10 ? Math.exp(0.02 * (hpi - 10)) : 1;
                double dim = c.fate().equals("nonspreader") && hpi > 5 ? 0.8 : 1;
                t.append(row(id, 0, k, c.size() * grow, c.dna() * dim, r));
            }
            f.append(c.fatesRow(well, id, id));
        });
        Path out = three.resolve("out");
        String[] wellsArgs = {three.resolve("D").toString(), three.resolve("E").toString(), three.resolve("F").toString()};

        CliRun refused = CliRun.of(concat(wellsArgs, "--fates", fates3.toString(), "--train-wells", "D,E", "--out", out.toString(),
                "--uninfected"));
        assertThat(refused.exit()).as("the default features use the infection time").isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("--uninfected needs features that do not use the infection time");

        CliRun run = CliRun.of(concat(wellsArgs, "--fates", fates3.toString(), "--train-wells", "D,E", "--out", out.toString(),
                "--uninfected", "--features", "hoechst", "--trees", "50", "--no-progress"));
        assertThat(run.exit()).as(run.err()).isZero();
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("Three classes at 20-25 h before lysis", "| uninfected frames |", "Spreader fraction per held-out well");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("uninfected ([0-9.]+)\\), accuracy").matcher(report);
        assertThat(m.find()).as(report).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as("uninfected recall").isGreaterThan(0.7);
        JsonObject three3 = JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject().getAsJsonObject("three_classes");
        assertThat(three3.getAsJsonObject("recall").get("uninfected").getAsDouble()).isCloseTo(Double.parseDouble(m.group(1)), within(0.0005));
        JsonObject balanced3 = three3.getAsJsonObject("balanced_accuracy");
        assertThat(report).contains(String.format(Locale.ROOT, "accuracy %.3f [%.3f, %.3f] (recall: spreader", balanced3.get("estimate").getAsDouble(),
                balanced3.get("low").getAsDouble(), balanced3.get("high").getAsDouble()));
        assertThat(balanced3.get("low").getAsDouble()).isLessThan(balanced3.get("high").getAsDouble());
        // bin/fate-oracle-experiment cuts the line at its one "balanced accuracy".
        assertThat(report.lines().filter(l -> l.startsWith("Three classes")).findFirst().orElseThrow().split("balanced accuracy", -1)).hasSize(2);
        List<Map<String, String>> rows = org.karyo.io.table.CsvReader.read(out.resolve("predictions.csv"));
        assertThat(rows.get(0)).containsKeys("p_spreader", "p_uninfected", "predicted");
        assertThat(rows).anyMatch(x -> x.get("fate").equals("uninfected") && x.get("hours_post_infection").isEmpty());
        assertThat(Files.readString(out.resolve("fate-history.json"))).contains("\"uninfected\"");

        // The saved three-class model applied to one well scores its uninfected frames too, with the same probabilities.
        Path applied = three.resolve("applied");
        CliRun a = CliRun.of("fate-history", wellsArgs[2], "--fates", fates3.toString(), "--model", out.toString(),
                "--out", applied.toString(), "--no-progress");
        assertThat(a.exit()).as(a.err()).isZero();
        List<String> trainedRun = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(Files.readAllLines(applied.resolve("predictions.csv"))).containsAll(trainedRun);
    }

    /**
     * Uninfected cells divide every 20 h, infected cells never do, and nothing else tells nonspreaders from uninfected
     * cells (same sizes and brightness, daughters as large as their mother): only the cycle features can.
     */
    @Test
    void infectedCellsThatStopDividingAreToldByTheCycleFeatures() throws Exception {
        Path cyc = dir.resolve("cycle");
        // Ids 10 * index + 1 on: an uninfected cell's lineage takes seven of them.
        Path fatesFile = syntheticWells(cyc, 5, List.of("G", "H", "I"), (well, index, c, t, f, r) -> {
            int root = 10 * index + 1;
            if (c.fate().equals("uninfected")) {
                // Generations of 10 frames: one daughter of each division is followed, the other is a short track.
                int next = root, parent = 0;
                for (int gen = 0; gen < 4; gen++) {
                    int id = next++;
                    for (int k = 10 * gen; k < 10 * gen + 10; k++) t.append(row(id, parent, k, c.size(), c.dna(), r));
                    f.append(String.format(Locale.ROOT, "%s,%d,%d,uninfected,,,%d,%n", well, id, parent, root));
                    if (gen < 3) {
                        int sister = next++;
                        t.append(row(sister, id, 10 * gen + 10, c.size(), c.dna(), r));
                        f.append(String.format(Locale.ROOT, "%s,%d,%d,uninfected,,,%d,%n", well, sister, id, root));
                    }
                    parent = id;
                }
                return;
            }
            for (int k = 0; k < c.frames(); k++) {
                double hpi = 2.0 * k - c.infection();
                double grow = c.fate().equals("spreader") && hpi > 10 ? Math.exp(0.02 * (hpi - 10)) : 1;
                t.append(row(root, 0, k, c.size() * grow, c.dna(), r));
            }
            f.append(c.fatesRow(well, root, root));
        });
        double[] recall = {nonspreaderRecall(cyc, List.of("G", "H", "I"), fatesFile, "hoechst", "out0"),
                nonspreaderRecall(cyc, List.of("G", "H", "I"), fatesFile, "hoechst,cycle", "out1")};
        assertThat(Files.readString(cyc.resolve("out1").resolve("fate-history.json"))).contains("hours_without_division", "division_seen", "log_dna_content_vs_min");
        // Before the first division (20 h) a nonspreader and an uninfected cell are the same here: about a quarter of
        // the nonspreader frames stay out of reach.
        assertThat(recall[1]).as("nonspreader recall with the cycle features, without: " + recall[0]).isGreaterThan(0.7)
                .isGreaterThan(recall[0] + 0.2);
    }

    /**
     * Nonspreaders and uninfected cells have the same Hoechst histories; but next to every nonspreader, a nucleus
     * brightened and vanished shortly before it was infected (a lysed neighbour). Only the neighbours features see it.
     */
    @Test
    void aDeathNextToACellIsToldByTheNeighbourFeatures() throws Exception {
        Path nb = dir.resolve("neighbours");
        Path fatesFile = syntheticWells(nb, 7, List.of("J", "K", "L"), (well, index, c, t, f, r) -> {
            int id = 10 * index + 1;
            double x = 200.0 * index;
            for (int k = 0; k < c.frames(); k++) {
                double hpi = 2.0 * k - c.infection();
                double grow = c.fate().equals("spreader") && hpi > 10 ? Math.exp(0.02 * (hpi - 10)) : 1;
                t.append(rowAt(id, k, x, c.size() * grow, c.dna(), r));
            }
            f.append(c.fatesRow(well, id, id));
            if (c.fate().equals("nonspreader")) {
                // One nucleus diameter away, a neighbour brightens at 6 h and is gone at 8 h. It has no fate row: only
                // its track shows it, as only its Hoechst would in a movie.
                for (int k = 0; k < 4; k++) t.append(rowAt(id + 1, k, x + 20, 300, k < 3 ? 700 : 1000, r));
            }
        });
        double[] recall = {nonspreaderRecall(nb, List.of("J", "K", "L"), fatesFile, "hoechst", "out0"),
                nonspreaderRecall(nb, List.of("J", "K", "L"), fatesFile, "hoechst,neighbours", "out1")};
        assertThat(Files.readString(nb.resolve("out1").resolve("fate-history.json"))).contains(NeighbourDeaths.NAMES);
        assertThat(recall[1]).as("nonspreader recall with the neighbours features, without: " + recall[0]).isGreaterThan(0.8)
                .isGreaterThan(recall[0] + 0.2);
    }

    /**
     * Trains a three-class forest on all wells but the last, scores the last, and returns the report's nonspreader
     * recall (into {@code root/out}).
     */
    private static double nonspreaderRecall(Path root, List<String> wells, Path fatesFile, String features, String out) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("fate-history"));
        for (String w : wells) args.add(root.resolve(w).toString());
        args.addAll(List.of("--fates", fatesFile.toString(), "--train-wells", String.join(",", wells.subList(0, wells.size() - 1)),
                "--out", root.resolve(out).toString(), "--uninfected", "--features", features, "--trees", "50", "--no-progress"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        String report = Files.readString(root.resolve(out).resolve("report.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("recall: spreader [0-9.]+, nonspreader ([0-9.]+)").matcher(report);
        assertThat(m.find()).as(report).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String rowAt(int id, int frame, double x, double size, double dna, Random r) {
        return String.format(Locale.ROOT, "%d,0,%d,%.1f,%d,%.1f,10,%.1f,%.1f,,%n", id, frame, 2.0 * frame, id, x,
                size * Math.exp(0.03 * r.nextGaussian()), dna * Math.exp(0.02 * r.nextGaussian()));
    }

    /** Appends one synthetic cell's rows to a well's tracks.csv and to the shared fates.csv. */
    private interface CellRows {
        void write(String well, int index, Cell cell, StringBuilder tracks, StringBuilder fates, Random r);
    }

    /** 60 cells per well ({@link Cell#draw}), one tracks.csv per well under {@code root}; returns the fates.csv of all. */
    private static Path syntheticWells(Path root, long seed, List<String> wells, CellRows rows) throws IOException {
        StringBuilder f = new StringBuilder(FATES_HEADER);
        Random r = new Random(seed);
        for (String well : wells) {
            StringBuilder t = tracksTable();
            for (int i = 0; i < 60; i++) rows.write(well, i, Cell.draw(i, r), t, f, r);
            Files.createDirectories(root.resolve(well));
            Files.writeString(root.resolve(well).resolve("tracks.csv"), t);
        }
        Path file = root.resolve("fates.csv");
        Files.writeString(file, f);
        return file;
    }

    /**
     * One synthetic cell of the three-class wells: a third each spreader, nonspreader and uninfected by index; size and
     * brightness differ between cells by more than any fate changes them.
     */
    private record Cell(String fate, double size, double dna, double infection, double lysis) {
        static Cell draw(int index, Random r) {
            String fate = index < 20 ? "spreader" : index < 40 ? "nonspreader" : "uninfected";
            double size = 300 * Math.exp(0.35 * r.nextGaussian());
            double dna = 700 * Math.exp(0.3 * r.nextGaussian());
            double infection = 4 + 2 * r.nextInt(4);
            return new Cell(fate, size, dna, infection, infection + 50 + 2 * r.nextInt(3));
        }

        /** A spreader's track ends at lysis; the others are followed to frame 39. */
        int frames() {
            return fate.equals("spreader") ? (int) (lysis / 2) : 40;
        }

        /** Its fates.csv row as a one-track cell ({@link #FATES_HEADER}). */
        String fatesRow(String well, int id, int root) {
            boolean infected = !fate.equals("uninfected");
            return String.format(Locale.ROOT, "%s,%d,0,%s,%s,%s,%d,%s%n", well, id, fate,
                    infected ? String.format(Locale.ROOT, "%.1f", infection) : "",
                    fate.equals("spreader") ? String.format(Locale.ROOT, "%.1f", lysis) : "", root,
                    infected ? String.format(Locale.ROOT, "%.1f", 2.0 * (frames() - 1) - infection) : "");
        }
    }

    private static String row(int id, int parent, int frame, double size, double dna, Random r) {
        return String.format(Locale.ROOT, "%d,%d,%d,%.1f,%d,10,10,%.1f,%.1f,,%n", id, parent, frame, 2.0 * frame, id,
                size * Math.exp(0.03 * r.nextGaussian()), dna * Math.exp(0.02 * r.nextGaussian()));
    }

    @Test
    void featureGroupsAndNamesCombine() throws Exception {
        int[] c = FateHistoryCommand.columns("hoechst, cycle,log_area");
        assertThat(c).hasSize(FateHistory.UNANCHORED.size() + FateHistory.CYCLE.size());
        assertThat(FateHistory.NAMES.get(c[0])).isEqualTo("log_area");
        assertThat(FateHistory.NAMES.get(c[FateHistory.UNANCHORED.size()])).isEqualTo("hours_without_division");
        assertThat(FateHistoryCommand.columns("history")).hasSize(FateHistory.NAMES.size() - FateHistory.CYCLE.size());
        int[] n = FateHistoryCommand.columns("neighbours");
        assertThat(java.util.Arrays.stream(n).mapToObj(FateHistorySamples.NAMES::get).toList()).isEqualTo(NeighbourDeaths.NAMES);
    }

    private static final String FATES_HEADER = "well,track_id,parent,fate,infection_hours,lysis_hours,root,followed_hours\n";

    private static StringBuilder tracksTable() {
        return new StringBuilder(String.join(",", TracksTable.REQUIRED)).append('\n');
    }

    private static String[] concat(String[] wells, String... rest) {
        String[] all = new String[1 + wells.length + rest.length];
        all[0] = "fate-history";
        System.arraycopy(wells, 0, all, 1, wells.length);
        System.arraycopy(rest, 0, all, 1 + wells.length, rest.length);
        return all;
    }
}
