package org.karyo.track;

/**
 * A track's estimate of one appearance measure (ln area, or ln brightness after the frame's level): a local-level
 * filter. A nucleus's measured value is its true value plus noise, and the true value itself drifts from frame to
 * frame (growth, chromatin changes). On simulated movies the increments of both measures are negatively correlated
 * (lag-1 correlation -0.34 for brightness, -0.24 for area), so part of each frame's change is noise that the next
 * frame takes back; comparing a new nucleus with this estimate instead of the last value alone tells alike
 * neighbours apart a little better. A change larger than {@code reset} (mitosis, a nucleus cut in two) restarts
 * the estimate at the new value, so a real jump is followed at once.
 *
 * <p>Variances are in units of the measurement noise; {@code drift} is the variance of the true change per frame
 * in the same units. An infinite drift makes the estimate the last value, the rule before this class.
 */
final class AppearanceLevel {
    private double value;
    private double variance;

    AppearanceLevel(double first) {
        restart(first);
    }

    double value() {
        return value;
    }

    /** Takes the measurement {@code x} seen {@code gap} frames after the last one. */
    void update(double x, int gap, double drift, double reset) {
        if (Double.isNaN(value) || Double.isNaN(x) || Double.isInfinite(drift) || !(Math.abs(x - value) < reset)) {
            restart(x);
            return;
        }
        double prior = variance + drift * gap;
        double gain = prior / (prior + 1);
        value += gain * (x - value);
        variance = (1 - gain) * prior;
    }

    /**
     * The sd of the next measurement about this estimate, {@code gap} frames on, over the sd of a one-frame change
     * between two measurements (the scale the link costs' sigmas are given in): √gap for the last-value rule.
     */
    double spread(int gap, double drift) {
        if (Double.isInfinite(drift)) return Math.sqrt(gap);
        return Math.sqrt((variance + drift * gap + 1) / (drift + 2));
    }

    private void restart(double x) {
        value = x;
        variance = 1;
    }
}
