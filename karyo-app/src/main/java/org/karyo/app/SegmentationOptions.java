package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.segment.SegmentationSettings;
import org.karyo.segment.ThresholdMethod;
import picocli.CommandLine.Option;

import java.util.Locale;

/** Segmentation options shared by every command that finds nuclei. */
final class SegmentationOptions {
    private static final SegmentationSettings D = SegmentationSettings.DEFAULTS;

    @Option(names = "--diameter", defaultValue = "0", paramLabel = "PX", description = {
            "Expected nucleus diameter in pixels; every length scale follows from it.",
            "0 (default) estimates it per image from the median object size."})
    double diameter;

    @Option(names = "--nuclei-threshold", defaultValue = "robust", paramLabel = "robust|otsu|triangle|VALUE", description = {
            "Foreground cut on the background-corrected image: 'robust' (default: Otsu, re-split below a few",
            "very bright mitotic/apoptotic nuclei that would otherwise hide the rest), plain 'otsu',",
            "'triangle' (sparse nuclei), or a number."})
    String threshold;

    @Option(names = "--threshold-factor", defaultValue = "0.7", paramLabel = "F",
            description = "Multiplies an automatic cut; below 1 keeps dimmer nuclei (default: ${DEFAULT-VALUE}).")
    double thresholdFactor;

    @Option(names = "--no-top-hat", description = "Skip background correction (white top-hat of radius = diameter).")
    boolean noTopHat;

    @Option(names = "--no-split", description = "Do not split touching nuclei (no watershed).")
    boolean noSplit;

    @Option(names = "--seed-separation", defaultValue = "0.25", paramLabel = "F",
            description = "Minimum distance between nucleus centres, in diameters (default: ${DEFAULT-VALUE}).")
    double seedSeparation;

    @Option(names = "--min-area", defaultValue = "0.1", paramLabel = "F",
            description = "Smallest nucleus, in areas of a disc of the diameter (default: ${DEFAULT-VALUE}).")
    double minArea;

    @Option(names = "--max-area", defaultValue = "0", paramLabel = "F",
            description = "Largest object, same units; 0 = no limit (default: ${DEFAULT-VALUE}).")
    double maxArea;

    @Option(names = "--exclude-border", description = "Drop nuclei that touch the image border.")
    boolean excludeBorder;

    @Option(names = "--segmenter", paramLabel = "MODEL", description = {
            "Segment with a learned model from 'karyo train-segmenter' instead of the classical recipe (the options",
            "above are then ignored): it tells touching nuclei apart where a threshold cannot (docs/segmentation.md)."})
    java.nio.file.Path segmenter;

    @Option(names = "--neck", paramLabel = "F", description = {
            "With --segmenter: split joined nucleus interiors where they narrow to F of their width (0 = never; default:",
            "the model's, 0.55). Lower splits less (large irregular nuclei), higher splits more (crowded small nuclei)."})
    Double neck;

    @Option(names = "--segmenter-tta", paramLabel = "V", defaultValue = "none", converter = ViewsOption.Parse.class,
            description = {"With --segmenter: average the network's maps over views of each image: none (default), flips",
                    "(4) or dihedral (8, also transposed). 4x or 8x the network's time. Averaged maps part touching nuclei less",
                    "readily: with flips, --neck 0.7 tracked best on simulated movies (docs/segmentation.md)."})
    org.karyo.learn.infer.TestTimeViews views = org.karyo.learn.infer.TestTimeViews.NONE;

    /** The classical segmenter with these options, or the learned one given by --segmenter. */
    NucleusFinder finder() throws KaryoInputException {
        return new NucleusFinder(toSettings(), segmenter, neck, views);
    }

    SegmentationSettings toSettings() throws KaryoInputException {
        if (neck != null && segmenter == null) throw new KaryoInputException(null, "--neck needs --segmenter");
        if (views != org.karyo.learn.infer.TestTimeViews.NONE && segmenter == null) {
            throw new KaryoInputException(null, "--segmenter-tta needs --segmenter");
        }
        ThresholdMethod m;
        double fixed = Double.NaN;
        switch (threshold.toLowerCase(Locale.ROOT)) {
            case "robust" -> m = ThresholdMethod.ROBUST_OTSU;
            case "otsu" -> m = ThresholdMethod.OTSU;
            case "triangle" -> m = ThresholdMethod.TRIANGLE;
            default -> {
                m = ThresholdMethod.FIXED;
                try {
                    fixed = Double.parseDouble(threshold);
                } catch (NumberFormatException e) {
                    throw new KaryoInputException(null, "--nuclei-threshold must be robust, otsu, triangle or a number, not '" + threshold + "'");
                }
            }
        }
        try {
            return new SegmentationSettings(diameter, !noTopHat, m, fixed, thresholdFactor, D.smoothing(),
                    seedSeparation, !noSplit, minArea, maxArea, excludeBorder);
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, "segmentation option: " + e.getMessage());
        }
    }
}
