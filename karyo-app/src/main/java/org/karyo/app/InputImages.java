package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.Hyperstack;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Loads the plane a command works on from an image file, with the checks every command needs. */
final class InputImages {
    private InputImages() {
    }

    /**
     * One channel at one time point, z max-projected.
     *
     * @param channel 1-based, as users count channels (w1, w2 ...)
     */
    static Plane load(Path file, int channel, int frame) throws KaryoInputException {
        Hyperstack s = ImageFileReader.read(file);
        if (channel < 1 || channel > s.channels()) {
            throw new KaryoInputException(file, "has " + s.channels() + " channel(s); channel " + channel + " was asked for");
        }
        if (frame < 1 || frame > s.frames()) {
            throw new KaryoInputException(file, "has " + s.frames() + " time point(s); time point " + frame + " was asked for");
        }
        return s.maxProjection(channel - 1, frame - 1);
    }

    /**
     * A reporter file: its only channel when it has one, else the asked channel (for multi-channel files
     * that hold nuclei and reporter together).
     */
    static Plane loadReporter(Path file, int channel) throws KaryoInputException {
        Hyperstack s = ImageFileReader.read(file);
        int c = s.channels() == 1 ? 1 : channel;
        if (c < 1 || c > s.channels()) {
            throw new KaryoInputException(file, "has " + s.channels() + " channels; reporter channel " + channel + " was asked for");
        }
        return s.maxProjection(c - 1, 0);
    }

    /** Fails on an image with nothing in it, which would otherwise give an empty but "successful" result. */
    static Plane requireContent(Path file, Plane p) throws KaryoInputException {
        if (p.isConstant()) {
            throw new KaryoInputException(file, "image is empty (every pixel is " + p.get(0, 0) + "): nothing to segment");
        }
        return p;
    }

    static void requireSameSize(Path a, Plane pa, Path b, Plane pb) throws KaryoInputException {
        if (!pa.sameSize(pb)) {
            throw new KaryoInputException(b, "is " + pb.width() + "x" + pb.height() + " but " + a.getFileName()
                    + " is " + pa.width() + "x" + pa.height() + "; channels must be the same size");
        }
    }

    /** File name without its image extension: the stem of every output written for it. */
    static String baseName(Path file) {
        String n = file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".ome.tiff", ".ome.tif", ".tiff", ".tif", ".png"}) {
            if (lower.endsWith(ext)) return n.substring(0, n.length() - ext.length());
        }
        return n;
    }

    /** Outputs are named after inputs, so two inputs with one name would overwrite each other. */
    static void requireUniqueNames(List<Path> files) throws KaryoInputException {
        Map<String, Path> seen = new HashMap<>();
        for (Path f : files) {
            Path before = seen.put(baseName(f), f);
            if (before != null) {
                throw new KaryoInputException(f, "has the same name as " + before + "; outputs would overwrite each other");
            }
        }
    }
}
