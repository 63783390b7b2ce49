package org.karyo.learn.segment;

import com.google.gson.Gson;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.files.AtomicOutput;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.segment.BoundaryClasses;
import org.karyo.segment.BoundaryMapSegmenter;

/**
 * Segments nuclei with a trained {@link PixelClassifier}: the DNA image is scaled by its own
 * percentiles, every pixel classified as background, interior or boundary, and the maps turned into
 * nuclei by {@link BoundaryMapSegmenter}. Trained from images with label images (e.g. a simulated
 * movie's truth masks), so it learns where touching nuclei part, which a threshold cannot see.
 *
 * <p>The model file: a header line {@value #MAGIC}, the settings as JSON, then the network.
 */
public final class LearnedNucleusSegmenter implements AutoCloseable {
    static final String MAGIC = "karyo-nucleus-segmenter/1";
    private static final Gson GSON = new Gson();

    /**
     * What a model file says besides its weights.
     *
     * @param minArea      objects smaller than this are dropped (from the training nuclei: a tenth of their median area
     *                     since 2026-12-03, a fifth before; {@link #SMALLEST_OBJECT})
     * @param neck         interior patches are split where they narrow to this fraction of the width on either side
     *                     ({@link BoundaryMapSegmenter}); 0 = off
     * @param trainedOn    what it learned from, for the record
     * @param fieldOfView  pixels across that the network sees ({@link PixelClassifier#FIELDS_OF_VIEW}); files written
     *                     before it could be chosen have none and get {@link PixelClassifier#DEFAULT_FIELD_OF_VIEW}
     * @param classes      {@link PixelClassifier#CLASSES}, or {@link PixelClassifier#CLASSES_WITH_CORES} when seeds come
     *                     from the network's nucleus cores instead of its interiors (files written before: 3)
     */
    public record Settings(double lowPercentile, double highPercentile, double seedThreshold, int minSeedPixels,
                           int minArea, int maxArea, double neck, String trainedOn, int fieldOfView, int classes) {
        public boolean cores() {
            return classes == PixelClassifier.CLASSES_WITH_CORES;
        }
    }

    /**
     * The classifier often joins the interiors of touching nuclei by a neck, and one seed then grows over both: merged
     * nuclei were the largest tracking error on crowded simulated movies. Measured with `BoundaryMapVariants`
     * (docs/segmentation.md): on a simulated 1024² movie TRA 0.908 unsplit, 0.950 / 0.954 / 0.954 / 0.951 at necks of
     * 0.4 / 0.55 / 0.7 / 0.85; on DSB2018 (two folds) pooled F1 0.802 / 0.722 unsplit, 0.807 / 0.751 at 0.55, while
     * 0.85 over-splits (0.772 on the first fold).
     */
    static final double DEFAULT_NECK = 0.55;

    /**
     * A network that marks cores is read from its core probabilities, which are lower than interior ones (a core is a
     * smaller, less certain target): seeds start at 0.25. Measured with `BoundaryMapVariants` (docs/segmentation.md):
     * on a simulated 1024² movie (seed 5, flipped views) TRA 0.9603 at 0.5 without splitting, 0.9621 / 0.9641 / 0.9647
     * at 0.25 with necks 0.55 / 0.7 / 0.85 (0.9647 at 0.2, 0.9637 at 0.15). Its neck ratio stays {@link #DEFAULT_NECK}:
     * on DSB2018's larger nuclei 0.85 over-splits (two folds, pooled F1 0.837 / 0.766 at 0.55 against 0.808 / 0.737 at
     * 0.85), so crowded small nuclei get `--neck 0.85` per run instead.
     */
    static final double CORE_SEED = 0.25;

    private final PixelClassifier net;
    private final Settings settings;
    private final BoundaryMapSegmenter post;
    /** Flips of the image whose maps are averaged ({@link PixelClassifier#predict(float[], int, int, TestTimeViews)}). */
    private TestTimeViews views = TestTimeViews.NONE;

    private LearnedNucleusSegmenter(PixelClassifier net, Settings settings) {
        this.net = net;
        this.settings = settings;
        this.post = new BoundaryMapSegmenter(settings.seedThreshold(), settings.minSeedPixels(), settings.minArea(),
                settings.maxArea(), settings.neck());
    }

    public Settings settings() {
        return settings;
    }

    /** Averages the maps over these flips and transposes of each image (none, the default: one pass). */
    public LearnedNucleusSegmenter views(TestTimeViews views) {
        this.views = java.util.Objects.requireNonNull(views);
        return this;
    }

    /** One training image and its nuclei. */
    public record Example(Plane image, LabelImage labels) {
    }

    /**
     * Training knobs; see {@link PixelClassifier.Settings}.
     *
     * @param cores also learn each nucleus's core ({@link BoundaryClasses#withCores}) and seed nuclei from it
     */
    public record Training(int width, int fieldOfView, int patch, int batch, int steps, double learningRate,
                           double minutes, long seed, boolean cores) {
        public static final Training DEFAULT = new Training(16, 96, 8, 3000, 2e-3, 10, 7);

        /** With the default field of view. */
        public Training(int width, int patch, int batch, int steps, double learningRate, double minutes, long seed) {
            this(width, PixelClassifier.DEFAULT_FIELD_OF_VIEW, patch, batch, steps, learningRate, minutes, seed);
        }

        /** Without cores. */
        public Training(int width, int fieldOfView, int patch, int batch, int steps, double learningRate, double minutes, long seed) {
            this(width, fieldOfView, patch, batch, steps, learningRate, minutes, seed, false);
        }

        public Training {
            if (!PixelClassifier.FIELDS_OF_VIEW.contains(fieldOfView)) {
                throw new IllegalArgumentException("field of view must be one of " + PixelClassifier.FIELDS_OF_VIEW
                        + " px, not " + fieldOfView);
            }
            // Measured: with 8 channels per layer PyTorch 2.7's CPU kernels return NaN gradients within a few steps
            // (16 and 24 train normally), so narrower networks are refused rather than left to diverge.
            if (width < 16) throw new IllegalArgumentException("network width must be at least 16, not " + width);
            if (patch < 32) throw new IllegalArgumentException("patches must be at least 32 px, not " + patch);
            if (batch < 1 || steps < 1) throw new IllegalArgumentException("batch and steps must be at least 1");
        }
    }

    /**
     * Smallest object kept, as a share of the training nuclei's median area. Small daughters and nuclei partly hidden
     * by a neighbour are real and lie between a tenth and a fifth: on simulated 1024² movies (48-channel core model,
     * seeds 4-6) a tenth instead of a fifth found 56-111 more nuclei per movie and raised TRA by 0.0006-0.0013; a
     * twentieth gave the same as a tenth (docs/segmentation.md).
     */
    static final double SMALLEST_OBJECT = 0.1;

    /** Trains a segmenter on images with their label images; {@code listener} sees every step. */
    public static LearnedNucleusSegmenter train(List<Example> examples, Training t, String trainedOn,
                                                PixelClassifier.Listener listener) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training images");
        }
        PercentileScaling scaling = PercentileScaling.DEFAULT;
        List<PixelClassifier.Example> pixels = new ArrayList<>();
        List<Integer> areas = new ArrayList<>();
        for (Example e : examples) {
            byte[] classes = t.cores() ? BoundaryClasses.withCores(e.labels(), BoundaryClasses.CORE_DEPTH) : BoundaryClasses.of(e.labels());
            pixels.add(new PixelClassifier.Example(scaling.apply(e.image().pixels()), classes, e.image().width(), e.image().height()));
            int[] a = e.labels().areas();
            for (int l = 1; l < a.length; l++) if (a[l] > 0) areas.add(a[l]);
        }
        int median = areas.isEmpty() ? 100 : areas.stream().sorted().toList().get(areas.size() / 2);
        int classes = t.cores() ? PixelClassifier.CLASSES_WITH_CORES : PixelClassifier.CLASSES;
        PixelClassifier net = PixelClassifier.create(t.width(), t.fieldOfView(), classes, t.seed());
        // Boundary pixels are few but decide where touching nuclei part: they weigh three times as much.
        float[] weights = t.cores() ? new float[] {1f, 1f, 3f, 1f} : new float[] {1f, 1f, 3f};
        net.train(pixels, new PixelClassifier.Settings(t.patch(), t.batch(), t.steps(), t.learningRate(), t.minutes(),
                weights, t.seed()), listener);
        Settings s = new Settings(scaling.lowPercentile(), scaling.highPercentile(), t.cores() ? CORE_SEED : 0.5,
                Math.max(4, median / 50), Math.max(8, (int) Math.round(median * SMALLEST_OBJECT)), 0, DEFAULT_NECK, trainedOn,
                t.fieldOfView(), classes);
        return new LearnedNucleusSegmenter(net, s);
    }

    public LabelImage segment(Plane dna) {
        return segment(probabilities(dna), dna.width(), dna.height());
    }

    /** Nuclei from maps of {@link #probabilities}: seeds from the cores when the network marks them, else from interiors. */
    public LabelImage segment(float[][] p, int w, int h) {
        return post.segment(p, w, h);
    }

    /** Per-pixel class probabilities, indexed by {@link BoundaryClasses} (for other ways of reading them). */
    public float[][] probabilities(Plane dna) {
        PercentileScaling scaling = new PercentileScaling(settings.lowPercentile(), settings.highPercentile());
        return net.predict(scaling.apply(dna.pixels()), dna.width(), dna.height(), views);
    }

    /** Writes the model file (whole or not at all). */
    public void save(Path file) throws IOException {
        AtomicOutput.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.write((MAGIC + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] json = GSON.toJson(settings).getBytes(StandardCharsets.UTF_8);
            d.writeInt(json.length);
            d.write(json);
            net.write(d);
            d.flush();
        });
    }

    public static LearnedNucleusSegmenter load(Path file) throws KaryoInputException {
        return load(file, null);
    }

    /** @param neck replaces the model's neck ratio for splitting joined interiors (0 = no splitting); null keeps it */
    public static LearnedNucleusSegmenter load(Path file, Double neck) throws KaryoInputException {
        if (neck != null && !(neck >= 0 && neck < 1)) {
            throw new KaryoInputException(file, "neck ratio must be at least 0 and below 1, not " + neck);
        }
        if (!Files.isRegularFile(file)) {
            throw new KaryoInputException(file, "segmenter model not found");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = in.readNBytes(MAGIC.length() + 1);
            if (!Arrays.equals(magic, (MAGIC + "\n").getBytes(StandardCharsets.US_ASCII))) {
                throw new KaryoInputException(file, "is not a segmenter model from 'karyo train-segmenter'");
            }
            int n = in.readInt();
            if (n < 2 || n > 1 << 20) {
                throw new KaryoInputException(file, "segmenter model header is damaged");
            }
            com.google.gson.JsonObject json = GSON.fromJson(new String(in.readNBytes(n), StandardCharsets.UTF_8),
                    com.google.gson.JsonObject.class);
            // Written before interiors were split at necks: give it the split, which only reads the maps differently.
            if (!json.has("neck")) json.addProperty("neck", DEFAULT_NECK);
            if (neck != null) json.addProperty("neck", neck);
            if (!json.has("fieldOfView")) json.addProperty("fieldOfView", PixelClassifier.DEFAULT_FIELD_OF_VIEW);
            if (!json.has("classes")) json.addProperty("classes", PixelClassifier.CLASSES);
            Settings s = GSON.fromJson(json, Settings.class);
            return new LearnedNucleusSegmenter(PixelClassifier.read(in, s.fieldOfView(), s.classes()), s);
        } catch (IOException | RuntimeException e) {
            throw new KaryoInputException(file, "cannot read the segmenter model: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
