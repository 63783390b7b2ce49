package org.karyo.track;

import org.junit.jupiter.api.Test;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.simulate.Track;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrackerTest {
    private static final TrackerSettings SETTINGS = TrackerSettings.DEFAULTS.withMaxDistance(30);

    /** Discs of radius r drawn into a label image (labels 1..n in the order given) with a flat DNA image. */
    private static List<Detection> discs(int frame, double[][] xyr, float[] brightness) {
        int w = 120;
        int h = 80;
        int[] lab = new int[w * h];
        float[] dna = new float[w * h];
        for (int k = 0; k < xyr.length; k++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = x - xyr[k][0];
                    double dy = y - xyr[k][1];
                    if (dx * dx + dy * dy <= xyr[k][2] * xyr[k][2]) {
                        lab[y * w + x] = k + 1;
                        dna[y * w + x] = brightness[k];
                    }
                }
            }
        }
        return DetectionExtractor.extract(frame, new LabelImage(w, h, lab, xyr.length), Plane.of(w, h, dna));
    }

    /** Tracks a movie of detections with the given settings and returns its last frame's links. */
    private static TrackedFrame lastFrame(TrackerSettings settings, List<List<Detection>> movie) {
        Tracker t = new Tracker(settings);
        TrackedFrame last = null;
        for (List<Detection> frame : movie) last = t.add(frame);
        return last;
    }

    @Test
    void movingDiscsKeepTheirTracks() {
        Tracker t = new Tracker(SETTINGS);
        List<int[]> ids = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            TrackedFrame tf = t.add(discs(f, new double[][]{{10 + 4 * f, 15, 5}, {60, 20 + 3 * f, 6}, {100 - 2 * f, 60, 5}},
                    new float[]{100, 200, 300}));
            ids.add(tf.trackIds());
        }
        for (int[] frameIds : ids) assertThat(frameIds).containsExactly(1, 2, 3);
        assertThat(t.finish()).containsExactly(new Track(1, 0, 5, 0), new Track(2, 0, 5, 0), new Track(3, 0, 5, 0));
    }

    @Test
    void extractorMeasuresCentroidAreaAndMeans() {
        List<Detection> d = discs(3, new double[][]{{20, 30, 4}}, new float[]{50});
        assertThat(d).hasSize(1);
        assertThat(d.get(0).frame()).isEqualTo(3);
        assertThat(d.get(0).x()).isEqualTo(20.0);
        assertThat(d.get(0).y()).isEqualTo(30.0);
        assertThat(d.get(0).area()).isEqualTo(49);
        assertThat(d.get(0).dnaMean()).isEqualTo(50.0);
    }

    @Test
    void extractorFindsTheBrighterSideOfANucleusWhateverTheBackground() {
        // A disc of radius 10 whose brightness above the background rises linearly to the right, by ±30 % at its
        // edge: the weighted centre lies 0.3 x 10 / 4 = 0.75 px right of the centroid.
        int w = 60;
        int h = 40;
        int[] lab = new int[w * h];
        for (double background : new double[]{0, 400}) {
            float[] dna = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = x - 30;
                    double dy = y - 20;
                    boolean inside = dx * dx + dy * dy <= 100;
                    lab[y * w + x] = inside ? 1 : 0;
                    dna[y * w + x] = (float) (background + (inside ? 1000 * (1 + 0.3 * dx / 10) : 0));
                }
            }
            Detection d = DetectionExtractor.extract(0, new LabelImage(w, h, lab, 1), Plane.of(w, h, dna)).get(0);
            assertThat(d.brightSideX()).isCloseTo(0.75, within(0.03));
            assertThat(d.brightSideY()).isCloseTo(0, within(1e-9));
        }
        Detection flat = discs(0, new double[][]{{30, 20, 10}}, new float[]{500}).get(0);
        assertThat(flat.brightSideDistance(flat)).isZero();
        assertThat(flat.brightSideX()).isCloseTo(0, within(1e-9));
        Detection noDna = DetectionExtractor.extract(0, new LabelImage(w, h, lab, 1)).get(0);
        assertThat(noDna.brightSideX()).isNaN();
    }

    @Test
    void aNucleusMissingForOneFrameIsLinkedBackAsAChildTrack() {
        Tracker t = new Tracker(SETTINGS);
        float[] b = {100, 250};
        t.add(discs(0, new double[][]{{10, 40, 5}, {80, 40, 5}}, b));
        t.add(discs(1, new double[][]{{13, 40, 5}, {80, 43, 5}}, b));
        TrackedFrame gap = t.add(discs(2, new double[][]{{16, 40, 5}}, new float[]{100}));
        assertThat(gap.trackIds()).containsExactly(1);
        TrackedFrame back = t.add(discs(3, new double[][]{{19, 40, 5}, {80, 49, 5}}, b));
        assertThat(back.trackIds()).containsExactly(1, 3);
        assertThat(back.parents()).containsExactly(0, 2);
        assertThat(t.finish()).containsExactly(new Track(1, 0, 3, 0), new Track(2, 0, 1, 0), new Track(3, 3, 3, 2));
    }

    @Test
    void aGapLongerThanMaxGapStartsAnUnrelatedTrack() {
        Tracker t = new Tracker(SETTINGS.withMaxGap(0));
        t.add(discs(0, new double[][]{{10, 40, 5}, {80, 40, 5}}, new float[]{100, 250}));
        t.add(discs(1, new double[][]{{10, 40, 5}}, new float[]{100}));
        TrackedFrame back = t.add(discs(2, new double[][]{{10, 40, 5}, {80, 40, 5}}, new float[]{100, 250}));
        assertThat(back.trackIds()).containsExactly(1, 3);
        assertThat(back.parents()).containsExactly(0, 0);
    }

    @Test
    void aDivisionEndsTheMotherAndStartsTwoDaughters() {
        Tracker t = new Tracker(SETTINGS);
        float[] one = {200};
        t.add(discs(0, new double[][]{{60, 40, 7}}, one));
        t.add(discs(1, new double[][]{{61, 40, 7}}, one));
        TrackedFrame split = t.add(discs(2, new double[][]{{54, 38, 5}, {68, 42, 5}}, new float[]{190, 195}));
        assertThat(split.trackIds()).containsExactlyInAnyOrder(2, 3);
        assertThat(split.parents()).containsExactly(1, 1);
        t.add(discs(3, new double[][]{{52, 37, 5}, {70, 43, 5}}, new float[]{190, 195}));
        assertThat(t.finish()).containsExactly(new Track(1, 0, 1, 0), new Track(2, 2, 3, 1), new Track(3, 2, 3, 1));
    }

    @Test
    void noDivisionIsCalledWhenDivisionsAreOff() {
        Tracker t = new Tracker(SETTINGS.withDivisions(false));
        t.add(discs(0, new double[][]{{60, 40, 7}}, new float[]{200}));
        TrackedFrame split = t.add(discs(1, new double[][]{{54, 38, 5}, {68, 42, 5}}, new float[]{190, 195}));
        assertThat(split.parents()).containsExactly(0, 0);
    }

    @Test
    void crossingPathsAreResolvedByBrightnessAndSize() {
        // Two nuclei pass each other 4 px apart, each moving 8 px a frame: by position alone the links
        // at the crossing are ambiguous; brightness and size tell them apart.
        Tracker t = new Tracker(SETTINGS);
        List<TrackedFrame> frames = new ArrayList<>();
        for (int f = 0; f < 8; f++) {
            frames.add(t.add(discs(f, new double[][]{{30 + 8 * f, 38, 5}, {86 - 8 * f, 42, 7}}, new float[]{100, 300})));
        }
        for (TrackedFrame tf : frames) assertThat(tf.trackIds()).containsExactly(1, 2);
        assertThat(t.finish()).hasSize(2);
    }

    @Test
    void brightnessWeighsTwiceSoAlikeNeighboursAreNotSwapped() {
        // A and B (9 % brighter) approach each other: by position alone the swapped links are cheaper (by 3.0),
        // and the brightness change of the two swapped links costs 2 x 1.05 once, 2 x 2.09 when weighed twice.
        List<Detection> before = List.of(Detection.round(0, 1, 40, 40, 113, 1000),
                Detection.round(0, 2, 60, 40, 113, 1090));
        List<Detection> after = List.of(Detection.round(1, 1, 52.7, 40, 113, 1000),
                Detection.round(1, 2, 47.3, 40, 113, 1090));
        Tracker weighed = new Tracker(SETTINGS);
        weighed.add(before);
        assertThat(weighed.add(after).trackIds()).containsExactly(1, 2);
        Tracker plain = new Tracker(SETTINGS.withIntensityTerm(1, Double.POSITIVE_INFINITY));
        plain.add(before);
        assertThat(plain.add(after).trackIds()).containsExactly(2, 1);
    }

    @Test
    void anInfectedNucleusAndItsAlikeUninfectedNeighbourAreNotSwappedWhenTheReporterCounts() {
        // The approaching pair above with the same Hoechst: by position alone the swapped links are cheaper (by 3.0),
        // but A's reporter is 5 times B's, a change of ln 5 = 16 typical reporter changes for a swapped link.
        List<Detection> before = List.of(Detection.round(0, 1, 40, 40, 113, 1000, 1500),
                Detection.round(0, 2, 60, 40, 113, 1000, 300));
        List<Detection> after = List.of(Detection.round(1, 1, 52.7, 40, 113, 1000, 1450),
                Detection.round(1, 2, 47.3, 40, 113, 1000, 310));
        Tracker withReporter = new Tracker(SETTINGS.withReporterSigma(0.1));
        withReporter.add(before);
        assertThat(withReporter.add(after).trackIds()).containsExactly(1, 2);
        Tracker without = new Tracker(SETTINGS);
        without.add(before);
        assertThat(without.add(after).trackIds()).as("the default ignores the reporter").containsExactly(2, 1);
        Tracker hoechstOnly = new Tracker(SETTINGS.withReporterSigma(0.1));
        hoechstOnly.add(List.of(Detection.round(0, 1, 40, 40, 113, 1000), Detection.round(0, 2, 60, 40, 113, 1000)));
        assertThat(hoechstOnly.add(List.of(Detection.round(1, 1, 52.7, 40, 113, 1000), Detection.round(1, 2, 47.3, 40, 113, 1000)))
                .trackIds()).as("no reporter channel: nothing to compare").containsExactly(2, 1);
    }

    @Test
    void alikeNeighboursBrightOnOppositeSidesAreNotSwapped() {
        // The approaching pair of the test above, now equally bright: by position alone the swapped links are cheaper
        // (by 3.0), but A is brighter on its right and B on its left (0.75 px of a 6 px radius each), and a swapped
        // link moves the bright side by a quarter radius, about 8 times its usual change.
        List<Detection> before = List.of(sided(0, 1, 40, 0.75), sided(0, 2, 60, -0.75));
        List<Detection> after = List.of(sided(1, 1, 52.7, 0.75), sided(1, 2, 47.3, -0.75));
        Tracker withSides = new Tracker(SETTINGS);
        withSides.add(before);
        assertThat(withSides.add(after).trackIds()).containsExactly(1, 2);
        Tracker without = new Tracker(SETTINGS.withBrightSideSigma(0));
        without.add(before);
        assertThat(without.add(after).trackIds()).containsExactly(2, 1);
    }

    @Test
    void theTrackerTalliesHowMuchTheBrightSideTellsNeighboursApart() {
        // Two nuclei keep their bright sides while moving apart; the sides differ by 1.5 px, a quarter of a radius.
        Tracker t = new Tracker(SETTINGS);
        for (int f = 0; f < 3; f++) t.add(List.of(sided(f, 1, 40 - f, 0.75), sided(f, 2, 60 + f, -0.75)));
        assertThat(t.brightSides().linkMedian()).isLessThan(0.01);
        assertThat(t.brightSides().neighbourMedian()).isCloseTo(0.25, within(0.01));
    }

    /** A round nucleus of 113 px at (x, 40), brightness 1000, whose bright side lies {@code side} px along x. */
    private static Detection sided(int frame, int label, double x, double side) {
        double m = 113 / (4 * Math.PI);
        return new Detection(frame, label, x, 40, 113, m, m, 0, new double[]{1000}, side, 0);
    }

    @Test
    void aWholeFrameTurningBrighterDoesNotHideTheBrightnessDifferenceOfNeighbours() {
        // The approaching pair of the test above among 34 still nuclei, and the lamp or focus makes frame 1 1.5x
        // brighter everywhere: compared raw, every link's brightness change (x1.5) costs the cap, the pair's
        // difference no longer counts and position swaps them; compared after the frame's level, it counts.
        List<Detection> before = new ArrayList<>(List.of(Detection.round(0, 1, 40, 40, 113, 1000),
                Detection.round(0, 2, 60, 40, 113, 1090)));
        List<Detection> after = new ArrayList<>(List.of(Detection.round(1, 1, 52.7, 40, 113, 1500),
                Detection.round(1, 2, 47.3, 40, 113, 1635)));
        for (int k = 0; k < 34; k++) {
            double x = 200 + 30 * (k % 6);
            double y = 30 * (k / 6);
            before.add(Detection.round(0, k + 3, x, y, 113, 1000 + 10 * k));
            after.add(Detection.round(1, k + 3, x, y, 113, 1.5 * (1000 + 10 * k)));
        }
        Tracker t = new Tracker(SETTINGS);
        t.add(before);
        int[] ids = t.add(after).trackIds();
        assertThat(ids[0]).isEqualTo(1);
        assertThat(ids[1]).isEqualTo(2);
    }

    @Test
    void aNucleusEnteringMitosisStaysOnItsTrackBecauseTheBrightnessPenaltyIsCapped() {
        // Condensing chromatin: area x0.36, brightness x2.8 (the same DNA). Weighed twice without the cap the
        // brightness change alone would cost 18.4, and with the area change more than ending the track (24).
        List<List<Detection>> movie = List.of(
                List.of(Detection.round(0, 1, 40, 40, 154, 1000), Detection.round(0, 2, 100, 40, 154, 1000)),
                List.of(Detection.round(1, 1, 43, 40, 154, 1000), Detection.round(1, 2, 100, 43, 154, 1000)),
                List.of(Detection.round(2, 1, 46, 40, 55, 2800), Detection.round(2, 2, 100, 46, 154, 1000)));
        assertThat(lastFrame(SETTINGS, movie).trackIds()).containsExactly(1, 2);
        assertThat(lastFrame(SETTINGS.withIntensityTerm(2, Double.POSITIVE_INFINITY), movie).trackIds()[0]).isNotEqualTo(1);
    }

    @Test
    void aDivisionTakesItsSecondDaughterFromANeighbourWhoseOwnNucleusIsNearlyAsCheap() {
        // Mother M (area 300) divides into a and b; neighbour N is 11 px from b and 15 px from its own next
        // position n, so the assignment gives b to N and leaves n to start a track. N's link to n costs 0.8
        // more: within the slack, so M's division is called and N follows n.
        List<Detection> before = new ArrayList<>(List.of(Detection.round(0, 1, 50, 50, 300, 1000),
                Detection.round(0, 2, 68, 50, 150, 1000)));
        List<Detection> after = new ArrayList<>(List.of(Detection.round(1, 1, 43, 50, 150, 1000),
                Detection.round(1, 2, 57, 50, 150, 1000), Detection.round(1, 3, 68, 65, 150, 1000)));
        for (int k = 0; k < 3; k++) {
            before.add(Detection.round(0, k + 4, 200 + 40 * k, 200, 200, 1000));
            after.add(Detection.round(1, k + 4, 200 + 40 * k, 200, 200, 1000));
        }
        Tracker t = new Tracker(SETTINGS);
        t.add(before);
        TrackedFrame split = t.add(after);
        assertThat(split.parents()[0]).isEqualTo(1);
        assertThat(split.parents()[1]).isEqualTo(1);
        assertThat(split.trackIds()[2]).isEqualTo(2);

        Tracker strict = new Tracker(SETTINGS.withDivisionSlack(0));
        strict.add(before);
        TrackedFrame noSplit = strict.add(after);
        assertThat(noSplit.trackIds()[0]).isEqualTo(1);
        assertThat(noSplit.trackIds()[1]).isEqualTo(2);
    }

    @Test
    void aDivisionFreesItsSecondDaughterThroughAChainOfNeighbours() {
        // As above, but N's own next nucleus n is taken by a third track P, whose own nucleus p is free: N moves to
        // n and P to p, 1.3 more in all. With a chain of one track N has no free nucleus in reach and M runs on.
        List<Detection> before = new ArrayList<>(List.of(Detection.round(0, 1, 50, 50, 300, 1000),
                Detection.round(0, 2, 68, 50, 150, 1000), Detection.round(0, 3, 68, 80, 150, 1000)));
        List<Detection> after = new ArrayList<>(List.of(Detection.round(1, 1, 43, 50, 150, 1000),
                Detection.round(1, 2, 57, 50, 150, 1000), Detection.round(1, 3, 68, 65, 150, 1000),
                Detection.round(1, 4, 68, 97, 150, 1000)));
        for (int k = 0; k < 3; k++) {
            before.add(Detection.round(0, k + 4, 200 + 40 * k, 200, 200, 1000));
            after.add(Detection.round(1, k + 5, 200 + 40 * k, 200, 200, 1000));
        }
        TrackedFrame chained = lastFrame(SETTINGS, List.of(before, after));
        assertThat(chained.parents()[0]).isEqualTo(1);
        assertThat(chained.parents()[1]).isEqualTo(1);
        assertThat(chained.trackIds()[2]).isEqualTo(2);
        assertThat(chained.trackIds()[3]).isEqualTo(3);

        TrackedFrame single = lastFrame(SETTINGS.withDivisionChainDepth(1), List.of(before, after));
        assertThat(single.parents()[0] == 1 && single.parents()[1] == 1).isFalse();
        assertThat(single.trackIds()[1]).isEqualTo(2);
    }

    @Test
    void twoNucleiAsBrightAsTheMotherAndLargerTogetherAreNotHerDaughters() {
        // M (area 400) is followed by two nuclei where she was, 250 and 350 px, as bright as she was: neither a
        // mitosis (daughters would be dimmer) nor a split of her area (they add up to 1.5x). Without the check it is
        // called a division; with it, one nucleus continues M. Had M been 1.6x brighter (condensed, in mitosis),
        // the same pair is her daughters.
        List<Detection> far = List.of(Detection.round(0, 9, 150, 60, 200, 1000));
        List<List<Detection>> cut = new ArrayList<>();
        List<List<Detection>> mitosis = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            cut.add(List.of(Detection.round(f, 1, 50, 40, 400, 1000), Detection.round(f, 2, 150, 60, 200, 1000)));
            mitosis.add(List.of(Detection.round(f, 1, 50, 40, f == 0 ? 400 : 200, f == 0 ? 1000 : 1600),
                    Detection.round(f, 2, 150, 60, 200, 1000)));
        }
        List<Detection> pair = List.of(Detection.round(2, 1, 41, 40, 250, 1000), Detection.round(2, 2, 59, 40, 350, 1000),
                Detection.round(2, 3, 150, 60, 200, 1000));
        cut.add(pair);
        mitosis.add(pair);
        TrackedFrame checked = lastFrame(SETTINGS, cut);
        assertThat(checked.parents()).containsExactly(0, 0, 0);
        assertThat(checked.trackIds()).contains(1);
        assertThat(lastFrame(SETTINGS.withDivisionOriginWeight(0), cut).parents()).containsExactly(1, 1, 0);
        assertThat(lastFrame(SETTINGS, mitosis).parents()).containsExactly(1, 1, 0);
    }

    @Test
    void aTrackComparesWithItsSmoothedBrightnessSoOneNoisyFrameDoesNotSwapNeighbours() {
        // A (brightness 100) and B (110) sit 20 px apart for four frames; in frame 4 noise reads them 106 and
        // 104, and in frame 5 both are equally far from both tracks. Against the last values the swapped links
        // are cheaper; against the smoothed values (103.6 and 106.3) the true ones are.
        List<List<Detection>> movie = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            double a = f < 4 ? 100 : 106;
            double b = f < 4 ? 110 : 104;
            movie.add(List.of(Detection.round(f, 1, 50, 50, 150, a), Detection.round(f, 2, 70, 50, 150, b)));
        }
        movie.add(List.of(Detection.round(5, 1, 60, 48, 150, 100), Detection.round(5, 2, 60, 52, 150, 110)));
        assertThat(lastFrame(SETTINGS, movie).trackIds()).containsExactly(1, 2);
        TrackerSettings lastValues = SETTINGS.withDrifts(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(lastFrame(lastValues, movie).trackIds()).containsExactly(2, 1);
    }

    @Test
    void relabelGivesEachNucleusItsTrackId() {
        int[] lab = {0, 1, 1, 2, 0, 2};
        LabelImage labels = new LabelImage(3, 2, lab, 2);
        TrackedFrame tf = new TrackedFrame(0, List.of(Detection.round(0, 1, 1.5, 0, 2), Detection.round(0, 2, 0.5, 1.5, 2)),
                new int[]{7, 4}, new int[]{0, 0});
        LabelImage out = tf.relabel(labels);
        assertThat(out.labels()).containsExactly(0, 7, 7, 4, 0, 4);
        assertThat(out.count()).isEqualTo(7);
    }
}
