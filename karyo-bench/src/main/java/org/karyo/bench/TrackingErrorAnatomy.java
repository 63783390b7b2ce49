package org.karyo.bench;

import org.karyo.io.timelapse.ChannelChoice;
import org.karyo.io.timelapse.CtcTruth;
import org.karyo.io.timelapse.Timelapse;
import org.karyo.io.timelapse.TimelapseFrame;
import org.karyo.image.LabelImage;
import org.karyo.simulate.Track;
import org.karyo.track.Detection;
import org.karyo.track.DetectionExtractor;
import org.karyo.track.TrackedFrame;
import org.karyo.track.Tracker;
import org.karyo.track.TrackerSettings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tracks a simulated movie on its truth segmentation and sorts every link error by kind: which truth links the
 * tracker missed and why, and which links it made that the truth lacks. Usage: TrackingErrorAnatomy MOVIE TRUTH.
 */
public final class TrackingErrorAnatomy {
    public static void main(String[] args) throws Exception {
        Timelapse movie = Timelapse.open(Path.of(args[0]), new ChannelChoice(1, 0, 0));
        CtcTruth truth = CtcTruth.open(Path.of(args[1]));
        Map<Integer, Track> truthTracks = new HashMap<>();
        for (Track t : truth.tracks()) truthTracks.put(t.label(), t);
        Tracker tracker = new Tracker(TrackerSettings.DEFAULTS);
        Map<String, Integer> kinds = new TreeMap<>();
        Map<Integer, Integer> prevTrackOf = new HashMap<>(); // truth label at t-1 -> result track
        Map<Integer, Integer> prevTruthOf = new HashMap<>(); // result track at t-1 -> truth label
        Map<Integer, Integer> lastTruthOfTrack = new HashMap<>(); // result track -> truth label at its last frame
        Map<Integer, Integer> resultParent = new HashMap<>();
        for (int t = 0; t < movie.frames(); t++) {
            TimelapseFrame frame = movie.read(t);
            LabelImage labels = truth.masks().read(t);
            TrackedFrame linked = tracker.add(DetectionExtractor.extract(t, labels, frame.dna()));
            Map<Integer, Integer> trackOf = new HashMap<>();
            Map<Integer, Integer> truthOf = new HashMap<>();
            for (int i = 0; i < linked.detections().size(); i++) {
                Detection d = linked.detections().get(i);
                trackOf.put(d.label(), linked.trackId(i));
                truthOf.put(linked.trackId(i), d.label());
                resultParent.putIfAbsent(linked.trackId(i), linked.parent(i));
            }
            for (Map.Entry<Integer, Integer> e : trackOf.entrySet()) {
                int a = e.getKey();
                int k = e.getValue();
                Track ta = truthTracks.get(a);
                boolean truthStarts = ta.begin() == t;
                boolean resultContinues = prevTruthOf.containsKey(k);
                int rp = resultParent.getOrDefault(k, 0);
                if (!truthStarts) {
                    // truth link a(t-1) -> a(t)
                    if (resultContinues && prevTruthOf.get(k) == a) count(kinds, "ok continuation");
                    else if (resultContinues) count(kinds, "EA continuation: track came from another nucleus (swap)");
                    else if (rp != 0 && lastTruthOfTrack.getOrDefault(rp, -1) == a) count(kinds, "ok-ish continuation via gap/division parent");
                    else if (rp != 0) count(kinds, "EA continuation: new track with a wrong parent");
                    else count(kinds, "EA continuation: new track, no parent (break)");
                } else if (ta.parent() != 0) {
                    // truth parent link mother(t-1) -> a(t)
                    int mother = ta.parent();
                    if (resultContinues && prevTruthOf.get(k) == mother) count(kinds, "EC division: mother's track continues into daughter");
                    else if (!resultContinues && rp != 0 && lastTruthOfTrack.getOrDefault(rp, -1) == mother) count(kinds, "ok division link");
                    else if (resultContinues) count(kinds, "EA division: daughter taken by another track");
                    else if (rp != 0) count(kinds, "EA division: daughter with a wrong parent");
                    else count(kinds, "EA division: daughter starts a lone track");
                }
                // result links the truth lacks
                if (resultContinues) {
                    int from = prevTruthOf.get(k);
                    if (from != a && truthTracks.get(a).parent() != from) {
                        count(kinds, "ED continuation between unrelated nuclei");
                        Track tf = truthTracks.get(from);
                        String fromState = tf.end() < t ? (childrenOf(truth, from) > 0 ? "divided" : "ended (lysed/left)") : "still present";
                        String toState = ta.begin() == t ? (ta.parent() != 0 ? "a newborn daughter" : "new (entered)") : "present before";
                        count(kinds, "  ED from nucleus " + fromState + " to nucleus " + toState);
                    }
                } else if (rp != 0 && lastTruthOfTrack.containsKey(rp)) {
                    int from = lastTruthOfTrack.get(rp);
                    if (from != a && ta.parent() != from) count(kinds, "ED parent link between unrelated nuclei");
                }
            }
            for (Map.Entry<Integer, Integer> e : truthOf.entrySet()) lastTruthOfTrack.put(e.getKey(), e.getValue());
            prevTrackOf = trackOf;
            prevTruthOf = truthOf;
        }
        kinds.forEach((k, v) -> System.out.printf("%7d  %s%n", v, k));
    }

    private static int childrenOf(CtcTruth truth, int label) {
        int n = 0;
        for (Track t : truth.tracks()) if (t.parent() == label) n++;
        return n;
    }

    private static void count(Map<String, Integer> m, String k) {
        m.merge(k, 1, Integer::sum);
    }
}
