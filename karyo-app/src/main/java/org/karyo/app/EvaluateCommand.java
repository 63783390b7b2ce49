package org.karyo.app;

import org.karyo.KaryoInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
                "Score a trained model on a labelled crop dataset (same layouts as 'karyo train').",
                "On the dataset the model was trained on (same data fingerprint) only its test split is scored.",
                "Writes into --out:",
                "  metrics.json      accuracy, macro_f1, auc, ece, n, per-class precision/recall/F1, confusion,",
                "                    bootstrap 95%% intervals over whole groups (binary AUC: the second class in sorted order); with",
                "                    'baselines' {mlp, forest} scored on the same crops when trained with --baselines",
                "  predictions.csv   per crop: path, class, predicted, p_<class>...",
                "  roc.png, confusion.png, reliability.png",
                "  cam/              where the network looked: class activation maps (CAM for a linear head, Grad-CAM",
                "                    for the study head) of sampled correct and wrong calls per class, the mean map",
                "                    per class, index.csv and index.html"})
final class EvaluateCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DeviceOption device;

    @picocli.CommandLine.Mixin
    InferenceOption inference;

    @picocli.CommandLine.Mixin
    ViewsOption tta;

    static final int DEFAULT_CAM_PER_CLASS = 6;

    @Option(names = "--model", required = true, paramLabel = "M", description = {"Model folder written by 'karyo train'.",
            "Repeat to average several models' probabilities (an ensemble: same classes, crop recipe, data and split)."})
    List<Path> models;

    @Parameters(index = "0", paramLabel = "DATASET", description = "Crop dataset folder.")
    Path dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the results (created if needed).")
    Path out;

    @Option(names = "--all", description = "Score every crop even when DATASET is the training data.")
    boolean all;

    @Option(names = "--cam", defaultValue = "" + DEFAULT_CAM_PER_CLASS, paramLabel = "N",
            description = "Correct and wrong calls per class drawn with their class activation maps (default: ${DEFAULT-VALUE}; 0: no cam/).")
    int cam;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws KaryoInputException, IOException {
        if (cam < 0) throw new KaryoInputException(null, "--cam must be 0 (no maps) or more, not " + cam);
        ModelEvaluation.Outcome o = ModelEvaluation.run(new ModelEvaluation.Request(models, dataset, out, all, !noProgress, cam,
                tta.views));
        Map<String, Double> m = o.scores().flat();
        System.out.printf(Locale.ROOT, "%s%s, n=%d: accuracy %s, macro F1 %s, AUC %s, ECE %s; wrote %s%n",
                models.size() > 1 ? "ensemble " + o.modelName() + ", " : "", o.subset(),
                o.scores().n(), f(m.get("accuracy")), f(m.get("macro_f1")), f(m.get("auc")), f(m.get("ece")),
                out.resolve(ModelEvaluation.METRICS));
        if (!o.baselines().isEmpty()) {
            System.out.println(table(o));
        }
        return Karyo.EXIT_OK;
    }

    /** The model beside its baselines, each value with its bootstrap 95 % interval. */
    static String table(ModelEvaluation.Outcome o) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %-22s %-22s %-22s%n", "model",
                "accuracy [95% CI]", "macro F1 [95% CI]", "AUC [95% CI]"));
        Map<String, Scores> rows = new java.util.LinkedHashMap<>();
        rows.put(o.modelName(), o.scores());
        rows.putAll(o.baselines());
        rows.forEach((name, s) -> {
            Map<String, Double> m = s.flat();
            sb.append(String.format(Locale.ROOT, "%-8s %-22s %-22s %-22s%n", name, withInterval(m, "accuracy"),
                    withInterval(m, "macro_f1"), withInterval(m, "auc")));
        });
        return sb.toString().stripTrailing();
    }

    private static String withInterval(Map<String, Double> m, String name) {
        return f(m.get(name)) + " [" + f(m.get(name + "_ci_low")) + ", " + f(m.get(name + "_ci_high")) + "]";
    }

    static String f(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
