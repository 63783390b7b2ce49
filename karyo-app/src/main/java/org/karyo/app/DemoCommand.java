package org.karyo.app;

import org.karyo.KaryoInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "Run the whole pipeline on a freshly simulated infected plate, with no data needed:",
                "  1. simulate   a 2x6-well adenovirus plate (mock wells, then a dilution series of MOI)",
                "  2. label      segment every site, call infected nuclei from the GFP reporter, per-well heatmap",
                "  3. crops      a crop dataset for learning, grouped by well",
                "  4. check      every number against the simulator's ground truth",
                "and write DIR/report.html. Each step is an ordinary karyo command; the report lists them."})
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for everything the demo writes (must be empty or new).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated plate (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "512", paramLabel = "PX", description = "Site size in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        String plate = "DEMO";
        List<List<String>> steps = List.of(
                List.of("simulate", "plate", "--out", plateDir.toString(), "--plate-name", plate, "--rows", "2", "--columns", "6",
                        "--size", Integer.toString(size), "--seed", Long.toString(seed)),
                List.of("label", "--plate", plateDir.resolve(plate).toString(), "--reporter-region", "cell", "--out", labelled.toString()),
                List.of("crops", "--plate", plateDir.resolve(plate).toString(), "--reporter-region", "cell", "--group", "well",
                        "--out", dataset.toString()));
        for (List<String> step : steps) {
            System.out.println("karyo " + String.join(" ", step));
            int code = Karyo.commandLine().execute(step.toArray(String[]::new));
            if (code != Karyo.EXIT_OK) {
                System.err.println("demo: step '" + step.get(0) + "' failed with exit code " + code);
                return code;
            }
        }
        System.out.println("checking against the simulator's ground truth");
        SimulatedTruthCheck check = SimulatedTruthCheck.run(plateDir.resolve(plate), plate, labelled);
        Path report = out.resolve("report.html");
        DemoReport.write(report, steps, check, labelled, dataset);
        System.out.printf(java.util.Locale.ROOT, "segmentation F1@0.5 %.3f; infected call accuracy %.3f over %d matched nuclei%n",
                check.segmentation.f1(), check.accuracy(), check.matched());
        System.out.println("wrote " + report);
        return Karyo.EXIT_OK;
    }
}
