package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.io.plate.PlateLayout;
import org.karyo.io.plate.PlateScanner;
import org.karyo.io.plate.Well;

import java.nio.file.Path;
import java.util.List;

/**
 * One field of a time-lapse in the IXM layout ({@code TimePoint_<n>/<plate>_<well>_s<site>_w<channel>.tif}, as
 * 'karyo simulate timelapse' writes it): frame f (0-based) is time point f + 1.
 */
record MovieFrames(Path folder, PlateLayout layout, Well well, int site) {
    static MovieFrames open(Path folder, String wellName, Integer site) throws KaryoInputException {
        PlateLayout layout = PlateScanner.scan(folder);
        Well well;
        if (wellName == null) {
            if (layout.wells().size() != 1) {
                throw new KaryoInputException(folder, "holds wells " + layout.wells() + "; choose one with --well");
            }
            well = layout.wells().get(0);
        } else {
            well = Well.parse(wellName).orElseThrow(() -> new KaryoInputException(folder, "'" + wellName + "' is not a well name"));
            if (!layout.wells().contains(well)) throw new KaryoInputException(folder, "has no well " + well);
        }
        List<Integer> sites = layout.sites(well);
        int s;
        if (site == null) {
            if (sites.size() != 1) throw new KaryoInputException(folder, "well " + well + " has sites " + sites + "; choose one with --site");
            s = sites.get(0);
        } else {
            if (!sites.contains(site)) throw new KaryoInputException(folder, "well " + well + " has no site " + site);
            s = site;
        }
        List<Integer> tps = layout.timePoints();
        for (int i = 0; i < tps.size(); i++) {
            if (tps.get(i) != i + 1) throw new KaryoInputException(folder, "time points are not 1.." + tps.size() + " (found " + tps + ")");
        }
        return new MovieFrames(folder, layout, well, s);
    }

    int frames() {
        return layout.timePoints().size();
    }

    /** The image of a channel (w1 = 1) at a 0-based frame. */
    Path file(int channel, int frame) throws KaryoInputException {
        if (!layout.channels().contains(channel)) {
            throw new KaryoInputException(folder, "has no channel w" + channel + " (channels " + layout.channels() + ")");
        }
        List<Path> z = layout.files(well, site, channel, frame + 1);
        if (z.size() != 1) throw new KaryoInputException(z.get(0), "is one of " + z.size() + " z steps; give a single-plane movie");
        return z.get(0);
    }
}
