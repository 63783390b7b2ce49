package org.karyo.bench;

import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.infer.OnnxRuntimePredictor;
import org.karyo.learn.train.Classifier;
import org.karyo.learn.train.TrainingThroughput;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inference throughput of Karyo's networks (DJL + PyTorch natives) against the same networks in Python
 * PyTorch, batch 32, 1-channel input, random weights, pre-rendered input, in the same run: for each case the
 * sides alternate {@code repeats} times and the medians are compared, so machine noise hits all alike. For
 * inference a third side is the same network exported to ONNX ({@code karyo export}) run by ONNX Runtime in
 * this process (CPU, 2 intra-op threads).
 *
 * Training is timed the same way: Adam steps on one batch (forward, loss, backward, update), no augmentation.
 *
 * <p>Usage: {@code NetworkBenchmark [--seconds 10] [--repeats 3] [--cases COMPACT:64,RESNET18:224,...]
 * [--train-cases COMPACT:64,...] [--python /usr/bin/python3]}
 */
public final class NetworkBenchmark {
    private NetworkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 10;
        int repeats = 3;
        String cases = "COMPACT:64,COMPACT:224,RESNET18:64,RESNET18:224,RESNET50:224";
        // ResNet-50 at 224² trains at well under one image per second here: minutes per repeat on 2 cores.
        String trainCases = "COMPACT:64,RESNET18:64,RESNET18:224";
        String python = "/usr/bin/python3";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--cases" -> cases = args[++i];
                case "--train-cases" -> trainCases = args[++i];
                case "--python" -> python = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "Inference, batch 32, 1-channel input, random weights; median of %d alternating runs of %.0f s each.%n%n",
                repeats, seconds);
        table(cases, "infer", repeats, seconds, python);
        if (trainCases.isBlank()) return;
        System.out.printf(Locale.ROOT, "%nTraining, batch 32, Adam steps on one batch (forward, loss, backward, update), no augmentation; "
                + "median of %d alternating runs of %.0f s each.%n%n", repeats, seconds);
        table(trainCases, "train", repeats, seconds, python);
    }

    /** One markdown table: for each ARCH:SIZE case, Karyo and Python alternate {@code repeats} times; medians compared. */
    private static void table(String cases, String mode, int repeats, double seconds, String python) throws Exception {
        boolean infer = mode.equals("infer");
        System.out.println(infer
                ? "| network | input | Karyo (DJL) images/s | PyTorch (Python) images/s | Karyo / PyTorch | Karyo (ONNX Runtime) images/s | ONNX Runtime / PyTorch |"
                : "| network | input | Karyo (DJL) images/s | PyTorch (Python) images/s | Karyo / PyTorch |");
        System.out.println(infer ? "|---|---|---|---|---|---|---|" : "|---|---|---|---|---|");
        for (String c : cases.split(",")) {
            String[] p = c.split(":");
            Architecture arch = Architecture.valueOf(p[0]);
            int size = Integer.parseInt(p[1]);
            ModelSpec spec = arch == Architecture.COMPACT ? ModelSpec.compact(1, 2, size) : ModelSpec.resnet(arch, 1, 2, size);
            double[] java = new double[repeats];
            double[] torch = new double[repeats];
            double[] onnx = new double[repeats];
            List<float[]> batch = batch(size);
            int[] labels = new int[batch.size()];
            for (int i = 0; i < labels.length; i++) labels[i] = i % 2;
            for (int r = 0; r < repeats; r++) {
                // A fresh network each repeat: training changes its weights, and inference should not see that.
                try (Classifier classifier = Classifier.initialized(spec, List.of("a", "b"), PercentileScaling.DEFAULT, 1)) {
                    java[r] = mode.equals("train")
                            ? TrainingThroughput.imagesPerSecond(classifier, batch, labels, seconds)
                            : javaRate(classifier, batch, seconds);
                    if (infer) onnx[r] = onnxRate(classifier, batch, seconds);
                }
                torch[r] = pythonRate(python, mode, arch, size, seconds);
            }
            double j = median(java);
            double t = median(torch);
            String row = String.format(Locale.ROOT, "| %s | %d² | %.1f | %.1f | %.2f× |", arch.name().toLowerCase(Locale.ROOT), size, j, t, j / t);
            if (infer) row += String.format(Locale.ROOT, " %.1f | %.2f× |", median(onnx), median(onnx) / t);
            System.out.println(row);
        }
    }

    private static List<float[]> batch(int size) {
        SplittableRandom random = new SplittableRandom(1);
        List<float[]> batch = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            float[] img = new float[size * size];
            for (int k = 0; k < img.length; k++) img[k] = (float) random.nextDouble();
            batch.add(img);
        }
        return batch;
    }

    /** What 'karyo predict' runs on a CPU: the network exported in memory and run by ONNX Runtime, timed like the DJL side. */
    private static double onnxRate(Classifier c, List<float[]> batch, double seconds) {
        try (OnnxRuntimePredictor p = new OnnxRuntimePredictor(c)) {
            p.predictRendered(batch, batch.size()); // warm-up: the first runs plan and allocate
            p.predictRendered(batch, batch.size());
            long t0 = System.nanoTime();
            int batches = 0;
            while (batches < 3 || (System.nanoTime() - t0) / 1e9 < seconds) {
                p.predictRendered(batch, batch.size());
                batches++;
            }
            return batch.size() * (double) batches / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double javaRate(Classifier c, List<float[]> batch, double seconds) {
        c.predictRendered(batch); // warm-up: first calls pick kernels and allocate
        c.predictRendered(batch);
        long t0 = System.nanoTime();
        int batches = 0;
        while (batches < 3 || (System.nanoTime() - t0) / 1e9 < seconds) {
            c.predictRendered(batch);
            batches++;
        }
        return 32.0 * batches / ((System.nanoTime() - t0) / 1e9);
    }

    private static double pythonRate(String python, String mode, Architecture arch, int size, double seconds) throws Exception {
        String name = switch (arch) {
            case COMPACT -> "compact";
            case RESNET18 -> "resnet18";
            case RESNET34 -> "resnet34";
            case RESNET50 -> "resnet50";
            case MLP -> throw new IllegalArgumentException("the PyTorch comparison has no MLP");
        };
        ProcessBuilder pb = new ProcessBuilder(python, Path.of("karyo-bench/python/torch_networks.py").toString(), mode, name,
                Integer.toString(size), Double.toString(seconds));
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().reduce("", (a, b) -> a + b + "\n");
        }
        if (p.waitFor() != 0) throw new IllegalStateException("python failed: " + out);
        Matcher m = Pattern.compile("\"images_per_s\": ([0-9.eE+-]+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("no rate in python output: " + out);
        return Double.parseDouble(m.group(1));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
