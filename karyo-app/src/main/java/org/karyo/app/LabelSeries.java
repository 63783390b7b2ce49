package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Track label images, one per frame, whose pixel value is the track id: a tracker's {@code maskNNN.tif} or Cell
 * Tracking Challenge ground truth {@code man_trackNNN.tif}, with the lineage file beside them ({@code res_track.txt}
 * or {@code man_track.txt}: "L B E P" per track, P = parent, 0 = none).
 */
record LabelSeries(Path folder, TreeMap<Integer, Path> byFrame, Map<Integer, Integer> parents) {
    private static final Pattern NAME = Pattern.compile("(?:mask|man_track)(\\d+)\\.tiff?");

    static LabelSeries open(Path folder) throws KaryoInputException {
        if (!Files.isDirectory(folder)) throw new KaryoInputException(folder, "not a folder");
        TreeMap<Integer, Path> frames = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                Path before = frames.put(Integer.parseInt(m.group(1)), p);
                if (before != null) throw new KaryoInputException(p, "is a second label image for frame " + m.group(1) + " (also " + before.getFileName() + ")");
            }
        } catch (IOException e) {
            throw new KaryoInputException(folder, "cannot list: " + e.getMessage(), e);
        }
        if (frames.isEmpty()) throw new KaryoInputException(folder, "has no maskNNN.tif or man_trackNNN.tif label images");
        return new LabelSeries(folder, frames, readParents(folder));
    }

    private static Map<Integer, Integer> readParents(Path folder) throws KaryoInputException {
        Map<Integer, Integer> parents = new HashMap<>();
        for (String name : List.of("res_track.txt", "man_track.txt")) {
            Path f = folder.resolve(name);
            if (!Files.isRegularFile(f)) continue;
            List<String> lines;
            try {
                lines = Files.readAllLines(f);
            } catch (IOException e) {
                throw new KaryoInputException(f, "cannot read: " + e.getMessage(), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) continue;
                String[] p = line.split("\\s+");
                try {
                    if (p.length != 4) throw new NumberFormatException();
                    parents.put(Integer.parseInt(p[0]), Integer.parseInt(p[3]));
                } catch (NumberFormatException e) {
                    throw new KaryoInputException(f, "line " + (i + 1) + " is not 'L B E P': " + line);
                }
            }
            return parents;
        }
        return parents;
    }

    int parent(int track) {
        return parents.getOrDefault(track, 0);
    }

    /** The label image of a frame with track ids as labels (not renumbered). */
    LabelImage read(int frame) throws KaryoInputException {
        Path file = byFrame.get(frame);
        if (file == null) throw new KaryoInputException(folder, "has no label image for frame " + frame);
        Plane p = ImageFileReader.readPlane(file);
        float[] px = p.pixels();
        int[] ids = new int[px.length];
        int max = 0;
        for (int i = 0; i < px.length; i++) {
            float v = px[i];
            if (v < 0 || v != Math.rint(v)) throw new KaryoInputException(file, "is not a label image (value " + v + ")");
            ids[i] = (int) v;
            max = Math.max(max, ids[i]);
        }
        return new LabelImage(p.width(), p.height(), ids, max);
    }
}
