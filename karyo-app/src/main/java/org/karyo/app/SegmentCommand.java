package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.TiffWriter;
import org.karyo.io.table.CsvTable;
import org.karyo.io.table.NucleusColumns;
import org.karyo.io.table.ResultStore;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.NucleusMeasurer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {
                "Find nuclei in DNA-stain images (Hoechst, DAPI) and measure them.",
                "For each IMAGE writes into --out:",
                "  <name>.labels.tif   16-bit label image (0 = background), opens in Fiji",
                "  <name>.nuclei.csv   one row per nucleus: image,nucleus_id,x,y,area, shape and intensity",
                "  <name>.overlay.png  the image with nuclei outlined",
                "and karyo.duckdb, a database with all nuclei in table 'nuclei'.",
                "Multi-channel files: pick the nuclear channel with --channel; z-stacks are max-projected."})
final class SegmentCommand implements Callable<Integer> {
    @Mixin
    NucleusImages inputs;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--frame", defaultValue = "1", paramLabel = "T",
            description = "Time point in time-lapse files, counted from 1 (default: ${DEFAULT-VALUE}).")
    int frame;

    @Mixin
    SegmentationOptions segmentation;

    @Override
    public Integer call() throws KaryoInputException, IOException {
        List<Path> images = inputs.images;
        Path out = inputs.out;
        int channel = inputs.channel;
        InputImages.requireUniqueNames(images);
        NucleusMeasurer measurer = new NucleusMeasurer();
        List<Path> tables = new ArrayList<>();
        long nuclei = 0;
        try (NucleusFinder finder = segmentation.finder(); Progress bar = new Progress("segment", images.size(), !noProgress)) {
            for (Path file : images) {
                Plane dna = InputImages.requireContent(file, InputImages.load(file, channel, frame));
                LabelImage labels = finder.find(dna);
                List<NucleusMeasurement> m = measurer.measure(labels, Map.of("dna", dna));
                String name = InputImages.baseName(file);
                CsvTable t = new CsvTable(NucleusColumns.header(List.of("dna"), List.of()));
                for (NucleusMeasurement n : m) t.add(NucleusColumns.row(file.getFileName().toString(), n, List.of("dna")));
                TiffWriter.writeLabels(out.resolve(name + ".labels.tif"), labels);
                Path csv = out.resolve(name + ".nuclei.csv");
                t.write(csv);
                tables.add(csv);
                Overlays.outlines(out.resolve(name + ".overlay.png"), dna, labels);
                nuclei += m.size();
                bar.step();
            }
        }
        ResultStore.write(out.resolve("karyo.duckdb"), Map.of("nuclei", tables));
        System.out.printf("segmented %d image(s), %d nuclei; wrote %s/<name>.{labels.tif,nuclei.csv,overlay.png} and %s%n",
                images.size(), nuclei, out, out.resolve("karyo.duckdb"));
        return Karyo.EXIT_OK;
    }
}
