package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.io.TiffWriter;
import org.karyo.io.plot.ThresholdHistogram;
import org.karyo.io.table.CsvTable;
import org.karyo.io.table.NucleusColumns;
import org.karyo.io.table.ResultStore;
import org.karyo.label.LabellingSettings;
import org.karyo.label.ReporterCall;
import org.karyo.label.ReporterLabelling;
import org.karyo.measure.NucleusMeasurement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "label", mixinStandardHelpOptions = true,
        description = {
                "Call each nucleus infected or uninfected from a reporter channel (\"machine labelling\").",
                "Segments the nuclear image, reads the reporter in each nucleus (or a ring around it), finds",
                "the cut between the two populations and writes into --out:",
                "  <name>.nuclei.csv       nuclei table (reporter_nucleus_* measured in the nucleus) plus reporter_mean",
                "                          (the value called, in --reporter-region) and infected (true/false)",
                "  <name>.labels.tif       label image",
                "  <name>.overlay.png      nuclei outlined green (infected) or blue (uninfected)",
                "  reporter_qc.png         histogram of reporter values with the cut: check it",
                "  labelling.json          the cut, how well it separates, and counts per image",
                "  karyo.duckdb            all nuclei in table 'nuclei'",
                "and for a --plate: wells.csv (infected fraction per well) and plate_infection.png (a heatmap)."})
final class LabelCommand implements Callable<Integer> {
    @Mixin
    FieldInputs inputs;

    @Option(names = "--reporter", paramLabel = "IMAGE",
            description = "Reporter (virus GFP, immunostain) image for each --nuclei image, in the same order.")
    List<Path> reporter = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the results.")
    Path out;

    @Mixin
    LabellingOptions labelling;

    @Mixin
    SegmentationOptions segmentation;

    @Override
    public Integer call() throws KaryoInputException, IOException {
        LabellingSettings settings = labelling.toSettings();
        List<Field> fields;
        try (NucleusFinder finder = segmentation.finder()) {
            fields = inputs.load(new FieldLoader(finder), reporter, true);
        }
        FieldCalls calls = FieldCalls.call(fields, settings, labelling.perImage);
        List<Path> tables = new ArrayList<>();
        for (Field f : fields) {
            Map<Integer, ReporterCall> byId = calls.byNucleus(f.name());
            CsvTable t = new CsvTable(NucleusColumns.header(columnPrefixes(f), List.of("reporter_mean", "infected")));
            for (NucleusMeasurement m : f.nuclei()) {
                ReporterCall c = byId.get(m.id());
                t.add(NucleusColumns.row(f.imageName(), m, f.channels(),
                        c == null ? Double.NaN : c.reporterMean(), c != null && c.infected()));
            }
            Path csv = out.resolve(f.name() + ".nuclei.csv");
            t.write(csv);
            tables.add(csv);
            TiffWriter.writeLabels(out.resolve(f.name() + ".labels.tif"), f.labels());
            Overlays.infection(out.resolve(f.name() + ".overlay.png"), f.dna(), f.labels(), byId);
        }
        for (Map.Entry<String, ReporterLabelling> e : calls.labellings().entrySet()) {
            String stem = labelling.perImage ? e.getKey() + ".reporter_qc.png" : "reporter_qc.png";
            ReporterLabelling l = e.getValue();
            ThresholdHistogram.write(out.resolve(stem), "Reporter per nucleus: " + l.method().name().toLowerCase()
                    + " cut, " + l.infectedCount() + "/" + l.calls().size() + " infected",
                    l.calls().stream().mapToDouble(ReporterCall::reporterMean).toArray(), l.threshold(), settings.logScale());
        }
        calls.writeSummary(out.resolve("labelling.json"), settings);
        if (fields.get(0).well() != null) {
            WellSummary.of(fields, calls).write(out.resolve("wells.csv"), out.resolve("plate_infection.png"));
        }
        ResultStore.write(out.resolve("karyo.duckdb"), Map.of("nuclei", tables));
        System.out.print(calls.describe());
        System.out.printf("wrote %s/<name>.{nuclei.csv,labels.tif,overlay.png}, reporter_qc.png, labelling.json, karyo.duckdb%n", out);
        return Karyo.EXIT_OK;
    }

    /**
     * reporter_mean names the value the call used (nucleus, ring or cell region), so the reporter's
     * in-nucleus statistics say where they were measured.
     */
    private static List<String> columnPrefixes(Field f) {
        return f.channels().stream().map(c -> c.equals("reporter") ? "reporter_nucleus" : c).toList();
    }
}
