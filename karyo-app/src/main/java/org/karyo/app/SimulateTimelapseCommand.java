package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.AtomicFiles;
import org.karyo.io.TiffWriter;
import org.karyo.simulate.CellObservation;
import org.karyo.simulate.CellRecord;
import org.karyo.simulate.LiveCellSettings;
import org.karyo.simulate.LiveCellSimulator;
import org.karyo.simulate.TimelapseResult;
import org.karyo.simulate.Track;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** 'karyo simulate timelapse': a live-cell movie with infection fates, lysis and tracks. */
@Command(name = "timelapse",
        mixinStandardHelpOptions = true,
        versionProvider = KaryoVersion.class,
        description = {
                "Write a live-cell time-lapse with infection fates, lysis and tracks.",
                "",
                "One field (default 1024x1024, a frame every 1.75 h for 4 days): "
                        + "<out>/TimePoint_<n>/<name>_A01_s1_w1.tif Hoechst, _w2.tif reporter (GFP), "
                        + "_w3.tif propidium iodide (PI).",
                "Cells random-walk with drift and divide. Infected cells become spreaders (nucleus flat until ~20 hpi, "
                        + "surge to ~40 hpi, plateau, shrink in the last hours before lysis; PI turns on at lysis and "
                        + "neighbours get infected) or nonspreaders (nucleus grows to ~30 hpi, shrinks to ~50 hpi, "
                        + "grows again). Spreaders accumulate reporter faster.",
                "Ground truth: <out>/01_GT/TRA/man_track.txt and man_trackNNN.tif (Cell Tracking Challenge), "
                        + "cells.csv (per track: parent, fate, infection and lysis hours, infected_by, plaque = founder label) and "
                        + "observations.csv (per cell and frame: position, area, fate, hours post infection, "
                        + "reporter, lysed)."})
final class SimulateTimelapseCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions options;

    @Option(names = "--name", defaultValue = "LIVE", paramLabel = "NAME", description = "Name in image file names (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--frames", defaultValue = "55", paramLabel = "N", description = "Number of frames (default: ${DEFAULT-VALUE}, 4 days at 1.75 h).")
    int frames;

    @Option(names = "--interval", defaultValue = "1.75", paramLabel = "H", description = "Hours between frames (default: ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--spreader-fraction", defaultValue = "0.25", paramLabel = "F",
            description = "Fraction of infected cells that lyse (default: ${DEFAULT-VALUE}, as AdV-dE3B-GFP; about 0.03 without ADP).")
    double spreaders;

    @Option(names = "--lysis-hpi", defaultValue = "56", paramLabel = "H", description = "Mean spreader lysis time, hours post infection (default: ${DEFAULT-VALUE}).")
    double lysisHpi;

    @Option(names = "--max-confluence", defaultValue = "0.45", paramLabel = "F",
            description = {"Contact inhibition: cells stop dividing once nuclei cover this fraction of the field "
                    + "(default: ${DEFAULT-VALUE}; nuclei still grow, so the cover ends a little above it).",
                    "0.45 makes the last two days more crowded than any real field measured (docs/simulator.md, "
                    + "\"How crowded\"); 0.25 ends about as crowded as the densest tenth of DSB2018's images."})
    double maxConfluence;

    @Option(names = "--ctc-raw", description = "Also write the Hoechst frames as <out>/01/tNNN.tif, so Cell Tracking Challenge tools read the movie as it is.")
    boolean ctcRaw;

    @Override
    public Integer call() throws Exception {
        LiveCellSettings d = LiveCellSettings.defaults();
        LiveCellSettings settings;
        try {
            settings = d.withField(options.apply(d.field())).withFrames(frames, interval)
                    .withSpreaderFraction(spreaders).withLysisHpi(lysisHpi).withMaxConfluence(maxConfluence);
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, e.getMessage());
        }
        Path out = options.outputFolder();
        Path tra = out.resolve("01_GT").resolve("TRA");
        int digits = Math.max(3, String.valueOf(frames - 1).length());
        String stem = name + "_A01_s1";
        TimelapseResult result;
        try (Progress progress = new Progress("time-lapse", frames, !options.noProgress);
             CsvStream obs = new CsvStream(out.resolve("observations.csv"), "frame", "hours", "label", "x", "y",
                     "area_px", "state", "fate", "hpi", "reporter", "lysed")) {
            result = new LiveCellSimulator(settings).run(options.seed, frame -> {
                Path tp = out.resolve("TimePoint_" + (frame.index() + 1));
                TiffWriter.writePlane(tp.resolve(stem + "_w1.tif"), frame.dna());
                TiffWriter.writePlane(tp.resolve(stem + "_w2.tif"), frame.reporter());
                TiffWriter.writePlane(tp.resolve(stem + "_w3.tif"), frame.pi());
                TiffWriter.writeLabels(tra.resolve(String.format("man_track%0" + digits + "d.tif", frame.index())),
                        frame.labels());
                if (ctcRaw) {
                    TiffWriter.writePlane(out.resolve("01").resolve(String.format("t%0" + digits + "d.tif", frame.index())),
                            frame.dna());
                }
                for (CellObservation o : frame.cells()) {
                    obs.row(frame.index(), frame.hours(), o.label(), o.x(), o.y(), o.areaPx(), o.state().csv(),
                            o.fate().csv(), o.hpi(), o.reporter(), o.lysed() ? 1 : 0);
                }
                progress.step();
            });
            obs.commit();
        }
        StringBuilder man = new StringBuilder();
        for (Track t : result.tracks()) man.append(t.ctcLine()).append('\n');
        AtomicFiles.writeString(tra.resolve("man_track.txt"), man.toString());
        java.util.Map<Integer, Integer> plaques = result.plaques();
        try (CsvStream cells = new CsvStream(out.resolve("cells.csv"), "label", "parent", "fate", "infection_hours",
                "lysis_hours", "infected_by", "plaque", "begin_frame", "end_frame")) {
            for (CellRecord c : result.cells()) {
                cells.row(c.label(), c.parent(), c.fate().csv(), c.infectionHours(), c.lysisHours(), c.infectedBy(),
                        plaques.get(c.label()), c.begin(), c.end());
            }
            cells.commit();
        }
        SimulationManifest.write(out, "timelapse", options.seed, settings);
        return Karyo.EXIT_OK;
    }
}
