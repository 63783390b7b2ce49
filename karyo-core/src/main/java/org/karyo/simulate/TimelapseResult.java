package org.karyo.simulate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What remains after a time-lapse has streamed its frames: tracks and per-cell truth, by label. */
public record TimelapseResult(List<Track> tracks, List<CellRecord> cells) {
    public TimelapseResult {
        tracks = List.copyOf(tracks);
        cells = List.copyOf(cells);
    }

    /**
     * Plaque membership: for every infected cell, the label of the lysed founder at the root of its chain
     * of infections (a cell infected at the start that lysed and spread); 0 for cells outside any plaque
     * (uninfected, or infected at the start without spreading). A founder belongs to its own plaque.
     */
    public Map<Integer, Integer> plaques() {
        Map<Integer, CellRecord> byLabel = new HashMap<>();
        java.util.Set<Integer> infectors = new java.util.HashSet<>();
        for (CellRecord c : cells) {
            byLabel.put(c.label(), c);
            infectors.add(c.infectedBy());
        }
        Map<Integer, Integer> out = new HashMap<>();
        for (CellRecord c : cells) {
            CellRecord root = c;
            while (root.infectedBy() != 0 && byLabel.containsKey(root.infectedBy())) {
                root = byLabel.get(root.infectedBy());
            }
            boolean spread = root != c || infectors.contains(c.label());
            out.put(c.label(), c.infected() && root.lysed() && spread ? root.label() : 0);
        }
        return out;
    }
}
