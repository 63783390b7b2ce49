package org.karyo.fate;

/**
 * The fate called for one track.
 *
 * @param trackId          track id
 * @param parent           mother track, 0 for none
 * @param root             first ancestor of the lineage (the unit a train/test split keeps together)
 * @param fate             the call (after any override)
 * @param calledFate       what the series said, before an override
 * @param source           how the fate was decided
 * @param infectionHours   reporter onset in movie hours, possibly in an ancestor's frames; NaN if none
 * @param lysisHours       PI onset in movie hours; NaN if none
 * @param infectionFrame   frame of the reporter onset, -1 if none
 * @param lysisFrame       frame of the PI onset, -1 if none
 * @param firstFrame       the track's first frame
 * @param lastFrame        the track's last frame
 * @param frames           number of frames the track was seen in
 * @param inherited        the reporter turned on in an ancestor, before this track began
 * @param followedHours    hours from infection to the track's last frame (or its daughters' for a divided cell); NaN if uninfected
 * @param parentLink       whether the call believed the link to {@code parent}; when not, this track was called as a
 *                         cell of its own and its parent counts as a cell whose track ended
 * @param lost             an infected track not seen to lyse that was not followed to the end of the movie (its track,
 *                         and every believed descendant's, ended early or its reporter went dark at the end): the
 *                         fate is unknown; it stays {@link Fate#NONSPREADER} here but is left out of the spreader
 *                         fraction and out of datasets
 */
public record FateCall(int trackId, int parent, int root, Fate fate, Fate calledFate, Source source,
                       double infectionHours, double lysisHours, int infectionFrame, int lysisFrame,
                       int firstFrame, int lastFrame, int frames, boolean inherited, double followedHours,
                       ParentLink parentLink, boolean lost) {
    /** How a fate was decided. */
    public enum Source {
        /** from the track's own reporter and PI series (and its ancestors' reporter) */
        SERIES,
        /** an infected cell that divided: spreader if any descendant lysed, else nonspreader */
        DAUGHTERS,
        /** replaced by hand */
        OVERRIDE;

        public String csv() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public FateCall overridden(Fate f) {
        return new FateCall(trackId, parent, root, f, calledFate, Source.OVERRIDE, infectionHours, lysisHours,
                infectionFrame, lysisFrame, firstFrame, lastFrame, frames, inherited, followedHours, parentLink, lost);
    }

    /** The same call with the tracker's parent and lineage root put back, and the verdict on the parent link. */
    FateCall withLineage(int trackerParent, int trackerRoot, ParentLink link) {
        return new FateCall(trackId, trackerParent, trackerRoot, fate, calledFate, source, infectionHours, lysisHours,
                infectionFrame, lysisFrame, firstFrame, lastFrame, frames, inherited, followedHours, link, lost);
    }

    FateCall withLost(boolean isLost) {
        return new FateCall(trackId, parent, root, fate, calledFate, source, infectionHours, lysisHours,
                infectionFrame, lysisFrame, firstFrame, lastFrame, frames, inherited, followedHours, parentLink, isLost);
    }
}
