package org.karyo.segment;

/**
 * Settings of the classical nucleus segmenter. Every length scale derives from one number, the expected
 * nucleus diameter, so one set of defaults works at 10x and at 63x.
 *
 * @param diameter        expected nucleus diameter in pixels; 0 = estimate it from the image (default)
 * @param topHat          subtract the background with a white top-hat of radius = diameter (default true)
 * @param method          threshold method (default Otsu)
 * @param fixedThreshold  the cut for {@link ThresholdMethod#FIXED}, in the units of the corrected image
 * @param thresholdFactor multiplies an automatic threshold: below 1 keeps dimmer nuclei and fuller outlines
 *                        (default 0.7: Otsu on the top-hat image cuts inside the edges of bright nuclei)
 * @param smoothing       Gaussian sigma before thresholding, as a fraction of the diameter (default 0.06)
 * @param seedSeparation  minimum distance between two nucleus centres, as a fraction of the diameter;
 *                        closer distance-transform maxima are one nucleus (default 0.25)
 * @param splitTouching   split touching nuclei by a distance-transform watershed (default true)
 * @param minArea         smallest kept nucleus, as a fraction of the area of a disc of the diameter (default 0.1)
 * @param maxArea         largest kept object in the same units; 0 = no limit (default 0)
 * @param excludeBorder   drop nuclei touching the image border (default false)
 */
public record SegmentationSettings(double diameter, boolean topHat, ThresholdMethod method, double fixedThreshold,
                                   double thresholdFactor, double smoothing, double seedSeparation,
                                   boolean splitTouching, double minArea, double maxArea, boolean excludeBorder) {
    public static final SegmentationSettings DEFAULTS = new SegmentationSettings(
            0, true, ThresholdMethod.OTSU, Double.NaN, 0.7, 0.06, 0.25, true, 0.1, 0, false);

    public SegmentationSettings {
        if (!(diameter >= 0 && diameter <= 2000)) throw new IllegalArgumentException("diameter must be 0..2000 px, not " + diameter);
        if (method == null) throw new IllegalArgumentException("threshold method is required");
        if (method == ThresholdMethod.FIXED && !Double.isFinite(fixedThreshold)) {
            throw new IllegalArgumentException("a fixed threshold needs a value");
        }
        if (!(thresholdFactor > 0 && thresholdFactor <= 10)) throw new IllegalArgumentException("threshold factor must be in (0, 10]");
        if (!(smoothing >= 0 && smoothing <= 1)) throw new IllegalArgumentException("smoothing must be 0..1 of the diameter");
        if (!(seedSeparation > 0 && seedSeparation <= 2)) throw new IllegalArgumentException("seed separation must be in (0, 2]");
        if (!(minArea >= 0) || !(maxArea >= 0)) throw new IllegalArgumentException("area limits must be >= 0");
        if (maxArea > 0 && maxArea < minArea) throw new IllegalArgumentException("max area below min area");
    }

    public SegmentationSettings withDiameter(double d) {
        return new SegmentationSettings(d, topHat, method, fixedThreshold, thresholdFactor, smoothing, seedSeparation,
                splitTouching, minArea, maxArea, excludeBorder);
    }

    public SegmentationSettings withExcludeBorder(boolean exclude) {
        return new SegmentationSettings(diameter, topHat, method, fixedThreshold, thresholdFactor, smoothing, seedSeparation,
                splitTouching, minArea, maxArea, exclude);
    }
}
