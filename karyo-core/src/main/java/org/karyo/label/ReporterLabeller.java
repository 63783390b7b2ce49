package org.karyo.label;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

import java.util.ArrayList;
import java.util.List;

/**
 * "Machine labelling": calls each nucleus infected when its reporter signal is high, as the reference
 * study did to label its training crops without hand annotation.
 */
public final class ReporterLabeller {
    private final LabellingSettings settings;

    public ReporterLabeller(LabellingSettings settings) {
        this.settings = settings;
    }

    /** Mean reporter value per nucleus id (index 0 unused; NaN where a nucleus has no pixels in the region). */
    public double[] reporterMeans(LabelImage labels, Plane reporter) {
        return regionMeans(labels, reporter)[0];
    }

    /** Reporter means and pixel counts of one image, then the cut found on them. */
    public ReporterLabelling label(LabelImage labels, Plane reporter) {
        double[][] mc = regionMeans(labels, reporter);
        List<double[]> rows = new ArrayList<>();
        for (int id = 1; id <= labels.count(); id++) {
            if (mc[1][id] > 0) rows.add(new double[] {id, mc[0][id], mc[1][id]});
        }
        return call(rows);
    }

    /**
     * Calls nuclei pooled from several images with one cut, which is what a plate needs: a well with no
     * infected cells must not be split into two classes by a per-image threshold.
     *
     * @param rows {nucleus id, reporter mean, pixel count} per nucleus
     */
    public ReporterLabelling call(List<double[]> rows) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) values[i] = scale(rows.get(i)[1]);
        double cutScaled;
        switch (settings.method()) {
            case FIXED -> cutScaled = scale(settings.fixedThreshold());
            case MIXTURE -> cutScaled = ThresholdFinder.mixture(values);
            default -> cutScaled = ThresholdFinder.otsu(values);
        }
        double separation = ThresholdFinder.separation(values, cutScaled);
        double cut = settings.method() == ThresholdMethod.FIXED ? settings.fixedThreshold() : unscale(cutScaled);
        List<ReporterCall> calls = new ArrayList<>(rows.size());
        for (int i = 0; i < values.length; i++) {
            double[] r = rows.get(i);
            calls.add(new ReporterCall((int) r[0], r[1], (int) r[2], values[i] > cutScaled));
        }
        return new ReporterLabelling(calls, cut, settings.method(), separation);
    }

    private double scale(double v) {
        return settings.logScale() ? Math.log1p(Math.max(0, v)) : v;
    }

    private double unscale(double v) {
        return settings.logScale() ? Math.expm1(v) : v;
    }

    /** {means, pixel counts} per label id over the configured region. */
    private double[][] regionMeans(LabelImage labels, Plane reporter) {
        if (!labels.sameSize(reporter)) {
            throw new IllegalArgumentException("reporter " + reporter + " differs in size from labels "
                    + labels.width() + "x" + labels.height());
        }
        int n = labels.count();
        double[] sum = new double[n + 1];
        double[] count = new double[n + 1];
        int[] lab = labels.labels();
        float[] px = reporter.pixels();
        boolean useNucleus = settings.region() != ReporterRegion.RING;
        if (useNucleus) {
            for (int i = 0; i < lab.length; i++) {
                int l = lab[i];
                if (l > 0) {
                    sum[l] += px[i];
                    count[l]++;
                }
            }
        }
        if (settings.region() != ReporterRegion.NUCLEUS) {
            int[] ring = RingGrower.ring(labels, settings.ringWidth());
            for (int i = 0; i < ring.length; i++) {
                int l = ring[i];
                if (l > 0) {
                    sum[l] += px[i];
                    count[l]++;
                }
            }
        }
        double[] mean = new double[n + 1];
        for (int l = 1; l <= n; l++) mean[l] = count[l] == 0 ? Double.NaN : sum[l] / count[l];
        return new double[][] {mean, count};
    }
}
