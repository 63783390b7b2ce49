package org.karyo.io.plate;

import java.nio.file.Path;

/**
 * One image file of a plate: its parsed name plus the time point and z step given by the
 * {@code TimePoint_<n>} and {@code ZStep_<n>} folders it sits in (1 when there is no such folder).
 */
public record PlateImage(ImageName name, int timePoint, int zStep, Path file) {
    public PlateImage {
        if (name == null || file == null) {
            throw new IllegalArgumentException("name and file are required");
        }
        if (timePoint < 0 || zStep < 0) {
            throw new IllegalArgumentException("time point and z step must be >= 0: t" + timePoint + " z" + zStep);
        }
    }

    /** Where this image sits in the plate, ignoring z. */
    public SiteChannel position() {
        return new SiteChannel(name.well(), name.site(), name.channel(), timePoint);
    }

    /** One channel of one site at one time point: the unit that is z-projected into a plane. */
    public record SiteChannel(Well well, int site, int channel, int timePoint) implements Comparable<SiteChannel> {
        @Override
        public int compareTo(SiteChannel o) {
            int c = well.compareTo(o.well);
            if (c == 0) c = Integer.compare(site, o.site);
            if (c == 0) c = Integer.compare(timePoint, o.timePoint);
            if (c == 0) c = Integer.compare(channel, o.channel);
            return c;
        }

        @Override
        public String toString() {
            return well + " site " + site + " channel " + channel + " time point " + timePoint;
        }
    }
}
