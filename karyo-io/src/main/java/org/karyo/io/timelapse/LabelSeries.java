package org.karyo.io.timelapse;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;

import java.nio.file.Path;
import java.util.List;

/**
 * A folder of numbered label images, one per frame ({@code man_trackNNN.tif}, {@code maskNNN.tif}...), read one
 * at a time. Label values are kept as they are (in CTC truth they are track ids); the image's count is its
 * largest label.
 */
public final class LabelSeries {
    private final Path folder;
    private final List<Path> files;

    private LabelSeries(Path folder, List<Path> files) {
        this.folder = folder;
        this.files = files;
    }

    public static LabelSeries open(Path folder) throws KaryoInputException {
        return new LabelSeries(folder, NumberedFrames.labels(folder));
    }

    public int frames() {
        return files.size();
    }

    public Path folder() {
        return folder;
    }

    public Path file(int t) {
        return files.get(t);
    }

    public LabelImage read(int t) throws KaryoInputException {
        return read(files.get(t));
    }

    /** Reads one label image: non-negative whole numbers only. */
    public static LabelImage read(Path file) throws KaryoInputException {
        Plane p = ImageFileReader.readPlane(file);
        float[] px = p.pixels();
        int[] labels = new int[px.length];
        int max = 0;
        for (int i = 0; i < px.length; i++) {
            float v = px[i];
            if (v < 0 || v != Math.rint(v) || v > 16_777_216f) {
                throw new KaryoInputException(file, "not a label image: pixel value " + v + " at x=" + (i % p.width())
                        + ", y=" + (i / p.width()) + " is not a non-negative whole number");
            }
            labels[i] = (int) v;
            max = Math.max(max, labels[i]);
        }
        return new LabelImage(p.width(), p.height(), labels, max);
    }
}
