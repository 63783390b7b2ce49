package org.karyo.segment;

import org.karyo.image.LabelImage;

import java.util.Arrays;

/**
 * How well predicted instances match ground-truth instances.
 *
 * <p>A prediction and a truth object match at IoU threshold t when their IoU exceeds t. For t &ge; 0.5 such
 * a match is necessarily one-to-one (two objects cannot both overlap a third by more than half), so no
 * assignment problem needs solving.
 *
 * @param truth       number of ground-truth objects
 * @param predicted   number of predicted objects
 * @param truePositives matches at each threshold of {@link #THRESHOLDS}
 */
public record SegmentationScore(int truth, int predicted, int[] truePositives) {
    /** IoU 0.50, 0.55, ..., 0.95 (the Data Science Bowl 2018 series). */
    public static final double[] THRESHOLDS = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

    public SegmentationScore {
        if (truePositives.length != THRESHOLDS.length) throw new IllegalArgumentException("one TP count per threshold");
        truePositives = truePositives.clone();
    }

    public static SegmentationScore of(LabelImage predicted, LabelImage truth) {
        int[] tp = new int[THRESHOLDS.length];
        for (InstanceMatcher.Overlap o : InstanceMatcher.overlaps(predicted, truth)) {
            for (int t = 0; t < THRESHOLDS.length; t++) if (o.iou() > THRESHOLDS[t]) tp[t]++;
        }
        return new SegmentationScore(truth.count(), predicted.count(), tp);
    }

    /** F1 = TP / (TP + (FP + FN) / 2) at IoU 0.5. */
    public double f1() {
        return f1(0);
    }

    public double f1(int thresholdIndex) {
        int tp = truePositives[thresholdIndex];
        double denom = tp + 0.5 * (predicted - tp) + 0.5 * (truth - tp);
        return denom == 0 ? 1 : tp / denom;
    }

    /** TP / (TP + FP + FN) at one threshold (the DSB2018 "AP"). */
    public double ap(int thresholdIndex) {
        int tp = truePositives[thresholdIndex];
        int denom = predicted + truth - tp;
        return denom == 0 ? 1 : (double) tp / denom;
    }

    /** Mean of {@link #ap} over IoU 0.5:0.05:0.95. */
    public double meanAp() {
        double s = 0;
        for (int t = 0; t < THRESHOLDS.length; t++) s += ap(t);
        return s / THRESHOLDS.length;
    }

    /** Scores pooled over images: sums of counts, so large images weigh by their number of nuclei. */
    public SegmentationScore plus(SegmentationScore o) {
        int[] tp = truePositives.clone();
        for (int t = 0; t < tp.length; t++) tp[t] += o.truePositives[t];
        return new SegmentationScore(truth + o.truth, predicted + o.predicted, tp);
    }

    public static SegmentationScore empty() {
        return new SegmentationScore(0, 0, new int[THRESHOLDS.length]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentationScore s && s.truth == truth && s.predicted == predicted
                && Arrays.equals(s.truePositives, truePositives);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * truth + predicted) + Arrays.hashCode(truePositives);
    }

    @Override
    public String toString() {
        return "SegmentationScore[truth=" + truth + ", predicted=" + predicted + ", tp=" + Arrays.toString(truePositives) + "]";
    }
}
