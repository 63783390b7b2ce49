package org.karyo.label;

/** Where a nucleus's reporter signal is read. */
public enum ReporterRegion {
    /** Inside the nucleus: for nuclear reporters and for whole-cell ones that also fill the nucleus. */
    NUCLEUS,
    /** A ring around the nucleus only: for cytoplasmic reporters. */
    RING,
    /** Nucleus plus ring: for whole-cell reporters (GFP that fills the cell). */
    NUCLEUS_AND_RING
}
