package org.karyo.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fate commands end to end on one small simulated movie (ground-truth tracks, so calls can be scored). */
class FateCommandsTest {
    @TempDir
    static Path tmp;
    static Path movie;
    static Path tracks;
    static Path fates;

    @BeforeAll
    static void simulateAndMeasure() {
        movie = tmp.resolve("movie");
        tracks = tmp.resolve("tracks");
        fates = tmp.resolve("fates");
        CliRun sim = CliRun.of("simulate", "timelapse", "--out", movie.toString(), "--size", "256", "--frames", "30",
                "--interval", "3", "--infected", "0.5", "--lysis-hpi", "40", "--spreader-fraction", "0.5", "--seed", "2", "--no-progress");
        assertThat(sim.exit()).as(sim.err()).isZero();
        CliRun t = CliRun.of("tracks-from-labels", movie.toString(), "--labels", movie.resolve("01_GT/TRA").toString(),
                "--out", tracks.toString(), "--interval", "3", "--no-progress");
        assertThat(t.exit()).as(t.err()).isZero();
        CliRun f = CliRun.of("fates", tracks.toString(), "--out", fates.toString(), "--truth", movie.resolve("cells.csv").toString());
        assertThat(f.exit()).as(f.err()).isZero();
    }

    @Test
    void tracksTableFollowsTheTrackerContract() throws IOException {
        List<String> lines = Files.readAllLines(tracks.resolve("tracks.csv"));
        assertThat(lines.get(0)).isEqualTo("track_id,parent,frame,hours,nucleus_id,x,y,area,dna_mean,reporter_mean,pi_mean,dna_cv,dna_rim_ratio,dna_p90_ratio,dna_bright_fraction");
        assertThat(lines).hasSizeGreaterThan(100);
        String[] row = lines.get(1).split(",", -1);
        assertThat(Double.parseDouble(row[11])).as("dna_cv").isBetween(0.0, 2.0);
        assertThat(row[12]).as("dna_rim_ratio").isNotEmpty();
        assertThat(tracks.resolve("res_track.txt")).isRegularFile();
    }

    @Test
    void fatesAgreeWithTheSimulatorsTruth() throws Exception {
        List<Map<String, String>> rows = org.karyo.io.table.CsvReader.read(fates.resolve("fates.csv"));
        // PI must be on for 2 frames: cells lysing in the movie's last frame (hours 87) cannot be seen as spreaders.
        java.util.function.Predicate<Map<String, String>> lysedInTime = r -> r.get("true_fate").equals("spreader")
                && Double.parseDouble(r.get("true_lysis_hours")) <= 84;
        long lysedTrue = rows.stream().filter(lysedInTime).count();
        long spreadersRight = rows.stream().filter(lysedInTime).filter(r -> r.get("fate").equals("spreader")).count();
        long uninfectedRight = rows.stream().filter(r -> r.get("true_fate").equals("uninfected") && r.get("fate").equals("uninfected")).count();
        long uninfected = rows.stream().filter(r -> r.get("true_fate").equals("uninfected")).count();
        assertThat(lysedTrue).isGreaterThan(0);
        assertThat(spreadersRight).isEqualTo(lysedTrue);
        assertThat(uninfectedRight).isGreaterThanOrEqualTo(uninfected - 1);
        String json = Files.readString(fates.resolve("fates.json"));
        assertThat(json).contains("\"spreader_fraction\"", "\"confusion\"", "\"lysis_onset_error_hours\"");
    }

    @Test
    void overrideReplacesACall() throws IOException {
        Path file = tmp.resolve("override.csv");
        Files.writeString(file, "track_id,fate\n1,spreader\n");
        Path out = tmp.resolve("fates-override");
        CliRun r = CliRun.of("fates", tracks.toString(), "--out", out.toString(), "--override", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("fates.csv"))).anyMatch(l -> l.startsWith("tracks,1,") && l.contains(",spreader,") && l.contains(",override,"));
    }

    @Test
    void timecourseWritesAlignedTablesPlotsAndRates() throws IOException {
        Path out = tmp.resolve("tc");
        CliRun r = CliRun.of("timecourse", tracks.toString(), "--fates", fates.resolve("fates.csv").toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (String f : List.of("series.csv", "aligned_infection.csv", "aligned_lysis.csv", "timecourse_infection.png",
                "timecourse_lysis.png", "reporter_rates.csv", "timecourse.json")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("aligned_infection.csv"))).contains("spreader,0.0000,");
    }

    @Test
    void fateCropsWriteADatasetGroupedByLineageWithFrameTimes() throws Exception {
        Path out = tmp.resolve("ds");
        CliRun r = CliRun.of("fate-crops", tracks.toString(), "--fates", fates.resolve("fates.csv").toString(), "--movie", movie.toString(),
                "--labels", movie.resolve("01_GT/TRA").toString(), "--out", out.toString(), "--before-lysis", "6", "--size", "32", "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> frames = org.karyo.io.table.CsvReader.read(out.resolve("frames.csv"));
        List<Map<String, String>> manifest = org.karyo.io.table.CsvReader.read(out.resolve("manifest.csv"));
        assertThat(frames).hasSameSizeAs(manifest);
        assertThat(frames).extracting(m -> m.get("fate")).contains("spreader", "uninfected");
        for (Map<String, String> f : frames) {
            if (f.get("fate").equals("spreader")) {
                assertThat(Double.parseDouble(f.get("hours_before_lysis"))).isGreaterThanOrEqualTo(6);
                assertThat(Double.parseDouble(f.get("hours_post_infection"))).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(manifest).allMatch(m -> m.get("group").startsWith("tracks_"));
    }

    /**
     * Truth is matched to tracks by label, which only a table made from the truth labels shares: on tracker output
     * per-track scores compared unrelated cells (bug: "spreader recall 0.00" printed on raw-frame tracks).
     */
    @Test
    void tracksThatAreNotTheTruthLabelsGetNoPerTrackScores() throws Exception {
        Path renumbered = tmp.resolve("renumbered");
        renumber(renumbered);
        Path out = tmp.resolve("fates-renumbered");
        CliRun r = CliRun.of("fates", renumbered.toString(), "--out", out.toString(), "--truth", movie.resolve("cells.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("per-track scores skipped").contains("true spreader fraction").doesNotContain("spreader recall");
        String json = Files.readString(out.resolve("fates.json"));
        assertThat(json).contains("true_spreader_fraction").doesNotContain("\"confusion\"");
        assertThat(org.karyo.io.table.CsvReader.read(out.resolve("fates.csv"))).allMatch(row -> row.get("true_fate").isEmpty());

        assertThat(Files.readString(fates.resolve("fates.json"))).as("the truth labels' own tracks are scored").contains("\"confusion\"");
    }

    /** Tracker output with the truth_match.csv of 'karyo track --truth' is scored cell by cell, through the match. */
    @Test
    void trackerTracksAreScoredAsTheTruthCellTheyFollowed() throws Exception {
        Path rematched = tmp.resolve("rematched");
        Map<Integer, Integer> frames = renumber(rematched);
        // Every track followed its own cell, except the first, which was on it in only half of its frames.
        int first = frames.keySet().iterator().next();
        StringBuilder match = new StringBuilder("track_id,truth_label,matched_frames,frames\n");
        frames.forEach((id, n) -> match.append(id + 5000).append(',').append(id).append(',').append(id == first ? n / 2 : n)
                .append(',').append(n).append('\n'));
        Files.writeString(rematched.resolve("truth_match.csv"), match);
        Path out = tmp.resolve("fates-rematched");
        CliRun r = CliRun.of("fates", rematched.toString(), "--out", out.toString(), "--truth", movie.resolve("cells.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("truth_match.csv; 1 tracks followed no one cell").contains("spreader recall");

        List<Map<String, String>> byLabel = org.karyo.io.table.CsvReader.read(fates.resolve("fates.csv"));
        List<Map<String, String>> byMatch = org.karyo.io.table.CsvReader.read(out.resolve("fates.csv"));
        assertThat(byMatch).hasSameSizeAs(byLabel);
        for (int i = 0; i < byLabel.size(); i++) {
            int id = Integer.parseInt(byLabel.get(i).get("track_id"));
            assertThat(Integer.parseInt(byMatch.get(i).get("track_id"))).isEqualTo(id + 5000);
            assertThat(byMatch.get(i).get("true_fate")).as("track " + id)
                    .isEqualTo(id == first ? "" : byLabel.get(i).get("true_fate"));
        }
        String json = Files.readString(out.resolve("fates.json"));
        assertThat(json).contains("\"confusion\"").contains("\"tracks_matched_to_truth_cells\": true").contains("\"unmatched_tracks\": 1");
    }

    @Test
    void aTruthMatchWithoutItsColumnsIsABadInput() throws Exception {
        Path renumbered = tmp.resolve("broken-match");
        renumber(renumbered);
        Files.writeString(renumbered.resolve("truth_match.csv"), "track_id,label\n5001,1\n");
        CliRun bad = CliRun.of("fates", renumbered.resolve("tracks.csv").toString(), "--out", tmp.resolve("zz").toString(),
                "--truth", movie.resolve("cells.csv").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("truth_match.csv").contains("truth_label");
        assertThat(tmp.resolve("zz").resolve("fates.csv")).doesNotExist();
    }

    /** Writes the tracks table into dir with every track id (and parent) plus 5000, as a tracker numbers its own; frames per old id. */
    private static Map<Integer, Integer> renumber(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> lines = Files.readAllLines(tracks.resolve("tracks.csv"));
        StringBuilder table = new StringBuilder(lines.get(0)).append('\n');
        Map<Integer, Integer> frames = new java.util.TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", 3);
            int id = Integer.parseInt(v[0]);
            int parent = Integer.parseInt(v[1]);
            table.append(id + 5000).append(',').append(parent == 0 ? 0 : parent + 5000).append(',').append(v[2]).append('\n');
            frames.merge(id, 1, Integer::sum);
        }
        Files.writeString(dir.resolve("tracks.csv"), table);
        return frames;
    }

    @Test
    void badInputIsOneLineAndExit2() {
        CliRun r = CliRun.of("fates", tmp.resolve("nope").toString(), "--out", tmp.resolve("x").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("tracks.csv");
        CliRun factor = CliRun.of("fates", tracks.toString(), "--out", tmp.resolve("y").toString(), "--switch-factor", "0.5");
        assertThat(factor.exit()).isEqualTo(2);
        assertThat(factor.err().strip()).contains("switch factor").doesNotContain("\n");
        assertThat(tmp.resolve("y")).doesNotExist();
    }
}
