package org.karyo.io.timelapse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.TiffWriter;
import org.karyo.simulate.Track;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelapseReadingTest {
    @TempDir
    Path tmp;

    /** A 16-bit plane whose every pixel is {@code value}. */
    private static Plane flat(int w, int h, float value) {
        float[] px = new float[w * h];
        java.util.Arrays.fill(px, value);
        return new Plane(w, h, 16, px);
    }

    private Path plate(int[] timePoints, int channels) throws IOException {
        Path root = tmp.resolve("plate");
        for (int tp : timePoints) {
            for (int c = 1; c <= channels; c++) {
                TiffWriter.writePlane(root.resolve("TimePoint_" + tp).resolve("LIVE_A01_s1_w" + c + ".tif"), flat(16, 12, 100 * tp + c));
            }
        }
        return root;
    }

    @Test
    void readsAPlateFolderOfTimePointsWithChosenChannels() throws Exception {
        Timelapse movie = Timelapse.open(plate(new int[]{1, 2, 3}, 3), new ChannelChoice(1, 2, 3));
        assertThat(movie.frames()).isEqualTo(3);
        TimelapseFrame f = movie.read(2);
        assertThat(f.dna().get(0, 0)).isEqualTo(301f);
        assertThat(f.reporter().get(0, 0)).isEqualTo(302f);
        assertThat(f.pi().get(0, 0)).isEqualTo(303f);
        assertThat(Timelapse.open(tmp.resolve("plate"), ChannelChoice.DNA_ONLY).read(0).reporter()).isNull();
    }

    @Test
    void refusesAHoleInTimePointNumbering() throws Exception {
        Path p = plate(new int[]{1, 2, 4}, 1);
        assertThatThrownBy(() -> Timelapse.open(p, ChannelChoice.DNA_ONLY))
                .isInstanceOf(KaryoInputException.class).hasMessageContaining("TimePoint_3 is missing");
    }

    @Test
    void refusesAChannelThatIsNotThere() throws Exception {
        Path p = plate(new int[]{1, 2}, 2);
        assertThatThrownBy(() -> Timelapse.open(p, new ChannelChoice(1, 2, 3)))
                .isInstanceOf(KaryoInputException.class).hasMessageContaining("no channel w3");
    }

    @Test
    void refusesFramesOfDifferentSizes() throws Exception {
        Path p = plate(new int[]{1, 2}, 1);
        TiffWriter.writePlane(p.resolve("TimePoint_2").resolve("LIVE_A01_s1_w1.tif"), flat(20, 12, 5));
        Timelapse movie = Timelapse.open(p, ChannelChoice.DNA_ONLY);
        movie.read(0);
        assertThatThrownBy(() -> movie.read(1)).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("is 20x12 but").hasMessageNotContaining("\n");
    }

    @Test
    void readsACtcFolderAndRefusesAMissingFrame() throws Exception {
        Path dir = tmp.resolve("01");
        for (int t = 0; t < 3; t++) TiffWriter.writePlane(dir.resolve(String.format("t%03d.tif", t)), flat(8, 8, t));
        Timelapse movie = Timelapse.open(dir, ChannelChoice.DNA_ONLY);
        assertThat(movie.frames()).isEqualTo(3);
        assertThat(movie.read(2).dna().get(1, 1)).isEqualTo(2f);
        TiffWriter.writePlane(dir.resolve("t004.tif"), flat(8, 8, 4));
        assertThatThrownBy(() -> Timelapse.open(dir, ChannelChoice.DNA_ONLY))
                .isInstanceOf(KaryoInputException.class).hasMessageContaining("frame 3 is missing");
    }

    @Test
    void readsAHyperstackWithFramesAndChannels() throws Exception {
        List<Plane> planes = new ArrayList<>();
        for (int t = 0; t < 4; t++) for (int c = 1; c <= 2; c++) planes.add(flat(10, 6, 10 * t + c));
        Path f = tmp.resolve("movie.tif");
        TiffWriter.writeStack(f, planes, 2, 1, 4);
        Timelapse movie = Timelapse.open(f, new ChannelChoice(1, 2, 0));
        assertThat(movie.frames()).isEqualTo(4);
        assertThat(movie.read(3).dna().get(0, 0)).isEqualTo(31f);
        assertThat(movie.read(3).reporter().get(0, 0)).isEqualTo(32f);
        assertThatThrownBy(() -> Timelapse.open(f, new ChannelChoice(1, 0, 3)))
                .isInstanceOf(KaryoInputException.class).hasMessageContaining("no channel 3");
    }

    @Test
    void readsAPlainMultiPageTiffAsFrames() throws Exception {
        List<Plane> planes = new ArrayList<>();
        for (int t = 0; t < 5; t++) planes.add(flat(10, 6, t));
        Path f = tmp.resolve("pages.tif");
        TiffWriter.writeStack(f, planes, 1, 5, 1);
        Timelapse movie = Timelapse.open(f, ChannelChoice.DNA_ONLY);
        assertThat(movie.frames()).isEqualTo(5);
        assertThat(movie.read(4).dna().get(0, 0)).isEqualTo(4f);
    }

    @Test
    void readsTruthFromTheSimulatorsLayoutAndWritesResultsCtcStyle() throws Exception {
        Path tra = tmp.resolve("sim").resolve("01_GT").resolve("TRA");
        Files.createDirectories(tra);
        Files.writeString(tra.resolve("man_track.txt"), "1 0 1 0\n2 1 1 1\n");
        int[] lab = {0, 1, 1, 0};
        TiffWriter.writeLabels(tra.resolve("man_track000.tif"), new LabelImage(2, 2, lab, 1));
        TiffWriter.writeLabels(tra.resolve("man_track001.tif"), new LabelImage(2, 2, new int[]{2, 0, 0, 1}, 2));
        CtcTruth truth = CtcTruth.open(tmp.resolve("sim"));
        assertThat(truth.tracks()).containsExactly(new Track(1, 0, 1, 0), new Track(2, 1, 1, 1));
        assertThat(truth.masks().frames()).isEqualTo(2);
        assertThat(truth.masks().read(1).labels()).containsExactly(2, 0, 0, 1);

        Path out = tmp.resolve("res");
        CtcResultWriter w = new CtcResultWriter(out, 2);
        w.writeMask(0, new LabelImage(2, 2, lab, 1));
        w.writeTracks(truth.tracks());
        assertThat(out.resolve("mask000.tif")).isRegularFile();
        assertThat(Files.readString(out.resolve("res_track.txt"))).isEqualTo("1 0 1 0\n2 1 1 1\n");
        assertThat(CtcTrackFile.read(out.resolve("res_track.txt"))).isEqualTo(truth.tracks());
    }

    @Test
    void refusesABadTrackTable() throws Exception {
        Path f = tmp.resolve("man_track.txt");
        Files.writeString(f, "1 0 4 0\n2 5 3 0\n");
        assertThatThrownBy(() -> CtcTrackFile.read(f)).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("line 2");
    }
}
