package org.karyo.track.score;

import org.karyo.simulate.Track;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of a tracker lineage's past belongs to the cell it is on now. A fate predictor reads a cell's history
 * along its track and the track's ancestors; after a swap between neighbours that history is partly another
 * cell's, though TRA barely moves (it weighs a wrong link against tens of thousands of nuclei). For one frame of
 * one track this counts how many frames back the lineage stays on the current truth cell or its truth ancestors.
 */
public final class LineagePurity {
    /**
     * @param truthCell  truth cell the track is on at the frame (0: none, or a merged object)
     * @param pureFrames frames in a row, counting back from this one, on {@code truthCell} or its truth ancestors
     * @param frames     frames of the lineage up to this one (the track's own and its ancestors')
     */
    public record History(int truthCell, int pureFrames, int frames) {
        /** The whole history up to this frame is the current cell's own lineage. */
        public boolean whole() {
            return truthCell != 0 && pureFrames == frames;
        }
    }

    private final Map<Integer, Track> result = new HashMap<>();
    private final Map<Integer, Map<Integer, Integer>> truthAt;
    private final Map<Integer, Integer> truthParent = new HashMap<>();

    /**
     * @param resultTracks the tracker's tracks (res_track.txt)
     * @param truthAt      result track id -> frame -> truth cell ({@link CtcScorer#truthPerFrame})
     * @param truthTracks  the truth's tracks (man_track.txt), for the truth lineages
     */
    public LineagePurity(List<Track> resultTracks, Map<Integer, Map<Integer, Integer>> truthAt, List<Track> truthTracks) {
        for (Track t : resultTracks) result.put(t.label(), t);
        this.truthAt = truthAt;
        for (Track t : truthTracks) truthParent.put(t.label(), t.parent());
    }

    /** The history of {@code track} at {@code frame}. */
    public History at(int track, int frame) {
        Track own = result.get(track);
        if (own == null || frame < own.begin() || frame > own.end()) {
            throw new IllegalArgumentException("track " + track + " has no frame " + frame);
        }
        int now = cellAt(track, frame);
        Set<Integer> lineage = new HashSet<>();
        for (int c = now; c != 0 && lineage.add(c); ) c = truthParent.getOrDefault(c, 0);
        int frames = 0;
        int pure = 0;
        boolean run = now != 0;
        Set<Integer> visited = new HashSet<>();
        int upTo = frame;
        for (Track t = own; t != null && visited.add(t.label()); t = result.get(t.parent())) {
            for (int f = Math.min(upTo, t.end()); f >= t.begin(); f--) {
                frames++;
                run = run && lineage.contains(cellAt(t.label(), f));
                if (run) pure++;
            }
            upTo = t.begin() - 1;
        }
        return new History(now, pure, frames);
    }

    /**
     * Share of all track frames whose whole history is their own cell's: a yardstick for fate prediction, which reads
     * that history, where TRA barely sees a swap. NaN without tracks.
     */
    public double ownHistoryShare() {
        long own = 0;
        long all = 0;
        for (Track t : result.values()) {
            for (int f = t.begin(); f <= t.end(); f++) {
                all++;
                if (at(t.label(), f).whole()) own++;
            }
        }
        return all == 0 ? Double.NaN : (double) own / all;
    }

    private int cellAt(int track, int frame) {
        return truthAt.getOrDefault(track, Map.of()).getOrDefault(frame, 0);
    }
}
