package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.learn.segment.LearnedNucleusSegmenter;
import org.karyo.segment.NucleusSegmenter;
import org.karyo.segment.SegmentationSettings;

import java.nio.file.Path;

/**
 * The one place the app asks for nuclei: the classical segmenter, or a learned one from
 * 'karyo train-segmenter' when a model is given ({@code --segmenter}).
 */
final class NucleusFinder implements AutoCloseable {
    private final NucleusSegmenter segmenter;
    private final LearnedNucleusSegmenter learned;

    NucleusFinder(SegmentationSettings settings) {
        this.segmenter = new NucleusSegmenter(settings);
        this.learned = null;
    }

    /** @param model a segmenter model file, or null for the classical segmenter with {@code settings} */
    NucleusFinder(SegmentationSettings settings, Path model) throws KaryoInputException {
        this(settings, model, null);
    }

    /** @param neck overrides the learned model's neck ratio (null: the model's own) */
    NucleusFinder(SegmentationSettings settings, Path model, Double neck) throws KaryoInputException {
        this(settings, model, neck, TestTimeViews.NONE);
    }

    /** @param views flips and transposes of each image whose maps the learned model averages */
    NucleusFinder(SegmentationSettings settings, Path model, Double neck, TestTimeViews views) throws KaryoInputException {
        this.segmenter = model == null ? new NucleusSegmenter(settings) : null;
        this.learned = model == null ? null : LearnedNucleusSegmenter.load(model, neck).views(views);
    }

    LabelImage find(Plane dna) {
        return learned != null ? learned.segment(dna) : segmenter.segment(dna).labels();
    }

    @Override
    public void close() {
        if (learned != null) learned.close();
    }
}
