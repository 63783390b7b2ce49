package org.karyo.io.timelapse;

import org.karyo.KaryoInputException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A movie read one frame at a time, so long movies need not fit in memory (a multi-frame TIFF is the
 * exception: it is decoded whole). Every frame has the size of the first; a frame that differs is an error
 * naming its file.
 */
public interface Timelapse {
    /** Number of frames. */
    int frames();

    /** Frame {@code t} (0-based). */
    TimelapseFrame read(int t) throws KaryoInputException;

    /** One line saying what was found, for the log. */
    String describe();

    /**
     * Opens a movie: a folder of {@code TimePoint_<n>/} IXM sub-folders (one site), a Cell Tracking Challenge
     * folder of {@code tNNN.tif}, or one multi-frame TIFF (ImageJ hyperstack with frames, or plain multi-page).
     */
    static Timelapse open(Path input, ChannelChoice channels) throws KaryoInputException {
        if (!Files.exists(input)) throw new KaryoInputException(input, "no such file or folder");
        if (Files.isDirectory(input)) {
            if (NumberedFrames.looksLikeCtcFolder(input)) return CtcFolderTimelapse.open(input, channels);
            return PlateTimelapse.open(input, channels);
        }
        return TiffTimelapse.open(input, channels);
    }
}
