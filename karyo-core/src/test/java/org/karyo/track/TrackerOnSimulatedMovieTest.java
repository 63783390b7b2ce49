package org.karyo.track;

import org.junit.jupiter.api.Test;
import org.karyo.image.LabelImage;
import org.karyo.simulate.LiveCellSettings;
import org.karyo.simulate.LiveCellSimulator;
import org.karyo.simulate.TimelapseResult;
import org.karyo.simulate.Track;
import org.karyo.track.score.CtcScorer;
import org.karyo.track.score.CtcScores;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class TrackerOnSimulatedMovieTest {
    @Test
    void tracksAreCtcConsistentAndScoreHighOnTruthLabels() throws Exception {
        LiveCellSettings live = LiveCellSettings.defaults();
        live = live.withField(live.field().withSize(192, 192)).withFrames(12, live.intervalHours());
        Tracker tracker = new Tracker(TrackerSettings.DEFAULTS);
        CtcScorer scorer = new CtcScorer();
        Map<Integer, TreeSet<Integer>> framesOf = new HashMap<>();
        TimelapseResult truth = new LiveCellSimulator(live).run(4, frame -> {
            LabelImage labels = frame.labels();
            TrackedFrame tf = tracker.add(DetectionExtractor.extract(frame.index(), labels, frame.dna()));
            for (int id : tf.trackIds()) framesOf.computeIfAbsent(id, k -> new TreeSet<>()).add(frame.index());
            scorer.addFrame(labels, tf.relabel(labels));
        });
        List<Track> tracks = tracker.finish();
        Map<Integer, Track> byId = new HashMap<>();
        for (Track t : tracks) byId.put(t.label(), t);
        assertThat(byId.keySet()).isEqualTo(framesOf.keySet());
        for (Track t : tracks) {
            TreeSet<Integer> fs = framesOf.get(t.label());
            // Present in every frame from B to E and no other (the CTC rule).
            assertThat(fs.first()).as("track %d", t.label()).isEqualTo(t.begin());
            assertThat(fs.last()).as("track %d", t.label()).isEqualTo(t.end());
            assertThat(fs).as("track %d", t.label()).hasSize(t.end() - t.begin() + 1);
            if (t.parent() != 0) assertThat(byId.get(t.parent()).end()).isLessThan(t.begin());
        }
        CtcScores s = scorer.score(truth.tracks(), tracks);
        assertThat(s.det()).isEqualTo(1.0);
        assertThat(s.tra()).isGreaterThan(0.95);
    }
}
