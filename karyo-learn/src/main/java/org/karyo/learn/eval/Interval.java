package org.karyo.learn.eval;

/**
 * A point estimate with a confidence interval.
 *
 * @param estimate the metric on the full sample
 * @param low      lower bound
 * @param high     upper bound
 * @param level    coverage, e.g. 0.95
 */
public record Interval(double estimate, double low, double high, double level) {
}
