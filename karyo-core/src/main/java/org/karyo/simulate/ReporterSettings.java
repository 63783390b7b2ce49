package org.karyo.simulate;

/**
 * The virus reporter channel (GFP-type).
 *
 * @param levelElectrons   median reporter level in a fully infected nucleus, photoelectrons (default 900)
 * @param levelCv          cell-to-cell variation of reporter expression (default 0.8, log-normal: expression is noisy)
 * @param wholeCell        reporter fills the whole cell (true, default; e.g. GFP) or only the nucleus
 * @param bleedThrough     fraction of the DNA signal that leaks into the reporter channel (default 0.03)
 * @param backgroundElectrons reporter-channel background (default 90)
 */
public record ReporterSettings(double levelElectrons, double levelCv, boolean wholeCell, double bleedThrough,
                               double backgroundElectrons) {
    public ReporterSettings {
        OpticsSettings.requireNonNegative("levelElectrons", levelElectrons);
        OpticsSettings.requireNonNegative("levelCv", levelCv);
        OpticsSettings.requireFraction("bleedThrough", bleedThrough);
        OpticsSettings.requireNonNegative("backgroundElectrons", backgroundElectrons);
    }

    public static ReporterSettings defaults() {
        return new ReporterSettings(900, 0.8, true, 0.03, 90);
    }

    public ReporterSettings withWholeCell(boolean w) {
        return new ReporterSettings(levelElectrons, levelCv, w, bleedThrough, backgroundElectrons);
    }

    public ReporterSettings withLevel(double electrons, double cv) {
        return new ReporterSettings(electrons, cv, wholeCell, bleedThrough, backgroundElectrons);
    }
}
