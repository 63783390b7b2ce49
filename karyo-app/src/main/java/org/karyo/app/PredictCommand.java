package org.karyo.app;

import org.karyo.KaryoInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {
                "Classify every nucleus in DNA-stain images with a trained model.",
                "Nuclei are found as 'karyo segment' finds them (same options) and cut into crops with the",
                "model's crop recipe, as its training crops were. For each IMAGE writes into --out:",
                "  <name>.cells.csv    image,nucleus_id,x,y,area,class,p_<class>... (one row per nucleus)",
                "  <name>.classes.png  the image with nuclei outlined in their predicted class's colour",
                "                      (infected green, uninfected blue, other classes from a palette)"})
final class PredictCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DeviceOption device;

    @picocli.CommandLine.Mixin
    InferenceOption inference;

    @Option(names = "--model", required = true, paramLabel = "M", description = {"Model folder written by 'karyo train'.",
            "Repeat to average several models' probabilities (an ensemble: same classes, crop recipe, data and split)."})
    List<Path> models;

    @Mixin
    NucleusImages inputs;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Mixin
    SegmentationOptions segmentation;

    @Mixin
    ViewsOption tta;

    @Override
    public Integer call() throws KaryoInputException, IOException {
        CellPrediction.Outcome o = CellPrediction.run(new CellPrediction.Request(models, inputs.images, inputs.out,
                segmentation.toSettings(), segmentation.segmenter, segmentation.neck, segmentation.views, inputs.channel, !noProgress, tta.views));
        System.out.printf("classified %d nuclei in %d image(s): %s; wrote %s/<name>.{cells.csv,classes.png}%n",
                o.nuclei(), o.images(), o.counts(), inputs.out);
        return Karyo.EXIT_OK;
    }
}
