package org.karyo.simulate;

/**
 * A track in Cell Tracking Challenge terms: label L is present in every frame from begin to end (inclusive)
 * and in no other; parent is the label of the track it divided from, 0 for none.
 */
public record Track(int label, int begin, int end, int parent) {
    public Track {
        if (label < 1 || begin < 0 || end < begin || parent < 0) {
            throw new IllegalArgumentException("invalid track " + label + " " + begin + " " + end + " " + parent);
        }
    }

    /** The man_track.txt line: {@code L B E P}. */
    public String ctcLine() {
        return label + " " + begin + " " + end + " " + parent;
    }
}
