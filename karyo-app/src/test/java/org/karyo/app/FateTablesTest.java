package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.fate.Fate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FateTablesTest {
    @TempDir
    Path tmp;

    @Test
    void wellSpecificOverrideBeatsOneForAllWells() throws Exception {
        Path f = tmp.resolve("o.csv");
        Files.writeString(f, "track_id,fate,well\n3,spreader,\n3,uninfected,W2\n4,nonspreader,W2\n");
        Map<String, Map<Integer, Fate>> all = FateOverrides.read(f);
        assertThat(FateOverrides.forWell(all, "W1")).containsExactly(Map.entry(3, Fate.SPREADER));
        assertThat(FateOverrides.forWell(all, "W2")).containsEntry(3, Fate.UNINFECTED).containsEntry(4, Fate.NONSPREADER);
    }

    @Test
    void unknownFateIsAnInputError() throws Exception {
        Path f = tmp.resolve("o.csv");
        Files.writeString(f, "track_id,fate\n1,lysed\n");
        assertThatThrownBy(() -> FateOverrides.read(f)).isInstanceOf(KaryoInputException.class).hasMessageContaining("line 2");
    }

    @Test
    void tracksTableGroupsRowsIntoSeriesAndRefusesARepeatedFrame() throws Exception {
        String header = String.join(",", TracksTable.REQUIRED) + "\n";
        Files.writeString(tmp.resolve("tracks.csv"), header
                + "2,1,4,7.0,9,1,1,50,100,,\n"
                + "2,1,3,5.25,8,1,1,50,100,,\n"
                + "1,0,0,0,1,1,1,40,90,300,200\n");
        TracksTable.Tracks t = TracksTable.read(tmp);
        assertThat(t.series()).hasSize(2);
        assertThat(t.series().get(1).frames()).containsExactly(3, 4);
        assertThat(t.series().get(1).parent()).isEqualTo(1);
        assertThat(t.series().get(1).reporter()[0]).isNaN();
        Files.writeString(tmp.resolve("tracks.csv"), header + "1,0,0,0,1,1,1,40,90,,\n1,0,0,0,1,1,1,40,90,,\n");
        assertThatThrownBy(() -> TracksTable.read(tmp)).isInstanceOf(KaryoInputException.class).hasMessageContaining("two rows for frame 0");
    }

    /** Tracks 1 (infected, lysed at frame 4, then gap-linked to live, dark track 2), 3 (infected to the end), 4 (infected, ends early). */
    private Path doubtedAndLostTracks() throws Exception {
        StringBuilder b = new StringBuilder(String.join(",", TracksTable.REQUIRED)).append('\n');
        for (int f = 0; f <= 5; f++) b.append(row(1, 0, f, f >= 1 ? 900 : 200, f >= 4 ? 900 : 100));
        for (int f = 7; f <= 11; f++) b.append(row(2, 1, f, 200, 100));
        for (int f = 0; f <= 11; f++) b.append(row(3, 0, f, 900, 100));
        for (int f = 0; f <= 6; f++) b.append(row(4, 0, f, 900, 100));
        Path dir = Files.createDirectories(tmp.resolve("W1"));
        Files.writeString(dir.resolve("tracks.csv"), b.toString());
        return dir;
    }

    private static String row(int id, int parent, int frame, double reporter, double pi) {
        return String.format(java.util.Locale.ROOT, "%d,%d,%d,%.2f,%d,10,10,50,100,%.0f,%.0f%n", id, parent, frame, frame * 1.75, id, reporter, pi);
    }

    @Test
    void fatesDoubtLinksThatContradictTheSignalsAndLeaveLostCellsOut() throws Exception {
        Path tracks = doubtedAndLostTracks();
        Path out = tmp.resolve("fates");
        CliRun r = CliRun.of("fates", tracks.toString(), "--out", out.toString(), "--reporter-threshold", "500", "--pi-threshold", "500");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 of them lost to follow-up", "1 parent links doubted", "spreader fraction 50.0 %");
        List<Map<String, String>> rows = org.karyo.io.table.CsvReader.read(out.resolve("fates.csv"));
        assertThat(rows).extracting(m -> m.get("track_id") + ":" + m.get("fate") + ":" + m.get("parent_link") + ":" + m.get("lost"))
                .containsExactly("1:spreader::0", "2:uninfected:after_lysis:0", "3:nonspreader::0", "4:nonspreader::1");
        assertThat(Files.readString(out.resolve("fates.json"))).contains("\"lost_to_follow_up\": 1", "\"links_doubted_after_lysis\": 1");
        assertThat(FatesTable.read(out.resolve("fates.csv"), null)).containsOnlyKeys(1, 2, 3);
        assertThat(Files.readAllLines(out.resolve("wells.csv"))).containsExactly(
                "well,tracks,spreader_cells,infected_cells,spreader_fraction,lost_to_follow_up,links_doubted,true_spreader_fraction",
                "W1,4,1,2,0.5000,1,1,");
        java.awt.image.BufferedImage bars = javax.imageio.ImageIO.read(out.resolve("wells.png").toFile());
        assertThat(bars.getWidth()).isGreaterThanOrEqualTo(600);

        Path trusting = tmp.resolve("fates-trusting");
        r = CliRun.of("fates", tracks.toString(), "--out", trusting.toString(), "--reporter-threshold", "500", "--pi-threshold", "500",
                "--trust-all-links");
        assertThat(r.exit()).as(r.err()).isZero();
        // Believed, the lysed cell becomes a mother whose dark "daughter" is lost; her infection still counts once, where it
        // began, as a spreader (infections, not tracks).
        assertThat(r.out()).contains("0 parent links doubted", "2 of them lost to follow-up", "spreader fraction 50.0 %");
    }
}
