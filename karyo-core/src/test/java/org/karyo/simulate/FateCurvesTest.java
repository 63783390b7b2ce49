package org.karyo.simulate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FateCurvesTest {
    @Test
    void spreaderNucleiStayFlatThenSurgeThenShrinkBeforeLysis() {
        double lysis = 60;
        assertThat(FateCurves.areaFactor(CellFate.SPREADER, 15, lysis)).isCloseTo(1, within(0.01));
        assertThat(FateCurves.areaFactor(CellFate.SPREADER, 40, lysis)).isGreaterThan(2);
        assertThat(FateCurves.areaFactor(CellFate.SPREADER, 50, lysis))
                .isCloseTo(FateCurves.areaFactor(CellFate.SPREADER, 40, lysis), within(0.01));
        assertThat(FateCurves.areaFactor(CellFate.SPREADER, lysis, lysis))
                .isLessThan(0.85 * FateCurves.areaFactor(CellFate.SPREADER, lysis - FateCurves.PRE_LYSIS_DECLINE_H, lysis));
    }

    @Test
    void nonspreaderNucleiGrowShrinkAndGrowAgain() {
        double at30 = FateCurves.areaFactor(CellFate.NONSPREADER, 30, Double.NaN);
        double at50 = FateCurves.areaFactor(CellFate.NONSPREADER, 50, Double.NaN);
        double at80 = FateCurves.areaFactor(CellFate.NONSPREADER, 80, Double.NaN);
        assertThat(at30).isGreaterThan(FateCurves.areaFactor(CellFate.NONSPREADER, 10, Double.NaN));
        assertThat(at50).isLessThan(at30);
        assertThat(at80).isGreaterThan(at50);
    }

    @Test
    void reporterRisesFasterInSpreadersAndStartsAtZero() {
        assertThat(FateCurves.reporter(CellFate.SPREADER, 0)).isZero();
        assertThat(FateCurves.reporter(CellFate.NONSPREADER, 0)).isZero();
        for (double h : new double[] {10, 20, 30, 40}) {
            assertThat(FateCurves.reporter(CellFate.SPREADER, h)).isGreaterThan(FateCurves.reporter(CellFate.NONSPREADER, h));
        }
        assertThat(FateCurves.reporter(CellFate.UNINFECTED, 30)).isZero();
    }
}
