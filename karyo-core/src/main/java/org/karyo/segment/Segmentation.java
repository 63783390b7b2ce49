package org.karyo.segment;

import org.karyo.image.LabelImage;

/**
 * Nuclei found in one image, with the scale and cut that were used (worth reporting: when the diameter
 * was estimated, a user should see what it came to).
 */
public record Segmentation(LabelImage labels, double diameter, double threshold) {
}
