package org.karyo.app;

import org.karyo.io.TiffWriter;
import org.karyo.image.Plane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes with the learning commands: exit 2, one line naming the file and the problem, nothing written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnBadInputTest {
    @TempDir
    static Path dir;
    Path dataset;
    Path model;

    /** A two-class folder dataset and a one-epoch model trained on it. */
    @BeforeAll
    void smallModel() throws Exception {
        dataset = dir.resolve("ds");
        for (String cls : List.of("a", "b")) {
            Files.createDirectories(dataset.resolve(cls));
            for (int i = 0; i < 6; i++) {
                float[] px = new float[20 * 20];
                for (int k = 0; k < px.length; k++) px[k] = (k * (i + 3) + (cls.equals("a") ? 0 : 500)) % 997;
                TiffWriter.writePlane(dataset.resolve(cls + "/" + cls + i + ".tif"), new Plane(20, 20, 16, px));
            }
        }
        model = dir.resolve("model");
        CliRun r = CliRun.of("train", dataset.toString(), "--model", model.toString(), "--epochs", "1", "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static void assertBadInput(CliRun r, Path out, String... mentions) throws Exception {
        assertThat(r.exit()).as(r.err()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertThat(errors).as(r.err()).hasSize(1);
        for (String m : mentions) assertThat(errors.get(0)).contains(m);
        if (out != null && Files.exists(out)) {
            try (Stream<Path> s = Files.walk(out)) {
                assertThat(s.filter(Files::isRegularFile)).as("no output written").isEmpty();
            }
        }
    }

    @Test
    void badGroupPattern() throws Exception {
        Path out = dir.resolve("model-gp");
        assertBadInput(CliRun.of("train", dataset.toString(), "--model", out.toString(), "--group-pattern", "(C",
                "--no-progress"), out, "--group-pattern '(C'");
        assertBadInput(CliRun.of("train", dataset.toString(), "--model", out.toString(), "--group-pattern", "^C\\d+",
                "--no-progress"), out, "capture group");
    }

    @Test
    void resumeNeedsTheRunsOwnCheckpoint() throws Exception {
        Path out = dir.resolve("model-resume");
        assertBadInput(CliRun.of("train", dataset.toString(), "--model", out.toString(), "--resume", "--no-progress"),
                out, "holds no training checkpoint to resume");
        Files.createDirectories(out);
        Files.writeString(out.resolve("checkpoint.karyo"), "not a checkpoint");
        CliRun fresh = CliRun.of("train", dataset.toString(), "--model", out.toString(), "--no-progress");
        assertThat(fresh.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(fresh.err()).contains("checkpoint.karyo", "pass --resume");
        CliRun resumed = CliRun.of("train", dataset.toString(), "--model", out.toString(), "--resume", "--no-progress");
        assertThat(resumed.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(resumed.err()).contains("cannot resume from this checkpoint");
        assertThat(out.resolve("checkpoint.karyo")).as("left as it was").hasContent("not a checkpoint");
    }

    @Test
    void missingModel() throws Exception {
        Path out = dir.resolve("out1");
        assertBadInput(CliRun.of("evaluate", "--model", dir.resolve("nope").toString(), dataset.toString(),
                "--out", out.toString()), out, "nope", "model not found");
        assertBadInput(CliRun.of("predict", "--model", dir.resolve("nope").toString(), "x.tif",
                "--out", out.toString()), out, "model not found");
    }

    @Test
    void segmenterViewsWithoutASegmenter() throws Exception {
        Path out = dir.resolve("out-tta");
        assertBadInput(CliRun.of("predict", "--model", dir.resolve("nope").toString(), "x.tif", "--out", out.toString(),
                "--segmenter-tta", "flips"), out, "--segmenter-tta needs --segmenter");
    }

    @Test
    void datasetWithOneClass() throws Exception {
        Path one = dir.resolve("one");
        Files.createDirectories(one.resolve("only"));
        TiffWriter.writePlane(one.resolve("only/x.tif"), new Plane(20, 20, 16, new float[400]));
        Path out = dir.resolve("m-one");
        assertBadInput(CliRun.of("train", one.toString(), "--model", out.toString()), out, "one", "at least 2 class");
    }

    @Test
    void classTheModelDoesNotKnow() throws Exception {
        Path other = dir.resolve("other");
        for (String cls : List.of("a", "zebra")) {
            Files.createDirectories(other.resolve(cls));
            TiffWriter.writePlane(other.resolve(cls + "/x.tif"), new Plane(20, 20, 16, new float[400]));
        }
        Path out = dir.resolve("out2");
        assertBadInput(CliRun.of("evaluate", "--model", model.toString(), other.toString(), "--out", out.toString()),
                out, "other", "'zebra' is not one the model knows");
    }

    @Test
    void corruptBundle() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        try (Stream<Path> s = Files.list(model)) {
            for (Path p : s.toList()) Files.copy(p, broken.resolve(p.getFileName()));
        }
        String json = Files.readString(broken.resolve("bundle.json"));
        Files.writeString(broken.resolve("bundle.json"), json.substring(0, json.length() / 3));
        Path out = dir.resolve("out3");
        assertBadInput(CliRun.of("evaluate", "--model", broken.toString(), dataset.toString(), "--out", out.toString()),
                out, "bundle.json", "corrupt model description");
        Files.writeString(broken.resolve("bundle.json"), json);
        Files.write(broken.resolve("weights.params"), new byte[] {0, 1, 2});
        assertBadInput(CliRun.of("evaluate", "--model", broken.toString(), dataset.toString(), "--out", out.toString()),
                out, "weights.params", "cannot load weights");
    }

    @Test
    void optionsAndTargetsThatCannotWork() throws Exception {
        Path taken = dir.resolve("taken");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve("notes.txt"), "mine");
        assertBadInput(CliRun.of("train", dataset.toString(), "--model", taken.toString()), null, "taken", "holds no model");
        assertThat(taken.resolve("notes.txt")).hasContent("mine");
        Path out = dir.resolve("m-bad");
        assertBadInput(CliRun.of("train", dataset.toString(), "--model", out.toString(), "--arch", "vgg"), out, "--arch");
        assertBadInput(CliRun.of("train", dataset.toString(), "--model", out.toString(), "--arch", "resnet18",
                "--size", "8"), out, "--size");
        assertBadInput(CliRun.of("train", dataset.toString(), "--model", out.toString(), "--epochs", "0"), out, "--epochs");
        assertBadInput(CliRun.of("train", dir.resolve("nothing").toString(), "--model", out.toString()), out,
                "nothing", "not a folder");
    }

    @Test
    void devicesThisMachineDoesNotHave() throws Exception {
        Path out = dir.resolve("m-device");
        assertBadInput(CliRun.of("train", dataset.toString(), "--model", out.toString(), "--device", "tpu"), out,
                "device 'tpu'", "expected auto, cpu, gpu or gpu:N");
        assertBadInput(CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out", out.toString(),
                "--device", "gpu:7"), out, "device 'gpu:7'");
        CliRun ok = CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out",
                dir.resolve("eval-cpu").toString(), "--device", "cpu");
        assertThat(ok.exit()).as(ok.err()).isZero();
    }

    @Test
    void bothInferenceEnginesScoreTheSame() throws Exception {
        Path out = dir.resolve("m-engine");
        assertBadInput(CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out", out.toString(),
                "--inference", "tensorrt"), out, "inference engine 'tensorrt'");
        com.google.gson.JsonObject[] metrics = new com.google.gson.JsonObject[2];
        String[] engines = {"pytorch", "onnxruntime"};
        for (int i = 0; i < 2; i++) {
            Path o = dir.resolve("eval-" + engines[i]);
            CliRun r = CliRun.of("evaluate", "--model", model.toString(), dataset.toString(), "--out", o.toString(),
                    "--all", "--inference", engines[i]);
            assertThat(r.exit()).as(r.err()).isZero();
            metrics[i] = com.google.gson.JsonParser.parseString(Files.readString(o.resolve("metrics.json"))).getAsJsonObject();
        }
        org.karyo.learn.infer.InferenceEngine.use(org.karyo.learn.infer.InferenceEngine.AUTO);
        // Probabilities agree within 1e-4, so every call and rank is the same; calibration error to within that.
        for (String k : List.of("accuracy", "macro_f1", "auc")) {
            assertThat(metrics[1].get(k).getAsDouble()).as(k).isEqualTo(metrics[0].get(k).getAsDouble());
        }
        assertThat(metrics[1].get("confusion")).isEqualTo(metrics[0].get("confusion"));
        assertThat(metrics[1].get("ece").getAsDouble()).isCloseTo(metrics[0].get("ece").getAsDouble(), org.assertj.core.data.Offset.offset(1e-4));
    }
}
