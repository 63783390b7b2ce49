package org.karyo.learn.data;

/**
 * Fractions of crops per split; test gets the rest.
 *
 * @param train fraction for training (default 0.7)
 * @param validation fraction for validation: early stopping and checkpoint choice (default 0.15)
 * @param seed shuffles groups before assignment (default 42)
 */
public record SplitSettings(double train, double validation, long seed) {
    public static final SplitSettings DEFAULT = new SplitSettings(0.7, 0.15, 42);

    public SplitSettings {
        if (!(train > 0 && validation >= 0 && train + validation < 1 + 1e-9)) {
            throw new IllegalArgumentException("need train > 0, validation >= 0, train + validation <= 1; got "
                    + train + ", " + validation);
        }
    }

    public double test() {
        return Math.max(0, 1 - train - validation);
    }
}
