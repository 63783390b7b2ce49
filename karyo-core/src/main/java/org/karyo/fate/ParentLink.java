package org.karyo.fate;

/** Whether the fate caller believes a track continues its parent's cell (see {@link ParentLinkCheck}). */
public enum ParentLink {
    /** believed (also: no parent, or checks switched off) */
    TRUSTED,
    /** the parent lysed, and this track does not start as its PI-positive remains: a dead cell neither divides nor moves on */
    AFTER_LYSIS,
    /** the parent was infected and this track's own reporter mostly stays below the cut: infection does not fade */
    REPORTER_LOST;

    public String csv() {
        return this == TRUSTED ? "" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
