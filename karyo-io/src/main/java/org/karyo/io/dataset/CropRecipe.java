package org.karyo.io.dataset;

import org.karyo.KaryoInputException;
import org.karyo.crop.CropMode;
import org.karyo.crop.CropSettings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The crop settings a dataset was cut with, kept beside its manifest: a model trained on the
 * dataset must cut crops from new fields the same way, or it sees nuclei at another scale.
 */
public final class CropRecipe {
    public static final String FILE = "crop-recipe.properties";

    private CropRecipe() {
    }

    public static void write(Path datasetDir, CropSettings s) throws IOException {
        Properties p = new Properties();
        p.setProperty("size", Integer.toString(s.size()));
        p.setProperty("mode", s.mode().name().toLowerCase(Locale.ROOT));
        p.setProperty("margin", Double.toString(s.margin()));
        p.setProperty("blank_neighbours", Boolean.toString(s.blankNeighbours()));
        try (Writer w = Files.newBufferedWriter(datasetDir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(w, "How the crops of this dataset were cut (karyo crops)");
        }
    }

    /** The recipe of a dataset folder, or empty when it has none (crops made elsewhere). */
    public static Optional<CropSettings> read(Path datasetDir) throws KaryoInputException {
        Path file = datasetDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(new CropSettings(Integer.parseInt(p.getProperty("size", "")),
                    CropMode.valueOf(p.getProperty("mode", "").toUpperCase(Locale.ROOT)),
                    Double.parseDouble(p.getProperty("margin", "")),
                    Boolean.parseBoolean(p.getProperty("blank_neighbours", "false"))));
        } catch (IOException e) {
            throw new KaryoInputException(file, "cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(file, "bad crop recipe: " + e.getMessage(), e);
        }
    }
}
