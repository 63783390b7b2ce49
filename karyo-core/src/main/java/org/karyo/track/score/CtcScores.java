package org.karyo.track.score;

/**
 * Cell Tracking Challenge scores of one tracking result.
 *
 * @param tra   tracking accuracy (AOGM normalised against the empty result), 0..1
 * @param det   detection accuracy (AOGM-D normalised likewise), 0..1
 * @param seg   mean Jaccard index over truth nuclei, 0 for those not matched (more than half their pixels
 *              inside one result nucleus), 0..1
 * @param counts the edit operations behind TRA and DET
 */
public record CtcScores(double tra, double det, double seg, AogmCounts counts) {
}
