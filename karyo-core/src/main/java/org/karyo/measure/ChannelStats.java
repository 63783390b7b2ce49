package org.karyo.measure;

/**
 * Intensity of one channel inside one nucleus.
 *
 * @param rimCentreRatio mean intensity of the outer rim over the mean of the centre (see
 *                       {@link NucleusMeasurer}); above 1 when chromatin is pushed to the nuclear
 *                       envelope, as HSV-1 does; NaN when the nucleus is too small to have a centre
 * @param p90            90th percentile of the nucleus's pixel values
 * @param brightFraction share of the nucleus's pixels at least {@link #BRIGHT_FACTOR} times its median: bright
 *                       foci such as viral replication compartments or condensed chromatin; 0 when the median is
 *                       not positive
 */
public record ChannelStats(double mean, double median, double std, double min, double max,
                           double integrated, double rimCentreRatio, double p90, double brightFraction) {
    /** How far above the median a pixel must be to count as a bright focus. */
    public static final double BRIGHT_FACTOR = 1.5;
}
