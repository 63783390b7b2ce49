package org.karyo.measure;

/**
 * Intensity of one channel inside one nucleus.
 *
 * @param rimCentreRatio mean intensity of the outer rim over the mean of the centre (see
 *                       {@link NucleusMeasurer}); above 1 when chromatin is pushed to the nuclear
 *                       envelope, as HSV-1 does; NaN when the nucleus is too small to have a centre
 */
public record ChannelStats(double mean, double median, double std, double min, double max,
                           double integrated, double rimCentreRatio) {
}
