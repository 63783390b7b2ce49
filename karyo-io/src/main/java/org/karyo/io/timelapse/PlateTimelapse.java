package org.karyo.io.timelapse;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.io.plate.PlateLayout;
import org.karyo.io.plate.PlateScanner;
import org.karyo.io.plate.SiteReader;
import org.karyo.io.plate.Well;

import java.nio.file.Path;
import java.util.List;

/**
 * An IXM folder of one site imaged over time: {@code TimePoint_<n>/<plate>_<well>_s<site>_w<channel>.tif}.
 * Time points must run 1, 2, 3... without holes (a hole would shift every later frame's time).
 */
final class PlateTimelapse implements Timelapse {
    private final PlateLayout plate;
    private final Well well;
    private final int site;
    private final List<Integer> timePoints;
    private final ChannelChoice channels;
    private final FrameSizes sizes = new FrameSizes();

    private PlateTimelapse(PlateLayout plate, Well well, int site, ChannelChoice channels) {
        this.plate = plate;
        this.well = well;
        this.site = site;
        this.timePoints = plate.timePoints();
        this.channels = channels;
    }

    static PlateTimelapse open(Path folder, ChannelChoice channels) throws KaryoInputException {
        PlateLayout plate = PlateScanner.scan(folder);
        int sites = 0;
        for (Well w : plate.wells()) sites += plate.sites(w).size();
        if (sites != 1) {
            throw new KaryoInputException(folder, "holds " + sites + " sites (" + plate.wells().size()
                    + " wells); tracking reads one site: copy or link one site's TimePoint_<n> images into a folder");
        }
        List<Integer> tps = plate.timePoints();
        for (int i = 1; i < tps.size(); i++) {
            if (tps.get(i) != tps.get(i - 1) + 1) {
                throw new KaryoInputException(folder, "time points jump from TimePoint_" + tps.get(i - 1) + " to TimePoint_"
                        + tps.get(i) + " (TimePoint_" + (tps.get(i - 1) + 1) + " is missing)");
            }
        }
        for (int c : new int[]{channels.dna(), channels.reporter(), channels.pi()}) {
            if (c != 0 && !plate.channels().contains(c)) {
                throw new KaryoInputException(folder, "no channel w" + c + " (channels present: " + plate.channels() + ")");
            }
        }
        Well w = plate.wells().get(0);
        return new PlateTimelapse(plate, w, plate.sites(w).get(0), channels);
    }

    @Override
    public int frames() {
        return timePoints.size();
    }

    @Override
    public TimelapseFrame read(int t) throws KaryoInputException {
        return new TimelapseFrame(t, channel(channels.dna(), t), channel(channels.reporter(), t), channel(channels.pi(), t));
    }

    private Plane channel(int c, int t) throws KaryoInputException {
        if (c == 0) return null;
        int tp = timePoints.get(t);
        Plane p = SiteReader.readChannel(plate, well, site, c, tp);
        Path f = plate.files(well, site, c, tp).get(0);
        sizes.check(f, "TimePoint_" + tp + " w" + c, p);
        return p;
    }

    @Override
    public String describe() {
        return "plate " + plate.plate() + " " + well + " site " + site + ": " + timePoints.size() + " time points, channels "
                + plate.channels();
    }
}
