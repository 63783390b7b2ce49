package org.karyo.app;

import org.karyo.io.TiffWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * train → evaluate → predict through the CLI on synthetic fields where infected nuclei (reporter
 * positive) have rim chromatin: the network must learn that from the DNA channel alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnCommandsTest {
    static final int ROWS = 4;
    static final int COLS = 6;
    static final int RADIUS = 6;

    @TempDir
    static Path dir;
    Path dataset;
    Path model;
    CliRun trained;
    List<Path> fields = new java.util.ArrayList<>();
    List<Set<Integer>> infected = new java.util.ArrayList<>();

    @BeforeAll
    void trainOnce() throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        List<String> args = new java.util.ArrayList<>(List.of("crops", "--size", "24", "--group", "block",
                "--block-size", "48"));
        for (int f = 0; f < 3; f++) {
            Set<Integer> inf = new HashSet<>();
            for (int i = 0; i < ROWS * COLS; i++) if (rnd.nextBoolean()) inf.add(i);
            Path dna = dir.resolve("f" + f + "_w1.tif");
            Path rep = dir.resolve("f" + f + "_w2.tif");
            TiffWriter.writePlane(dna, SyntheticPhenotypes.field(ROWS, COLS, RADIUS, inf, f));
            TiffWriter.writePlane(rep, SyntheticImages.reporter(ROWS, COLS, RADIUS, inf));
            fields.add(dna);
            infected.add(inf);
            args.addAll(List.of("--nuclei", dna.toString(), "--reporter", rep.toString()));
        }
        dataset = dir.resolve("ds");
        args.addAll(List.of("--out", dataset.toString()));
        CliRun crops = CliRun.of(args.toArray(String[]::new));
        assertThat(crops.exit()).as(crops.err()).isZero();
        model = dir.resolve("model");
        trained = CliRun.of("train", dataset.toString(), "--model", model.toString(), "--epochs", "12",
                "--batch", "8", "--seed", "3");
    }

    @Test
    void trainWritesACompleteBundle() throws Exception {
        assertThat(trained.exit()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("trained compact on 72 crops");
        assertThat(trained.err()).as("per-epoch progress").contains("epoch 1: loss");
        String json = Files.readString(model.resolve("bundle.json"));
        assertThat(json).contains("\"format\": \"karyo-model/1\"", "\"classes\": [", "\"infected\"", "\"uninfected\"",
                "\"input_size\": 24", "\"normalisation\"", "\"crop_recipe\"", "\"crop_recipe_source\": \"dataset\"",
                "\"fingerprint\": \"sha256:", "\"metrics\"", "\"pytorch\"", "\"best_epoch\"");
        assertThat(model.resolve("weights.params")).isRegularFile();
        assertThat(model.resolve("checkpoint.karyo")).as("the finished model replaces the checkpoint").doesNotExist();
        List<String> history = Files.readAllLines(model.resolve("history.csv"));
        assertThat(history.get(0)).startsWith("epoch,train_loss,train_accuracy,validation_loss");
        assertThat(history.size()).isBetween(2, 13);
        assertThat(ImageIO.read(model.resolve("training.png").toFile()).getHeight()).isEqualTo(800);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".model"));
        }
    }

    @Test
    void evaluateScoresOnlyTheHeldOutSplitOfTheTrainingData() throws Exception {
        Path out = dir.resolve("eval");
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out", out.toString(),
                "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("test split");
        String json = Files.readString(out.resolve("metrics.json"));
        assertThat(json).contains("\"accuracy\"", "\"macro_f1\"", "\"auc\"", "\"ece\"", "\"n\"", "\"per_class\"",
                "\"precision\"", "\"recall\"", "\"ci95\"", "\"subset\": \"test split\"");
        for (String png : List.of("roc.png", "confusion.png", "reliability.png")) {
            assertThat(ImageIO.read(out.resolve(png).toFile())).as(png).isNotNull();
        }
        // Class activation maps: a mean per class and sampled calls, every listed PNG present and readable.
        List<String> index = Files.readAllLines(out.resolve("cam/index.csv"));
        assertThat(index.get(0)).isEqualTo("png,kind,crop,class,predicted,p_predicted,explained_class,method");
        assertThat(index).anyMatch(l -> l.startsWith("mean_infected.png,class mean"))
                .anyMatch(l -> l.startsWith("mean_uninfected.png,class mean"))
                .anyMatch(l -> l.contains(",correct,") && l.endsWith(",CAM"));
        for (String line : index.subList(1, index.size())) {
            var img = ImageIO.read(out.resolve("cam").resolve(line.split(",")[0]).toFile());
            assertThat(img.getWidth()).as(line).isGreaterThan(2 * img.getHeight());
        }
        assertThat(Files.readString(out.resolve("cam/index.html"))).contains("<img src=\"mean_infected.png\">");
        CliRun all = CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out",
                dir.resolve("eval-all").toString(), "--all", "--no-progress");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).startsWith("all crops, n=72");
        double accuracy = Double.parseDouble(all.out().replaceAll("(?s).*accuracy ([0-9.]+),.*", "$1"));
        assertThat(accuracy).as("rim chromatin learnt from DNA alone").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void testTimeViewsAverageTheProbabilitiesAndAreRecorded() throws Exception {
        Path none = dir.resolve("eval-none");
        Path dihedral = dir.resolve("eval-dihedral");
        assertThat(CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out", none.toString(),
                "--all", "--cam", "0", "--no-progress").exit()).isZero();
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out", dihedral.toString(),
                "--all", "--cam", "0", "--no-progress", "--tta", "dihedral");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dihedral.resolve("metrics.json"))).contains("\"test_time_views\": \"dihedral\"");
        assertThat(Files.readString(none.resolve("metrics.json"))).contains("\"test_time_views\": \"none\"");
        List<String> plain = Files.readAllLines(none.resolve("predictions.csv"));
        List<String> averaged = Files.readAllLines(dihedral.resolve("predictions.csv"));
        assertThat(averaged).hasSameSizeAs(plain);
        // Each row is the mean of the bundle's probabilities over the crop's eight views.
        var set = org.karyo.learn.data.CropDatasetReader.read(dataset);
        java.util.Map<String, org.karyo.image.Plane> byPath = new java.util.HashMap<>();
        for (var c : set.crops()) byPath.put(dataset.toAbsolutePath().normalize().relativize(c.path().toAbsolutePath().normalize()).toString(), c.image());
        double moved = 0;
        try (var bundle = org.karyo.learn.bundle.ModelBundle.open(model)) {
            var renderer = bundle.classifier().renderer();
            int size = bundle.info().inputSize();
            for (int i = 1; i < plain.size(); i++) {
                String[] a = plain.get(i).split(",");
                String[] b = averaged.get(i).split(",");
                assertThat(b[0]).isEqualTo(a[0]);
                var views = org.karyo.learn.infer.TestTimeViews.DIHEDRAL.views(renderer.render(byPath.get(b[0])), size);
                float[][] p = bundle.classifier().predictRendered(views);
                double mean = 0;
                for (float[] row : p) mean += row[0] / 8.0;
                assertThat(Double.parseDouble(b[3])).as(b[0]).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-4));
                moved += Math.abs(Double.parseDouble(a[3]) - mean);
            }
        }
        assertThat(moved).as("the views are not all the same crop").isGreaterThan(0);
        CliRun bad = CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out",
                dir.resolve("eval-bad").toString(), "--tta", "rotations");
        assertThat(bad.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("none, flips or dihedral");
    }

    @Test
    void predictClassifiesEveryNucleusOfAFieldWithTheModelsCropRecipe() throws Exception {
        Path out = dir.resolve("pred");
        CliRun r = CliRun.of("predict", "--model", model.toString(), fields.get(0).toString(), "--out",
                out.toString(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("f0_w1.cells.csv"));
        assertThat(csv.get(0)).isEqualTo("image,nucleus_id,x,y,area,class,p_infected,p_uninfected");
        assertThat(csv).hasSize(ROWS * COLS + 1);
        int agree = 0;
        int spacing = RADIUS * 4;
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            int index = (int) (Double.parseDouble(f[3]) / spacing) * COLS + (int) (Double.parseDouble(f[2]) / spacing);
            boolean predicted = f[5].equals("infected");
            if (predicted == infected.get(0).contains(index)) agree++;
            assertThat(Double.parseDouble(f[6]) + Double.parseDouble(f[7])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(agree).as("nuclei whose predicted class matches the reporter").isGreaterThanOrEqualTo(ROWS * COLS * 8 / 10);
        assertThat(ImageIO.read(out.resolve("f0_w1.classes.png").toFile()).getWidth()).isEqualTo(COLS * spacing);
    }

    @Test
    void severalModelsPredictAsTheMeanOfTheirProbabilities() throws Exception {
        Path second = dir.resolve("model-seed4");
        CliRun t = CliRun.of("train", dataset.toString(), "--model", second.toString(), "--epochs", "3", "--batch", "8",
                "--seed", "4", "--split-seed", "3", "--no-progress");
        assertThat(t.exit()).as(t.err()).isZero();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (List<Path> models : List.of(List.of(model), List.of(second), List.of(model, second))) {
            Path out = dir.resolve("eval-ens-" + models.size() + "-" + models.get(models.size() - 1).getFileName());
            List<String> args = new java.util.ArrayList<>(List.of("evaluate", dataset.toString(), "--out", out.toString(),
                    "--cam", "0", "--no-progress"));
            for (Path m : models) args.addAll(List.of("--model", m.toString()));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            rows.add(Files.readAllLines(out.resolve("predictions.csv")));
            if (models.size() == 2) {
                assertThat(Files.readString(out.resolve("metrics.json"))).contains("\"ensemble\"", "model-seed4");
                assertThat(r.out()).contains("2xcompact");
            }
        }
        // The same held-out crops (same split seed), each row the mean of the two models' probabilities.
        assertThat(rows.get(2)).hasSameSizeAs(rows.get(0)).hasSameSizeAs(rows.get(1));
        for (int i = 1; i < rows.get(2).size(); i++) {
            String[] a = rows.get(0).get(i).split(",");
            String[] b = rows.get(1).get(i).split(",");
            String[] m = rows.get(2).get(i).split(",");
            assertThat(m[0]).isEqualTo(a[0]).isEqualTo(b[0]);
            double mean = (Double.parseDouble(a[3]) + Double.parseDouble(b[3])) / 2;
            assertThat(Double.parseDouble(m[3])).as(m[0]).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-4));
        }
        Path pred = dir.resolve("pred-ens");
        CliRun p = CliRun.of("predict", "--model", model.toString(), "--model", second.toString(), fields.get(0).toString(),
                "--out", pred.toString(), "--no-progress");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(Files.readAllLines(pred.resolve("f0_w1.cells.csv"))).hasSize(ROWS * COLS + 1);

        // A model that held out other crops cannot join: its "test" crops would be the other's training data.
        Path otherSplit = dir.resolve("model-split5");
        assertThat(CliRun.of("train", dataset.toString(), "--model", otherSplit.toString(), "--epochs", "1", "--batch", "8",
                "--seed", "5", "--no-progress").exit()).isZero();
        CliRun bad = CliRun.of("evaluate", "--model", model.toString(), "--model", otherSplit.toString(), dataset.toString(),
                "--out", dir.resolve("eval-ens-bad").toString(), "--no-progress");
        assertThat(bad.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("model-split5", "cannot join an ensemble").doesNotContain("\n\t");
    }

    @Test
    void theDemoCanCallTheSameWorkInProcess() throws Exception {
        CellPrediction.Outcome o = LearnPipeline.predict(model, List.of(fields.get(1)), dir.resolve("api"));
        assertThat(o.nuclei()).isEqualTo(ROWS * COLS);
        assertThat(o.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROWS * COLS);
        assertThat(dir.resolve("api/f1_w1.cells.csv")).isRegularFile();
        ModelEvaluation.Outcome e = LearnPipeline.evaluate(model, dataset, dir.resolve("api-eval"));
        assertThat(e.subset()).isEqualTo("test split");
    }

    @Test
    void everyLearningCommandExplainsItself() {
        for (String cmd : List.of("train", "evaluate", "predict")) {
            CliRun r = CliRun.of(cmd, "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Usage: karyo " + cmd);
        }
    }
}
