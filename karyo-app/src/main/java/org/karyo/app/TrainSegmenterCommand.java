package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.timelapse.ChannelChoice;
import org.karyo.io.timelapse.LabelSeries;
import org.karyo.io.timelapse.Timelapse;
import org.karyo.learn.segment.LearnedNucleusSegmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "train-segmenter", mixinStandardHelpOptions = true,
        description = {
                "Learn to segment nuclei from images whose nuclei are known (label images), e.g. simulated movies",
                "('karyo simulate timelapse' writes their truth masks) or hand-corrected masks of your own.",
                "A small fully convolutional network learns, per pixel, background / nucleus interior / nucleus",
                "boundary; nuclei are then the interior patches grown over the non-background (a seeded watershed), so",
                "touching nuclei part where the boundary class runs between them. Use the model with --segmenter on segment,",
                "track, label, crops, predict and score-segmentation. See docs/segmentation.md for what it gains and costs."})
final class TrainSegmenterCommand implements Callable<Integer> {
    @Option(names = "--movie", required = true, paramLabel = "INPUT", description = {
            "A movie (plate folder, CTC folder, multi-frame TIFF) or a folder of images (.png/.tif) whose label images",
            "have the same names in the paired --labels folder. Repeat with --labels for more."})
    List<Path> movies;

    @Option(names = "--labels", required = true, paramLabel = "DIR", description = {
            "Label images of the --movie at the same position: for a movie one per frame, numbered (man_trackNNN.tif,",
            "maskNNN.tif; e.g. <simulated movie>/01_GT/TRA); for an image folder the same file names.",
            "Every nucleus its own value, 0 background."})
    List<Path> labels;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Model file to write (e.g. nuclei.segmenter).")
    Path out;

    @Option(names = "--dna-channel", defaultValue = "1", paramLabel = "N", description = "Channel of the nuclear stain (default: ${DEFAULT-VALUE}).")
    int dnaChannel;

    @Option(names = "--every", defaultValue = "3", paramLabel = "K",
            description = "Learn from every K-th frame of a movie (default: ${DEFAULT-VALUE}; neighbouring frames repeat each other).")
    int every;

    @Option(names = "--minutes", defaultValue = "10", paramLabel = "M",
            description = "Stop training after M minutes (default: ${DEFAULT-VALUE}); 0 = only --steps.")
    double minutes;

    @Option(names = "--steps", defaultValue = "3000", paramLabel = "N",
            description = "Training steps of 8 patches, at most (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--field-of-view", defaultValue = "45", paramLabel = "PX", description = {
            "Pixels across that the network sees around each pixel: 21, 45, 93 or 189 (default: ${DEFAULT-VALUE}).",
            "A larger view sees the whole of a large or enlarged nucleus; each step costs more (93 px gained nothing",
            "over 45 px on simulated 20x movies at equal steps: docs/segmentation.md)."})
    int fieldOfView;

    @Option(names = "--patch", defaultValue = "96", paramLabel = "PX", description = {
            "Side of the square training patches (default: ${DEFAULT-VALUE}); make it larger than the field of view",
            "(e.g. 128 for 93) so that most pixels are learnt with their whole view inside the patch."})
    int patch;

    @Option(names = "--width", defaultValue = "32", paramLabel = "C",
            description = {"Channels per layer, 16 or more (default: ${DEFAULT-VALUE}; wider learns more and runs slower:",
                    "32 instead of 16 raised tracking TRA by 0.003-0.005 on crowded simulated movies and F1 on DSB2018 by",
                    "0.01-0.02, at about twice the training and 1.6x the prediction time; 48 added only 0.0015-0.002 TRA",
                    "for twice the time again: docs/segmentation.md)."})
    int width;

    @Option(names = "--cores", description = {
            "Also learn each nucleus's core (its inner part, at least half its depth from the outline) and seed nuclei",
            "from the cores, which stay apart between touching nuclei, instead of from the interiors: fewer merged and",
            "cut nuclei on crowded simulated movies, as good as without on DSB2018 (docs/segmentation.md). For crowded",
            "small nuclei track with --neck 0.85."})
    boolean cores;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws KaryoInputException, IOException {
        if (movies.size() != labels.size()) {
            throw new KaryoInputException(null, movies.size() + " --movie but " + labels.size() + " --labels; give them in pairs");
        }
        if (every < 1) throw new KaryoInputException(null, "--every must be at least 1, not " + every);
        if (Files.isDirectory(out)) throw new KaryoInputException(out, "is a folder; --out takes a file name");
        LearnedNucleusSegmenter.Training training;
        try {
            training = new LearnedNucleusSegmenter.Training(width, fieldOfView, patch, 8, steps, 2e-3, minutes, seed, cores);
        } catch (IllegalArgumentException e) {
            throw new KaryoInputException(null, e.getMessage());
        }
        List<LearnedNucleusSegmenter.Example> examples = new ArrayList<>();
        long nuclei = 0;
        for (int m = 0; m < movies.size(); m++) {
            if (LabelledImages.looksLikeOne(movies.get(m), labels.get(m))) {
                for (LabelledImages.Pair p : LabelledImages.read(movies.get(m), labels.get(m))) {
                    examples.add(new LearnedNucleusSegmenter.Example(p.image(), p.truth()));
                    nuclei += p.truth().count(); // relabelled 1..count
                }
                continue;
            }
            Timelapse movie = Timelapse.open(movies.get(m), new ChannelChoice(dnaChannel, 0, 0));
            LabelSeries series = LabelSeries.open(labels.get(m));
            if (series.frames() != movie.frames()) {
                throw new KaryoInputException(labels.get(m), series.frames() + " label images for a movie of "
                        + movie.frames() + " frames");
            }
            for (int t = 0; t < movie.frames(); t += every) {
                Plane dna = movie.read(t).dna();
                LabelImage lab = series.read(t);
                if (!lab.sameSize(dna)) {
                    throw new KaryoInputException(labels.get(m), "frame " + t + ": labels are " + lab.width() + "x"
                            + lab.height() + " but the image is " + dna.width() + "x" + dna.height());
                }
                examples.add(new LearnedNucleusSegmenter.Example(dna, lab));
                int[] areas = lab.areas(); // track ids, not renumbered: count the ids present
                for (int l = 1; l < areas.length; l++) if (areas[l] > 0) nuclei++;
            }
        }
        if (nuclei == 0) throw new KaryoInputException(labels.get(0), "label images hold no nuclei to learn from");
        String source = examples.size() + " frames of " + movies;
        long t0 = System.nanoTime();
        LearnedNucleusSegmenter seg;
        try (Progress bar = new Progress("train-segmenter", steps, !noProgress)) {
            seg = LearnedNucleusSegmenter.train(examples, training, source, (step, loss) -> {
                bar.step();
                if (step % 10 == 0) bar.message(String.format(Locale.ROOT, "loss %.3f", loss));
            });
        } catch (IllegalStateException e) {
            throw new KaryoInputException(out, e.getMessage());
        }
        try (LearnedNucleusSegmenter s = seg) {
            s.save(out);
        }
        System.out.printf(Locale.ROOT, "trained a nucleus segmenter on %d frame(s) (%d nuclei) in %.0f s; wrote %s%n",
                examples.size(), nuclei, (System.nanoTime() - t0) / 1e9, out);
        return Karyo.EXIT_OK;
    }
}
