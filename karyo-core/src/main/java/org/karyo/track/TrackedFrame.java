package org.karyo.track;

import org.karyo.image.LabelImage;

import java.util.List;

/**
 * One frame after linking: each detection's track id and that track's parent (0 = none). Decisions are final
 * when the frame is returned, so masks and tables can be written at once and the frame forgotten.
 */
public record TrackedFrame(int frame, List<Detection> detections, int[] trackIds, int[] parents) {
    public TrackedFrame {
        detections = List.copyOf(detections);
        if (trackIds.length != detections.size() || parents.length != detections.size()) {
            throw new IllegalArgumentException("one track id and parent per detection");
        }
        trackIds = trackIds.clone();
        parents = parents.clone();
    }

    public int trackId(int i) {
        return trackIds[i];
    }

    public int parent(int i) {
        return parents[i];
    }

    /**
     * The frame's label image with each nucleus relabelled to its track id (Cell Tracking Challenge masks);
     * labels without a detection become background.
     */
    public LabelImage relabel(LabelImage labels) {
        int[] map = new int[labels.count() + 1];
        int max = 0;
        for (int i = 0; i < detections.size(); i++) {
            int l = detections.get(i).label();
            if (l > labels.count()) throw new IllegalArgumentException("detection label " + l + " not in the image");
            map[l] = trackIds[i];
            max = Math.max(max, trackIds[i]);
        }
        int[] src = labels.labels();
        int[] out = new int[src.length];
        for (int i = 0; i < src.length; i++) out[i] = map[src[i]];
        return new LabelImage(labels.width(), labels.height(), out, max);
    }
}
