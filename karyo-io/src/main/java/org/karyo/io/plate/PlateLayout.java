package org.karyo.io.plate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The images of one plate indexed plate → well → site → channel → time point (→ z step).
 * Immutable. Built by {@link PlateScanner}, which guarantees the index is complete: every site of every
 * imaged well has every channel at every time point and z step.
 */
public final class PlateLayout {
    private final String plate;
    private final Path root;
    private final NavigableMap<PlateImage.SiteChannel, List<Path>> files;
    private final List<Well> wells;
    private final Map<Well, List<Integer>> sites;
    private final List<Integer> channels;
    private final List<Integer> timePoints;
    private final List<Integer> zSteps;

    /** Images must all belong to one plate with no two at the same position; completeness is the scanner's job. */
    PlateLayout(String plate, Path root, List<PlateImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a plate needs at least one image");
        }
        TreeMap<PlateImage.SiteChannel, TreeMap<Integer, Path>> byPosition = new TreeMap<>();
        TreeMap<Well, SortedSet<Integer>> sitesByWell = new TreeMap<>();
        SortedSet<Integer> ch = new TreeSet<>();
        SortedSet<Integer> tp = new TreeSet<>();
        SortedSet<Integer> zs = new TreeSet<>();
        for (PlateImage img : images) {
            if (!img.name().plate().equals(plate)) {
                throw new IllegalArgumentException(img.file() + " belongs to plate " + img.name().plate() + ", not " + plate);
            }
            Path previous = byPosition.computeIfAbsent(img.position(), k -> new TreeMap<>()).put(img.zStep(), img.file());
            if (previous != null) {
                throw new IllegalArgumentException("two files at " + img.position() + " z " + img.zStep());
            }
            sitesByWell.computeIfAbsent(img.name().well(), w -> new TreeSet<>()).add(img.name().site());
            ch.add(img.name().channel());
            tp.add(img.timePoint());
            zs.add(img.zStep());
        }
        TreeMap<PlateImage.SiteChannel, List<Path>> f = new TreeMap<>();
        byPosition.forEach((k, v) -> f.put(k, List.copyOf(v.values())));
        Map<Well, List<Integer>> s = new TreeMap<>();
        sitesByWell.forEach((w, set) -> s.put(w, List.copyOf(set)));
        this.plate = plate;
        this.root = root;
        this.files = Collections.unmodifiableNavigableMap(f);
        this.wells = List.copyOf(sitesByWell.keySet());
        this.sites = Collections.unmodifiableMap(s);
        this.channels = List.copyOf(ch);
        this.timePoints = List.copyOf(tp);
        this.zSteps = List.copyOf(zs);
    }

    public String plate() {
        return plate;
    }

    /** The folder that was scanned. */
    public Path root() {
        return root;
    }

    /** Imaged wells, row-major (A01, A02, ..., B01). */
    public List<Well> wells() {
        return wells;
    }

    /** Site numbers of a well, ascending. */
    public List<Integer> sites(Well well) {
        List<Integer> s = sites.get(well);
        if (s == null) {
            throw new IllegalArgumentException("plate " + plate + " has no images of well " + well);
        }
        return s;
    }

    /** Channel (wavelength) numbers, ascending: w1 = 1. */
    public List<Integer> channels() {
        return channels;
    }

    /** Time points, ascending; [1] when there are no TimePoint folders. */
    public List<Integer> timePoints() {
        return timePoints;
    }

    /** Z steps, ascending; [1] when there are no ZStep folders. */
    public List<Integer> zSteps() {
        return zSteps;
    }

    /** Number of image files. */
    public int fileCount() {
        int n = 0;
        for (List<Path> z : files.values()) n += z.size();
        return n;
    }

    /** The files of one site's channel at one time point, in z order (one file when there are no z steps). */
    public List<Path> files(Well well, int site, int channel, int timePoint) {
        List<Path> z = files.get(new PlateImage.SiteChannel(well, site, channel, timePoint));
        if (z == null) {
            throw new IllegalArgumentException("plate " + plate + " has no image at " + well + " site " + site
                    + " channel " + channel + " time point " + timePoint);
        }
        return z;
    }

    /** The one file of a site's channel at a time point; for z-stacked plates use {@link #files}. */
    public Path file(Well well, int site, int channel, int timePoint) {
        List<Path> z = files(well, site, channel, timePoint);
        if (z.size() != 1) {
            throw new IllegalStateException("plate " + plate + " has " + z.size() + " z steps per image; use files()");
        }
        return z.get(0);
    }

    /** Every (well, site, channel, time point) with its z-ordered files, in plate order. */
    public List<Map.Entry<PlateImage.SiteChannel, List<Path>>> entries() {
        return List.copyOf(files.entrySet());
    }

    @Override
    public String toString() {
        return "PlateLayout[" + plate + ": " + wells.size() + " wells, " + channels.size() + " channels, "
                + timePoints.size() + " time points, " + zSteps.size() + " z steps, " + fileCount() + " files]";
    }
}
