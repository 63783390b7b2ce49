package org.karyo.simulate;

import java.util.List;

/** What remains after a time-lapse has streamed its frames: tracks and per-cell truth, by label. */
public record TimelapseResult(List<Track> tracks, List<CellRecord> cells) {
    public TimelapseResult {
        tracks = List.copyOf(tracks);
        cells = List.copyOf(cells);
    }
}
