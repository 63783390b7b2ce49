package org.karyo.app;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;
import org.karyo.io.TiffWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentCommandTest {
    @TempDir
    Path dir;

    @Test
    void segmentsEveryNucleusAndWritesLabelsTableOverlayAndDatabase() throws Exception {
        Path img = dir.resolve("field.tif");
        TiffWriter.writePlane(img, SyntheticImages.grid(3, 4, 8, 1));
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("segment", img.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("field.nuclei.csv"));
        assertThat(csv.get(0)).startsWith("image,nucleus_id,x,y,area,");
        assertThat(csv).hasSize(1 + 12);
        Plane labels = ImageFileReader.readPlane(out.resolve("field.labels.tif"));
        assertThat(labels.bitDepth()).isEqualTo(16);
        assertThat(labels.max()).isEqualTo(12f);
        assertThat(out.resolve("field.overlay.png")).isRegularFile();
        assertThat(out.resolve("karyo.duckdb")).isRegularFile();
        assertThat(r.out()).contains("12 nuclei");
    }

    @Test
    void helpExplainsTheOutputs() {
        CliRun r = CliRun.of("segment", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("labels.tif").contains("nuclei.csv").contains("--out");
    }
}
