package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;
import org.karyo.AtomicFiles;
import org.karyo.io.PngWriter;
import org.karyo.io.table.CsvTable;
import org.karyo.render.OutlineOverlay;
import org.karyo.render.RgbImage;
import org.karyo.segment.NucleusSegmenter;
import org.karyo.segment.Segmentation;
import org.karyo.segment.SegmentationScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "score-segmentation", mixinStandardHelpOptions = true,
        description = {
                "Segment images and score the nuclei against instance ground truth.",
                "Pairs each image in --images with the label image of the same name in --labels",
                "(0 = background, 1..N = nuclei) and writes into --out:",
                "  per_image.csv   truth, predicted, F1 at IoU 0.5 and mean AP (IoU 0.5:0.05:0.95) per image",
                "  summary.json    the same pooled over all images, and the mean over images",
                "  worst/          overlays of the worst images: prediction red, truth green"})
final class ScoreSegmentationCommand implements Callable<Integer> {
    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of images (TIFF or PNG).")
    Path images;

    @Option(names = "--labels", required = true, paramLabel = "DIR", description = "Folder of ground-truth label images, same file names.")
    Path labels;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the scores.")
    Path out;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--worst", defaultValue = "3", paramLabel = "N", description = "Overlays of the N worst images (default: ${DEFAULT-VALUE}).")
    int worst;

    @Mixin
    SegmentationOptions segmentation;

    private record Row(String name, Plane image, LabelImage truth, LabelImage predicted, double diameter,
                       SegmentationScore score) {
    }

    @Override
    public Integer call() throws KaryoInputException, IOException {
        List<LabelledImages.Pair> pairs = LabelledImages.read(images, labels);
        NucleusSegmenter classical = segmentation.segmenter == null ? new NucleusSegmenter(segmentation.toSettings()) : null;
        List<Row> rows = new ArrayList<>();
        try (NucleusFinder learned = segmentation.segmenter == null ? null : segmentation.finder();
             Progress bar = new Progress("score", pairs.size(), !noProgress)) {
            for (LabelledImages.Pair p : pairs) {
                LabelImage predicted;
                double diameter = Double.NaN;
                if (classical != null) {
                    Segmentation seg = classical.segment(p.image());
                    predicted = seg.labels();
                    diameter = seg.diameter();
                } else {
                    predicted = learned.find(p.image());
                }
                rows.add(new Row(p.name(), p.image(), p.truth(), predicted, diameter, SegmentationScore.of(predicted, p.truth())));
                bar.step();
            }
        }
        CsvTable table = new CsvTable(List.of("image", "width", "height", "diameter_px", "truth", "predicted", "f1_iou50", "mean_ap"));
        SegmentationScore pooled = SegmentationScore.empty();
        double meanF1 = 0;
        double meanAp = 0;
        for (Row r : rows) {
            table.add(r.name, r.image.width(), r.image.height(), r.diameter, r.score.truth(), r.score.predicted(),
                    r.score.f1(), r.score.meanAp());
            pooled = pooled.plus(r.score);
            meanF1 += r.score.f1() / rows.size();
            meanAp += r.score.meanAp() / rows.size();
        }
        table.write(out.resolve("per_image.csv"));
        String json = String.format(Locale.ROOT, "{\n  \"images\": %d,\n  \"truth\": %d,\n  \"predicted\": %d,\n"
                        + "  \"f1_iou50_pooled\": %s,\n  \"mean_ap_pooled\": %s,\n  \"f1_iou50_mean_over_images\": %s,\n"
                        + "  \"mean_ap_mean_over_images\": %s\n}\n", rows.size(), pooled.truth(), pooled.predicted(),
                Json.number(pooled.f1()), Json.number(pooled.meanAp()), Json.number(meanF1), Json.number(meanAp));
        AtomicFiles.writeString(out.resolve("summary.json"), json);
        List<Row> byF1 = rows.stream().sorted(Comparator.comparingDouble(r -> r.score.f1())).limit(Math.max(0, worst)).toList();
        for (Row r : byF1) {
            RgbImage img = OutlineOverlay.render(r.image, r.truth, OutlineOverlay.uniform(r.truth.count(), 0x22CC22));
            OutlineOverlay.draw(img, r.predicted, OutlineOverlay.uniform(r.predicted.count(), 0xFF3333));
            PngWriter.write(out.resolve("worst").resolve(r.name + ".png"), img);
        }
        System.out.printf(Locale.ROOT, "%d images: F1@0.5 %.3f, mean AP %.3f (pooled over %d true nuclei); per image mean F1 %.3f%n",
                rows.size(), pooled.f1(), pooled.meanAp(), pooled.truth(), meanF1);
        System.out.printf("wrote %s, %s, %s%n", out.resolve("per_image.csv"), out.resolve("summary.json"), out.resolve("worst"));
        return Karyo.EXIT_OK;
    }
}
