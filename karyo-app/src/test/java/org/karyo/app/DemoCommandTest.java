package org.karyo.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoRunsThePipelineAndItsNumbersAgreeWithTheSimulatorsTruth() throws Exception {
        Path out = dir.resolve("demo");
        CliRun r = CliRun.of("demo", "--out", out.toString(), "--size", "256", "--seed", "3",
                "--train-minutes", "0.15", "--epochs", "2", "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        // --no-progress reaches every step (a script's log stays free of bars).
        assertThat(r.out().lines().filter(l -> l.startsWith("karyo "))).hasSize(7).allMatch(l -> l.endsWith(" --no-progress")
                || l.startsWith("karyo predict ") && l.contains(" --no-progress "));
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("labels/plate_infection.png")).isRegularFile();
        assertThat(out.resolve("dataset/manifest.csv")).isRegularFile();
        Matcher m = Pattern.compile("segmentation F1@0.5 ([0-9.]+); infected call accuracy ([0-9.]+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as("segmentation F1 on simulated truth").isGreaterThan(0.75);
        assertThat(Double.parseDouble(m.group(2))).as("infected call accuracy").isGreaterThan(0.9);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("karyo simulate plate").contains("infected call accuracy")
                .contains("karyo train").contains("karyo predict").contains("An unseen plate");
        assertThat(out.resolve("model/bundle.json")).isRegularFile();
        assertThat(out.resolve("evaluation/metrics.json")).isRegularFile();
        assertThat(out.resolve("evaluation/roc.png")).isRegularFile();
        assertThat(html).contains("evaluation/cam/index.html", "evaluation/cam/mean_infected.png");
        // Every image the report points at exists.
        Matcher img = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
        while (img.find()) assertThat(out.resolve(img.group(1))).as(img.group(1)).isRegularFile();
        Matcher u = Pattern.compile("unseen plate, from Hoechst alone: infected fraction predicted ([0-9.]+), true ([0-9.]+) over 6 wells")
                .matcher(r.out());
        assertThat(u.find()).as(r.out()).isTrue();
    }

    @Test
    void refusesANonEmptyFolder() throws Exception {
        Files.writeString(dir.resolve("x.txt"), "keep");
        CliRun r = CliRun.of("demo", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
    }
}
