package org.karyo.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackCommandTest {
    @TempDir
    static Path tmp;
    static Path sim;

    @BeforeAll
    static void simulate() {
        sim = tmp.resolve("sim");
        CliRun r = CliRun.of("simulate", "timelapse", "--out", sim.toString(), "--size", "256", "--frames", "8",
                "--no-progress", "--ctc-raw");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void tracksTruthLabelsAndWritesCtcResultsTableAndScores() throws IOException {
        Path out = tmp.resolve("on-truth");
        CliRun r = CliRun.of("track", sim.toString(), "--out", out.toString(), "--reporter-channel", "2", "--pi-channel", "3",
                "--labels", sim.resolve("01_GT/TRA").toString(), "--truth", sim.toString(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("TRA ").contains("DET ").contains("SEG ");
        // On the truth labels nothing is merged, missed or extra: the line says so.
        assertThat(r.out()).contains("nuclei: 0 merged away (splits needed), 0 missed, 0 extra;");
        assertThat(r.out()).as("a reporter channel is compared along links by default").contains("links also compared the reporter (--reporter-sigma 0.1)");
        List<String> csv = Files.readAllLines(out.resolve("tracks.csv"));
        assertThat(csv.get(0)).isEqualTo("track_id,parent,frame,hours,nucleus_id,x,y,area,dna_mean,reporter_mean,pi_mean,dna_cv,dna_rim_ratio,dna_p90_ratio,dna_bright_fraction");
        String[] first = csv.get(1).split(",", -1);
        assertThat(first).hasSize(15);
        assertThat(first[2]).isEqualTo("0");
        assertThat(first[9]).isNotEmpty();
        assertThat(first[10]).isNotEmpty();
        assertThat(Double.parseDouble(first[11])).as("dna_cv").isBetween(0.0, 2.0);
        assertThat(Double.parseDouble(first[13])).as("dna_p90_ratio").isBetween(1.0, 5.0);
        assertThat(Double.parseDouble(first[14])).as("dna_bright_fraction").isBetween(0.0, 1.0);
        assertThat(csv.get(csv.size() - 1).split(",", -1)[3]).isEqualTo("12.2500"); // frame 7 x 1.75 h
        for (int t = 0; t < 8; t++) assertThat(out.resolve(String.format("mask%03d.tif", t))).isRegularFile();
        List<String> tracks = Files.readAllLines(out.resolve("res_track.txt"));
        assertThat(tracks).isNotEmpty().allMatch(l -> l.matches("\\d+ \\d+ \\d+ \\d+"));
        // Every row's track is in res_track.txt and present within its B..E.
        java.util.Map<Integer, int[]> be = new java.util.HashMap<>();
        for (String l : tracks) {
            String[] f = l.split(" ");
            be.put(Integer.parseInt(f[0]), new int[]{Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        }
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",", -1);
            int[] range = be.get(Integer.parseInt(f[0]));
            assertThat(range).as(row).isNotNull();
            assertThat(Integer.parseInt(f[2])).isBetween(range[0], range[1]);
        }
        String scores = Files.readString(out.resolve("scores.json"));
        double tra = Double.parseDouble(scores.replaceAll("(?s).*\"tra\": ([0-9.eE-]+).*", "$1"));
        assertThat(tra).isGreaterThan(0.95);
        assertThat(scores).contains("\"det\": 1.00000").contains("\"seg\": 1.00000");
        double own = Double.parseDouble(scores.replaceAll("(?s).*\"own_history_share\": ([0-9.eE-]+).*", "$1"));
        assertThat(own).as("8 frames on the truth masks: most lineages stay on their cell").isBetween(0.8, 1.0);
        assertThat(r.out()).contains("lineages: ").contains("of track frames have only their own cell's past");
        // On the truth labels every nucleus is one truth cell: each track follows one, apart from the odd link error.
        List<String> match = Files.readAllLines(out.resolve("truth_match.csv"));
        assertThat(match.get(0)).isEqualTo("track_id,truth_label,matched_frames,frames");
        assertThat(match).hasSize(tracks.size() + 1);
        long matchedFrames = 0;
        long trackFrames = 0;
        for (String row : match.subList(1, match.size())) {
            String[] f = row.split(",");
            assertThat(Integer.parseInt(f[1])).as(row).isPositive();
            matchedFrames += Integer.parseInt(f[2]);
            trackFrames += Integer.parseInt(f[3]);
        }
        assertThat(trackFrames).isEqualTo(csv.size() - 1);
        assertThat(matchedFrames).isGreaterThanOrEqualTo(trackFrames * 9 / 10);
        // The picture of the result: the last frame's size, with coloured (non-grey) path and outline pixels.
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("tracks.png").toFile());
        assertThat(png.getWidth()).isEqualTo(256);
        int coloured = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y);
                if (((rgb >> 16) & 255) != (rgb & 255) || ((rgb >> 8) & 255) != (rgb & 255)) coloured++;
            }
        }
        assertThat(coloured).isGreaterThan(500);
    }

    @Test
    void segmentsAndTracksACtcFolderWithEmptyReporterColumns() throws IOException {
        Path out = tmp.resolve("ctc");
        CliRun r = CliRun.of("track", sim.resolve("01").toString(), "--out", out.toString(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("tracks.csv"));
        assertThat(csv).hasSizeGreaterThan(8);
        String[] row = csv.get(1).split(",", -1);
        assertThat(row[8]).isNotEmpty();
        assertThat(row[9]).isEmpty();
        assertThat(row[10]).isEmpty();
        assertThat(out.resolve("scores.json")).doesNotExist();
        assertThat(r.out()).as("no reporter, nothing to compare").doesNotContain("compared the reporter");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        CliRun missing = CliRun.of("track", tmp.resolve("nothing").toString(), "--out", tmp.resolve("x").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("no such file or folder");

        CliRun noChannel = CliRun.of("track", sim.toString(), "--out", tmp.resolve("y").toString(), "--pi-channel", "4",
                "--no-progress");
        assertThat(noChannel.exit()).isEqualTo(2);
        assertThat(noChannel.err()).contains("no channel w4");

        Path holey = tmp.resolve("holey");
        for (int tp : new int[]{1, 2, 4}) {
            Path dir = holey.resolve("TimePoint_" + tp);
            Files.createDirectories(dir);
            Files.copy(sim.resolve("TimePoint_" + tp).resolve("LIVE_A01_s1_w1.tif"), dir.resolve("LIVE_A01_s1_w1.tif"));
        }
        CliRun gap = CliRun.of("track", holey.toString(), "--out", tmp.resolve("z").toString(), "--no-progress");
        assertThat(gap.exit()).isEqualTo(2);
        assertThat(gap.err().strip()).doesNotContain("\n").contains("TimePoint_3 is missing");

        CliRun fewLabels = CliRun.of("track", holey.toString().replace("holey", "sim"), "--out", tmp.resolve("w").toString(),
                "--labels", tmp.resolve("on-truth-missing").toString(), "--no-progress");
        assertThat(fewLabels.exit()).isEqualTo(2);

        CliRun weight = CliRun.of("track", sim.toString(), "--out", tmp.resolve("v").toString(), "--brightness-weight", "-1",
                "--no-progress");
        assertThat(weight.exit()).isEqualTo(2);
        assertThat(weight.err().strip()).doesNotContain("\n").contains("--brightness-weight must be >= 0");
        assertThat(tmp.resolve("v")).doesNotExist();

        CliRun pathFrames = CliRun.of("track", sim.toString(), "--out", tmp.resolve("u").toString(), "--path-frames", "-2",
                "--no-progress");
        assertThat(pathFrames.exit()).isEqualTo(2);
        assertThat(pathFrames.err().strip()).doesNotContain("\n").contains("--path-frames must be >= 0");
        assertThat(tmp.resolve("u")).doesNotExist();

        CliRun noReporter = CliRun.of("track", sim.toString(), "--out", tmp.resolve("t").toString(), "--reporter-sigma", "0.1",
                "--no-progress");
        assertThat(noReporter.exit()).isEqualTo(2);
        assertThat(noReporter.err().strip()).doesNotContain("\n").contains("give --reporter-channel too");
        assertThat(tmp.resolve("t")).doesNotExist();
    }
}
