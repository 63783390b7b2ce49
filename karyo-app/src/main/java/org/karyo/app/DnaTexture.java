package org.karyo.app;

import java.util.function.ToDoubleFunction;
import org.karyo.measure.ChannelStats;
import org.karyo.measure.NucleusMeasurement;

/** The Hoechst texture columns of tracks.csv, from a nucleus's DNA-channel statistics (NaN when not measured). */
final class DnaTexture {
    private DnaTexture() {
    }

    /** Standard deviation over mean: how grainy the chromatin is (infection smooths or clumps it). */
    static double cv(NucleusMeasurement m) {
        return dna(m, s -> s.mean() > 0 ? s.std() / s.mean() : Double.NaN);
    }

    /** Rim over centre mean: chromatin pushed to the envelope. */
    static double rim(NucleusMeasurement m) {
        return dna(m, ChannelStats::rimCentreRatio);
    }

    /** 90th percentile over median: how bright the brightest tenth is (replication compartments, condensed chromatin). */
    static double p90Ratio(NucleusMeasurement m) {
        return dna(m, s -> s.median() > 0 ? s.p90() / s.median() : Double.NaN);
    }

    /** Share of the nucleus in bright foci (at least 1.5 times its median): AdV compartments grow in number and size. */
    static double brightFraction(NucleusMeasurement m) {
        return dna(m, ChannelStats::brightFraction);
    }

    private static double dna(NucleusMeasurement m, ToDoubleFunction<ChannelStats> statistic) {
        ChannelStats s = m.channels().get("dna");
        return s == null ? Double.NaN : statistic.applyAsDouble(s);
    }
}
