package org.karyo.track;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one frame's label image into {@link Detection}s: centroid, area and mean intensity per channel, in a
 * single pass over the pixels. Lighter than the full nucleus measurer because tracking needs only these.
 */
public final class DetectionExtractor {
    private DetectionExtractor() {
    }

    /**
     * @param channels planes of the same size as the labels; a null entry is a channel that was not given and
     *                 gets NaN means
     */
    public static List<Detection> extract(int frame, LabelImage labels, Plane... channels) {
        for (Plane p : channels) {
            if (p != null && !labels.sameSize(p)) {
                throw new IllegalArgumentException("channel " + p + " differs in size from the labels "
                        + labels.width() + "x" + labels.height());
            }
        }
        int n = labels.count();
        int[] lab = labels.labels();
        int w = labels.width();
        long[] area = new long[n + 1];
        double[] sx = new double[n + 1];
        double[] sy = new double[n + 1];
        double[] sxx = new double[n + 1];
        double[] syy = new double[n + 1];
        double[] sxy = new double[n + 1];
        double[][] sums = new double[channels.length][n + 1];
        Plane dna = channels.length > 0 ? channels[0] : null;
        double[] dnaX = new double[n + 1];
        double[] dnaY = new double[n + 1];
        double backgroundSum = 0;
        long backgroundCount = 0;
        for (int i = 0; i < lab.length; i++) {
            int v = lab[i];
            if (v == 0) {
                if (dna != null) {
                    backgroundSum += dna.pixels()[i];
                    backgroundCount++;
                }
                continue;
            }
            if (v > n) throw new IllegalArgumentException("label " + v + " above the image's count " + n);
            double x = i % w;
            double y = i / w;
            area[v]++;
            sx[v] += x;
            sy[v] += y;
            sxx[v] += x * x;
            syy[v] += y * y;
            sxy[v] += x * y;
            for (int c = 0; c < channels.length; c++) {
                if (channels[c] != null) sums[c][v] += channels[c].pixels()[i];
            }
            if (dna != null) {
                dnaX[v] += dna.pixels()[i] * x;
                dnaY[v] += dna.pixels()[i] * y;
            }
        }
        double background = backgroundCount > 0 ? backgroundSum / backgroundCount : 0;
        List<Detection> out = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            if (area[v] == 0) continue;
            double[] means = new double[channels.length];
            for (int c = 0; c < channels.length; c++) {
                means[c] = channels[c] == null ? Double.NaN : sums[c][v] / area[v];
            }
            double a = area[v];
            double cx = sx[v] / a;
            double cy = sy[v] / a;
            // +1/12: a pixel's own spread, so a one-pixel nucleus still has a positive moment.
            out.add(new Detection(frame, v, cx, cy, (int) a, sxx[v] / a - cx * cx + 1 / 12.0,
                    syy[v] / a - cy * cy + 1 / 12.0, sxy[v] / a - cx * cy, means,
                    brightSide(dnaX[v] / a, cx, means, background), brightSide(dnaY[v] / a, cy, means, background)));
        }
        return out;
    }

    /**
     * Along one axis, the DNA-weighted centre's offset from the centroid with the weights' background (the mean of
     * the unlabelled pixels) taken out, so a camera offset or a hazy frame does not shrink it; NaN without DNA or
     * when the nucleus is no brighter than the background.
     */
    private static double brightSide(double meanWeightedCoordinate, double centre, double[] means, double background) {
        if (means.length == 0 || !(means[0] - background > 0)) return Double.NaN;
        return (meanWeightedCoordinate - centre * means[0]) / (means[0] - background);
    }
}
