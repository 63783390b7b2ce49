package org.karyo.fate;

import java.util.Locale;
import java.util.Optional;

/**
 * What an infected cell did within the movie: a spreader lysed (and can infect its neighbours), a nonspreader
 * stayed intact until the track ended, an uninfected cell never turned its reporter on.
 */
public enum Fate {
    SPREADER, NONSPREADER, UNINFECTED;

    public String csv() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Fate> parse(String s) {
        if (s == null) return Optional.empty();
        for (Fate f : values()) {
            if (f.csv().equals(s.strip().toLowerCase(Locale.ROOT))) return Optional.of(f);
        }
        return Optional.empty();
    }

    public boolean infected() {
        return this != UNINFECTED;
    }
}
