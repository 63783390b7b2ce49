package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.crop.CropExtractor;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.PngWriter;
import org.karyo.io.table.CsvTable;
import org.karyo.learn.bundle.BundleEnsemble;
import org.karyo.learn.bundle.ModelBundle;
import org.karyo.learn.infer.InferenceEngine;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.learn.eval.Metrics;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.NucleusMeasurer;
import org.karyo.measure.Shape;
import org.karyo.render.OutlineOverlay;
import org.karyo.segment.SegmentationSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classifies every nucleus of whole fields: segments them as 'karyo segment' does, cuts each crop
 * with the model's own crop recipe (so the network sees nuclei as it did in training), and writes
 * one table and one overlay per image.
 */
final class CellPrediction {
    /** Outline colours by class index, after the two named ones. */
    private static final int[] PALETTE = {0xFF7F0E, 0xD62728, 0x9467BD, 0x17BECF, 0xE377C2, 0xBCBD22, 0x8C564B};

    private CellPrediction() {
    }

    /** @param channel 1-based nuclear channel in multi-channel files */
    /** @param views test-time views averaged per nucleus */
    /** @param segmenter a learned segmenter model, or null for the classical one with {@code segmentation} */
    /** @param segmenterViews views of each image whose maps the learned segmenter averages */
    record Request(List<Path> models, List<Path> images, Path out, SegmentationSettings segmentation, Path segmenter, Double neck,
                   TestTimeViews segmenterViews, int channel, boolean progress, TestTimeViews views) {
    }

    /** @param counts nuclei per predicted class, over all images */
    record Outcome(int images, int nuclei, Map<String, Integer> counts, List<Path> tables) {
    }

    static Outcome run(Request r) throws KaryoInputException, IOException {
        InputImages.requireUniqueNames(r.images());
        try (BundleEnsemble models = BundleEnsemble.open(r.models(), InferenceEngine.resolved());
             NucleusFinder finder = new NucleusFinder(r.segmentation(), r.segmenter(), r.neck(), r.segmenterViews())) {
            ModelBundle bundle = models.first();
            List<String> classes = bundle.info().classes();
            NucleusMeasurer measurer = new NucleusMeasurer();
            CropExtractor extractor = new CropExtractor(bundle.info().cropRecipe());
            Map<String, Integer> counts = new TreeMap<>();
            List<Path> tables = new ArrayList<>();
            int nuclei = 0;
            Files.createDirectories(r.out());
            try (Progress bar = new Progress("predict", r.images().size(), r.progress())) {
                for (Path file : r.images()) {
                    Plane dna = InputImages.requireContent(file, InputImages.load(file, r.channel(), 1));
                    LabelImage labels = finder.find(dna);
                    List<NucleusMeasurement> found = measurer.measure(labels, Map.of("dna", dna));
                    float bg = CropExtractor.backgroundLevel(dna, labels);
                    List<Plane> crops = new ArrayList<>(found.size());
                    for (NucleusMeasurement m : found) crops.add(extractor.crop(dna, labels, m.id(), m.shape(), bg));
                    float[][] proba = models.predictProba(crops, r.views());
                    String name = InputImages.baseName(file);
                    Path csv = r.out().resolve(name + ".cells.csv");
                    table(file, found, proba, classes).write(csv);
                    tables.add(csv);
                    int[] colours = new int[labels.count() + 1];
                    java.util.Arrays.fill(colours, -1);
                    for (int i = 0; i < found.size(); i++) {
                        int k = Metrics.argMax(proba[i]);
                        colours[found.get(i).id()] = colour(classes.get(k), k);
                        counts.merge(classes.get(k), 1, Integer::sum);
                    }
                    PngWriter.write(r.out().resolve(name + ".classes.png"), OutlineOverlay.render(dna, labels, colours));
                    nuclei += found.size();
                    bar.step();
                }
            }
            return new Outcome(r.images().size(), nuclei, counts, tables);
        }
    }

    static CsvTable table(Path file, List<NucleusMeasurement> found, float[][] proba, List<String> classes) {
        List<String> header = new ArrayList<>(List.of("image", "nucleus_id", "x", "y", "area", "class"));
        classes.forEach(c -> header.add("p_" + c));
        CsvTable t = new CsvTable(header);
        for (int i = 0; i < found.size(); i++) {
            Shape s = found.get(i).shape();
            Object[] row = new Object[header.size()];
            row[0] = file.getFileName().toString();
            row[1] = found.get(i).id();
            row[2] = s.x();
            row[3] = s.y();
            row[4] = s.area();
            row[5] = classes.get(Metrics.argMax(proba[i]));
            for (int k = 0; k < classes.size(); k++) row[6 + k] = (double) proba[i][k];
            t.add(row);
        }
        return t;
    }

    /** The label command's colours for its two classes, so overlays of both read alike. */
    static int colour(String className, int index) {
        return switch (className.toLowerCase(Locale.ROOT)) {
            case "infected" -> Overlays.INFECTED;
            case "uninfected" -> Overlays.UNINFECTED;
            default -> PALETTE[index % PALETTE.length];
        };
    }
}
