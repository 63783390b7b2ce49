package org.karyo.label;

/** One nucleus's reporter level and the call made from it. */
public record ReporterCall(int nucleusId, double reporterMean, int pixels, boolean infected) {
}
