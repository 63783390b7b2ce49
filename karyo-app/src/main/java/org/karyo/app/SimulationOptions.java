package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.InfectionSettings;
import org.karyo.simulate.OpticsSettings;
import org.karyo.simulate.PopulationSettings;
import org.karyo.simulate.ReporterSettings;
import org.karyo.simulate.Virus;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Options every 'karyo simulate' command shares: where to write, the seed, and the field's optics, cells and
 * infection. Unset options keep the command's own defaults.
 */
final class SimulationOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Random seed; the same seed and options give byte-identical output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", paramLabel = "PX", description = "Image width and height in pixels.")
    Integer size;

    @Option(names = "--magnification", paramLabel = "X",
            description = "Objective magnification, e.g. 4, 20, 63 (default 20): sets pixel size (13 µm / X) and blur.")
    Double magnification;

    @Option(names = "--pixel-size", paramLabel = "UM", description = "Pixel size in µm, overriding the one from --magnification.")
    Double pixelSize;

    @Option(names = "--virus", paramLabel = "adv|hsv",
            description = "Infection phenotype: adv (enlarged nuclei, bright inclusions, comet plaques) or hsv (chromatin at the rim, round plaques). Default adv.")
    String virus;

    @Option(names = "--strength", paramLabel = "S",
            description = "Phenotype strength 0..1 of the most advanced infected cells (default 0.8). 0 = infected nuclei look uninfected.")
    Double strength;

    @Option(names = "--infected", paramLabel = "F", description = "Fraction of cells infected (field; start of a time-lapse).")
    Double infected;

    @Option(names = "--confluence", paramLabel = "F", description = "Fraction of the image covered by nuclei.")
    Double confluence;

    @Option(names = "--clumping", paramLabel = "F", description = "Fraction of nuclei placed touching another (default 0.35).")
    Double clumping;

    @Option(names = "--nucleus-diameter", paramLabel = "UM", description = "Mean nucleus diameter in µm (default 12.5).")
    Double diameter;

    @Option(names = "--reporter", paramLabel = "cell|nucleus",
            description = "Reporter (GFP) fills the whole cell or only the nucleus (default cell).")
    String reporter;

    @Option(names = "--bit-depth", paramLabel = "8|16", description = "Bit depth of the images (default 16).")
    Integer bitDepth;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    boolean noProgress;

    /** Applies the options that were given to a command's default field settings. */
    FieldSettings apply(FieldSettings base) throws KaryoInputException {
        try {
            FieldSettings f = base;
            if (size != null) f = f.withSize(size, size);
            OpticsSettings optics = f.optics();
            if (magnification != null) optics = OpticsSettings.forMagnification(magnification);
            if (pixelSize != null) {
                double mag = magnification != null ? magnification
                        : OpticsSettings.CAMERA_PIXEL_UM * OpticsSettings.DEFAULT_BINNING / f.optics().pixelSizeUm();
                optics = OpticsSettings.withPixelSize(pixelSize, OpticsSettings.typicalNa(mag));
            }
            if (bitDepth != null) optics = optics.withBitDepth(bitDepth);
            f = f.withOptics(optics);
            PopulationSettings pop = f.population();
            if (confluence != null) pop = pop.withConfluence(confluence);
            if (clumping != null) pop = pop.withClumping(clumping);
            if (diameter != null) pop = pop.withDiameter(diameter);
            f = f.withPopulation(pop);
            InfectionSettings inf = f.infection();
            if (virus != null) inf = inf.withVirus(parseVirus(virus));
            if (strength != null) inf = inf.withStrength(strength);
            if (infected != null) inf = inf.withFraction(infected);
            f = f.withInfection(inf);
            if (reporter != null) {
                ReporterSettings r = f.reporter();
                switch (reporter.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "cell" -> r = r.withWholeCell(true);
                    case "nucleus" -> r = r.withWholeCell(false);
                    default -> throw new IllegalArgumentException("--reporter must be cell or nucleus, not " + reporter);
                }
                f = f.withReporter(r);
            }
            return f;
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, e.getMessage());
        }
    }

    private static Virus parseVirus(String s) {
        try {
            return Virus.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--virus must be adv or hsv, not " + s);
        }
    }

    /** Creates the output folder or explains why it cannot. */
    Path outputFolder() throws KaryoInputException {
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new KaryoInputException(out, "cannot create output folder (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(out)) throw new KaryoInputException(out, "output folder is not writable");
        return out;
    }
}
