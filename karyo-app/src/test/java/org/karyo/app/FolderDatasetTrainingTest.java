package org.karyo.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.image.Plane;
import org.karyo.io.TiffWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folder of class sub-folders whose file names start with a patient id (as the NIH malaria set):
 * training with --group-pattern keeps every patient's crops in one split.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderDatasetTrainingTest {
    static final int PATIENTS = 10;
    static final int PER_CLASS = 3;

    @TempDir
    static Path dir;
    Path dataset;
    Path model;
    CliRun trained;

    @BeforeAll
    void trainOnce() throws Exception {
        dataset = dir.resolve("ds");
        SplittableRandom rnd = new SplittableRandom(3);
        for (String cls : List.of("Parasitized", "Uninfected")) {
            Files.createDirectories(dataset.resolve(cls));
            for (int p = 1; p <= PATIENTS; p++) {
                for (int i = 0; i < PER_CLASS; i++) {
                    TiffWriter.writePlane(dataset.resolve(cls + "/C" + p + "P" + (100 + p) + "_cell_" + i + ".tif"),
                            cell(cls.equals("Parasitized"), rnd));
                }
            }
        }
        model = dir.resolve("model");
        trained = CliRun.of("train", dataset.toString(), "--model", model.toString(), "--epochs", "2", "--batch", "8",
                "--group-pattern", "^(C\\d+)P", "--no-progress");
    }

    /** A bright disc; parasitized ones carry a dark dot. */
    static Plane cell(boolean parasite, SplittableRandom rnd) {
        int s = 24;
        float[] px = new float[s * s];
        double dx = rnd.nextDouble(-3, 3);
        double dy = rnd.nextDouble(-3, 3);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                double r = Math.hypot(x - 12, y - 12);
                double v = r < 9 ? 180 : 10;
                if (parasite && Math.hypot(x - 12 - dx, y - 12 - dy) < 2.5) v = 40;
                px[y * s + x] = (float) (v + rnd.nextGaussian() * 8);
            }
        }
        return new Plane(s, s, 8, px);
    }

    @Test
    void groupsComeFromTheFileNameAndArePutInTheBundle() throws Exception {
        assertThat(trained.exit()).as(trained.err()).isZero();
        assertThat(trained.err()).contains(PATIENTS + " groups");
        String json = Files.readString(model.resolve("bundle.json"));
        assertThat(json).contains("\"groups\": " + PATIENTS, "\"group_pattern\": \"^(C\\\\d+)P\"");
    }

    @Test
    void evaluationOnTheTrainingDataScoresWholePatientsOnly() throws Exception {
        Path out = dir.resolve("eval");
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out", out.toString(),
                "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("test split");
        List<String> rows = Files.readAllLines(out.resolve("predictions.csv"));
        Map<String, Long> perPatient = rows.subList(1, rows.size()).stream()
                .map(l -> l.replaceAll("^[^/]*/(C\\d+)P.*", "$1"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perPatient).isNotEmpty().hasSizeLessThan(PATIENTS);
        assertThat(perPatient.values()).as("every test patient with all its crops").allMatch(n -> n == 2 * PER_CLASS);
    }
}
