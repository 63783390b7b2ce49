package org.karyo.app;

import org.karyo.io.TiffWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LabelAndCropsCommandTest {
    @TempDir
    Path dir;
    Path nuclei;
    Path reporter;

    @BeforeEach
    void field() throws Exception {
        nuclei = dir.resolve("w1.tif");
        reporter = dir.resolve("w2.tif");
        TiffWriter.writePlane(nuclei, SyntheticImages.grid(3, 4, 8, 5));
        TiffWriter.writePlane(reporter, SyntheticImages.reporter(3, 4, 8, Set.of(0, 5, 11)));
    }

    @Test
    void labelCallsTheThreeReporterPositiveNuclei() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("label", "--nuclei", nuclei.toString(), "--reporter", reporter.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("w1.nuclei.csv"));
        assertThat(csv.get(0)).startsWith("image,nucleus_id,x,y,area,").endsWith(",reporter_mean,infected");
        assertThat(csv.stream().skip(1).filter(l -> l.endsWith(",true"))).hasSize(3);
        assertThat(csv.stream().skip(1).filter(l -> l.endsWith(",false"))).hasSize(9);
        assertThat(out.resolve("reporter_qc.png")).isRegularFile();
        assertThat(out.resolve("w1.overlay.png")).isRegularFile();
        assertThat(Files.readString(out.resolve("labelling.json"))).contains("\"infected\": 3");
        assertThat(r.out()).contains("3 infected");
    }

    @Test
    void cropsWritesOneCropPerNucleusInItsClassWithAManifest() throws Exception {
        Path ds = dir.resolve("ds");
        CliRun r = CliRun.of("crops", "--nuclei", nuclei.toString(), "--reporter", reporter.toString(),
                "--size", "32", "--out", ds.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(ds.resolve("infected"))) {
            assertThat(s.count()).isEqualTo(3);
        }
        try (Stream<Path> s = Files.list(ds.resolve("uninfected"))) {
            assertThat(s.count()).isEqualTo(9);
        }
        List<String> manifest = Files.readAllLines(ds.resolve("manifest.csv"));
        assertThat(manifest.get(0)).isEqualTo("path,class,image,nucleus_id,x,y,area,group");
        assertThat(manifest).hasSize(13);
        assertThat(manifest.get(1)).endsWith(",w1");
    }

    @Test
    void cropsWithAGivenClassNeedsNoReporter() throws Exception {
        Path ds = dir.resolve("live");
        CliRun r = CliRun.of("crops", "--nuclei", nuclei.toString(), "--class", "live", "--group", "block",
                "--block-size", "32", "--out", ds.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> manifest = Files.readAllLines(ds.resolve("manifest.csv"));
        assertThat(manifest).hasSize(13);
        assertThat(manifest.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).distinct().count())
                .as("spatial blocks as groups").isGreaterThan(1);
    }
}
