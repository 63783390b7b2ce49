package org.karyo.io.timelapse;

import org.karyo.image.LabelImage;
import org.karyo.io.TiffWriter;
import org.karyo.simulate.Track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a tracking result as the Cell Tracking Challenge expects: {@code maskNNN.tif} (16-bit, label = track
 * id) as each frame is done and {@code res_track.txt} at the end, each file atomically.
 */
public final class CtcResultWriter {
    private final Path folder;
    private final String digits;

    /** @param frames number of frames (three digits, more when 1000 frames or more) */
    public CtcResultWriter(Path folder, int frames) {
        this.folder = folder;
        this.digits = "%0" + Math.max(3, String.valueOf(Math.max(0, frames - 1)).length()) + "d";
    }

    public Path maskFile(int t) {
        return folder.resolve("mask" + String.format(digits, t) + ".tif");
    }

    public void writeMask(int t, LabelImage trackLabels) throws IOException {
        if (trackLabels.count() > 65535) {
            throw new IOException("track id " + trackLabels.count() + " does not fit a 16-bit CTC mask");
        }
        TiffWriter.writeLabels(maskFile(t), trackLabels);
    }

    public void writeTracks(List<Track> tracks) throws IOException {
        CtcTrackFile.write(folder.resolve("res_track.txt"), tracks);
    }
}
