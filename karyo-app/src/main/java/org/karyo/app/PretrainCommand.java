package org.karyo.app;

import org.karyo.AtomicFiles;
import org.karyo.KaryoInputException;
import org.karyo.io.plot.LinePlot;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.ContrastivePretrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** 'karyo pretrain': self-supervised starting weights from unlabelled crops, for 'karyo train --init'. */
@Command(name = "pretrain", mixinStandardHelpOptions = true, versionProvider = KaryoVersion.class,
        description = {
                "Learn starting weights from crops without using their labels (SimCLR's contrastive task: tell the other",
                "augmented view of each crop among all views of a batch), the offline stand-in for ImageNet weights.",
                "DATASET is read as 'karyo train' reads it; class folders are ignored. Use crops the final test will not see.",
                "Writes into --out a model folder (classifier.properties, weights.params) for 'karyo train --init OUT' with",
                "the same --arch and --size, plus pretraining.csv and pretraining.png (loss per epoch; chance is ln(2B-1))."})
final class PretrainCommand implements Callable<Integer> {
    @Mixin
    DeviceOption device;

    @Parameters(paramLabel = "DATASET", description = "Crops: a 'karyo crops' dataset or any folder of class sub-folders.")
    Path dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (must not exist or be empty).")
    Path out;

    @Option(names = "--arch", defaultValue = "compact", paramLabel = "compact|resnet18|resnet34|resnet50",
            description = "Network, as 'karyo train --arch' (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--size", defaultValue = "0", paramLabel = "N", description = "Input side, as 'karyo train --size' (default: the crops' size).")
    int size;

    @Option(names = "--epochs", defaultValue = "20", paramLabel = "N", description = "Passes over the crops (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--minutes", defaultValue = "0", paramLabel = "M", description = "Stop after the epoch that passes M minutes (default: no limit).")
    double minutes;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "N", description = "Crops per batch, two views each (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--temperature", defaultValue = "0.2", paramLabel = "T", description = "Contrastive temperature (default: ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seeds weights, batches and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-progress", description = "No progress bars.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        Architecture architecture = TrainCommand.architecture(arch);
        if (architecture == Architecture.MLP) throw new KaryoInputException(null, "--arch mlp has no convolutional trunk to pretrain");
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) throw new KaryoInputException(out, "exists and is not empty; choose another --out");
            }
        }
        DatasetInput in = DatasetInput.read(dataset);
        List<Crop> crops = in.crops().crops();
        ModelSpec spec = ModelTraining.spec(architecture, size, 2, in);
        ContrastivePretrainer.Settings d = ContrastivePretrainer.Settings.DEFAULT;
        ContrastivePretrainer.Settings settings;
        try {
            settings = new ContrastivePretrainer.Settings(epochs, batch, d.learningRate(), temperature, d.projection(), minutes,
                    d.augmentation(), seed);
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, e.getMessage());
        }
        if (crops.size() < batch) throw new KaryoInputException(dataset, crops.size() + " crops for a batch of " + batch + "; lower --batch");
        System.err.printf(Locale.ROOT, "pretraining %s at %d px on %d crops, batch %d (chance loss %.2f)%n",
                spec.architecture().name().toLowerCase(Locale.ROOT), spec.inputSize(), crops.size(), batch, Math.log(2.0 * batch - 1));
        ContrastivePretrainer.Result r;
        try (ModelTraining.EpochBars bars = new ModelTraining.EpochBars(epochs, !noProgress)) {
            r = ContrastivePretrainer.pretrain(crops, spec, PercentileScaling.DEFAULT, settings, bars);
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = AtomicFiles.siblingDirectory(out);
        try (var network = r.network()) {
            network.save(staging);
            StringBuilder csv = new StringBuilder("epoch,loss\n");
            double[] x = new double[r.epochLoss().size()], y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = r.epochLoss().get(i);
                csv.append(String.format(Locale.ROOT, "%d,%.5f%n", i + 1, y[i]));
            }
            Files.writeString(staging.resolve("pretraining.csv"), csv);
            LinePlot.write(staging.resolve("pretraining.png"), 700, 320, List.of(new LinePlot.Panel("Contrastive pretraining",
                    "epoch", "NT-Xent loss", List.of(LinePlot.Line.of("loss", x, y)), Double.NaN, Double.NaN)));
            if (Files.exists(out)) Files.delete(out); // empty, checked above
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging)) {
                try (Stream<Path> s = Files.walk(staging)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        System.out.printf(Locale.ROOT, "pretrained %d epochs in %.0f s, loss %.3f -> %.3f (chance %.2f); wrote %s (use: karyo train ... --init %s)%n",
                r.epochLoss().size(), r.seconds(), r.epochLoss().get(0), r.epochLoss().get(r.epochLoss().size() - 1),
                Math.log(2.0 * batch - 1), out, out);
        return Karyo.EXIT_OK;
    }
}
