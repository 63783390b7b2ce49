package org.karyo.app;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** The images, nuclear channel and output folder of the commands that find nuclei in whole images ('segment', 'predict'). */
final class NucleusImages {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "TIFF or PNG images of nuclei.")
    List<Path> images;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the results (created if needed).")
    Path out;

    @Option(names = "--channel", defaultValue = "1", paramLabel = "N",
            description = "Nuclear channel in multi-channel files, counted from 1 (default: ${DEFAULT-VALUE}).")
    int channel;
}
