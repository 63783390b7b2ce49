package org.karyo.track.score;

/**
 * The truth cell a result track follows: the truth label it alone covered in most of its frames.
 *
 * @param trackId       the result track
 * @param truthLabel    the truth label it matched most often (0: it never matched one truth nucleus alone)
 * @param matchedFrames frames in which it matched that label alone
 * @param frames        frames in which the track appears
 */
public record TrackTruth(int trackId, int truthLabel, int matchedFrames, int frames) {
    /** Whether the track was on that one truth cell in more than half of its frames, so its truth is that cell's. */
    public boolean followsOneCell() {
        return truthLabel != 0 && 2L * matchedFrames > frames;
    }
}
