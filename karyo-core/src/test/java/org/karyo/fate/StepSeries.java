package org.karyo.fate;

import java.util.Arrays;

/** Noise-free reporter/PI series for fate tests: dark (20) before an onset frame, bright (400) from it. */
final class StepSeries {
    static final double HOURS_PER_FRAME = 1.75;
    /** Both cuts at 100: between the two levels. */
    static final FateSettings CUTS_AT_100 = FateSettings.DEFAULTS.withThresholds(100, 100);

    private StepSeries() {
    }

    /** {@code n} values: 20 before frame {@code on}, 400 from it (-1 = never). */
    static double[] step(int n, int on) {
        double[] v = new double[n];
        Arrays.fill(v, 20);
        if (on >= 0) Arrays.fill(v, on, n, 400);
        return v;
    }

    static FateCall byId(FateCalls calls, int id) {
        return calls.calls().stream().filter(c -> c.trackId() == id).findFirst().orElseThrow();
    }
}
