package org.karyo.app;

import org.karyo.KaryoInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "Run the whole pipeline on a freshly simulated infected plate, with no data needed:",
                "  1. simulate   a 2x6-well adenovirus plate (mock wells, then a dilution series of MOI)",
                "  2. label      segment every site, call infected nuclei from the GFP reporter, per-well heatmap",
                "  3. crops      a crop dataset for learning, grouped by well",
                "  4. train      a compact CNN that sees only the Hoechst crop (about --train-minutes on CPU; held-out wells)",
                "  5. evaluate   accuracy, AUC with bootstrap intervals, ROC, confusion, calibration on the held-out wells",
                "  6. predict    a second, unseen plate from its Hoechst images alone",
                "  7. check      every number against the simulator's ground truth",
                "and write DIR/report.html. Each step is an ordinary karyo command; the report lists them."})
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Mixin
    DeviceOption device;

    @picocli.CommandLine.Mixin
    InferenceOption inference;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for everything the demo writes (must be empty or new).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated plate (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "512", paramLabel = "PX", description = "Site size in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--train-minutes", defaultValue = "2", paramLabel = "M",
            description = "Wall-time limit for training; the best epoch so far is kept (default: ${DEFAULT-VALUE}).")
    double trainMinutes;

    @Option(names = "--epochs", defaultValue = "12", paramLabel = "N", description = "Most training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--no-progress", description = "No progress bars in any step (for scripts and logs).")
    boolean noProgress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every step draws progress bars (simulate, label, crops, train, evaluate), so each is told not to. */
    private static List<String> withoutProgress(List<String> step) {
        List<String> out = new ArrayList<>(step);
        out.add("--no-progress");
        return List.copyOf(out);
    }

    @Override
    public Integer call() throws KaryoInputException, IOException {
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) throw new KaryoInputException(out, "demo folder exists and is not empty; choose another --out");
            }
        }
        Path plateDir = out.resolve("plate");
        Path labelled = out.resolve("labels");
        Path dataset = out.resolve("dataset");
        Path model = out.resolve("model");
        Path evaluation = out.resolve("evaluation");
        Path unseenDir = out.resolve("unseen");
        Path predictions = out.resolve("predictions");
        String plate = "DEMO";
        String unseen = "UNSEEN";
        List<List<String>> steps = new ArrayList<>(List.of(
                List.of("simulate", "plate", "--out", plateDir.toString(), "--plate-name", plate, "--rows", "2", "--columns", "6",
                        "--size", Integer.toString(size), "--seed", Long.toString(seed)),
                List.of("label", "--plate", plateDir.resolve(plate).toString(), "--reporter-region", "cell", "--out", labelled.toString()),
                List.of("crops", "--plate", plateDir.resolve(plate).toString(), "--reporter-region", "cell", "--group", "well",
                        "--out", dataset.toString()),
                List.of("train", dataset.toString(), "--model", model.toString(), "--minutes", Double.toString(trainMinutes),
                        "--epochs", Integer.toString(epochs)),
                List.of("evaluate", "--model", model.toString(), dataset.toString(), "--out", evaluation.toString()),
                List.of("simulate", "plate", "--out", unseenDir.toString(), "--plate-name", unseen, "--rows", "1", "--columns", "6",
                        "--size", Integer.toString(size), "--seed", Long.toString(seed + 1000))));
        if (noProgress) steps.replaceAll(DemoCommand::withoutProgress);
        for (List<String> step : steps) {
            System.out.println("karyo " + String.join(" ", step));
            int code = Karyo.commandLine().execute(step.toArray(String[]::new));
            if (code != Karyo.EXIT_OK) {
                System.err.println("demo: step '" + step.get(0) + "' failed with exit code " + code);
                return code;
            }
        }
        // The unseen plate's file names are known only once it exists.
        List<String> predict = new ArrayList<>(List.of("predict", "--model", model.toString(), "--out", predictions.toString()));
        try (Stream<Path> files = Files.list(unseenDir.resolve(unseen).resolve("TimePoint_1"))) {
            files.filter(f -> f.getFileName().toString().endsWith("_w1.tif")).sorted().forEach(f -> predict.add(f.toString()));
        }
        if (noProgress) predict.add(1, "--no-progress");
        steps.add(predict);
        System.out.println("karyo " + String.join(" ", predict));
        int code = Karyo.commandLine().execute(predict.toArray(String[]::new));
        if (code != Karyo.EXIT_OK) {
            System.err.println("demo: step 'predict' failed with exit code " + code);
            return code;
        }
        System.out.println("checking against the simulator's ground truth");
        SimulatedTruthCheck check = SimulatedTruthCheck.run(plateDir.resolve(plate), plate, labelled);
        Path report = out.resolve("report.html");
        UnseenPlateCheck unseenCheck = UnseenPlateCheck.run(unseenDir.resolve(unseen), predictions);
        DemoReport.write(report, steps, check, labelled, dataset, unseenCheck);
        System.out.printf(java.util.Locale.ROOT, "segmentation F1@0.5 %.3f; infected call accuracy %.3f over %d matched nuclei%n",
                check.segmentation.f1(), check.accuracy(), check.matched());
        System.out.printf(java.util.Locale.ROOT, "unseen plate, from Hoechst alone: infected fraction predicted %.3f, true %.3f over %d wells%n",
                unseenCheck.predictedFraction(), unseenCheck.trueFraction(), unseenCheck.wells().size());
        System.out.println("wrote " + report);
        return Karyo.EXIT_OK;
    }
}
