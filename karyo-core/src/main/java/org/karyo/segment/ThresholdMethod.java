package org.karyo.segment;

/** How the foreground/background cut is found on the corrected, smoothed image. */
public enum ThresholdMethod {
    OTSU,
    TRIANGLE,
    FIXED
}
