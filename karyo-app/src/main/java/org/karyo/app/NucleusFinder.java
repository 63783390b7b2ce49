package org.karyo.app;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.segment.NucleusSegmenter;
import org.karyo.segment.SegmentationSettings;

/** The one place the app asks for nuclei, so a learned segmenter can later stand in for the classical one. */
final class NucleusFinder {
    private final NucleusSegmenter segmenter;

    NucleusFinder(SegmentationSettings settings) {
        this.segmenter = new NucleusSegmenter(settings);
    }

    LabelImage find(Plane dna) {
        return segmenter.segment(dna).labels();
    }
}
