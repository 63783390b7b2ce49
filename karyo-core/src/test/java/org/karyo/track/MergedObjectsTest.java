package org.karyo.track;

import org.junit.jupiter.api.Test;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.simulate.Track;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracker.mergedObjects with MergeSplitter.splitObjects: the learned segmenter's merges, found by a trial linking. */
class MergedObjectsTest {
    private static final TrackerSettings SETTINGS = TrackerSettings.DEFAULTS.withMaxDistance(30);
    private static final int W = 120;
    private static final int H = 80;

    /** Discs {x, y, r, object}: discs with the same object number are drawn as one object (a merge). */
    private static LabelImage draw(double[][] discs) {
        int[] lab = new int[W * H];
        int count = 0;
        for (double[] d : discs) {
            count = Math.max(count, (int) d[3]);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (Math.hypot(x - d[0], y - d[1]) <= d[2]) lab[y * W + x] = (int) d[3];
                }
            }
        }
        return new LabelImage(W, H, lab, count);
    }

    private static Plane flat() {
        float[] dna = new float[W * H];
        java.util.Arrays.fill(dna, 100);
        return Plane.of(W, H, dna);
    }

    /** Claims, splits and links one frame as `karyo track --segmenter` does. */
    private static TrackedFrame step(Tracker t, int frame, double[][] discs, Map<Integer, List<ExpectedNucleus>> claims) {
        return step(t, frame, draw(discs), claims);
    }

    private static TrackedFrame step(Tracker t, int frame, LabelImage objects, Map<Integer, List<ExpectedNucleus>> claims) {
        Map<Integer, List<ExpectedNucleus>> found = t.mergedObjects(DetectionExtractor.extract(frame, objects, flat()));
        claims.putAll(found);
        LabelImage split = MergeSplitter.splitObjects(objects, found);
        return t.add(DetectionExtractor.extract(frame, split, flat()));
    }

    @Test
    void twoTrackedNucleiSegmentedAsOneKeepTheirTracks() {
        Tracker t = new Tracker(SETTINGS);
        Map<Integer, List<ExpectedNucleus>> claims = new java.util.HashMap<>();
        for (int f = 0; f < 4; f++) {
            step(t, f, new double[][]{{30 + 2 * f, 40, 7, 1}, {60 - 2 * f, 40, 7, 2}, {100, 15, 7, 3}}, claims);
        }
        assertThat(claims).isEmpty();
        // Frame 4: the two discs touch and the segmenter returns them as one object.
        TrackedFrame merged = step(t, 4, new double[][]{{38, 40, 7, 1}, {52, 40, 7, 1}, {100, 15, 7, 2}}, claims);
        assertThat(claims).containsOnlyKeys(1);
        assertThat(claims.get(1)).extracting(ExpectedNucleus::trackId).containsExactlyInAnyOrder(1, 2);
        assertThat(merged.trackIds()).containsExactlyInAnyOrder(1, 2, 3);
        TrackedFrame apart = step(t, 5, new double[][]{{36, 40, 7, 1}, {54, 40, 7, 2}, {100, 15, 7, 3}}, claims);
        assertThat(apart.trackIds()).containsExactly(1, 2, 3);
        assertThat(t.finish()).containsExactly(new Track(1, 0, 5, 0), new Track(2, 0, 5, 0), new Track(3, 0, 5, 0));
    }

    @Test
    void withoutTheClaimTheMergeBreaksATrack() {
        // The same movie linked without splitting: one of the two tracks loses frame 4 (the claim is what saves it).
        Tracker t = new Tracker(SETTINGS);
        for (int f = 0; f < 4; f++) {
            t.add(DetectionExtractor.extract(f, draw(new double[][]{{30 + 2 * f, 40, 7, 1}, {60 - 2 * f, 40, 7, 2},
                    {100, 15, 7, 3}}), flat()));
        }
        TrackedFrame merged = t.add(DetectionExtractor.extract(4, draw(new double[][]{{38, 40, 7, 1}, {52, 40, 7, 1},
                {100, 15, 7, 2}}), flat()));
        assertThat(merged.trackIds()).hasSize(2);
    }

    @Test
    void theTwoPiecesOfOneNucleusDoNotKeepItCut() {
        // A nucleus the segmenter cut into halves for three frames, then whole again: the halves' tracks are as old
        // as the claim needs and their areas add up, but they are too close together for two nuclei.
        Tracker t = new Tracker(SETTINGS);
        Map<Integer, List<ExpectedNucleus>> claims = new java.util.HashMap<>();
        step(t, 0, new double[][]{{40, 40, 9, 1}, {100, 15, 9, 2}}, claims);
        for (int f = 1; f <= 4; f++) step(t, f, halves(40, 40, 9), claims);
        step(t, 5, new double[][]{{40, 40, 9, 1}, {100, 15, 9, 2}}, claims);
        assertThat(claims).isEmpty();
    }

    @Test
    void tracksFollowedForFewerThanThreeFramesDoNotClaim() {
        Tracker t = new Tracker(SETTINGS);
        Map<Integer, List<ExpectedNucleus>> claims = new java.util.HashMap<>();
        step(t, 0, new double[][]{{34, 40, 7, 1}, {56, 40, 7, 2}, {100, 15, 7, 3}}, claims);
        step(t, 1, new double[][]{{36, 40, 7, 1}, {54, 40, 7, 2}, {100, 15, 7, 3}}, claims);
        step(t, 2, new double[][]{{38, 40, 7, 1}, {52, 40, 7, 1}, {100, 15, 7, 2}}, claims);
        assertThat(claims).isEmpty();
    }

    /** A disc cut into a left and a right half (objects 1 and 2), plus the far disc (object 3). */
    private static LabelImage halves(double cx, double cy, double r) {
        int[] lab = draw(new double[][]{{100, 15, r, 3}}).labels().clone();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (Math.hypot(x - cx, y - cy) <= r) lab[y * W + x] = x < cx ? 1 : 2;
            }
        }
        return new LabelImage(W, H, lab, 3);
    }
}
