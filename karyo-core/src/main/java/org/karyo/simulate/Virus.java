package org.karyo.simulate;

import java.util.Locale;

/**
 * Which virus's nuclear phenotype infected cells show, and the plaque shape it makes.
 * Adenovirus enlarges the nucleus and fills it with bright irregular replication compartments and
 * spreads down the medium's flow (comet-shaped plaques); HSV-1 pushes host chromatin to the nuclear rim
 * (bright ring, dim centre) and makes round plaques.
 */
public enum Virus {
    ADV, HSV;

    public String csv() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Virus parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
