package org.karyo.io.timelapse;

import org.karyo.KaryoInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files of a folder numbered by frame ({@code t000.tif}, {@code man_track012.tif}, {@code mask7.tif}), as
 * the Cell Tracking Challenge lays out raw frames, truth and results. Numbers must run without holes.
 */
final class NumberedFrames {
    private static final Pattern CTC_RAW = Pattern.compile("t(\\d{1,6})\\.tiff?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_NUMBERED = Pattern.compile("([A-Za-z_]*?)(\\d{1,6})\\.tiff?", Pattern.CASE_INSENSITIVE);

    private NumberedFrames() {
    }

    static boolean looksLikeCtcFolder(Path folder) throws KaryoInputException {
        return !list(folder, CTC_RAW).isEmpty();
    }

    /** The {@code tNNN.tif} files in frame order, numbering checked. */
    static List<Path> ctcRaw(Path folder) throws KaryoInputException {
        return consecutive(folder, list(folder, CTC_RAW), "tNNN.tif");
    }

    /**
     * Numbered label images ({@code man_trackNNN.tif}, {@code maskNNN.tif}, {@code tNNN.tif}...) in frame order;
     * all must share one prefix.
     */
    static List<Path> labels(Path folder) throws KaryoInputException {
        Map<Integer, Path> files = list(folder, ANY_NUMBERED);
        if (files.isEmpty()) {
            throw new KaryoInputException(folder, "no numbered label images (expected man_trackNNN.tif, maskNNN.tif or tNNN.tif)");
        }
        String prefix = null;
        for (Path p : files.values()) {
            Matcher m = ANY_NUMBERED.matcher(p.getFileName().toString());
            if (!m.matches()) continue;
            if (prefix == null) prefix = m.group(1);
            else if (!prefix.equals(m.group(1))) {
                throw new KaryoInputException(folder, "label images with different names ('" + prefix + "NNN' and '"
                        + m.group(1) + "NNN'); keep one series per folder");
            }
        }
        return consecutive(folder, files, prefix + "NNN.tif");
    }

    private static Map<Integer, Path> list(Path folder, Pattern pattern) throws KaryoInputException {
        if (!Files.isDirectory(folder)) throw new KaryoInputException(folder, Files.exists(folder) ? "not a folder" : "no such folder");
        Map<Integer, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) continue;
                Path other = out.put(Integer.parseInt(m.group(m.groupCount())), p);
                if (other != null) {
                    throw new KaryoInputException(folder, "two files for frame " + Integer.parseInt(m.group(m.groupCount()))
                            + ": " + other.getFileName() + " and " + p.getFileName());
                }
            }
        } catch (IOException e) {
            throw new KaryoInputException(folder, "cannot list the folder (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static List<Path> consecutive(Path folder, Map<Integer, Path> files, String what) throws KaryoInputException {
        int expected = -1;
        for (int n : files.keySet()) {
            if (expected >= 0 && n != expected) {
                throw new KaryoInputException(folder, "frame numbers of " + what + " jump from " + (expected - 1) + " to " + n
                        + " (frame " + expected + " is missing)");
            }
            expected = n + 1;
        }
        return List.copyOf(files.values());
    }
}
