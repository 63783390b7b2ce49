package org.karyo.simulate;

import java.util.Locale;

/** What an infected cell will do. Spreaders lyse and release virus that infects their neighbours. */
public enum CellFate {
    UNINFECTED, SPREADER, NONSPREADER;

    public String csv() {
        return name().toLowerCase(Locale.ROOT);
    }
}
