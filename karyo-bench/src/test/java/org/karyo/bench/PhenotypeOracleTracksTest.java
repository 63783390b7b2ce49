package org.karyo.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PhenotypeOracleTracksTest {
    @TempDir
    Path dir;

    private Path movie() throws IOException {
        Path movie = Files.createDirectories(dir.resolve("movie"));
        Files.writeString(movie.resolve("observations.csv"), """
                frame,hours,label,x,y,area_px,state,fate,hpi,reporter,lysed
                0,0.0,1,10,10,280,interphase,uninfected,,0,0
                0,0.0,2,40,40,300,interphase,spreader,25.0,0.5,0
                0,0.0,3,70,70,300,interphase,nonspreader,35.0,0.2,0
                """);
        return movie;
    }

    private Path tracks() throws IOException {
        Path tracks = Files.createDirectories(dir.resolve("tracks"));
        Files.writeString(tracks.resolve("tracks.csv"), """
                track_id,parent,frame,hours,nucleus_id,x,y,area,dna_mean,reporter_mean,pi_mean,dna_cv
                1,0,0,0.0000,1,10,10,280,700,200,200,0.1100
                2,0,0,0.0000,2,40,40,300,650,900,200,0.1200
                3,0,0,0.0000,3,70,70,300,640,500,200,0.1300
                """);
        Files.writeString(tracks.resolve("res_track.txt"), "1 0 0 0\n2 0 0 0\n3 0 0 0\n");
        return tracks;
    }

    private static double cv(Path out, int row) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("tracks.csv"));
        String[] cells = lines.get(row).split(",", -1);
        return Double.parseDouble(cells[cells.length - 1]);
    }

    @Test
    void theTextureColumnBecomesTheSimulatorsStrength() throws IOException {
        Path out = dir.resolve("out");
        int rows = PhenotypeOracleTracks.write(movie(), tracks(), out, 0.8, 0, 0, 1);
        assertThat(rows).isEqualTo(3);
        // Spreader at 25 hpi: 0.8 x smooth((25 - 10) / 30) = 0.4; nonspreader at 35 hpi: 0.8 x 0.6 x smooth(0.5) = 0.24.
        assertThat(cv(out, 1)).isEqualTo(0.0);
        assertThat(cv(out, 2)).isCloseTo(0.4, within(1e-5));
        assertThat(cv(out, 3)).isCloseTo(0.24, within(1e-5));
        assertThat(Files.readString(out.resolve("res_track.txt"))).isEqualTo("1 0 0 0\n2 0 0 0\n3 0 0 0\n");
    }

    @Test
    void aFloorHidesWeakPhenotypesAndNoiseBlursThem() throws IOException {
        Path floored = dir.resolve("floored");
        PhenotypeOracleTracks.write(movie(), tracks(), floored, 0.8, 0.3, 0, 1);
        assertThat(cv(floored, 1)).isEqualTo(0.0);
        assertThat(cv(floored, 2)).isCloseTo(0.1, within(1e-5));
        assertThat(cv(floored, 3)).isEqualTo(0.0);
        Path noisy = dir.resolve("noisy");
        PhenotypeOracleTracks.write(movie(), tracks(), noisy, 0.8, 0, 0.05, 1);
        assertThat(cv(noisy, 1)).isNotEqualTo(0.0).isBetween(-0.3, 0.3);
    }

    @Test
    void aTrackFrameTheSimulatorNeverDrewIsAnError() throws IOException {
        Path tracks = tracks();
        Files.writeString(tracks.resolve("tracks.csv"), "9,0,0,0.0000,9,1,1,100,700,200,200,0.1\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> PhenotypeOracleTracks.write(movie(), tracks, out, 0.8, 0, 0, 1))
                .hasMessageContaining("track 9 frame 0 is not in");
        assertThat(out.resolve("tracks.csv")).doesNotExist();
    }
}
