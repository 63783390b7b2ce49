package org.karyo.app;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.measure.NucleusMeasurement;

import java.nio.file.Path;
import java.util.List;

/**
 * One imaged field after segmentation: its DNA plane, optional reporter plane, nuclei and measurements.
 *
 * @param well     the plate well (e.g. "B03") for fields read from a plate, else null
 * @param reporter null when the field has no reporter channel
 */
record Field(String name, String well, Path nucleiFile, Plane dna, Plane reporter, LabelImage labels,
             List<NucleusMeasurement> nuclei) {
    Field {
        nuclei = List.copyOf(nuclei);
    }

    List<String> channels() {
        return reporter == null ? List.of("dna") : List.of("dna", "reporter");
    }

    String imageName() {
        return nucleiFile.getFileName().toString();
    }
}
