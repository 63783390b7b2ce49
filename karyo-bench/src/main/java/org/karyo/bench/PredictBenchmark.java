package org.karyo.bench;

import org.karyo.app.Karyo;
import org.karyo.crop.CropExtractor;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;
import org.karyo.io.TiffWriter;
import org.karyo.learn.bundle.ModelBundle;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.NucleusMeasurer;
import org.karyo.segment.NucleusSegmenter;
import org.karyo.segment.Segmentation;
import org.karyo.segment.SegmentationSettings;
import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.FieldSimulator;
import org.karyo.simulate.SimulatedField;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code karyo predict} end to end (image in, table and overlay out) against a Python pipeline doing the same steps
 * with scikit-image and PyTorch ({@code python/predict_pipeline.py}), on one 2048x2048 16-bit simulated field, same
 * run, medians after a warm-up. The model is the compact CNN trained for one epoch on small simulated fields: its
 * weights do not change the cost, only its architecture and crop size do, and Python runs the same architecture.
 * A per-step split shows where the time goes on each side.
 *
 * <p>Usage: {@code PredictBenchmark [--repeats N] [--python PATH]}
 */
public final class PredictBenchmark {
    private PredictBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = 5;
        String python = "/usr/bin/python3";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--python" -> python = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path tmp = Files.createTempDirectory("karyo-bench-predict");
        try {
            Path model = trainSmallModel(tmp);
            SimulatedField f = new FieldSimulator(FieldSettings.defaults().withSize(2048, 2048)).simulate(7);
            Path image = tmp.resolve("field.tif");
            TiffWriter.writePlane(image, f.dna());

            Path javaOut = tmp.resolve("java-out");
            String[] predict = {"predict", "--model", model.toString(), image.toString(), "--out", javaOut.toString(),
                    "--no-progress"};
            check(Karyo.run(predict));
            double[] ms = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                check(Karyo.run(predict));
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            double javaMs = median(ms);
            long javaNuclei;
            try (Stream<String> lines = Files.lines(javaOut.resolve("field.cells.csv"))) {
                javaNuclei = lines.count() - 1;
            }
            Map<String, Double> javaSteps = javaSteps(image, model, repeats);

            Plane dna = ImageFileReader.readPlane(image);
            double d = new NucleusSegmenter(SegmentationSettings.DEFAULTS).segment(dna).diameter();
            int size = ModelBundle.readInfo(model).inputSize();
            Path pyOut = Files.createDirectories(tmp.resolve("py-out"));
            String py = PythonReference.run(python, "karyo-bench/python/predict_pipeline.py", image.toString(),
                    String.format(Locale.ROOT, "%.3f", d), Integer.toString(size), pyOut.toString(), Integer.toString(repeats));
            double pyMs = PythonReference.number(py, "median_ms");
            int pyNuclei = (int) PythonReference.number(py, "nuclei");

            System.out.printf(Locale.ROOT, "`karyo predict` on one 2048x2048 16-bit simulated field (20x, %d true nuclei), "
                    + "compact CNN at %d px, batch 32; median of %d after warm-up, same run. In-process on both sides "
                    + "(JVM and Python start-up not counted).%n%n", f.labels().count(), size, repeats);
            System.out.println("| pipeline | ms per field | nuclei | nuclei/s |");
            System.out.println("|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| Karyo `predict` (segment, measure, crop, classify, write CSV + overlay) | %.0f | %d | %.0f |%n",
                    javaMs, javaNuclei, javaNuclei / (javaMs / 1000));
            System.out.printf(Locale.ROOT, "| Python: scikit-image + PyTorch %s, same steps and scales | %.0f | %d | %.0f |%n",
                    pythonTorchVersion(python), pyMs, pyNuclei, pyNuclei / (pyMs / 1000));
            System.out.printf(Locale.ROOT, "%n**End-to-end speed-up: %.2fx** (Python ms / Karyo ms, same run).%n%n", pyMs / javaMs);
            System.out.println("Where the time goes (median ms per step; the Karyo split is measured through the library calls "
                    + "`predict` makes):");
            System.out.println();
            System.out.println("| step | Karyo | Python |");
            System.out.println("|---|---|---|");
            System.out.printf(Locale.ROOT, "| read image | %.0f | %.0f |%n", javaSteps.get("read"), step(py, "read"));
            System.out.printf(Locale.ROOT, "| segment + measure | %.0f | %.0f |%n", javaSteps.get("segment"),
                    step(py, "segment") + step(py, "measure"));
            System.out.printf(Locale.ROOT, "| crop | %.0f | %.0f |%n", javaSteps.get("crop"), step(py, "crop"));
            System.out.printf(Locale.ROOT, "| classify | %.0f | %.0f |%n", javaSteps.get("classify"), step(py, "classify"));
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    /** A compact-CNN bundle from two small simulated fields, one epoch: enough for a model of the real shape. */
    private static Path trainSmallModel(Path tmp) {
        Path sim = tmp.resolve("sim");
        check(Karyo.run("simulate", "field", "--out", sim.toString(), "--count", "2", "--size", "512", "--seed", "3",
                "--infected", "0.4", "--no-progress"));
        check(Karyo.run("crops", "--nuclei", sim.resolve("field001_w1.tif").toString(),
                "--reporter", sim.resolve("field001_w2.tif").toString(),
                "--nuclei", sim.resolve("field002_w1.tif").toString(),
                "--reporter", sim.resolve("field002_w2.tif").toString(),
                "--out", tmp.resolve("crops").toString()));
        Path model = tmp.resolve("model");
        check(Karyo.run("train", tmp.resolve("crops").toString(), "--model", model.toString(), "--epochs", "1",
                "--no-progress"));
        return model;
    }

    private static Map<String, Double> javaSteps(Path image, Path model, int repeats) throws Exception {
        double[][] t = new double[4][repeats + 1];
        try (ModelBundle bundle = ModelBundle.open(model)) {
            NucleusSegmenter segmenter = new NucleusSegmenter(SegmentationSettings.DEFAULTS);
            NucleusMeasurer measurer = new NucleusMeasurer();
            CropExtractor extractor = new CropExtractor(bundle.info().cropRecipe());
            for (int r = 0; r <= repeats; r++) { // r = 0 is the warm-up
                long t0 = System.nanoTime();
                Plane dna = ImageFileReader.readPlane(image);
                long t1 = System.nanoTime();
                Segmentation seg = segmenter.segment(dna);
                List<NucleusMeasurement> found = measurer.measure(seg.labels(), Map.of("dna", dna));
                long t2 = System.nanoTime();
                float bg = CropExtractor.backgroundLevel(dna, seg.labels());
                List<Plane> crops = new ArrayList<>(found.size());
                for (NucleusMeasurement m : found) crops.add(extractor.crop(dna, seg.labels(), m.id(), m.shape(), bg));
                long t3 = System.nanoTime();
                bundle.predictProba(crops);
                long t4 = System.nanoTime();
                t[0][r] = (t1 - t0) / 1e6;
                t[1][r] = (t2 - t1) / 1e6;
                t[2][r] = (t3 - t2) / 1e6;
                t[3][r] = (t4 - t3) / 1e6;
            }
        }
        return Map.of("read", median(Arrays.copyOfRange(t[0], 1, repeats + 1)),
                "segment", median(Arrays.copyOfRange(t[1], 1, repeats + 1)),
                "crop", median(Arrays.copyOfRange(t[2], 1, repeats + 1)),
                "classify", median(Arrays.copyOfRange(t[3], 1, repeats + 1)));
    }

    private static void check(int exit) {
        if (exit != 0) throw new IllegalStateException("karyo exited with " + exit);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String pythonTorchVersion(String python) {
        try {
            return PythonReference.run(python, "-c", "import torch; print(torch.__version__)").trim();
        } catch (Exception e) {
            return "?";
        }
    }

    private static double step(String json, String key) {
        return PythonReference.number(json.substring(json.indexOf("\"steps\"")), key);
    }
}
