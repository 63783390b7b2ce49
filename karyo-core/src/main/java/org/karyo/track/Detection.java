package org.karyo.track;

/**
 * One nucleus found in one frame: what the tracker links. Holds no pixels, so a track's history costs a few
 * numbers per frame and label images of past frames are never needed.
 *
 * @param frame 0-based frame index
 * @param label the nucleus's label in that frame's label image
 * @param x     centroid column, pixels
 * @param y     centroid row, pixels
 * @param area  pixels
 * @param mxx   second central moment along x (pixels²): with myy and mxy the nucleus's elongation and
 *              orientation, which a nucleus keeps from frame to frame
 * @param myy   second central moment along y
 * @param mxy   mixed second central moment
 * @param means mean intensity in each measured channel (index 0 is the DNA channel; NaN when not given)
 * @param brightSideX how far the DNA-weighted centre lies from the centroid along x (pixels), the frame's background
 *                    taken out: which side of the nucleus is brighter (uneven thickness, chromatin, nucleoli), a
 *                    trait a nucleus keeps from frame to frame and its neighbours do not share; NaN without DNA
 * @param brightSideY the same along y
 */
public record Detection(int frame, int label, double x, double y, int area, double mxx, double myy, double mxy,
                        double[] means, double brightSideX, double brightSideY) {
    /** A detection whose bright side is not known. */
    public Detection(int frame, int label, double x, double y, int area, double mxx, double myy, double mxy,
                     double[] means) {
        this(frame, label, x, y, area, mxx, myy, mxy, means, Double.NaN, Double.NaN);
    }

    public Detection {
        if (frame < 0 || label < 1 || area < 1) {
            throw new IllegalArgumentException("invalid detection: frame " + frame + " label " + label + " area " + area);
        }
        means = means.clone();
    }

    /** Mean DNA intensity (channel 0), or NaN when no DNA image was given. */
    public double dnaMean() {
        return means.length == 0 ? Double.NaN : means[0];
    }

    /** Mean intensity in channel {@code c}, NaN when that channel was not measured. */
    public double mean(int c) {
        return c < means.length ? means[c] : Double.NaN;
    }

    /** A round detection (no shape information), for tests and callers without pixels. */
    public static Detection round(int frame, int label, double x, double y, int area, double... means) {
        double m = area / (4 * Math.PI);
        return new Detection(frame, label, x, y, area, m, m, 0, means);
    }

    /**
     * How differently two nuclei are elongated or oriented: the distance between their moment tensors
     * normalised to unit trace (0 = same shape and orientation, ~1 = elongated at right angles).
     */
    public double shapeDistance(Detection o) {
        double t1 = mxx + myy;
        double t2 = o.mxx + o.myy;
        if (!(t1 > 0) || !(t2 > 0)) return 0;
        double a = mxx / t1 - o.mxx / t2;
        double b = mxy / t1 - o.mxy / t2;
        return Math.sqrt(2 * (a * a + b * b));
    }

    /**
     * How far apart two nuclei's bright sides are, in units of this nucleus's radius; NaN when either is unknown.
     */
    public double brightSideDistance(Detection o) {
        double r = Math.sqrt(area / Math.PI);
        return Math.hypot(brightSideX - o.brightSideX, brightSideY - o.brightSideY) / r;
    }

    /** Equivalent diameter: the diameter of a disc of the same area. */
    public double diameter() {
        return 2 * Math.sqrt(area / Math.PI);
    }
}
