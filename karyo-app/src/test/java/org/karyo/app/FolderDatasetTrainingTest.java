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
                "--group-pattern", "^(C\\d+)P", "--baselines", "--no-progress");
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

        // The baselines trained on the same split are scored on the same crops, beside the model.
        assertThat(r.out()).contains("compact ", "mlp ", "forest ", "accuracy [95% CI]");
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(
                Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
        int n = json.get("n").getAsInt();
        for (String b : List.of("mlp", "forest")) {
            com.google.gson.JsonObject m = json.getAsJsonObject("baselines").getAsJsonObject(b);
            assertThat(m.get("n").getAsInt()).isEqualTo(n);
            assertThat(m.getAsJsonObject("ci95").getAsJsonArray("accuracy")).hasSize(2);
        }
        // The dark dot is easy to measure: the forest on hand-made features gets most test crops right.
        double forest = json.getAsJsonObject("baselines").getAsJsonObject("forest").get("accuracy").getAsDouble();
        assertThat(forest).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void baselinesAreTrainedAndKeptInTheBundle() throws Exception {
        assertThat(trained.out()).contains("baseline mlp: test accuracy", "baseline forest: test accuracy");
        assertThat(model.resolve("baselines/mlp/weights.params")).isRegularFile();
        assertThat(model.resolve("baselines/forest.tribuo")).isRegularFile();
        assertThat(Files.readString(model.resolve("bundle.json"))).contains("\"baselines\": {", "\"mlp\": {",
                "\"forest\": {");
    }

    @Test
    void trainingCanStartFromAnotherModelsWeights() throws Exception {
        Path next = dir.resolve("from-init");
        CliRun r = CliRun.of("train", dataset.toString(), "--model", next.toString(), "--init", model.toString(),
                "--epochs", "1", "--group-pattern", "^(C\\d+)P", "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        String json = Files.readString(next.resolve("bundle.json"));
        assertThat(json).contains("\"initial_weights\": {", "\"kind\": \"karyo model\"", "\"head_reinitialised\": false");
        CliRun bad = CliRun.of("train", dataset.toString(), "--model", dir.resolve("bad-init").toString(), "--init",
                model.toString(), "--arch", "mlp", "--epochs", "1", "--no-progress");
        assertThat(bad.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("not weights of a mlp network");
        assertThat(dir.resolve("bad-init")).doesNotExist();
    }

    @Test
    void theMlpCanBeTheModel() throws Exception {
        Path mlp = dir.resolve("mlp");
        CliRun r = CliRun.of("train", dataset.toString(), "--model", mlp.toString(), "--arch", "mlp", "--epochs", "1",
                "--group-pattern", "^(C\\d+)P", "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("trained mlp on");
        CliRun e = CliRun.of("evaluate", "--model", mlp.toString(), dataset.toString(), "--out",
                dir.resolve("mlp-eval").toString(), "--no-progress");
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(dir.resolve("mlp-eval/cam")).as("an MLP has no feature maps to explain").doesNotExist();
    }
}
