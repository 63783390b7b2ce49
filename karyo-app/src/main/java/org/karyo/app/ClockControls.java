package org.karyo.app;

import java.util.Map;
import java.util.TreeMap;

/**
 * How much of a fate predictor's score the movie clock could explain. Lysis is only seen inside the movie, so cells
 * infected late cannot be spreaders: "early in the movie" predicts lysis by itself. Both checks take the scored frames'
 * movie times, their truth (spreader or not) and the predictor's call.
 */
final class ClockControls {
    private ClockControls() {
    }

    /** @param cut frames before it are called spreader; balanced the balanced accuracy of that rule */
    record Cut(double cut, double balanced) {
    }

    /** The single cut on the movie clock with the best balanced accuracy (earlier = spreader). */
    static Cut bestCut(double[] hours, boolean[] spreader) {
        double[] cuts = java.util.Arrays.stream(hours).sorted().distinct().toArray();
        Cut best = new Cut(Double.NaN, 0);
        for (double cut : cuts) {
            int[] c = new int[4]; // spreaders before the cut, spreaders, nonspreaders at or after, nonspreaders
            for (int i = 0; i < hours.length; i++) {
                boolean early = hours[i] < cut;
                c[spreader[i] ? 1 : 3]++;
                if (spreader[i] && early) c[0]++;
                if (!spreader[i] && !early) c[2]++;
            }
            double b = (c[0] / (double) c[1] + c[2] / (double) c[3]) / 2;
            if (b > best.balanced()) best = new Cut(cut, b);
        }
        return best;
    }

    /**
     * @param kept share of spreader frames in a bin that also holds nonspreader frames (the others cannot be matched)
     */
    record Matched(double balanced, double recall, double specificity, double kept) {
    }

    /**
     * Balanced accuracy with the nonspreader frames weighted to the spreader frames' distribution of movie time (bins of
     * {@code bin} hours): at equal clock the clock tells nothing, so what remains is the nucleus. Null when no bin holds both.
     */
    static Matched matched(double[] hours, boolean[] spreader, boolean[] calledSpreader, double bin) {
        Map<Long, double[]> byBin = new TreeMap<>(); // spreaders, spreaders called, nonspreaders, nonspreaders called non
        for (int i = 0; i < hours.length; i++) {
            double[] c = byBin.computeIfAbsent((long) Math.floor(hours[i] / bin), b -> new double[4]);
            if (spreader[i]) {
                c[0]++;
                if (calledSpreader[i]) c[1]++;
            } else {
                c[2]++;
                if (!calledSpreader[i]) c[3]++;
            }
        }
        double spreaders = 0, kept = 0, recalled = 0, specific = 0;
        for (double[] c : byBin.values()) {
            spreaders += c[0];
            if (c[0] == 0 || c[2] == 0) continue;
            kept += c[0];
            recalled += c[1];
            specific += c[0] * c[3] / c[2];
        }
        if (kept == 0) return null;
        double recall = recalled / kept, specificity = specific / kept;
        return new Matched((recall + specificity) / 2, recall, specificity, kept / spreaders);
    }

    /**
     * Recall of a group of frames reweighted to another group's distribution over bins of {@code bin} (movie hours, or
     * hours since infection): each bin counts as much as its share of the {@code reference} values, among the bins
     * that hold frames of the group. NaN when no bin holds both.
     *
     * @param right per frame of the group, whether the predictor called it right
     */
    static double matchedRecall(double[] reference, double[] values, boolean[] right, double bin) {
        Map<Long, double[]> byBin = new TreeMap<>(); // reference frames, group frames, group frames right
        for (double v : reference) byBin.computeIfAbsent((long) Math.floor(v / bin), b -> new double[3])[0]++;
        for (int i = 0; i < values.length; i++) {
            double[] c = byBin.computeIfAbsent((long) Math.floor(values[i] / bin), b -> new double[3]);
            c[1]++;
            if (right[i]) c[2]++;
        }
        double weight = 0, recalled = 0;
        for (double[] c : byBin.values()) {
            if (c[0] == 0 || c[1] == 0) continue;
            weight += c[0];
            recalled += c[0] * c[2] / c[1];
        }
        return weight == 0 ? Double.NaN : recalled / weight;
    }
}
