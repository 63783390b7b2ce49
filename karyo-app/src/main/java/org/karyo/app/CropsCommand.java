package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.crop.CropExtractor;
import org.karyo.crop.CropMode;
import org.karyo.crop.CropSettings;
import org.karyo.io.dataset.CropDataset;
import org.karyo.label.ReporterCall;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "crops", mixinStandardHelpOptions = true,
        description = {
                "Cut one crop per nucleus from the nuclear images, as a dataset to train a classifier on.",
                "Classes come from a reporter (--reporter: 'infected' / 'uninfected', as 'karyo label' calls",
                "them) or are given (--class NAME: every nucleus of these images is NAME; run once per class",
                "into separate folders, or label images by phenotype). Writes into --out:",
                "  <class>/<image>_n<id>.tif   crops at the source bit depth",
                "  manifest.csv                path,class,image,nucleus_id,x,y,area,group",
                "  crop-recipe.properties      how crops were cut ('karyo predict' cuts new ones alike)",
                "The group column is what a train/test split must keep together (image or spatial block),",
                "so no field leaks into both. The dataset appears only when complete."})
final class CropsCommand implements Callable<Integer> {
    @Mixin
    FieldInputs inputs;

    @Option(names = "--reporter", paramLabel = "IMAGE", description = "Reporter image per --nuclei image: classes infected/uninfected.")
    List<Path> reporter = new ArrayList<>();

    @Option(names = "--class", paramLabel = "NAME", description = "Put every nucleus in this class instead of calling it from a reporter.")
    String className;

    @Option(names = "--out", required = true, paramLabel = "DATASET", description = "Dataset folder to create (must not exist or be empty).")
    Path out;

    @Option(names = "--size", defaultValue = "64", paramLabel = "PX", description = "Crop side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--mode", defaultValue = "box", paramLabel = "box|window", description = {
            "'box' (default): bounding box plus margin, resized to the crop size, as in the reference study;",
            "'window': a fixed window of --size pixels around the centre, keeping absolute nuclear size."})
    String mode;

    @Option(names = "--margin", defaultValue = "0.2", paramLabel = "F", description = "Box mode: context on each side as a fraction of the box (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(names = "--blank-neighbours", description = "Replace other nuclei in a crop by background.")
    boolean blankNeighbours;

    @Option(names = "--group", defaultValue = "image", paramLabel = "image|well|block", description = {
            "Group key written for each crop: the 'image' (default), the plate 'well', or a spatial 'block'",
            "(--block-size pixels) for images large enough to split within."})
    String group;

    @Option(names = "--block-size", defaultValue = "256", paramLabel = "PX", description = "Block side for --group block (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Mixin
    LabellingOptions labelling;

    @Mixin
    SegmentationOptions segmentation;

    @Override
    public Integer call() throws KaryoInputException, IOException {
        if (className != null && !reporter.isEmpty()) {
            throw new KaryoInputException(null, "give either --reporter images (classes from the reporter) or --class NAME, not both");
        }
        if (className != null && !className.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new KaryoInputException(null, "--class must be letters, digits, '_', '-' or '.', not '" + className + "'");
        }
        String grouping = group.toLowerCase(Locale.ROOT);
        if (!List.of("image", "well", "block").contains(grouping)) {
            throw new KaryoInputException(null, "--group must be image, well or block, not '" + group + "'");
        }
        if (grouping.equals("well") && inputs.plate == null) {
            throw new KaryoInputException(null, "--group well needs a --plate");
        }
        if (blockSize < 16) throw new KaryoInputException(null, "--block-size must be at least 16 px");
        CropSettings settings = cropSettings();
        if (className == null && inputs.plate == null && reporter.isEmpty()) {
            throw new KaryoInputException(null, "give --reporter images (classes from the reporter) or --class NAME");
        }
        List<Field> fields;
        try (NucleusFinder finder = segmentation.finder()) {
            fields = inputs.load(new FieldLoader(finder), reporter, className == null);
        }
        FieldCalls calls = className == null ? FieldCalls.call(fields, labelling.toSettings(), labelling.perImage) : null;
        CropExtractor extractor = new CropExtractor(settings);
        long total = fields.stream().mapToLong(f -> f.nuclei().size()).sum();
        try (CropDataset ds = CropDataset.create(out); Progress bar = new Progress("crops", total, !inputs.noProgress)) {
            for (Field f : fields) {
                float bg = CropExtractor.backgroundLevel(f.dna(), f.labels());
                Map<Integer, ReporterCall> byId = calls == null ? Map.of() : calls.byNucleus(f.name());
                for (NucleusMeasurement m : f.nuclei()) {
                    Shape s = m.shape();
                    String cls = className;
                    if (cls == null) {
                        ReporterCall c = byId.get(m.id());
                        if (c == null) continue; // no reporter pixels: cannot be called
                        cls = c.infected() ? "infected" : "uninfected";
                    }
                    String key = switch (grouping) {
                        case "well" -> f.well();
                        case "block" -> f.name() + "_b" + (int) (s.x() / blockSize) + "_" + (int) (s.y() / blockSize);
                        default -> f.name();
                    };
                    ds.add(cls, f.name() + "_n" + m.id(), extractor.crop(f.dna(), f.labels(), m.id(), s, bg),
                            f.imageName(), m.id(), s.x(), s.y(), s.area(), key);
                    bar.step();
                }
            }
            ds.recipe(settings);
            ds.commit();
            System.out.printf("wrote %s: %s crops of %dx%d px, manifest.csv%n", out, ds.counts(), size, size);
        }
        return Karyo.EXIT_OK;
    }

    private CropSettings cropSettings() throws KaryoInputException {
        return cropSettings(size, mode, margin, blankNeighbours);
    }

    /** The crop options of a command line as settings; a bad value is the user's input error. */
    static CropSettings cropSettings(int size, String mode, double margin, boolean blankNeighbours) throws KaryoInputException {
        CropMode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "box" -> CropMode.BOX;
            case "window" -> CropMode.WINDOW;
            default -> throw new KaryoInputException(null, "--mode must be box or window, not '" + mode + "'");
        };
        try {
            return new CropSettings(size, m, margin, blankNeighbours);
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, e.getMessage());
        }
    }
}
