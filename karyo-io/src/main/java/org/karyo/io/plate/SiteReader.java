package org.karyo.io.plate;

import org.karyo.KaryoInputException;
import org.karyo.image.Hyperstack;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a plate's images one site at a time, so a whole plate never has to fit in memory.
 * Z steps are max-projected; all z steps and channels of a site must have the same size.
 */
public final class SiteReader {
    private SiteReader() {
    }

    /** One channel of one site at one time point as a plane, its z steps max-projected. */
    public static Plane readChannel(PlateLayout plate, Well well, int site, int channel, int timePoint)
            throws KaryoInputException {
        List<Path> files = plate.files(well, site, channel, timePoint);
        Path first = files.get(0);
        Plane projection = ImageFileReader.readPlane(first);
        if (files.size() == 1) {
            return projection;
        }
        float[] max = projection.pixels().clone();
        int depth = projection.bitDepth();
        for (Path f : files.subList(1, files.size())) {
            Plane p = ImageFileReader.readPlane(f);
            requireSameSize(first, projection, f, p);
            depth = Math.max(depth, p.bitDepth());
            float[] px = p.pixels();
            for (int i = 0; i < max.length; i++) {
                if (px[i] > max[i]) max[i] = px[i];
            }
        }
        return new Plane(projection.width(), projection.height(), depth, max);
    }

    /**
     * All channels of one site at one time point (c = channels in {@link PlateLayout#channels()} order,
     * z and t = 1), read channel by channel.
     */
    public static Hyperstack readSite(PlateLayout plate, Well well, int site, int timePoint) throws KaryoInputException {
        List<Plane> planes = new ArrayList<>();
        Path firstFile = null;
        for (int c : plate.channels()) {
            Plane p = readChannel(plate, well, site, c, timePoint);
            Path f = plate.files(well, site, c, timePoint).get(0);
            if (firstFile == null) {
                firstFile = f;
            } else {
                requireSameSize(firstFile, planes.get(0), f, p);
            }
            planes.add(p);
        }
        return new Hyperstack(planes.size(), 1, 1, planes);
    }

    private static void requireSameSize(Path aFile, Plane a, Path bFile, Plane b) throws KaryoInputException {
        if (!a.sameSize(b)) {
            throw new KaryoInputException(bFile, "image is " + b.width() + "x" + b.height() + " but " + aFile
                    + " of the same site is " + a.width() + "x" + a.height());
        }
    }
}
