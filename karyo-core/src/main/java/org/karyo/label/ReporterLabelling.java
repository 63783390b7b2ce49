package org.karyo.label;

import java.util.List;

/**
 * The outcome of labelling one image (or a pooled set of images).
 *
 * @param threshold     the cut in reporter units: infected when reporterMean &gt; threshold
 * @param separation    Otsu's effectiveness (between-class over total variance, 0..1, on the scale the
 *                      cut was found on): below about 0.6 the values are not clearly two populations and
 *                      the cut deserves a look at the histogram
 */
public record ReporterLabelling(List<ReporterCall> calls, double threshold, ThresholdMethod method, double separation) {
    public ReporterLabelling {
        calls = List.copyOf(calls);
    }

    public long infectedCount() {
        return calls.stream().filter(ReporterCall::infected).count();
    }

    public double infectedFraction() {
        return calls.isEmpty() ? 0 : (double) infectedCount() / calls.size();
    }
}
