package org.karyo.app;

import org.karyo.fate.Fate;
import org.karyo.fate.FateHistory;
import org.karyo.fate.NeighbourDeaths;
import org.karyo.fate.TrackSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The moments of infected tracks at which a fate predictor is asked, each with its Hoechst-history
 * features ({@link FateHistory}) and what happened later. Spreader and nonspreader tracks only: the
 * reporter already says who is infected; the open question is who will lyse.
 */
final class FateHistorySamples {
    /** Every feature a sample carries: the cell's own history ({@link FateHistory#NAMES}), then its neighbourhood's deaths. */
    static final List<String> NAMES = java.util.stream.Stream.concat(FateHistory.NAMES.stream(), NeighbourDeaths.NAMES.stream()).toList();

    /**
     * @param well              well (movie) name
     * @param trackId           the track
     * @param root              its lineage root (a cell and its daughters belong together)
     * @param frame             frame index
     * @param hours             movie time
     * @param fate              what the reporter and PI said happened
     * @param hpi               hours since infection (reporter onset)
     * @param hoursBeforeLysis  for spreaders, hours until lysis; NaN otherwise
     * @param features          {@link #NAMES} at this moment
     * @param followedHours     hours from infection to the last frame the cell was seen (NaN if fates.csv does not say)
     */
    record Sample(String well, int trackId, int root, int frame, double hours, Fate fate, double hpi,
                  double hoursBeforeLysis, double[] features, double followedHours) {
    }

    private FateHistorySamples() {
    }

    /**
     * Every frame at or after infection of the well's infected tracks, lineages joined; with {@code uninfected}, also
     * every frame of its uninfected tracks (no infection time: their anchored features are unknown).
     */
    static List<Sample> of(String well, TracksTable.Tracks tracks, Map<Integer, FatesTable.Row> calls, boolean uninfected,
                           NeighbourDeaths deaths) {
        Map<Integer, TrackSeries> byId = new HashMap<>();
        Map<Integer, Integer> children = new HashMap<>();
        for (TrackSeries s : tracks.series()) {
            byId.put(s.trackId(), s);
            if (s.parent() != 0) children.merge(s.parent(), 1, Integer::sum);
        }
        List<Sample> out = new ArrayList<>();
        for (TrackSeries s : tracks.series()) {
            FatesTable.Row c = calls.get(s.trackId());
            if (c == null) continue;
            boolean infected = c.fate().infected();
            if (infected ? !Double.isFinite(c.infectionHours()) : !uninfected) continue;
            List<TrackSeries> chain = lineage(s, byId);
            List<List<FateHistory.Frame>> lineage = new ArrayList<>();
            // A parent with one child is a gap in one cell's track; with two, a division.
            boolean[] byDivision = new boolean[chain.size()];
            for (int k = 0; k < chain.size(); k++) {
                lineage.add(frames(tracks.rows().get(chain.get(k).trackId())));
                byDivision[k] = k > 0 && children.getOrDefault(chain.get(k).parent(), 0) >= 2;
            }
            FateHistory history = FateHistory.ofLineage(lineage, byDivision);
            double[][] path = path(chain, tracks);
            for (int i = 0; i < s.size(); i++) {
                double hpi = infected ? s.hours()[i] - c.infectionHours() : Double.NaN;
                if (hpi < 0) continue;
                int at = history.indexAt(s.hours()[i], 1e-6);
                double before = c.fate() == Fate.SPREADER ? c.lysisHours() - s.hours()[i] : Double.NaN;
                double[] own = history.at(at, c.infectionHours());
                double[] around = deaths.at(path[0], path[1], path[2], at);
                double[] features = Arrays.copyOf(own, own.length + around.length);
                System.arraycopy(around, 0, features, own.length, around.length);
                out.add(new Sample(well, s.trackId(), c.root(), s.frames()[i], s.hours()[i], c.fate(), hpi, before,
                        features, c.followedHours()));
            }
        }
        return out;
    }

    /** The well's deaths ({@link NeighbourDeaths#find}), distances in its median nucleus diameter. */
    static NeighbourDeaths deaths(TracksTable.Tracks tracks) {
        Map<Integer, Integer> children = new HashMap<>();
        for (TrackSeries s : tracks.series()) if (s.parent() != 0) children.merge(s.parent(), 1, Integer::sum);
        List<NeighbourDeaths.Track> all = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        List<Double> diameters = new ArrayList<>();
        for (TrackSeries s : tracks.series()) {
            List<TracksTable.Row> rows = tracks.rows().get(s.trackId());
            int n = rows.size();
            double[] h = new double[n], x = new double[n], y = new double[n], dna = new double[n];
            for (int i = 0; i < n; i++) {
                TracksTable.Row r = rows.get(i);
                h[i] = r.hours();
                x[i] = r.x();
                y[i] = r.y();
                dna[i] = r.dna();
                if (r.area() > 0) diameters.add(2 * Math.sqrt(r.area() / Math.PI));
            }
            last = Math.max(last, s.lastHours());
            all.add(new NeighbourDeaths.Track(children.getOrDefault(s.trackId(), 0) > 0, h, x, y, dna));
        }
        Collections.sort(diameters);
        double diameter = diameters.isEmpty() ? 1 : diameters.get(diameters.size() / 2);
        return new NeighbourDeaths(NeighbourDeaths.find(all, last), diameter);
    }

    /** Hours, x and y of a lineage (oldest track first), later-or-equal times skipped as in {@link FateHistory#ofLineage}. */
    private static double[][] path(List<TrackSeries> chain, TracksTable.Tracks tracks) {
        List<double[]> points = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (TrackSeries t : chain) {
            for (TracksTable.Row r : tracks.rows().get(t.trackId())) {
                if (r.hours() > last) {
                    points.add(new double[] {r.hours(), r.x(), r.y()});
                    last = r.hours();
                }
            }
        }
        double[][] out = new double[3][points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int k = 0; k < 3; k++) out[k][i] = points.get(i)[k];
        }
        return out;
    }

    private static List<FateHistory.Frame> frames(List<TracksTable.Row> rows) {
        List<FateHistory.Frame> out = new ArrayList<>(rows.size());
        for (TracksTable.Row r : rows) out.add(new FateHistory.Frame(r.hours(), r.area(), r.dna(), r.dnaCv(), r.dnaRim(), r.dnaP90Ratio(), r.dnaBright()));
        return out;
    }

    /** Ancestors oldest first, then the track; stops at a missing or cyclic parent. */
    private static List<TrackSeries> lineage(TrackSeries s, Map<Integer, TrackSeries> byId) {
        List<TrackSeries> chain = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (TrackSeries t = s; t != null && seen.add(t.trackId()); t = byId.get(t.parent())) {
            chain.add(0, t);
        }
        return chain;
    }
}
