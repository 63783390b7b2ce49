package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.measure.NucleusMeasurer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Segments and measures one field given its nuclear plane and, optionally, its reporter plane. */
final class FieldLoader {
    private final NucleusFinder finder;
    private final NucleusMeasurer measurer = new NucleusMeasurer();

    FieldLoader(NucleusFinder finder) {
        this.finder = finder;
    }

    /**
     * @param source   the nuclear image file, named in errors and tables
     * @param reporter null for a field without reporter
     */
    Field analyse(String name, String well, Path source, Plane dna, Plane reporter) throws KaryoInputException {
        InputImages.requireContent(source, dna);
        LabelImage labels = finder.find(dna);
        Map<String, Plane> channels = new LinkedHashMap<>();
        channels.put("dna", dna);
        if (reporter != null) channels.put("reporter", reporter);
        return new Field(name, well, source, dna, reporter, labels, measurer.measure(labels, channels));
    }
}
