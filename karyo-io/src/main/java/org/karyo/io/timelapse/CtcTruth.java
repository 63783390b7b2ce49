package org.karyo.io.timelapse;

import org.karyo.KaryoInputException;
import org.karyo.simulate.Track;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Cell Tracking Challenge tracking truth: {@code man_track.txt} and {@code man_trackNNN.tif}. Found in the
 * folder given, or its {@code TRA/} or {@code 01_GT/TRA/} sub-folder (where {@code karyo simulate timelapse}
 * and the challenge's datasets put it).
 */
public record CtcTruth(Path folder, List<Track> tracks, LabelSeries masks) {
    public static CtcTruth open(Path dir) throws KaryoInputException {
        for (Path candidate : List.of(dir, dir.resolve("TRA"), dir.resolve("01_GT").resolve("TRA"))) {
            if (Files.isRegularFile(candidate.resolve("man_track.txt"))) {
                return new CtcTruth(candidate, CtcTrackFile.read(candidate.resolve("man_track.txt")),
                        LabelSeries.open(candidate));
            }
        }
        throw new KaryoInputException(dir, Files.isDirectory(dir)
                ? "no man_track.txt here, in TRA/ or in 01_GT/TRA/ (Cell Tracking Challenge truth expected)"
                : "no such folder");
    }
}
