package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.fate.Fate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
