package org.karyo.io.timelapse;

import org.karyo.image.Plane;

/**
 * One time point of a movie as read: the DNA channel always, reporter and PI when they were asked for
 * (null otherwise).
 */
public record TimelapseFrame(int index, Plane dna, Plane reporter, Plane pi) {
    public TimelapseFrame {
        if (dna == null) throw new IllegalArgumentException("a frame needs its DNA channel");
    }
}
