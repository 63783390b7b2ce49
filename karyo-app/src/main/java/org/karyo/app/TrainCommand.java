package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.learn.bundle.BundleInfo;
import org.karyo.learn.model.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {
                "Train a classifier on nucleus crops (CPU, offline).",
                "DATASET is a folder written by 'karyo crops' (manifest.csv: the group column keeps each image",
                "in one split) or any folder with one sub-folder of PNG/TIFF crops per class (each file its own",
                "group, or as --group-pattern says). Crops are split 70/15/15 into train/validation/test by group, keeping class mixes;",
                "training keeps the epoch with the lowest validation loss and stops when it no longer improves.",
                "Writes the model folder --model:",
                "  bundle.json     network, classes, input size, normalisation, crop recipe, training settings,",
                "                  data fingerprint, test metrics, versions",
                "  weights.params  the weights",
                "  history.csv     loss and accuracy per epoch;  training.png  the training curves",
                "While training, OUT/checkpoint.karyo is rewritten after every epoch; after a kill, run the same command",
                "with --resume to continue where it stopped (same epochs, same result). The finished model replaces it."})
final class TrainCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DeviceOption device;

    @Parameters(index = "0", paramLabel = "DATASET", description = "Crop dataset folder.")
    Path dataset;

    @Option(names = "--model", required = true, paramLabel = "OUT", description = "Model folder to write (replaced if it holds a model).")
    Path model;

    @Option(names = "--arch", defaultValue = "compact", paramLabel = "compact|resnet18|resnet34|resnet50|mlp", description = {
            "Network: 'compact' (default; 4 conv blocks, ~0.4 M weights, for 32-96 px crops), a ResNet",
            "(the study used resnet50 at 224 px: hours per epoch on a laptop CPU) or 'mlp' (3 dense layers on pixels)."})
    String arch;

    @Option(names = "--size", defaultValue = "0", paramLabel = "N",
            description = "Network input side in pixels; crops are resized to it. 0 (default): the crops' own size.")
    int size;

    @Option(names = "--epochs", defaultValue = "30", paramLabel = "N", description = "Most epochs to run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--minutes", defaultValue = "0", paramLabel = "M",
            description = "Stop after the epoch that crosses M minutes; 0 = no limit (default).")
    double minutes;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seeds split, weights, sampling, augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split-seed", paramLabel = "S", description = {"Seeds only the split (default: --seed). Models that differ",
            "only in --seed but share --split-seed hold out the same crops, so they can be evaluated as an ensemble."})
    Long splitSeed;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "Crops per update (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--group-pattern", paramLabel = "REGEX", description = {
            "For folders of class sub-folders: the group of a crop is the first capture group of REGEX found in its",
            "file name, so all crops of a patient or image stay in one split, e.g. '^(C\\d+)' for the NIH malaria",
            "patients. A file name without a match is its own group. Ignored when a manifest.csv names the groups."})
    String groupPattern;

    @Option(names = "--baselines", description = {
            "Also train, on the same split, the baselines: an MLP on pixels (3 dense layers, same settings) and a",
            "random forest on hand-made crop features (intensity moments and percentiles, thresholded-object shape,",
            "rim/centre and radial profile, texture). Kept in OUT/baselines/; 'karyo evaluate' scores them beside",
            "the model. The MLP gets the model's epochs and time limit, so this can double the training time."})
    boolean baselines;

    @Option(names = "--init", paramLabel = "FILE", description = {
            "Start from these weights instead of random ones: a model folder from 'karyo train' or a DJL .params file",
            "(Karyo's stream or DJL's Model.save) of the same network (--arch, head, 1 input channel). With another",
            "class count the head starts afresh. Or a PyTorch state dict of a torchvision ResNet (torch.save of",
            "model.state_dict(), e.g. ImageNet weights you have as a .pth file) with the matching --arch: the backbone",
            "is loaded with ImageNet's normalisation folded into the first layer, the head starts afresh.",
            "Recorded in bundle.json (result.initial_weights)."})
    Path init;

    @Option(names = "--resume", description = {
            "Continue the interrupted training whose checkpoint is in OUT (give the same DATASET and options;",
            "a checkpoint of other data or settings is refused)."})
    boolean resume;

    @Option(names = "--no-progress", description = "No progress bars (scripts, logs).")
    boolean noProgress;

    @Override
    public Integer call() throws KaryoInputException, IOException {
        ModelTraining.Outcome o = ModelTraining.run(new ModelTraining.Request(dataset, model, architecture(arch), size,
                epochs, minutes, seed, batch, !noProgress, groupPattern, baselines, init, resume, splitSeed));
        BundleInfo i = o.info();
        Double acc = i.metrics().get("accuracy");
        Double auc = i.metrics().get("auc");
        System.out.printf(Locale.ROOT, "trained %s on %d crops, %d epoch(s), best %d, %.0f s; test: %s; wrote %s%n",
                i.model().architecture().name().toLowerCase(Locale.ROOT), i.data().crops(), i.result().epochsRun(),
                i.result().bestEpoch(), i.result().seconds(),
                acc == null ? "no test split" : String.format(Locale.ROOT, "accuracy %.3f, AUC %s (n=%d)", acc,
                        auc == null ? "n/a" : String.format(Locale.ROOT, "%.3f", auc), i.data().test()),
                model);
        if (i.baselines() != null) {
            i.baselines().forEach((name, m) -> System.out.printf(Locale.ROOT, "  baseline %s: test accuracy %s, AUC %s%n",
                    name, EvaluateCommand.f(m.get("accuracy")), EvaluateCommand.f(m.get("auc"))));
        }
        return Karyo.EXIT_OK;
    }

    static Architecture architecture(String name) throws KaryoInputException {
        try {
            return Architecture.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, "--arch must be compact, resnet18, resnet34, resnet50 or mlp, not '" + name + "'");
        }
    }
}
