package org.karyo.fate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NeighbourDeathsTest {
    private static NeighbourDeaths.Track track(boolean divided, double x, double... dna) {
        int n = dna.length;
        double[] h = new double[n], xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 2.0 * i;
            xs[i] = x;
            ys[i] = 0;
        }
        return new NeighbourDeaths.Track(divided, h, xs, ys, dna);
    }

    @Test
    void aDeathIsANucleusThatBrightensAndVanishesBeforeTheMovieEnds() {
        List<NeighbourDeaths.Death> deaths = NeighbourDeaths.find(List.of(
                track(false, 10, 100, 102, 98, 140, 150),       // brightens, ends at 8 h: a death
                track(false, 20, 100, 102, 98, 101, 99),        // ends without brightening: lost, not dead
                track(true, 30, 100, 102, 98, 140, 150),        // ended in a division
                track(false, 40, 100, 102, 98, 140, 150, 150, 150, 150, 150, 150), // reaches the movie's end (18 h)
                track(false, 50, 100, 150)), 18);               // too short to tell
        assertThat(deaths).containsExactly(new NeighbourDeaths.Death(8, 10, 0));
    }

    @Test
    void onlyEarlierDeathsNearWhereTheCellThenWasCount() {
        NeighbourDeaths deaths = new NeighbourDeaths(List.of(
                new NeighbourDeaths.Death(10, 0, 0),
                new NeighbourDeaths.Death(30, 500, 0),
                new NeighbourDeaths.Death(40, 30, 0)), 10);
        // The cell sat 20 px (2 diameters) from the first death, then moved 300 px away.
        double[] hours = {0, 10, 20, 30, 40, 50};
        double[] x = {20, 20, 320, 320, 320, 320};
        double[] y = new double[6];
        double[] at10 = deaths.at(hours, x, y, 1);
        assertThat(at10[0]).isEqualTo(NeighbourDeaths.FAR_DIAMETERS); // the death at 10 h is not seen until later
        assertThat(at10[2]).isZero();
        double[] at20 = deaths.at(hours, x, y, 2);
        assertThat(at20[0]).isCloseTo(2, within(1e-9)); // measured from where the cell was at 10 h, not from 320
        assertThat(at20[1]).isCloseTo(10, within(1e-9));
        assertThat(at20[2]).isEqualTo(1);
        double[] at50 = deaths.at(hours, x, y, 5);
        assertThat(at50[0]).isCloseTo(2, within(1e-9));
        assertThat(at50[1]).isCloseTo(40, within(1e-9)); // the deaths at 30 and 40 h were 18 and 29 diameters away
        assertThat(at50[2]).isEqualTo(1);
    }

    @Test
    void deathsOlderThanTheWindowAreForgotten() {
        NeighbourDeaths deaths = new NeighbourDeaths(List.of(new NeighbourDeaths.Death(0, 0, 0)), 10);
        double[] hours = {0, NeighbourDeaths.WINDOW_H - 1, NeighbourDeaths.WINDOW_H + 1};
        double[] x = new double[3], y = new double[3];
        assertThat(deaths.at(hours, x, y, 1)[2]).isEqualTo(1);
        assertThat(deaths.at(hours, x, y, 2)).containsExactly(NeighbourDeaths.FAR_DIAMETERS, NeighbourDeaths.WINDOW_H, 0);
    }

    @Test
    void aCellThatAppearedAfterTheDeathIsMeasuredFromItsFirstPlace() {
        NeighbourDeaths deaths = new NeighbourDeaths(List.of(new NeighbourDeaths.Death(5, 0, 0)), 10);
        double[] hours = {10, 20};
        double[] x = {30, 300}, y = {40, 0};
        assertThat(deaths.at(hours, x, y, 1)[0]).isCloseTo(5, within(1e-9));
    }

    @Test
    void needsAPositiveDiameter() {
        assertThatThrownBy(() -> new NeighbourDeaths(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
