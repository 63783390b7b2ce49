package org.karyo.learn.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.segment.SegmentationScore;

/** A small learned segmenter on synthetic fields of touching discs: it learns to part them. */
class LearnedNucleusSegmenterTest {
    private static final int SIZE = 96;
    private static final int R = 6;

    /** Discs of radius R in touching pairs (centres 2R - 1 apart) on a dim background, with noise. */
    static LearnedNucleusSegmenter.Example field(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] lab = new int[SIZE * SIZE];
        float[] px = new float[SIZE * SIZE];
        int n = 0;
        for (int gy = 0; gy < 3; gy++) {
            for (int gx = 0; gx < 3; gx++) {
                double cx = 14 + gx * 32 + random.nextDouble() * 4;
                double cy = 14 + gy * 32 + random.nextDouble() * 4;
                double angle = random.nextDouble() * Math.PI;
                double dx = Math.cos(angle) * (R - 0.5);
                double dy = Math.sin(angle) * (R - 0.5);
                float brightness = (float) (0.6 + 0.4 * random.nextDouble());
                for (int k = 0; k < 2; k++) {
                    n++;
                    double x0 = cx + (k == 0 ? -dx : dx);
                    double y0 = cy + (k == 0 ? -dy : dy);
                    for (int y = 0; y < SIZE; y++) {
                        for (int x = 0; x < SIZE; x++) {
                            double d2 = (x - x0) * (x - x0) + (y - y0) * (y - y0);
                            // The nearer centre owns a pixel both discs cover: a straight seam.
                            if (d2 <= R * R && (lab[y * SIZE + x] == 0 || k == 1 && d2 < nearestOther(x, y, cx, cy, dx, dy))) {
                                lab[y * SIZE + x] = n;
                                px[y * SIZE + x] = 1000 * brightness * (float) (0.85 + 0.15 * (1 - d2 / (R * R)));
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < px.length; i++) px[i] += 100 + (float) (random.nextGaussian() * 20);
        return new LearnedNucleusSegmenter.Example(new Plane(SIZE, SIZE, 16, px), new LabelImage(SIZE, SIZE, lab, n));
    }

    private static List<LearnedNucleusSegmenter.Example> sixFields() {
        List<LearnedNucleusSegmenter.Example> train = new ArrayList<>();
        for (int s = 1; s <= 6; s++) train.add(field(s));
        return train;
    }

    private static double nearestOther(int x, int y, double cx, double cy, double dx, double dy) {
        double ax = cx - dx;
        double ay = cy - dy;
        return (x - ax) * (x - ax) + (y - ay) * (y - ay);
    }

    @Test
    void itLearnsToPartTouchingNucleiAndSurvivesASaveAndLoad(@TempDir Path dir) throws Exception {
        List<LearnedNucleusSegmenter.Example> train = sixFields();
        LearnedNucleusSegmenter.Example test = field(99);
        Path file = dir.resolve("seg.model");
        LabelImage got;
        try (LearnedNucleusSegmenter seg = LearnedNucleusSegmenter.train(train,
                new LearnedNucleusSegmenter.Training(16, 48, 8, 200, 3e-3, 0, 3), "test discs", (step, loss) -> { })) {
            got = seg.segment(test.image());
            seg.save(file);
        }
        SegmentationScore score = SegmentationScore.of(got, test.labels());
        assertThat(score.f1()).as("18 touching discs found one by one (IoU >= 0.5)").isGreaterThanOrEqualTo(0.85);
        try (LearnedNucleusSegmenter loaded = LearnedNucleusSegmenter.load(file)) {
            assertThat(loaded.segment(test.image()).labels()).isEqualTo(got.labels());
            assertThat(loaded.settings().trainedOn()).isEqualTo("test discs");
            assertThat(loaded.settings().neck()).isEqualTo(LearnedNucleusSegmenter.DEFAULT_NECK);
        }
        // A file from before interiors were split has no neck: it gets the default split.
        byte[] bytes = Files.readAllBytes(file);
        int start = LearnedNucleusSegmenter.MAGIC.length() + 1;
        int n = java.nio.ByteBuffer.wrap(bytes, start, 4).getInt();
        String json = new String(bytes, start + 4, n, java.nio.charset.StandardCharsets.UTF_8);
        String old = json.replaceAll(",\"neck\":[0-9.]+", "").replaceAll(",\"fieldOfView\":[0-9]+", "")
                .replaceAll(",\"classes\":[0-9]+", "");
        assertThat(old).doesNotContain("neck").doesNotContain("fieldOfView").doesNotContain("classes");
        byte[] header = old.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(bytes, 0, start);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(header.length).array());
        out.write(header);
        out.write(bytes, start + 4 + n, bytes.length - start - 4 - n);
        Path oldFile = Files.write(dir.resolve("old.model"), out.toByteArray());
        try (LearnedNucleusSegmenter loaded = LearnedNucleusSegmenter.load(oldFile)) {
            assertThat(loaded.settings().neck()).isEqualTo(LearnedNucleusSegmenter.DEFAULT_NECK);
            assertThat(loaded.settings().fieldOfView()).isEqualTo(45);
            assertThat(loaded.settings().classes()).isEqualTo(PixelClassifier.CLASSES);
            assertThat(loaded.segment(test.image()).labels()).isEqualTo(got.labels());
        }
    }

    @Test
    void withCoresItSeedsFromThemAndTheFileSaysSo(@TempDir Path dir) throws Exception {
        LabelImage got = trainedSavedAndReloaded(dir.resolve("cores.model"), sixFields(),
                new LearnedNucleusSegmenter.Training(16, 45, 48, 8, 200, 3e-3, 0, 3, true), seg -> {
                    assertThat(seg.settings().cores()).isTrue();
                    assertThat(seg.probabilities(field(99).image())).hasNumberOfRows(PixelClassifier.CLASSES_WITH_CORES);
                });
        SegmentationScore score = SegmentationScore.of(got, field(99).labels());
        assertThat(score.f1()).as("18 touching discs found one by one from their cores").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void aWiderViewIsRecordedInTheFileAndComesBackOnLoad(@TempDir Path dir) throws Exception {
        trainedSavedAndReloaded(dir.resolve("wide.model"), List.of(field(1)),
                new LearnedNucleusSegmenter.Training(16, 93, 48, 4, 5, 3e-3, 0, 3),
                seg -> assertThat(seg.settings().fieldOfView()).isEqualTo(93));
        assertThatThrownBy(() -> new LearnedNucleusSegmenter.Training(16, 50, 48, 4, 5, 3e-3, 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 50");
    }

    @Test
    void theSmallestObjectKeptIsATenthOfTheMedianTrainingNucleus(@TempDir Path dir) throws Exception {
        LearnedNucleusSegmenter.Example e = field(1);
        int[] areas = java.util.Arrays.stream(e.labels().areas()).skip(1).filter(a -> a > 0).sorted().toArray();
        int median = areas[areas.length / 2];
        assertThat(median / 10).as("the test's nuclei are large enough to tell a tenth from a fifth").isGreaterThan(8);
        trainedSavedAndReloaded(dir.resolve("small.model"), List.of(e),
                new LearnedNucleusSegmenter.Training(16, 45, 48, 4, 5, 3e-3, 0, 3),
                seg -> assertThat(seg.settings().minArea()).isEqualTo((int) Math.round(median * 0.1)));
    }

    /**
     * Trains, segments the test field, saves to {@code file} and loads it back: {@code check} holds for the trained and
     * for the loaded segmenter, and both segment the test field alike. Returns that segmentation.
     */
    private static LabelImage trainedSavedAndReloaded(Path file, List<LearnedNucleusSegmenter.Example> train,
                                                      LearnedNucleusSegmenter.Training t,
                                                      java.util.function.Consumer<LearnedNucleusSegmenter> check) throws Exception {
        Plane test = field(99).image();
        LabelImage got;
        try (LearnedNucleusSegmenter seg = LearnedNucleusSegmenter.train(train, t, "test", (step, loss) -> { })) {
            check.accept(seg);
            got = seg.segment(test);
            seg.save(file);
        }
        try (LearnedNucleusSegmenter loaded = LearnedNucleusSegmenter.load(file)) {
            check.accept(loaded);
            assertThat(loaded.segment(test).labels()).isEqualTo(got.labels());
        }
        return got;
    }

    @Test
    void aFileThatIsNotASegmenterIsAOneLineError(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.model"), "hello");
        assertThatThrownBy(() -> LearnedNucleusSegmenter.load(junk)).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("junk.model").hasMessageContaining("not a segmenter model");
        assertThatThrownBy(() -> LearnedNucleusSegmenter.load(dir.resolve("missing.model")))
                .hasMessageContaining("not found");
    }
}
