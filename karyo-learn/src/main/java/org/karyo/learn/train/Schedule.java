package org.karyo.learn.train;

/** Learning-rate schedule over the whole run, as a factor of the base rate. */
public enum Schedule {
    /** The base rate throughout. */
    CONSTANT,
    /** Half-cosine from the base rate down to 1 % of it at the last update. */
    COSINE,
    /** The base rate, divided by 10 at half and again at three quarters of the run. */
    STEP;

    /** Factor for update {@code step} of {@code total}. */
    public double factor(long step, long total) {
        double t = total <= 1 ? 0 : Math.min(1.0, (double) step / (total - 1));
        return switch (this) {
            case CONSTANT -> 1.0;
            case COSINE -> 0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * t));
            case STEP -> t < 0.5 ? 1.0 : t < 0.75 ? 0.1 : 0.01;
        };
    }
}
