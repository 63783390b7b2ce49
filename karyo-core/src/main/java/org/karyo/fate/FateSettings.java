package org.karyo.fate;

import org.karyo.label.ThresholdMethod;

/**
 * How fates are called from reporter and PI series.
 *
 * @param persistence       consecutive frames above threshold that make an onset (default 2)
 * @param method            OTSU or MIXTURE for automatic thresholds, on all track-frame values of the channel;
 *                          FIXED uses the two given thresholds
 * @param logScale          find automatic thresholds on log values: reporter levels are log-normal between cells,
 *                          so on a linear scale a few very bright cells pull the cut up
 * @param reporterThreshold the reporter cut when FIXED (NaN otherwise)
 * @param piThreshold       the PI cut when FIXED (NaN otherwise)
 * @param checkParentLinks  doubt tracker links that contradict the signals ({@link ParentLinkCheck}); off: believe
 *                          every link (curated tracks, or to see what the tracker's lineages say)
 * @param switchFactor      an infected track whose reporter steps by more than this factor (up or down) from one
 *                          frame to the next after its onset, and stays there for {@code persistence} frames, has
 *                          switched to another nucleus, and its cell is lost to follow-up; 0 = off. The reporter of
 *                          one cell changes by at most 1.5x between frames on simulated ground-truth tracks (2x once
 *                          in 1,411 infected cells); at a tracker's switch the median change is 2.2x (docs/fates.md)
 */
public record FateSettings(int persistence, ThresholdMethod method, boolean logScale, double reporterThreshold,
                           double piThreshold, boolean checkParentLinks, double switchFactor) {
    public static final FateSettings DEFAULTS = new FateSettings(2, ThresholdMethod.OTSU, true, Double.NaN, Double.NaN, true, 2);

    public FateSettings {
        if (persistence < 1 || persistence > 100) {
            throw new IllegalArgumentException("persistence must be 1..100 frames, not " + persistence);
        }
        if (method == null) throw new IllegalArgumentException("threshold method is required");
        if (method == ThresholdMethod.FIXED && !(Double.isFinite(reporterThreshold) && Double.isFinite(piThreshold))) {
            throw new IllegalArgumentException("fixed thresholds need both a reporter and a PI value");
        }
        if (!(switchFactor == 0 || switchFactor > 1)) {
            throw new IllegalArgumentException("the switch factor must be above 1, or 0 for off, not " + switchFactor);
        }
    }

    public FateSettings withPersistence(int frames) {
        return new FateSettings(frames, method, logScale, reporterThreshold, piThreshold, checkParentLinks, switchFactor);
    }

    public FateSettings withMethod(ThresholdMethod m, boolean log) {
        return new FateSettings(persistence, m, log, reporterThreshold, piThreshold, checkParentLinks, switchFactor);
    }

    /** Fixed cuts; NaN for one of them keeps that channel automatic (OTSU). */
    public FateSettings withThresholds(double reporter, double pi) {
        return new FateSettings(persistence, method == ThresholdMethod.FIXED ? ThresholdMethod.OTSU : method, logScale,
                reporter, pi, checkParentLinks, switchFactor);
    }

    public FateSettings withParentLinksChecked(boolean check) {
        return new FateSettings(persistence, method, logScale, reporterThreshold, piThreshold, check, switchFactor);
    }

    public FateSettings withSwitchFactor(double factor) {
        return new FateSettings(persistence, method, logScale, reporterThreshold, piThreshold, checkParentLinks, factor);
    }
}
