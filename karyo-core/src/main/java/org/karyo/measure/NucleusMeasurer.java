package org.karyo.measure;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures shape and per-channel intensity of every labelled nucleus in one pass over the labels
 * plus one pass per channel.
 *
 * <p>The rim-to-centre ratio uses each nucleus's own second-moment ellipse as a radial coordinate
 * (for a uniform ellipse the boundary sits at Mahalanobis distance 2), so it works for elongated
 * nuclei without a distance transform: the centre is the inner half of that radius, the rim the
 * outer quarter.
 */
public final class NucleusMeasurer {
    /** Below this many pixels a nucleus has no meaningful centre and rim. */
    static final int MIN_AREA_FOR_RADIAL = 20;
    private static final double CENTRE_MAX = 0.5;
    private static final double RIM_MIN = 0.75;

    /**
     * @param channels named intensity planes, each the size of the label image; order is kept
     */
    public List<NucleusMeasurement> measure(LabelImage labels, Map<String, Plane> channels) {
        for (Map.Entry<String, Plane> e : channels.entrySet()) {
            if (!labels.sameSize(e.getValue())) {
                throw new IllegalArgumentException("channel '" + e.getKey() + "' is " + e.getValue()
                        + " but labels are " + labels.width() + "x" + labels.height());
            }
        }
        int n = labels.count();
        Geometry g = Geometry.of(labels);
        int[] order = pixelsByLabel(labels, g.offsets);
        Map<String, ChannelStats[]> stats = new LinkedHashMap<>();
        for (Map.Entry<String, Plane> e : channels.entrySet()) {
            stats.put(e.getKey(), channelStats(e.getValue(), labels.width(), order, g));
        }
        List<NucleusMeasurement> out = new ArrayList<>(n);
        for (int id = 1; id <= n; id++) {
            if (g.area[id] == 0) continue;
            Map<String, ChannelStats> perChannel = new LinkedHashMap<>();
            for (Map.Entry<String, ChannelStats[]> e : stats.entrySet()) {
                perChannel.put(e.getKey(), e.getValue()[id]);
            }
            out.add(new NucleusMeasurement(id, g.shape(id), perChannel));
        }
        return out;
    }

    /** Pixel indices grouped by label (a counting sort): label L owns order[offsets[L] .. offsets[L+1]). */
    private static int[] pixelsByLabel(LabelImage labels, int[] offsets) {
        int[] lab = labels.labels();
        int[] next = Arrays.copyOf(offsets, offsets.length);
        int[] order = new int[offsets[offsets.length - 1]];
        for (int i = 0; i < lab.length; i++) {
            int l = lab[i];
            if (l > 0) order[next[l]++] = i;
        }
        return order;
    }

    private static ChannelStats[] channelStats(Plane plane, int width, int[] order, Geometry g) {
        float[] px = plane.pixels();
        int n = g.area.length - 1;
        ChannelStats[] out = new ChannelStats[n + 1];
        float[] values = new float[16];
        for (int id = 1; id <= n; id++) {
            int from = g.offsets[id];
            int count = g.offsets[id + 1] - from;
            if (count == 0) continue;
            if (values.length < count) values = new float[count];
            double sum = 0;
            double sumSq = 0;
            double rimSum = 0;
            double centreSum = 0;
            int rimN = 0;
            int centreN = 0;
            double[] inv = g.inverseCovariance(id);
            double cx = g.sumX[id] / count;
            double cy = g.sumY[id] / count;
            for (int k = 0; k < count; k++) {
                int i = order[from + k];
                float v = px[i];
                values[k] = v;
                sum += v;
                sumSq += (double) v * v;
                if (inv != null) {
                    double dx = i % width - cx;
                    double dy = i / width - cy;
                    double rho = Math.sqrt(inv[0] * dx * dx + 2 * inv[1] * dx * dy + inv[2] * dy * dy) / 2;
                    if (rho < CENTRE_MAX) {
                        centreSum += v;
                        centreN++;
                    } else if (rho >= RIM_MIN) {
                        rimSum += v;
                        rimN++;
                    }
                }
            }
            Arrays.sort(values, 0, count);
            double median = (count % 2 == 1) ? values[count / 2]
                    : 0.5 * ((double) values[count / 2 - 1] + values[count / 2]);
            double mean = sum / count;
            double var = Math.max(0, sumSq / count - mean * mean);
            double ratio = Double.NaN;
            if (count >= MIN_AREA_FOR_RADIAL && rimN > 0 && centreN > 0) {
                double centreMean = centreSum / centreN;
                ratio = centreMean == 0 ? Double.NaN : (rimSum / rimN) / centreMean;
            }
            out[id] = new ChannelStats(mean, median, Math.sqrt(var), values[0], values[count - 1], sum, ratio,
                    percentile(values, count, 0.9), brightFraction(values, count, median));
        }
        return out;
    }

    /** Linear interpolation between the closest ranks of the first {@code count} sorted values. */
    static double percentile(float[] sorted, int count, double q) {
        double rank = q * (count - 1);
        int below = (int) rank;
        int above = Math.min(count - 1, below + 1);
        return sorted[below] + (rank - below) * ((double) sorted[above] - sorted[below]);
    }

    /** Share of the first {@code count} sorted values at or above {@link ChannelStats#BRIGHT_FACTOR} times the median. */
    static double brightFraction(float[] sorted, int count, double median) {
        if (!(median > 0)) return 0;
        double cut = ChannelStats.BRIGHT_FACTOR * median;
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < cut) lo = mid + 1;
            else hi = mid;
        }
        return (double) (count - lo) / count;
    }
}
