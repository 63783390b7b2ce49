package org.karyo.app;

import org.karyo.AtomicFiles;
import org.karyo.io.PngWriter;
import org.karyo.io.table.CsvTable;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropRenderer;
import org.karyo.learn.eval.Metrics;
import org.karyo.learn.train.ClassActivationMaps;
import org.karyo.learn.train.Classifier;
import org.karyo.render.HeatOverlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes {@code cam/}: where the network looked. For every class, a seeded sample of correct and of
 * wrong calls (crop beside crop + heat map of the predicted class: what drove the call), the mean map
 * over all crops of the class (each explained for its true class) beside the mean crop, and an index
 * ({@code index.csv}, {@code index.html}). CAM for a linear head, Grad-CAM otherwise
 * ({@link ClassActivationMaps}).
 */
final class CamReport {
    static final String DIR = "cam";
    private static final int CHUNK = 256;

    private CamReport() {
    }

    /** @param perClass crops per class and outcome (correct, wrong) to draw */
    static void write(Path out, Classifier classifier, Path datasetFolder, List<Crop> crops, float[][] proba,
                      int[] truth, int perClass, boolean progress) throws IOException {
        List<String> classes = classifier.classes();
        int k = classes.size();
        int size = classifier.spec().inputSize();
        int scale = Math.max(1, (int) Math.ceil(128.0 / size));
        ClassActivationMaps.Method method = ClassActivationMaps.methodFor(classifier);
        CropRenderer renderer = classifier.renderer();
        int[] predicted = new int[crops.size()];
        for (int i = 0; i < crops.size(); i++) predicted[i] = Metrics.argMax(proba[i]);
        boolean[] sampled = sample(truth, predicted, k, perClass);

        // One pass over all crops, each explained for its true class: class means, and the maps of
        // sampled correct calls (true = predicted there). Wrong calls are explained for the predicted class after.
        double[][] heatSum = new double[k][size * size];
        double[][] greySum = new double[k][size * size];
        int[] count = new int[k];
        float[][] sampleGrey = new float[crops.size()][];
        float[][] sampleHeat = new float[crops.size()][];
        try (Progress bar = new Progress("class maps", crops.size(), progress)) {
            for (int s = 0; s < crops.size(); s += CHUNK) {
                int e = Math.min(crops.size(), s + CHUNK);
                List<float[]> rendered = new ArrayList<>(e - s);
                for (int i = s; i < e; i++) rendered.add(renderer.render(crops.get(i).image()));
                float[][] maps = ClassActivationMaps.compute(classifier, rendered,
                        java.util.Arrays.copyOfRange(truth, s, e), method);
                for (int i = s; i < e; i++) {
                    float[] grey = rendered.get(i - s);
                    float[] heat = maps[i - s];
                    int c = truth[i];
                    count[c]++;
                    for (int p = 0; p < heat.length; p++) {
                        heatSum[c][p] += heat[p];
                        greySum[c][p] += grey[p];
                    }
                    if (sampled[i]) {
                        sampleGrey[i] = grey;
                        if (predicted[i] == truth[i]) sampleHeat[i] = heat;
                    }
                    bar.step();
                }
            }
        }
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) if (sampled[i] && predicted[i] != truth[i]) wrong.add(i);
        if (!wrong.isEmpty()) {
            float[][] maps = ClassActivationMaps.compute(classifier, wrong.stream().map(i -> sampleGrey[i]).toList(),
                    wrong.stream().mapToInt(i -> predicted[i]).toArray(), method);
            for (int j = 0; j < wrong.size(); j++) sampleHeat[wrong.get(j)] = maps[j];
        }

        Path dir = out.resolve(DIR);
        Files.createDirectories(dir);
        CsvTable index = new CsvTable(List.of("png", "kind", "crop", "class", "predicted", "p_predicted",
                "explained_class", "method"));
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><meta charset=utf-8><title>Class activation maps</title>")
                .append("<style>body{font-family:sans-serif}figure{display:inline-block;margin:6px}")
                .append("figcaption{font-size:11px;max-width:300px}</style>")
                .append("<h1>Where the network looked</h1><p>Method: ").append(method == ClassActivationMaps.Method.CAM
                        ? "CAM (linear head: class weights on the last feature map)"
                        : "Grad-CAM (gradient of the class score on the last feature map)")
                .append(". Each picture: the crop as the network sees it, and the same crop with the map of the ")
                .append("explained class (red = strongest evidence). Sampled calls explain the predicted class; ")
                .append("class means average the maps of all crops of a class, each for its true class.</p>");
        for (int c = 0; c < k; c++) {
            String name = classes.get(c);
            html.append("<h2>").append(escape(name)).append("</h2>");
            if (count[c] > 0) {
                String png = "mean_" + safe(name) + ".png";
                PngWriter.write(dir.resolve(png), HeatOverlay.sideBySide(mean(greySum[c], count[c]),
                        mean(heatSum[c], count[c]), size, size, scale));
                index.add(png, "class mean", "", name, "", "", name, method.name());
                figure(html, png, "mean of " + count[c] + " crops");
            }
            Path classDir = dir.resolve(safe(name));
            for (boolean correct : new boolean[] {true, false}) {
                int n = 0;
                for (int i = 0; i < crops.size(); i++) {
                    if (!sampled[i] || truth[i] != c || (predicted[i] == c) != correct) continue;
                    Files.createDirectories(classDir);
                    String png = safe(name) + "/" + (correct ? "correct" : "wrong") + String.format(Locale.ROOT, "_%02d.png", ++n);
                    PngWriter.write(dir.resolve(png), HeatOverlay.sideBySide(sampleGrey[i], sampleHeat[i], size, size, scale));
                    String crop = datasetFolder.toAbsolutePath().normalize()
                            .relativize(crops.get(i).path().toAbsolutePath().normalize()).toString();
                    String p = String.format(Locale.ROOT, "%.3f", proba[i][predicted[i]]);
                    index.add(png, correct ? "correct" : "wrong", crop, name, classes.get(predicted[i]), p,
                            classes.get(predicted[i]), method.name());
                    figure(html, png, (correct ? "correct: " : "wrong: called " + escape(classes.get(predicted[i])) + ", ")
                            + "p " + p + "<br>" + escape(crop));
                }
                if (n == 0) html.append("<p>No ").append(correct ? "correct" : "wrong").append(" calls.</p>");
            }
        }
        index.write(dir.resolve("index.csv"));
        AtomicFiles.writeString(dir.resolve("index.html"), html.append("\n").toString());
    }

    /** A seeded pick of up to {@code perClass} correct and {@code perClass} wrong calls per true class. */
    static boolean[] sample(int[] truth, int[] predicted, int k, int perClass) {
        int n = truth.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(42);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[][] taken = new int[k][2];
        boolean[] out = new boolean[n];
        for (int i : order) {
            int outcome = truth[i] == predicted[i] ? 0 : 1;
            if (taken[truth[i]][outcome] < perClass) {
                taken[truth[i]][outcome]++;
                out[i] = true;
            }
        }
        return out;
    }

    private static float[] mean(double[] sum, int n) {
        float[] m = new float[sum.length];
        for (int i = 0; i < m.length; i++) m[i] = (float) (sum[i] / n);
        return m;
    }

    private static void figure(StringBuilder html, String png, String caption) {
        html.append("<figure><img src=\"").append(png).append("\"><figcaption>").append(caption)
                .append("</figcaption></figure>");
    }

    /** A class name as a file name: letters, digits, dot, dash and underscore kept, the rest '_'. */
    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
