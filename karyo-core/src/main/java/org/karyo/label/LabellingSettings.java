package org.karyo.label;

/**
 * How to call nuclei infected from a reporter channel.
 *
 * @param region         where the reporter is read; default {@link ReporterRegion#NUCLEUS}
 * @param ringWidth      width in pixels of the ring grown around each nucleus (RING modes); default 3
 * @param method         threshold method; default {@link ThresholdMethod#OTSU}
 * @param fixedThreshold the threshold for {@link ThresholdMethod#FIXED}, in reporter units (never log)
 * @param logScale       find the automatic cut on log(1 + value): reporter levels spread over decades,
 *                       and log makes both populations roughly symmetric; default true
 */
public record LabellingSettings(ReporterRegion region, int ringWidth, ThresholdMethod method,
                                double fixedThreshold, boolean logScale) {
    public static final LabellingSettings DEFAULTS =
            new LabellingSettings(ReporterRegion.NUCLEUS, 3, ThresholdMethod.OTSU, Double.NaN, true);

    public LabellingSettings {
        if (region == null || method == null) throw new IllegalArgumentException("region and method are required");
        if (ringWidth < 1 || ringWidth > 100) throw new IllegalArgumentException("ring width must be 1..100 px, not " + ringWidth);
        if (method == ThresholdMethod.FIXED && !Double.isFinite(fixedThreshold)) {
            throw new IllegalArgumentException("a fixed threshold needs a finite value");
        }
    }

    public LabellingSettings withRegion(ReporterRegion r, int width) {
        return new LabellingSettings(r, width, method, fixedThreshold, logScale);
    }

    public LabellingSettings withMethod(ThresholdMethod m, double fixed) {
        return new LabellingSettings(region, ringWidth, m, fixed, logScale);
    }
}
