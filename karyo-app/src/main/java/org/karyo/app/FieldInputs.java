package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.io.plate.PlateLayout;
import org.karyo.io.plate.PlateScanner;
import org.karyo.io.plate.SiteReader;
import org.karyo.io.plate.Well;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where fields come from: pairs of nuclear and reporter images (repeated --nuclei/--reporter), or a
 * Molecular Devices plate folder (--plate) read one site at a time.
 */
final class FieldInputs {
    @Option(names = "--nuclei", paramLabel = "IMAGE",
            description = "Nuclear (Hoechst/DAPI) image; repeat for several fields.")
    List<Path> nuclei = new ArrayList<>();

    @Option(names = "--plate", paramLabel = "DIR", description = {
            "A Molecular Devices (IXM) plate folder: <plate>_<well>_s<site>_w<channel>.tif files, optionally",
            "in TimePoint_<n>/ and ZStep_<n>/ folders (z is max-projected). Use instead of --nuclei."})
    Path plate;

    @Option(names = "--time-point", defaultValue = "1", paramLabel = "T",
            description = "Plate time point to read, from 1 (default: ${DEFAULT-VALUE}).")
    int timePoint;

    @Option(names = "--nuclei-channel", defaultValue = "1", paramLabel = "N",
            description = "Channel of the nuclei (file channel, or plate w<N>), from 1 (default: ${DEFAULT-VALUE}).")
    int nucleiChannel;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--reporter-channel", defaultValue = "2", paramLabel = "N", description = {
            "Channel of the reporter: plate w<N>, or the channel within multi-channel --reporter files",
            "(default: ${DEFAULT-VALUE} for plates; single-channel reporter files always use their one channel)."})
    int reporterChannel;

    /**
     * Reads, segments and measures every field.
     *
     * @param reporters    reporter files for --nuclei inputs (one each), or empty
     * @param withReporter whether fields need a reporter (labelling) or not (crops of a given class)
     */
    List<Field> load(FieldLoader loader, List<Path> reporters, boolean withReporter) throws KaryoInputException {
        if ((plate == null) == nuclei.isEmpty()) {
            throw new KaryoInputException(null, "give either --nuclei images or one --plate folder");
        }
        return plate != null ? loadPlate(loader, withReporter) : loadFiles(loader, reporters, withReporter);
    }

    private List<Field> loadFiles(FieldLoader loader, List<Path> reporters, boolean withReporter) throws KaryoInputException {
        if (withReporter && reporters.size() != nuclei.size()) {
            throw new KaryoInputException(null, "give one --reporter for each --nuclei image ("
                    + nuclei.size() + " nuclei, " + reporters.size() + " reporter)");
        }
        InputImages.requireUniqueNames(nuclei);
        List<Field> fields = new ArrayList<>();
        try (Progress bar = new Progress("segment", nuclei.size(), !noProgress)) {
            for (int i = 0; i < nuclei.size(); i++) {
                Path n = nuclei.get(i);
                Plane dna = InputImages.load(n, nucleiChannel, 1);
                Plane rep = null;
                if (withReporter) {
                    Path r = reporters.get(i);
                    rep = InputImages.loadReporter(r, reporterChannel);
                    InputImages.requireSameSize(n, dna, r, rep);
                }
                fields.add(loader.analyse(InputImages.baseName(n), null, n, dna, rep));
                bar.step();
            }
        }
        return fields;
    }

    private List<Field> loadPlate(FieldLoader loader, boolean withReporter) throws KaryoInputException {
        PlateLayout layout = PlateScanner.scan(plate);
        requireChannel(layout, nucleiChannel, "--nuclei-channel");
        if (withReporter) {
            requireChannel(layout, reporterChannel, "--reporter-channel");
            if (reporterChannel == nucleiChannel) {
                throw new KaryoInputException(plate, "--reporter-channel and --nuclei-channel are both w" + nucleiChannel);
            }
        }
        if (!layout.timePoints().contains(timePoint)) {
            throw new KaryoInputException(plate, "has time points " + layout.timePoints() + "; --time-point " + timePoint + " asked");
        }
        int sites = 0;
        for (Well w : layout.wells()) sites += layout.sites(w).size();
        List<Field> fields = new ArrayList<>();
        try (Progress bar = new Progress("segment plate", sites, !noProgress)) {
            for (Well w : layout.wells()) {
                for (int site : layout.sites(w)) {
                    Plane dna = SiteReader.readChannel(layout, w, site, nucleiChannel, timePoint);
                    Path source = layout.files(w, site, nucleiChannel, timePoint).get(0);
                    Plane rep = withReporter ? SiteReader.readChannel(layout, w, site, reporterChannel, timePoint) : null;
                    if (rep != null) {
                        InputImages.requireSameSize(source, dna, layout.files(w, site, reporterChannel, timePoint).get(0), rep);
                    }
                    String name = layout.plate() + "_" + w + "_s" + site + (layout.timePoints().size() > 1 ? "_t" + timePoint : "");
                    fields.add(loader.analyse(name, w.toString(), source, dna, rep));
                    bar.step();
                }
            }
        }
        return fields;
    }

    private static void requireChannel(PlateLayout layout, int channel, String option) throws KaryoInputException {
        if (!layout.channels().contains(channel)) {
            throw new KaryoInputException(layout.root(), "has channels " + layout.channels() + "; " + option + " " + channel + " asked");
        }
    }
}
