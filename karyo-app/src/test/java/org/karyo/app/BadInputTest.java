package org.karyo.app;

import org.karyo.image.Plane;
import org.karyo.io.TiffWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user mistake: exit 2, one line naming the file and the problem, and nothing written. */
class BadInputTest {
    @TempDir
    Path dir;

    private void assertBadInput(CliRun r, String... mentions) throws Exception {
        assertThat(r.exit()).as(r.err()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        String line = r.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElse(r.err());
        for (String m : mentions) assertThat(line).contains(m);
        Path out = dir.resolve("out");
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.walk(out)) {
                assertThat(s.filter(Files::isRegularFile)).as("no output written").isEmpty();
            }
        }
    }

    @Test
    void rejectsMissingFileWithItsName() throws Exception {
        assertBadInput(CliRun.of("segment", dir.resolve("nope.tif").toString(), "--out", dir.resolve("out").toString()),
                "nope.tif", "no such file");
    }

    @Test
    void rejectsTruncatedTiffWithFileName() throws Exception {
        Path img = dir.resolve("cut.tif");
        TiffWriter.writePlane(img, SyntheticImages.grid(2, 2, 8, 3));
        byte[] all = Files.readAllBytes(img);
        Files.write(img, Arrays.copyOf(all, all.length / 2));
        assertBadInput(CliRun.of("segment", img.toString(), "--out", dir.resolve("out").toString()), "cut.tif");
    }

    @Test
    void rejectsCorruptFileWithFileName() throws Exception {
        Path img = dir.resolve("junk.tif");
        Files.write(img, "this is not a tiff at all, just text".getBytes());
        assertBadInput(CliRun.of("segment", img.toString(), "--out", dir.resolve("out").toString()), "junk.tif");
    }

    @Test
    void rejectsEmptyImage() throws Exception {
        Path img = dir.resolve("blank.tif");
        float[] px = new float[64 * 64];
        Arrays.fill(px, 500);
        TiffWriter.writePlane(img, new Plane(64, 64, 16, px));
        assertBadInput(CliRun.of("segment", img.toString(), "--out", dir.resolve("out").toString()), "blank.tif", "empty");
    }

    @Test
    void rejectsMissingChannel() throws Exception {
        Path img = dir.resolve("one.tif");
        TiffWriter.writePlane(img, SyntheticImages.grid(2, 2, 8, 3));
        assertBadInput(CliRun.of("segment", img.toString(), "--channel", "2", "--out", dir.resolve("out").toString()),
                "one.tif", "channel 2");
    }

    @Test
    void rejectsReporterOfAnotherSize() throws Exception {
        Path n = dir.resolve("n.tif");
        Path r = dir.resolve("r.tif");
        TiffWriter.writePlane(n, SyntheticImages.grid(2, 2, 8, 3));
        TiffWriter.writePlane(r, SyntheticImages.grid(2, 3, 8, 3));
        assertBadInput(CliRun.of("label", "--nuclei", n.toString(), "--reporter", r.toString(), "--out", dir.resolve("out").toString()),
                "r.tif", "same size");
    }

    @Test
    void rejectsUnknownThresholdMethod() throws Exception {
        Path n = dir.resolve("n.tif");
        TiffWriter.writePlane(n, SyntheticImages.grid(2, 2, 8, 3));
        assertBadInput(CliRun.of("label", "--nuclei", n.toString(), "--reporter", n.toString(), "--threshold", "magic",
                "--out", dir.resolve("out").toString()), "--threshold");
    }

    @Test
    void rejectsUnknownOption() throws Exception {
        assertBadInput(CliRun.of("segment", "--frobnicate", "x.tif", "--out", dir.resolve("out").toString()), "frobnicate");
    }

    @Test
    void rejectsCropsIntoANonEmptyFolder() throws Exception {
        Path n = dir.resolve("n.tif");
        TiffWriter.writePlane(n, SyntheticImages.grid(2, 2, 8, 3));
        Path ds = dir.resolve("ds");
        Files.createDirectories(ds);
        Files.writeString(ds.resolve("keep.txt"), "mine");
        CliRun r = CliRun.of("crops", "--nuclei", n.toString(), "--class", "a", "--out", ds.toString());
        assertThat(r.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("not empty");
        assertThat(Files.readString(ds.resolve("keep.txt"))).isEqualTo("mine");
    }
}
