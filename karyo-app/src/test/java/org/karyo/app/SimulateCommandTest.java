package org.karyo.app;

import org.karyo.KaryoInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {
    @TempDir
    Path tmp;

    private static int run(String... args) {
        CommandLine cl = new CommandLine(new SimulateCommand());
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof KaryoInputException) return Karyo.EXIT_BAD_INPUT;
            throw ex;
        });
        return cl.execute(args);
    }

    @Test
    void fieldWritesImagesLabelsAndTruthTable() throws IOException {
        Path out = tmp.resolve("f");
        assertThat(run("field", "--out", out.toString(), "--size", "128", "--virus", "hsv", "--no-progress")).isZero();
        assertThat(out.resolve("field001_w1.tif")).isRegularFile();
        assertThat(out.resolve("field001_w2.tif")).isRegularFile();
        assertThat(out.resolve("field001_labels.tif")).isRegularFile();
        List<String> csv = Files.readAllLines(out.resolve("field001_cells.csv"));
        assertThat(csv.get(0)).startsWith("label,x,y,area_px,state,infected");
        assertThat(csv).hasSizeGreaterThan(5);
        assertThat(out.resolve("simulation.txt")).isRegularFile();
    }

    @Test
    void sameSeedWritesIdenticalFiles() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(run("field", "--out", a.toString(), "--size", "96", "--seed", "5")).isZero();
        assertThat(run("field", "--out", b.toString(), "--size", "96", "--seed", "5")).isZero();
        for (String f : List.of("field001_w1.tif", "field001_w2.tif", "field001_labels.tif", "field001_cells.csv")) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }

    @Test
    void timelapseWritesIxmFramesAndCellTrackingChallengeTracks() throws IOException {
        Path out = tmp.resolve("t");
        assertThat(run("timelapse", "--out", out.toString(), "--size", "96", "--frames", "4", "--interval", "6",
                "--no-progress", "--ctc-raw")).isZero();
        assertThat(out.resolve("01/t000.tif")).isRegularFile();
        assertThat(out.resolve("TimePoint_1/LIVE_A01_s1_w1.tif")).isRegularFile();
        assertThat(out.resolve("TimePoint_4/LIVE_A01_s1_w3.tif")).isRegularFile();
        assertThat(out.resolve("01_GT/TRA/man_track000.tif")).isRegularFile();
        assertThat(out.resolve("01_GT/TRA/man_track003.tif")).isRegularFile();
        List<String> tracks = Files.readAllLines(out.resolve("01_GT/TRA/man_track.txt"));
        assertThat(tracks).isNotEmpty().allMatch(l -> l.matches("\\d+ \\d+ \\d+ \\d+"));
        assertThat(Files.readAllLines(out.resolve("cells.csv"))).hasSize(tracks.size() + 1);
        assertThat(out.resolve("observations.csv")).isRegularFile();
    }

    @Test
    void maxConfluenceStopsDivisionsOnceNucleiCoverThatMuch() throws IOException {
        // The movies start at a cover of 0.15: with contact inhibition at 0.1 no cell may divide, at the default
        // 0.45 many do over 60 hours (a division adds two tracks).
        Path low = tmp.resolve("low");
        Path dflt = tmp.resolve("default");
        assertThat(run("timelapse", "--out", low.toString(), "--size", "160", "--frames", "20", "--interval", "3",
                "--seed", "3", "--max-confluence", "0.1", "--no-progress")).isZero();
        assertThat(run("timelapse", "--out", dflt.toString(), "--size", "160", "--frames", "20", "--interval", "3",
                "--seed", "3", "--no-progress")).isZero();
        List<String> lowTracks = Files.readAllLines(low.resolve("01_GT/TRA/man_track.txt"));
        List<String> defaultTracks = Files.readAllLines(dflt.resolve("01_GT/TRA/man_track.txt"));
        assertThat(lowTracks).noneMatch(l -> !l.endsWith(" 0"));
        assertThat(defaultTracks.size()).isGreaterThan(lowTracks.size() + 10);
    }

    @Test
    void plateWritesIxmLayoutWithGroundTruth() throws IOException {
        Path out = tmp.resolve("p");
        assertThat(run("plate", "--out", out.toString(), "--size", "64", "--rows", "1", "--columns", "2",
                "--sites", "2", "--no-progress")).isZero();
        assertThat(out.resolve("SIM/TimePoint_1/SIM_A02_s2_w1.tif")).isRegularFile();
        assertThat(out.resolve("SIM/TimePoint_1/SIM_A01_s1_w2.tif")).isRegularFile();
        assertThat(out.resolve("SIM/groundtruth/TimePoint_1/SIM_A01_s1_labels.tif")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("SIM/groundtruth/wells.csv"))).containsExactly(
                "well,row,column,moi", "A01,1,1,0.0000", "A02,1,2,1.0000");
        assertThat(out.resolve("SIM/groundtruth/plaques.csv")).isRegularFile();
    }

    @Test
    void badOptionValuesAreBadInput() {
        assertThat(run("field", "--out", tmp.toString(), "--virus", "flu")).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(run("field", "--out", tmp.toString(), "--strength", "2")).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(run("timelapse", "--out", tmp.toString(), "--frames", "0")).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(run("timelapse", "--out", tmp.toString(), "--max-confluence", "0")).isEqualTo(Karyo.EXIT_BAD_INPUT);
    }
}
