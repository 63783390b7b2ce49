package org.karyo.segment;

/** How the foreground/background cut is found on the corrected, smoothed image. */
public enum ThresholdMethod {
    /** Otsu's cut, re-split below a few very bright objects that would otherwise capture it (default). */
    ROBUST_OTSU,
    OTSU,
    TRIANGLE,
    FIXED
}
