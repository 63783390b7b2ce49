package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.label.LabellingSettings;
import org.karyo.label.ReporterRegion;
import org.karyo.label.ThresholdMethod;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The reporter-labelling options shared by 'label' and 'crops'. */
final class LabellingOptions {
    @Option(names = "--threshold", defaultValue = "otsu", paramLabel = "otsu|mixture|VALUE",
            description = {"How infected nuclei are told from uninfected ones: 'otsu' (default) or 'mixture'",
                    "(two-Gaussian fit) find the cut automatically on log reporter values; a number is used as it is."})
    String threshold;

    @Option(names = "--reporter-region", defaultValue = "nucleus", paramLabel = "nucleus|ring|cell",
            description = {"Where the reporter is read: inside the 'nucleus' (default), in a 'ring' around it",
                    "(cytoplasmic reporters), or nucleus plus ring, 'cell' (reporters that fill the cell)."})
    String region;

    @Option(names = "--ring-width", defaultValue = "3", paramLabel = "PX",
            description = "Width of the ring around each nucleus, in pixels (default: ${DEFAULT-VALUE}).")
    int ringWidth;

    @Option(names = "--linear", description = "Find the automatic cut on raw reporter values instead of log values.")
    boolean linear;

    @Option(names = "--per-image", description = {"Find a cut for each image separately. By default one cut is found on",
            "all nuclei together, so an image without infected cells is not split in two."})
    boolean perImage;

    LabellingSettings toSettings() throws KaryoInputException {
        ReporterRegion r = switch (region.toLowerCase(Locale.ROOT)) {
            case "nucleus" -> ReporterRegion.NUCLEUS;
            case "ring" -> ReporterRegion.RING;
            case "cell" -> ReporterRegion.NUCLEUS_AND_RING;
            default -> throw new KaryoInputException(null, "--reporter-region must be nucleus, ring or cell, not '" + region + "'");
        };
        ThresholdMethod m;
        double fixed = Double.NaN;
        switch (threshold.toLowerCase(Locale.ROOT)) {
            case "otsu" -> m = ThresholdMethod.OTSU;
            case "mixture" -> m = ThresholdMethod.MIXTURE;
            default -> {
                m = ThresholdMethod.FIXED;
                try {
                    fixed = Double.parseDouble(threshold);
                } catch (NumberFormatException e) {
                    throw new KaryoInputException(null, "--threshold must be otsu, mixture or a number, not '" + threshold + "'");
                }
            }
        }
        if (ringWidth < 1 || ringWidth > 100) throw new KaryoInputException(null, "--ring-width must be 1..100");
        return new LabellingSettings(r, ringWidth, m, fixed, !linear);
    }
}
