package org.karyo.app;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.karyo.KaryoInputException;
import org.karyo.AtomicFiles;
import org.karyo.io.plot.ConfusionPlot;
import org.karyo.io.plot.LinePlot;
import org.karyo.io.table.CsvTable;
import org.karyo.learn.baseline.Baselines;
import org.karyo.learn.bundle.BundleInfo;
import org.karyo.learn.bundle.BundleEnsemble;
import org.karyo.learn.bundle.ModelBundle;
import org.karyo.learn.infer.InferenceEngine;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.DataFingerprint;
import org.karyo.learn.data.GroupedSplitter;
import org.karyo.learn.eval.Calibration;
import org.karyo.learn.eval.Metrics;
import org.karyo.learn.eval.RocCurve;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.learn.train.ClassActivationMaps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a model bundle on a labelled crop dataset. On the very data it was trained on (same
 * fingerprint) only the held-out test split counts, since the other crops shaped the weights.
 */
final class ModelEvaluation {
    static final String METRICS = "metrics.json";

    private ModelEvaluation() {
    }

    /**
     * @param allCrops   score every crop even when the dataset is the training data
     * @param camPerClass crops per class and outcome drawn with their class activation maps; 0 for no maps
     */
    record Request(List<Path> models, Path dataset, Path out, boolean allCrops, boolean progress, int camPerClass,
                   TestTimeViews views) {
    }

    /**
     * @param subset    "test split" or "all crops"
     * @param baselines scores of the baselines stored in the bundle, by name (empty when it has none)
     * @param modelName the model's network, for tables ("compact", "resnet50", "mlp")
     */
    record Outcome(Scores scores, String subset, Map<String, Scores> baselines, String modelName) {
    }

    static Outcome run(Request r) throws KaryoInputException, IOException {
        try (BundleEnsemble models = BundleEnsemble.open(r.models(), InferenceEngine.resolved())) {
            ModelBundle bundle = models.first();
            BundleInfo info = bundle.info();
            // The groups are part of the data fingerprint: read them as training did.
            DatasetInput in = DatasetInput.read(r.dataset(), info.data() == null ? null : info.data().groupPattern());
            int[] toModel = classMap(in, info.classes());
            List<Crop> crops = in.crops().crops();
            String subset = "all crops";
            if (!r.allCrops() && info.data() != null && info.split() != null
                    && DataFingerprint.of(in.crops()).equals(info.data().fingerprint())) {
                List<Integer> test = GroupedSplitter.split(in.crops(), info.split()).test();
                if (test.isEmpty()) {
                    throw new KaryoInputException(r.dataset(), "is the training data and its test split is empty; "
                            + "evaluate on other data or pass --all");
                }
                crops = in.crops().select(test);
                subset = "test split";
            }
            float[][] proba = new float[crops.size()][];
            int[] truth = new int[crops.size()];
            int chunk = 256;
            try (Progress bar = new Progress("evaluate", crops.size(), r.progress())) {
                for (int s = 0; s < crops.size(); s += chunk) {
                    List<Crop> part = crops.subList(s, Math.min(crops.size(), s + chunk));
                    float[][] p = models.predictProba(part.stream().map(Crop::image).toList(), r.views());
                    for (int i = 0; i < part.size(); i++) {
                        proba[s + i] = p[i];
                        truth[s + i] = toModel[part.get(i).label()];
                        bar.step();
                    }
                }
            }
            Scores scores = Scores.of(proba, truth, Scores.groupsOf(crops), info.classes());
            Map<String, Scores> baselines = baselines(bundle, crops, truth);
            Files.createDirectories(r.out());
            write(r, info, in, crops, proba, truth, scores, subset, baselines);
            if (r.camPerClass() > 0 && ClassActivationMaps.supports(bundle.classifier())) {
                CamReport.write(r.out(), bundle.classifier(), in.folder(), crops, proba, truth, r.camPerClass(),
                        r.progress());
            }
            String name = info.model().architecture().name().toLowerCase(java.util.Locale.ROOT);
            return new Outcome(scores, subset, baselines, models.size() > 1 ? models.size() + "x" + name : name);
        }
    }

    /** The bundle's baselines (trained on the same split) scored on the same crops. */
    private static Map<String, Scores> baselines(ModelBundle bundle, List<Crop> crops, int[] truth)
            throws KaryoInputException {
        Map<String, Scores> out = new LinkedHashMap<>();
        Optional<Baselines> stored = Baselines.open(bundle.dir(), bundle.info().classes());
        if (stored.isPresent()) {
            try (Baselines b = stored.get()) {
                b.predictProba(crops.stream().map(Crop::image).toList())
                        .forEach((name, p) -> out.put(name, Scores.of(p, truth, Scores.groupsOf(crops), bundle.info().classes())));
            }
        }
        return out;
    }

    /** Dataset label index to model class index; a class the model never saw is an input error. */
    private static int[] classMap(DatasetInput in, List<String> modelClasses) throws KaryoInputException {
        List<String> classes = in.crops().classes();
        int[] map = new int[classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            map[k] = modelClasses.indexOf(classes.get(k));
            if (map[k] < 0) {
                throw new KaryoInputException(in.folder(), "class '" + classes.get(k) + "' is not one the model knows "
                        + modelClasses);
            }
        }
        return map;
    }

    private static void write(Request r, BundleInfo info, DatasetInput in, List<Crop> crops, float[][] proba,
                              int[] truth, Scores scores, String subset, Map<String, Scores> baselines)
            throws IOException {
        List<String> classes = info.classes();
        JsonObject json = scores.json();
        if (!baselines.isEmpty()) {
            JsonObject b = new JsonObject();
            baselines.forEach((name, s) -> b.add(name, s.json()));
            json.add("baselines", b);
        }
        json.addProperty("subset", subset);
        json.addProperty("test_time_views", r.views().name().toLowerCase(java.util.Locale.ROOT));
        json.addProperty("model", r.models().get(0).toAbsolutePath().normalize().toString());
        if (r.models().size() > 1) {
            // An ensemble: probabilities are the mean over these bundles; "model" is the first.
            com.google.gson.JsonArray all = new com.google.gson.JsonArray();
            for (Path m : r.models()) all.add(m.toAbsolutePath().normalize().toString());
            json.add("ensemble", all);
        }
        json.addProperty("dataset", r.dataset().toAbsolutePath().normalize().toString());
        json.addProperty("dataset_fingerprint", DataFingerprint.of(in.crops()));
        AtomicFiles.writeString(r.out().resolve(METRICS),
                new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json) + "\n");

        List<String> header = new ArrayList<>(List.of("path", "class", "predicted"));
        classes.forEach(c -> header.add("p_" + c));
        CsvTable t = new CsvTable(header);
        for (int i = 0; i < crops.size(); i++) {
            Object[] row = new Object[header.size()];
            row[0] = in.folder().toAbsolutePath().normalize().relativize(crops.get(i).path().toAbsolutePath().normalize());
            row[1] = classes.get(truth[i]);
            row[2] = classes.get(Metrics.argMax(proba[i]));
            for (int k = 0; k < classes.size(); k++) row[3 + k] = (double) proba[i][k];
            t.add(row);
        }
        t.write(r.out().resolve("predictions.csv"));

        ConfusionPlot.write(r.out().resolve("confusion.png"), "Confusion (" + subset + ", n=" + crops.size() + ")",
                classes, scores.metrics().confusion().counts());
        roc(r.out().resolve("roc.png"), proba, truth, classes);
        reliability(r.out().resolve("reliability.png"), proba, truth);
    }

    private static void roc(Path png, float[][] proba, int[] truth, List<String> classes) throws IOException {
        List<LinePlot.Line> lines = new ArrayList<>();
        // Binary: one curve, the second class as positive (the AUC in metrics.json); else one per class.
        int from = classes.size() == 2 ? 1 : 0;
        for (int k = from; k < classes.size(); k++) {
            RocCurve c = RocCurve.oneVsRest(proba, truth, k);
            double[] fpr = prepend0(c.falsePositiveRate());
            double[] tpr = prepend0(c.truePositiveRate());
            lines.add(LinePlot.Line.of(String.format(java.util.Locale.ROOT, "%s (AUC %.3f)", classes.get(k), c.auc()), fpr, tpr));
        }
        lines.add(new LinePlot.Line("chance", new double[] {0, 1}, new double[] {0, 1}, true, false));
        LinePlot.write(png, 600, 600, List.of(new LinePlot.Panel("ROC", "false positive rate", "true positive rate",
                lines, 1, 1)));
    }

    private static void reliability(Path png, float[][] proba, int[] truth) throws IOException {
        List<Calibration.Bin> bins = Calibration.reliability(proba, truth, Metrics.ECE_BINS).stream()
                .filter(b -> b.count() > 0).toList();
        double[] conf = bins.stream().mapToDouble(Calibration.Bin::meanConfidence).toArray();
        double[] acc = bins.stream().mapToDouble(Calibration.Bin::accuracy).toArray();
        double ece = Calibration.expectedCalibrationError(proba, truth, Metrics.ECE_BINS);
        LinePlot.write(png, 600, 600, List.of(new LinePlot.Panel(
                String.format(java.util.Locale.ROOT, "Reliability (ECE %.3f)", ece), "mean confidence (top class)",
                "accuracy", List.of(new LinePlot.Line("model", conf, acc, false, true),
                new LinePlot.Line("perfect calibration", new double[] {0, 1}, new double[] {0, 1}, true, false)),
                1, 1)));
    }

    /** The curve starts at (0, 0): the threshold above every score. */
    private static double[] prepend0(double[] v) {
        double[] out = new double[v.length + 1];
        System.arraycopy(v, 0, out, 1, v.length);
        return out;
    }
}
