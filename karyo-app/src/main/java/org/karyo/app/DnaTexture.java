package org.karyo.app;

import org.karyo.measure.ChannelStats;
import org.karyo.measure.NucleusMeasurement;

/** The Hoechst texture columns of tracks.csv, from a nucleus's DNA-channel statistics (NaN when not measured). */
final class DnaTexture {
    private DnaTexture() {
    }

    /** Standard deviation over mean: how grainy the chromatin is (infection smooths or clumps it). */
    static double cv(NucleusMeasurement m) {
        ChannelStats s = m.channels().get("dna");
        return s == null || !(s.mean() > 0) ? Double.NaN : s.std() / s.mean();
    }

    /** Rim over centre mean: chromatin pushed to the envelope. */
    static double rim(NucleusMeasurement m) {
        ChannelStats s = m.channels().get("dna");
        return s == null ? Double.NaN : s.rimCentreRatio();
    }
}
