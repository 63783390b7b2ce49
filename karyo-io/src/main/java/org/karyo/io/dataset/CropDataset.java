package org.karyo.io.dataset;

import org.karyo.AtomicFiles;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.io.TiffWriter;
import org.karyo.io.table.CsvTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A crop dataset being written: one folder per class, one TIFF per nucleus at the source bit depth, and
 * {@code manifest.csv}. Everything goes to a hidden sibling folder that is renamed into place by
 * {@link #commit()}, so an interrupted run leaves no half dataset behind.
 */
public final class CropDataset implements AutoCloseable {
    public static final List<String> MANIFEST_COLUMNS =
            List.of("path", "class", "image", "nucleus_id", "x", "y", "area", "group");
    private static final String CLASS_NAME = "[A-Za-z0-9][A-Za-z0-9_.-]*";

    private final Path target;
    private final Path staging;
    private final CsvTable manifest = new CsvTable(MANIFEST_COLUMNS);
    private final TreeMap<String, Integer> counts = new TreeMap<>();
    private boolean committed;

    private CropDataset(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Starts a dataset at {@code target}, which must not exist yet or be an empty folder. */
    public static CropDataset create(Path target) throws KaryoInputException, IOException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) throw new KaryoInputException(target, "exists and is not a folder");
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new KaryoInputException(target, "dataset folder already exists and is not empty; choose another --out");
                }
            }
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return new CropDataset(target, AtomicFiles.siblingDirectory(target));
    }

    /**
     * Adds one crop. {@code group} is the unit a later split must keep together (image, well or spatial block).
     */
    public void add(String className, String stem, Plane crop, String image, int nucleusId,
                    double x, double y, int area, String group) throws IOException {
        if (!className.matches(CLASS_NAME)) {
            throw new IllegalArgumentException("class name must be letters, digits, '_', '-', '.': " + className);
        }
        String rel = className + "/" + stem + ".tif";
        Path file = staging.resolve(rel);
        Files.createDirectories(file.getParent());
        TiffWriter.writePlane(file, crop);
        manifest.add(rel, className, image, nucleusId, x, y, area, group);
        counts.merge(className, 1, Integer::sum);
    }

    /** Records how the crops were cut, so a model trained on them can cut new crops alike. */
    public void recipe(org.karyo.crop.CropSettings settings) throws IOException {
        CropRecipe.write(staging, settings);
    }

    /** Crops per class so far, in class-name order. */
    public TreeMap<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public void commit() throws IOException {
        manifest.write(staging.resolve("manifest.csv"));
        if (Files.isDirectory(target)) Files.delete(target); // empty, checked in create()
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    /** Removes the staging folder unless committed. */
    @Override
    public void close() throws IOException {
        if (committed || !Files.exists(staging)) return;
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
