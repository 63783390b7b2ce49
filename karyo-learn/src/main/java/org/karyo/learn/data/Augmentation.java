package org.karyo.learn.data;

/**
 * Random training-time distortions, each drawn uniformly in its range (the study's Keras setup).
 *
 * @param rotationDegrees rotation in [-r, r] degrees (default 25)
 * @param shift           translation as a fraction of the side in [-s, s] per axis (default 0.1)
 * @param zoom            scale factor in [1 - z, 1 + z] (default 0.1)
 * @param shear           shear factor in [-s, s] (default 0.2)
 * @param flips           random horizontal and vertical flips (default true: nuclei have no orientation)
 * @param intensityJitter gain in [1 - j, 1 + j] and offset in [-j/2, j/2] on 0..1 data (default 0.1)
 */
public record Augmentation(double rotationDegrees, double shift, double zoom, double shear, boolean flips,
                           double intensityJitter) {

    public static final Augmentation DEFAULT = new Augmentation(25, 0.1, 0.1, 0.2, true, 0.1);
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, false, 0);

    public Augmentation {
        check("rotation", rotationDegrees, 180);
        check("shift", shift, 0.5);
        check("zoom", zoom, 0.9);
        check("shear", shear, 1);
        check("intensity jitter", intensityJitter, 1);
    }

    private static void check(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [0, " + max + "], not " + value);
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
