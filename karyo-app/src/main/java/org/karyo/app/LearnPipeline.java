package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.learn.model.Architecture;
import org.karyo.segment.SegmentationSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The learning commands as calls, for in-process callers such as the demo: the same work and the
 * same files as 'karyo train', 'karyo evaluate' and 'karyo predict', without argument parsing or
 * progress bars. For every option, build the Request records of {@link ModelTraining},
 * {@link ModelEvaluation} and {@link CellPrediction} directly.
 */
final class LearnPipeline {
    private LearnPipeline() {
    }

    /** The compact CNN at the crops' own size, seed 42, batch 32; {@code minutes} 0 for no limit. */
    static ModelTraining.Outcome train(Path dataset, Path model, int epochs, double minutes)
            throws KaryoInputException, IOException {
        return ModelTraining.run(new ModelTraining.Request(dataset, model, Architecture.COMPACT, 0, epochs, minutes,
                42, 32, false, null, false, null, false, null));
    }

    /** Scores the test split when {@code dataset} is the training data, else every crop. */
    static ModelEvaluation.Outcome evaluate(Path model, Path dataset, Path out) throws KaryoInputException, IOException {
        return ModelEvaluation.run(new ModelEvaluation.Request(List.of(model), dataset, out, false, false,
                EvaluateCommand.DEFAULT_CAM_PER_CLASS, TestTimeViews.NONE));
    }

    /** Segments with the default settings (as 'karyo segment' without options), first channel. */
    static CellPrediction.Outcome predict(Path model, List<Path> images, Path out) throws KaryoInputException, IOException {
        return CellPrediction.run(new CellPrediction.Request(List.of(model), images, out, SegmentationSettings.DEFAULTS, null, null,
                TestTimeViews.NONE, 1, false, TestTimeViews.NONE));
    }
}
