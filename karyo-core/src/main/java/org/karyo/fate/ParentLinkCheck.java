package org.karyo.fate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds parent links (gap continuations and divisions) that contradict the two signals fates are read from.
 *
 * <p>Why: a tracker's error becomes a wrong cell count once fates follow lineages. When a lysed nucleus vanishes the
 * tracker often links its track, over a gap, to a live neighbour; the lysed cell then counts through that neighbour
 * as a nonspreader. When an infected cell's track passes to an uninfected neighbour, the neighbour inherits the
 * infection. Both links break a rule of the biology: a cell that lysed does not go on (unless what goes on is its
 * own PI-positive remains), and the virus reporter does not fade from an infected cell or her daughters. A link
 * that breaks one is not believed: the child is called as a cell of its own, and the parent counts as a cell whose
 * story ended with its track.
 */
public final class ParentLinkCheck {
    private ParentLinkCheck() {
    }

    /** Verdict per track id (every track gets one; tracks without a parent are {@link ParentLink#TRUSTED}). */
    public static Map<Integer, ParentLink> check(List<TrackSeries> tracks, double reporterCut, double piCut, int persistence) {
        Map<Integer, TrackSeries> byId = new HashMap<>();
        for (TrackSeries t : tracks) byId.put(t.trackId(), t);
        Map<Integer, ParentLink> out = new HashMap<>();
        Map<Integer, double[]> believedReporter = new HashMap<>();
        // Parents begin before their children, so each parent's believed history is known when its children come.
        List<TrackSeries> order = new ArrayList<>(tracks);
        order.sort(Comparator.comparingInt(TrackSeries::firstFrame).thenComparingInt(TrackSeries::trackId));
        for (TrackSeries t : order) {
            TrackSeries p = byId.get(t.parent());
            ParentLink link = p == null ? ParentLink.TRUSTED : judge(t, p, believedReporter.get(p.trackId()), reporterCut, piCut, persistence);
            out.put(t.trackId(), link);
            double[] history = link == ParentLink.TRUSTED && p != null ? believedReporter.get(p.trackId()) : null;
            believedReporter.put(t.trackId(), history == null ? t.reporter() : concat(history, t.reporter()));
        }
        return out;
    }

    private static ParentLink judge(TrackSeries child, TrackSeries parent, double[] parentHistory, double reporterCut,
                                    double piCut, int persistence) {
        if (Onset.first(parent.pi(), piCut, persistence) >= 0 && !(child.pi()[0] > piCut)) return ParentLink.AFTER_LYSIS;
        boolean parentInfected = parentHistory != null && Onset.sustained(parentHistory, reporterCut, persistence) >= 0;
        if (parentInfected && median(child.reporter()) <= reporterCut) return ParentLink.REPORTER_LOST;
        return ParentLink.TRUSTED;
    }

    /** Median of the finite values; +infinity when there are none (an unmeasured reporter never contradicts). */
    private static double median(double[] v) {
        double[] f = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (f.length == 0) return Double.POSITIVE_INFINITY;
        return f.length % 2 == 1 ? f[f.length / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
