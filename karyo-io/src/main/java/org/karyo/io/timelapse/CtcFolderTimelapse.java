package org.karyo.io.timelapse;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;

import java.nio.file.Path;
import java.util.List;

/** A Cell Tracking Challenge image folder: {@code t000.tif, t001.tif, ...}, one DNA image per frame. */
final class CtcFolderTimelapse implements Timelapse {
    private final Path folder;
    private final List<Path> files;
    private final FrameSizes sizes = new FrameSizes();

    private CtcFolderTimelapse(Path folder, List<Path> files) {
        this.folder = folder;
        this.files = files;
    }

    static CtcFolderTimelapse open(Path folder, ChannelChoice channels) throws KaryoInputException {
        if (channels.dna() != 1 || channels.reporter() != 0 || channels.pi() != 0) {
            throw new KaryoInputException(folder, "a CTC folder (tNNN.tif) holds one channel; reporter and PI channels "
                    + "need a plate folder or a multi-channel TIFF");
        }
        return new CtcFolderTimelapse(folder, NumberedFrames.ctcRaw(folder));
    }

    @Override
    public int frames() {
        return files.size();
    }

    @Override
    public TimelapseFrame read(int t) throws KaryoInputException {
        Path f = files.get(t);
        Plane p = ImageFileReader.readPlane(f);
        sizes.check(f, f.getFileName().toString(), p);
        return new TimelapseFrame(t, p, null, null);
    }

    @Override
    public String describe() {
        return "CTC folder " + folder + ": " + files.size() + " frames";
    }
}
