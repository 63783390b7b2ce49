package org.karyo.track;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackerSettingsTest {
    private static final TrackerSettings D = TrackerSettings.DEFAULTS;

    @Test
    void eachWitherChangesItsOwnComponentsAndNothingElse() {
        assertThat(D.withMaxGap(5)).isEqualTo(new TrackerSettings(D.maxDistance(), 5, D.noLinkCost(), D.areaSigma(),
                D.intensitySigma(), D.shapeSigma(), D.intensityWeight(), D.intensityCap(), D.gapCost(), D.divisions(),
                D.divisionCost(), D.daughterSeparation(), D.divisionSpread(), D.areaDrift(), D.intensityDrift(),
                D.divisionSlack(), D.divisionChainDepth(), D.divisionOriginWeight(), D.brightSideSigma(), D.reporterSigma()));
        assertThat(D.withMaxDistance(30).maxDistance()).isEqualTo(30);
        assertThat(D.withDivisions(false).divisions()).isFalse();
        assertThat(D.withNoLinkCost(10).noLinkCost()).isEqualTo(10);
        assertThat(D.withDivisionCost(6).divisionCost()).isEqualTo(6);
        TrackerSettings sigmas = D.withSigmas(0.1, 0.2, 0.3);
        assertThat(new double[]{sigmas.areaSigma(), sigmas.intensitySigma(), sigmas.shapeSigma()})
                .containsExactly(0.1, 0.2, 0.3);
        TrackerSettings term = D.withIntensityTerm(1, 7);
        assertThat(new double[]{term.intensityWeight(), term.intensityCap()}).containsExactly(1, 7);
        TrackerSettings drifts = D.withDrifts(Double.POSITIVE_INFINITY, 3);
        assertThat(new double[]{drifts.areaDrift(), drifts.intensityDrift()}).containsExactly(Double.POSITIVE_INFINITY, 3);
        assertThat(D.withDivisionSlack(0).divisionSlack()).isZero();
        assertThat(D.withDivisionSlack(4)).isEqualTo(D);
        assertThat(D.withDivisionChainDepth(1).divisionChainDepth()).isEqualTo(1);
        assertThat(D.withDivisionOriginWeight(0).divisionOriginWeight()).isZero();
        assertThat(D.withDivisionChainDepth(3).withDivisionOriginWeight(4)).isEqualTo(D);
        assertThat(D.withBrightSideSigma(0).brightSideSigma()).isZero();
        assertThat(D.withBrightSideSigma(0).withBrightSideSigma(0.03)).isEqualTo(D);
        assertThat(D.withReporterSigma(0.1).reporterSigma()).isEqualTo(0.1);
        assertThat(D.withReporterSigma(0.1).withReporterSigma(0)).isEqualTo(D);
    }

    @Test
    void aWitherStillGoesThroughTheChecks() {
        assertThatThrownBy(() -> D.withMaxGap(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withDivisionSlack(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withBrightSideSigma(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> D.withReporterSigma(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
