package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.io.TiffWriter;
import org.karyo.simulate.CellTruth;
import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.FieldSimulator;
import org.karyo.simulate.SimulatedField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** 'karyo simulate field': still fields with a DNA and a reporter channel. */
@Command(name = "field",
        mixinStandardHelpOptions = true,
        versionProvider = KaryoVersion.class,
        description = {
                "Write still fields of nuclei with a reporter channel and instance labels.",
                "",
                "Files: fieldNNN_w1.tif (Hoechst), fieldNNN_w2.tif (reporter), fieldNNN_labels.tif (16-bit instance "
                        + "labels, 0 = background) and fieldNNN_cells.csv (per label: position, area, state "
                        + "interphase/mitotic/apoptotic, infected, virus, phenotype strength, reporter level).",
                "Defaults: 1024x1024, 20x, AdV, 20 % infected, confluence 0.23."})
final class SimulateFieldCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions options;

    @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "Number of fields (default: ${DEFAULT-VALUE}); field k uses seed + k.")
    int count;

    @Override
    public Integer call() throws Exception {
        if (count < 1) throw new KaryoInputException(null, "--count must be >= 1");
        FieldSettings settings = options.apply(FieldSettings.defaults());
        Path out = options.outputFolder();
        FieldSimulator sim = new FieldSimulator(settings);
        try (Progress progress = new Progress("fields", count, !options.noProgress && count > 1)) {
            for (int k = 0; k < count; k++) {
                String name = String.format("field%03d", k + 1);
                write(out, name, sim.simulate(options.seed + k));
                progress.step();
            }
        }
        SimulationManifest.write(out, "field", options.seed, settings);
        return Karyo.EXIT_OK;
    }

    static void write(Path out, String name, SimulatedField f) throws IOException {
        TiffWriter.writePlane(out.resolve(name + "_w1.tif"), f.dna());
        TiffWriter.writePlane(out.resolve(name + "_w2.tif"), f.reporter());
        TiffWriter.writeLabels(out.resolve(name + "_labels.tif"), f.labels());
        try (CsvStream csv = new CsvStream(out.resolve(name + "_cells.csv"), SimulationManifest.CELL_COLUMNS)) {
            for (CellTruth c : f.cells()) {
                csv.row(SimulationManifest.cellRow(c));
            }
            csv.commit();
        }
    }
}
