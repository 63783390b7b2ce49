package org.karyo.io.timelapse;

import org.karyo.KaryoInputException;
import org.karyo.AtomicFiles;
import org.karyo.simulate.Track;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cell Tracking Challenge track tables ({@code man_track.txt}, {@code res_track.txt}): one "L B E P" line per track. */
public final class CtcTrackFile {
    private CtcTrackFile() {
    }

    public static List<Track> read(Path file) throws KaryoInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new KaryoInputException(file, Files.exists(file) ? "cannot read (" + e.getMessage() + ")" : "no such file", e);
        }
        List<Track> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String[] f = line.split("\\s+");
            try {
                if (f.length != 4) throw new IllegalArgumentException("expected 4 numbers");
                Track t = new Track(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                if (!seen.add(t.label())) throw new IllegalArgumentException("track " + t.label() + " listed twice");
                out.add(t);
            } catch (IllegalArgumentException e) {
                throw new KaryoInputException(file, "line " + (i + 1) + " '" + line + "' is not 'L B E P' ("
                        + e.getMessage() + ")");
            }
        }
        return out;
    }

    /** Writes the table atomically, tracks in the order given. */
    public static void write(Path file, List<Track> tracks) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Track t : tracks) sb.append(t.ctcLine()).append('\n');
        AtomicFiles.writeString(file, sb.toString());
    }
}
