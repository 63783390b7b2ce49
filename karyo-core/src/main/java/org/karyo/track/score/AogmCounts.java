package org.karyo.track.score;

/**
 * The graph edit operations that turn a tracking result into the ground truth (AOGM, Matula et al. 2015),
 * and the size of the ground truth graph they are normalised by.
 *
 * @param splits          NS: extra truth nuclei covered by one result nucleus (each needs a split)
 * @param falseNegatives  FN: truth nuclei no result nucleus covers
 * @param falsePositives  FP: result nuclei that cover no truth nucleus
 * @param edgeDeletions   ED: result links absent from the truth
 * @param edgeAdditions   EA: truth links absent from the result
 * @param wrongSemantics  EC: links present in both, one a division/parent link and the other not
 * @param truthNodes      nuclei in the truth (all frames)
 * @param truthEdges      links in the truth
 */
public record AogmCounts(long splits, long falseNegatives, long falsePositives, long edgeDeletions,
                         long edgeAdditions, long wrongSemantics, long truthNodes, long truthEdges) {
    /** Cell Tracking Challenge weights: NS 5, FN 10, FP 1, ED 1, EA 1.5, EC 1. */
    public static final double W_NS = 5;
    public static final double W_FN = 10;
    public static final double W_FP = 1;
    public static final double W_ED = 1;
    public static final double W_EA = 1.5;
    public static final double W_EC = 1;

    /** Weighted cost of all operations. */
    public double aogm() {
        return W_NS * splits + W_FN * falseNegatives + W_FP * falsePositives
                + W_ED * edgeDeletions + W_EA * edgeAdditions + W_EC * wrongSemantics;
    }

    /** Cost of building the truth from an empty result: every nucleus and link added. */
    public double aogmEmpty() {
        return W_FN * truthNodes + W_EA * truthEdges;
    }

    /** Detection-only cost (AOGM-D): splits, false negatives, false positives. */
    public double aogmDetection() {
        return W_NS * splits + W_FN * falseNegatives + W_FP * falsePositives;
    }

    /** TRA = 1 - min(AOGM, AOGM0) / AOGM0; 1 for an empty truth. */
    public double tra() {
        double empty = aogmEmpty();
        return empty == 0 ? 1 : 1 - Math.min(aogm(), empty) / empty;
    }

    /** DET = 1 - min(AOGM-D, AOGM-D0) / AOGM-D0 with AOGM-D0 = 10 x truth nuclei. */
    public double det() {
        double empty = W_FN * truthNodes;
        return empty == 0 ? 1 : 1 - Math.min(aogmDetection(), empty) / empty;
    }
}
