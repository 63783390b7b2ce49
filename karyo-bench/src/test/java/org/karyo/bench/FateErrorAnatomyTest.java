package org.karyo.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FateErrorAnatomyTest {
    private static Map<String, String> cell(String fate, String infection, String lysis) {
        return Map.of("fate", fate, "infection_hours", infection, "lysis_hours", lysis);
    }

    @Test
    void aFrameIsScoredAsWhatItsTruthCellIsThen() {
        assertThat(FateErrorAnatomy.truthClass(cell("uninfected", "", ""), 80, 20, 38)).isEqualTo("uninfected");
        assertThat(FateErrorAnatomy.truthClass(cell("spreader", "5", "60"), 38, 20, 38)).as("22 h before lysis").isEqualTo("spreader");
        assertThat(FateErrorAnatomy.truthClass(cell("spreader", "5", "60"), 30, 20, 38)).as("30 h before").isNull();
        assertThat(FateErrorAnatomy.truthClass(cell("spreader", "50", ""), 60, 20, 38)).as("lyses after the movie").isNull();
        assertThat(FateErrorAnatomy.truthClass(cell("nonspreader", "10", ""), 40, 20, 38)).isEqualTo("nonspreader");
        assertThat(FateErrorAnatomy.truthClass(cell("nonspreader", "10", ""), 25, 20, 38)).as("15 h after infection").isNull();
        assertThat(FateErrorAnatomy.truthClass(null, 25, 20, 38)).as("on no single cell").isNull();
    }

    @Test
    void aSpreaderThatLysesAfterTheMovieIsANonspreaderInIt() {
        assertThat(FateErrorAnatomy.fateInMovie(cell("spreader", "50", ""))).isEqualTo("nonspreader");
        assertThat(FateErrorAnatomy.fateInMovie(cell("spreader", "5", "60"))).isEqualTo("spreader");
        assertThat(FateErrorAnatomy.fateInMovie(cell("nonspreader", "10", ""))).isEqualTo("nonspreader");
        assertThat(FateErrorAnatomy.fateInMovie(cell("uninfected", "", ""))).isEqualTo("uninfected");
    }
}
