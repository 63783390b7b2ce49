package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.io.TiffWriter;
import org.karyo.simulate.CellTruth;
import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.Plaque;
import org.karyo.simulate.PlateSettings;
import org.karyo.simulate.PlateSimulator;
import org.karyo.simulate.PlateSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** 'karyo simulate plate': an IXM-layout plate with an MOI dilution series and plaques. */
@Command(name = "plate",
        mixinStandardHelpOptions = true,
        versionProvider = KaryoVersion.class,
        description = {
                "Write a plate in ImageXpress layout with an MOI series and plaques.",
                "",
                "Images: <out>/<plate>/TimePoint_<t>/<plate>_<well>_s<site>_w1.tif (Hoechst) and _w2.tif (reporter). "
                        + "Ground truth in <out>/<plate>/groundtruth/: TimePoint_<t>/<plate>_<well>_s<site>_labels.tif, "
                        + "cells.csv (per cell, with plaque membership), plaques.csv and wells.csv (MOI per well).",
                "Column 1 is mock; column 2 gets --moi, each further column --dilution times the one before; "
                        + "rows are replicates. Plaques grow from lysed founders after --lysis-hpi: comets for adv, "
                        + "round for hsv.",
                "Defaults: 8x12 wells, 1 site, 512x512 sites, 1 time point at 72 h post infection."})
final class SimulatePlateCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions options;

    @Option(names = "--plate-name", defaultValue = "SIM", paramLabel = "NAME", description = "Plate name in file names (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--rows", defaultValue = "8", paramLabel = "N", description = "Plate rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--columns", defaultValue = "12", paramLabel = "N", description = "Plate columns (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--sites", defaultValue = "1", paramLabel = "N", description = "Sites per well (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--time-points", defaultValue = "1", paramLabel = "N", description = "Time points (default: ${DEFAULT-VALUE}).")
    int timePoints;

    @Option(names = "--first-hpi", defaultValue = "72", paramLabel = "H", description = "Hours post infection at time point 1 (default: ${DEFAULT-VALUE}).")
    double firstHpi;

    @Option(names = "--hours-between", defaultValue = "24", paramLabel = "H", description = "Hours between time points (default: ${DEFAULT-VALUE}).")
    double between;

    @Option(names = "--moi", defaultValue = "1.0", paramLabel = "MOI", description = "MOI of column 2 (default: ${DEFAULT-VALUE}).")
    double moi;

    @Option(names = "--dilution", defaultValue = "0.5", paramLabel = "F", description = "MOI factor per column (default: ${DEFAULT-VALUE}).")
    double dilution;

    @Option(names = "--spreader-fraction", defaultValue = "0.25", paramLabel = "F", description = "Fraction of infected cells that lyse and found plaques (default: ${DEFAULT-VALUE}).")
    double spreaders;

    @Option(names = "--lysis-hpi", defaultValue = "48", paramLabel = "H", description = "When founders lyse and plaques start growing (default: ${DEFAULT-VALUE}).")
    double lysisHpi;

    @Option(names = "--plaque-growth", defaultValue = "8", paramLabel = "UM_PER_H", description = "Plaque radius growth, µm per hour (default: ${DEFAULT-VALUE}).")
    double growth;

    @Override
    public Integer call() throws Exception {
        PlateSettings d = PlateSettings.defaults();
        FieldSettings field = options.apply(d.field());
        PlateSettings settings;
        try {
            settings = new PlateSettings(name, rows, columns, sites, timePoints, firstHpi, between, moi, dilution,
                    spreaders, lysisHpi, growth, field);
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, e.getMessage());
        }
        Path plateDir = options.outputFolder().resolve(name);
        Path truth = plateDir.resolve("groundtruth");
        PlateSimulator sim = new PlateSimulator(settings);
        try (Progress progress = new Progress("plate " + name, sim.siteCount(), !options.noProgress);
             CsvStream cells = new CsvStream(truth.resolve("cells.csv"), cellColumns());
             CsvStream plaques = new CsvStream(truth.resolve("plaques.csv"), "time_point", "hpi", "well", "site",
                     "plaque", "x", "y", "radius_px", "virus", "flow_angle_deg");
             CsvStream wells = new CsvStream(truth.resolve("wells.csv"), "well", "row", "column", "moi")) {
            for (int r = 0; r < rows; r++) {
                for (int c = 1; c <= columns; c++) {
                    wells.row(PlateSettings.wellName(r, c), r + 1, c, settings.moi(c));
                }
            }
            sim.run(options.seed, site -> {
                String stem = name + "_" + site.well() + "_s" + site.site();
                Path tp = plateDir.resolve("TimePoint_" + site.timePoint());
                TiffWriter.writePlane(tp.resolve(stem + "_w1.tif"), site.field().dna());
                TiffWriter.writePlane(tp.resolve(stem + "_w2.tif"), site.field().reporter());
                TiffWriter.writeLabels(truth.resolve("TimePoint_" + site.timePoint()).resolve(stem + "_labels.tif"),
                        site.field().labels());
                writeTruth(site, cells, plaques);
                progress.step();
            });
            wells.commit();
            cells.commit();
            plaques.commit();
        }
        SimulationManifest.write(plateDir, "plate", options.seed, settings);
        return Karyo.EXIT_OK;
    }

    private static String[] cellColumns() {
        String[] base = SimulationManifest.CELL_COLUMNS;
        String[] out = new String[base.length + 5];
        System.arraycopy(new String[] {"time_point", "hpi", "well", "site", "moi"}, 0, out, 0, 5);
        System.arraycopy(base, 0, out, 5, base.length);
        return out;
    }

    private static void writeTruth(PlateSite site, CsvStream cells, CsvStream plaques) throws java.io.IOException {
        for (CellTruth c : site.field().cells()) {
            Object[] base = SimulationManifest.cellRow(c);
            Object[] row = new Object[base.length + 5];
            Object[] head = {site.timePoint(), site.hpi(), site.well(), site.site(), site.moi()};
            System.arraycopy(head, 0, row, 0, 5);
            System.arraycopy(base, 0, row, 5, base.length);
            cells.row(row);
        }
        for (Plaque p : site.plaques()) {
            plaques.row(site.timePoint(), site.hpi(), site.well(), site.site(), p.id(), p.x(), p.y(), p.radiusPx(),
                    p.virus().csv(), Math.toDegrees(p.flowAngle()));
        }
    }
}
