package org.karyo.fate;

import java.util.Arrays;

/**
 * One track's measurements frame by frame, in frame order (as a tracker's tracks.csv holds them).
 *
 * @param trackId   the track's id (its label in the mask images)
 * @param parent    the mother track's id, 0 for none
 * @param frames    0-based frame indices, strictly increasing
 * @param hours     movie time of each frame
 * @param area      nuclear area in pixels
 * @param dna       mean Hoechst intensity in the nucleus
 * @param reporter  mean reporter intensity in the nucleus (NaN where not measured)
 * @param pi        mean propidium iodide intensity in the nucleus (NaN where not measured)
 */
public record TrackSeries(int trackId, int parent, int[] frames, double[] hours, double[] area, double[] dna,
                          double[] reporter, double[] pi) {
    public TrackSeries {
        int n = frames.length;
        if (n == 0) throw new IllegalArgumentException("track " + trackId + " has no frames");
        if (hours.length != n || area.length != n || dna.length != n || reporter.length != n || pi.length != n) {
            throw new IllegalArgumentException("track " + trackId + ": series lengths differ");
        }
        for (int i = 1; i < n; i++) {
            if (frames[i] <= frames[i - 1]) {
                throw new IllegalArgumentException("track " + trackId + ": frame " + frames[i] + " after " + frames[i - 1]);
            }
        }
        if (trackId <= 0 || parent < 0 || parent == trackId) {
            throw new IllegalArgumentException("track " + trackId + ": bad id or parent " + parent);
        }
    }

    public int size() {
        return frames.length;
    }

    public int firstFrame() {
        return frames[0];
    }

    public int lastFrame() {
        return frames[frames.length - 1];
    }

    public double firstHours() {
        return hours[0];
    }

    public double lastHours() {
        return hours[hours.length - 1];
    }

    /** A series of only reporter and PI values at frames 0.., one hour apart (tests, simple callers). */
    public static TrackSeries of(int trackId, int parent, int firstFrame, double hoursPerFrame, double[] reporter, double[] pi) {
        int n = reporter.length;
        int[] frames = new int[n];
        double[] hours = new double[n];
        for (int i = 0; i < n; i++) {
            frames[i] = firstFrame + i;
            hours[i] = frames[i] * hoursPerFrame;
        }
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        return new TrackSeries(trackId, parent, frames, hours, nan.clone(), nan.clone(), reporter, pi);
    }
}
