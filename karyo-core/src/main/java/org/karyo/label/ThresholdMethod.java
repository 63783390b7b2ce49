package org.karyo.label;

/** How the infected/uninfected cut is chosen on per-nucleus reporter values. */
public enum ThresholdMethod {
    /** Otsu's cut maximising between-class variance of the per-nucleus values. */
    OTSU,
    /** Where the two components of a Gaussian mixture fitted by EM are equally likely. */
    MIXTURE,
    /** A value the user gives. */
    FIXED
}
