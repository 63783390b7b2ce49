package org.karyo.track;

/** Where a live track's nucleus should be in the next frame (its last centre plus the field's drift) and its size. */
public record ExpectedNucleus(int trackId, double x, double y, double area) {
}
