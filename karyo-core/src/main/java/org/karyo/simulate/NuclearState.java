package org.karyo.simulate;

/** What a nucleus looks like in a DNA stain because of the cell cycle or death. */
public enum NuclearState {
    /** Ordinary nucleus: textured chromatin, dark nucleoli. */
    INTERPHASE,
    /** Condensed chromosomes: small, elongated (metaphase plate), very bright, coarse. */
    MITOTIC,
    /** Pyknotic and fragmenting: small, round, brightest of all. */
    APOPTOTIC;

    public String csv() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
