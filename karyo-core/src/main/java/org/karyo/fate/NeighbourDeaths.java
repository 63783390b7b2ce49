package org.karyo.fate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The deaths a cell has seen around it, from Hoechst tracks alone. A lytic cell infects its neighbours (the plaque
 * the study counts), and in the DNA stain its death shows as a nucleus that brightens and then vanishes. A cell
 * that sat next to such a death a day ago may be infected although its own nucleus has not changed yet; a cell far
 * from every death is unlikely to be in a second round of infection. The reporter and PI are not used.
 *
 * <p>A death is a track that ends before the movie does, without daughters, with its last frame at least
 * {@link #MIN_BRIGHTENING} times as bright as the median of its earlier frames (a track that a tracker merely lost
 * does not brighten). Only deaths before the moment count: a death in frame f is seen when the nucleus is gone in
 * frame f + 1. Distances are taken from where the cell was at the time of the death, in the well's median nucleus
 * diameters, so the features do not depend on magnification.
 */
public final class NeighbourDeaths {
    /** Features, in the order {@link #at} returns them. */
    public static final List<String> NAMES = List.of("neighbour_death_diameters", "neighbour_death_hours", "neighbour_deaths");
    /** How far back deaths count: second-round infections show in the nucleus a day or two after the death. */
    static final double WINDOW_H = 60;
    /** "Near": about the spread radius of a lytic AdV cell (45 µm, some 3-4 nuclei at 20x). */
    static final double NEAR_DIAMETERS = 4;
    /** Distance reported when no death was seen in the window. */
    static final double FAR_DIAMETERS = 20;
    /** A dying nucleus condenses: its last frame this much brighter than its earlier median. */
    static final double MIN_BRIGHTENING = 1.2;

    /**
     * One track as the deaths need it.
     *
     * @param divided whether the track ended in a division (has daughters)
     * @param hours   movie time per frame, increasing
     * @param dna     mean Hoechst per frame
     */
    public record Track(boolean divided, double[] hours, double[] x, double[] y, double[] dna) {
    }

    /** A death: where and when the nucleus was last seen. */
    public record Death(double hours, double x, double y) {
    }

    private final Death[] deaths;
    private final double diameter;

    /**
     * @param deaths   in any order
     * @param diameter the well's typical nucleus diameter, in the same units as x and y
     */
    public NeighbourDeaths(List<Death> deaths, double diameter) {
        if (!(diameter > 0)) throw new IllegalArgumentException("diameter must be > 0: " + diameter);
        this.deaths = deaths.stream().sorted(Comparator.comparingDouble(Death::hours)).toArray(Death[]::new);
        this.diameter = diameter;
    }

    /**
     * The deaths among a well's tracks.
     *
     * @param lastHours the movie's last frame: a track that reaches it did not vanish
     */
    public static List<Death> find(List<Track> tracks, double lastHours) {
        List<Death> out = new ArrayList<>();
        for (Track t : tracks) {
            int n = t.hours().length;
            if (t.divided() || n < 3 || t.hours()[n - 1] >= lastHours - 1e-9) continue;
            double before = median(Arrays.copyOf(t.dna(), n - 2));
            if (before > 0 && t.dna()[n - 1] >= MIN_BRIGHTENING * before) {
                out.add(new Death(t.hours()[n - 1], t.x()[n - 1], t.y()[n - 1]));
            }
        }
        return out;
    }

    public int count() {
        return deaths.length;
    }

    /**
     * The features at moment {@code index} of a cell's path (its lineage's positions, increasing in time): distance
     * to the nearest death of the last {@link #WINDOW_H} hours, hours since the latest one within
     * {@link #NEAR_DIAMETERS}, and how many were that near.
     */
    public double[] at(double[] hours, double[] x, double[] y, int index) {
        double now = hours[index];
        double nearest = FAR_DIAMETERS;
        double since = WINDOW_H;
        int near = 0;
        int at = 0;
        for (Death d : deaths) {
            if (d.hours() >= now - 1e-9) break;
            if (d.hours() <= now - WINDOW_H) continue;
            // Where the cell was then: its last frame at or before the death (its first, if it appeared later).
            while (at < index && hours[at + 1] <= d.hours() + 1e-9) at++;
            double r = Math.hypot(x[at] - d.x(), y[at] - d.y()) / diameter;
            nearest = Math.min(nearest, r);
            if (r <= NEAR_DIAMETERS) {
                near++;
                since = Math.min(since, now - d.hours());
            }
        }
        return new double[] {nearest, since, near};
    }

    private static double median(double[] v) {
        double[] a = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (a.length == 0) return Double.NaN;
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
