package org.karyo.learn.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.karyo.KaryoInputException;

/**
 * Reads a crop dataset folder: one sub-folder per class holding PNG or TIFF crops, and optionally
 * {@code manifest.csv} ({@code path,class,image,nucleus_id,x,y,area,group}, as karyo-io writes it).
 * With a manifest its rows are the dataset and its {@code group} column drives splits; without one,
 * every image under a class folder counts and a {@link GroupRule} names the groups.
 */
public final class CropDatasetReader {
    public static final String MANIFEST = "manifest.csv";

    private CropDatasetReader() {
    }

    public static CropSet read(Path folder) throws KaryoInputException {
        return read(folder, GroupRule.FILE);
    }

    /** Reads the folder; {@code rule} names groups only when there is no manifest. */
    public static CropSet read(Path folder, GroupRule rule) throws KaryoInputException {
        if (!Files.isDirectory(folder)) {
            throw new KaryoInputException(folder, "not a folder");
        }
        Path manifest = folder.resolve(MANIFEST);
        return Files.isRegularFile(manifest) ? readManifest(folder, manifest) : readFolders(folder, rule);
    }

    private static CropSet readFolders(Path folder, GroupRule rule) throws KaryoInputException {
        Map<String, List<Path>> byClass = new TreeMap<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path dir : children.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> images = files.filter(Files::isRegularFile).filter(ImageFiles::isImage).sorted().toList();
                    if (!images.isEmpty()) {
                        byClass.put(name, images);
                    }
                }
            }
        } catch (IOException e) {
            throw new KaryoInputException(folder, "cannot list folder: " + e.getMessage(), e);
        }
        if (byClass.size() < 2) {
            throw new KaryoInputException(folder, "need at least 2 class sub-folders with PNG or TIFF images, found "
                    + byClass.keySet());
        }
        List<String> classes = new ArrayList<>(byClass.keySet());
        List<Crop> crops = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            for (Path file : byClass.get(classes.get(label))) {
                crops.add(new Crop(file, label, rule.apply(file), ImageFiles.read(file)));
            }
        }
        return new CropSet(classes, crops);
    }

    private static CropSet readManifest(Path folder, Path manifest) throws KaryoInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KaryoInputException(manifest, "cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new KaryoInputException(manifest, "empty manifest");
        }
        List<String> header = Arrays.asList(splitCsv(lines.get(0)));
        int pathCol = header.indexOf("path");
        int classCol = header.indexOf("class");
        int groupCol = header.indexOf("group");
        int imageCol = header.indexOf("image");
        if (pathCol < 0 || classCol < 0) {
            throw new KaryoInputException(manifest, "header needs 'path' and 'class' columns, found " + header);
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] row = splitCsv(lines.get(i));
            if (row.length != header.size()) {
                throw new KaryoInputException(manifest, "line " + (i + 1) + " has " + row.length
                        + " fields, header has " + header.size());
            }
            rows.add(row);
        }
        List<String> classes = rows.stream().map(r -> r[classCol]).distinct().sorted().toList();
        if (classes.size() < 2) {
            throw new KaryoInputException(manifest, "need at least 2 classes, found " + classes);
        }
        List<Crop> crops = new ArrayList<>();
        for (String[] row : rows) {
            Path file = folder.resolve(row[pathCol]).normalize();
            if (!file.startsWith(folder.normalize())) {
                throw new KaryoInputException(manifest, "path leaves the dataset folder: " + row[pathCol]);
            }
            // Without a group column, the source image is the next best unit of correlation.
            String group = groupCol >= 0 && !row[groupCol].isEmpty() ? row[groupCol]
                    : imageCol >= 0 && !row[imageCol].isEmpty() ? row[imageCol] : row[pathCol];
            crops.add(new Crop(file, classes.indexOf(row[classCol]), group, ImageFiles.read(file)));
        }
        return new CropSet(classes, crops);
    }

    /** Splits one CSV line with RFC 4180 quoting (quoted fields may hold commas and doubled quotes). */
    static String[] splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
