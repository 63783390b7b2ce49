package org.karyo.app;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.image.Plane;
import org.karyo.io.TiffWriter;
import org.karyo.learn.bundle.ModelBundle;
import org.karyo.learn.data.CropRenderer;
import org.karyo.learn.engine.Engines;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 'karyo export': a trained bundle becomes an ONNX file that ONNX Runtime runs to the same probabilities. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportCommandTest {
    @TempDir
    static Path dir;
    Path model;
    List<Plane> crops = new ArrayList<>();

    @BeforeAll
    void oneEpochModel() throws Exception {
        Path dataset = dir.resolve("ds");
        for (String cls : List.of("a", "b")) {
            Files.createDirectories(dataset.resolve(cls));
            for (int i = 0; i < 6; i++) {
                float[] px = new float[20 * 20];
                for (int k = 0; k < px.length; k++) px[k] = (k * (i + 3) + (cls.equals("a") ? 0 : 500)) % 997;
                Plane crop = new Plane(20, 20, 16, px);
                crops.add(crop);
                TiffWriter.writePlane(dataset.resolve(cls + "/" + cls + i + ".tif"), crop);
            }
        }
        model = dir.resolve("model");
        CliRun r = CliRun.of("train", dataset.toString(), "--model", model.toString(), "--epochs", "1", "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void exportedModelGivesTheBundlesProbabilitiesInOnnxRuntime() throws Exception {
        Path onnx = dir.resolve("out/model.onnx");
        CliRun r = CliRun.of("export", "--model", model.toString(), "--out", onnx.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote", "'input'", "'probabilities'", "[a, b]");

        Packed in = packed();
        float[][] expected = in.expected();
        float[] batch = in.batch();
        long[] shape = in.shape();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), shape);
             OrtSession.Result result = session.run(Map.of("input", input))) {
            float[][] p = (float[][]) result.get("probabilities").orElseThrow().getValue();
            for (int i = 0; i < crops.size(); i++) {
                for (int k = 0; k < 2; k++) assertThat(Math.abs(p[i][k] - expected[i][k])).isLessThan(1e-4f);
            }
            assertThat(session.getMetadata().getCustomMetadata()).containsEntry("karyo.classes", "[\"a\",\"b\"]")
                    .containsKeys("karyo.normalisation", "karyo.crop_recipe", "karyo.input");
        }
    }

    @Test
    void torchScriptExportGivesTheBundlesProbabilitiesInLibtorch() throws Exception {
        Path pt = dir.resolve("out/model.pt");
        CliRun r = CliRun.of("export", "--model", model.toString(), "--out", pt.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote", "TorchScript");
        Packed in = packed();
        float[][] expected = in.expected();
        float[] batch = in.batch();
        Shape shape = new Shape(in.shape());
        String[] keys = {"karyo.json"};
        String[] values = {""};
        try (NDManager m = NDManager.newBaseManager(Engines.pytorch().defaultDevice(), Engines.PYTORCH);
             PtSymbolBlock module = JniUtils.loadModule((PtNDManager) m, pt, true, keys, values, false)) {
            NDList out = module.forward(new ParameterStore(m, false), new NDList(m.create(batch, shape)), false);
            float[] p = out.get(1).toFloatArray();
            for (int i = 0; i < crops.size(); i++) {
                for (int k = 0; k < 2; k++) assertThat(Math.abs(p[i * 2 + k] - expected[i][k])).isLessThan(1e-4f);
            }
            assertThat(values[0]).contains("karyo.classes", "karyo.crop_recipe");
        }
    }

    @Test
    void anUnknownFormatOrExtensionIsBadInput() {
        CliRun ext = CliRun.of("export", "--model", model.toString(), "--out", dir.resolve("model.bin").toString());
        assertThat(ext.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(ext.err()).contains("model.bin", "--format onnx|torchscript");
        CliRun fmt = CliRun.of("export", "--model", model.toString(), "--out", dir.resolve("m.bin").toString(),
                "--format", "keras");
        assertThat(fmt.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(fmt.err()).contains("keras");
        assertThat(dir.resolve("model.bin")).doesNotExist();
    }

    /** The bundle's probabilities for the crops, and the crops as an exported network takes them. */
    private record Packed(float[][] expected, float[] batch, long[] shape) {
    }

    private Packed packed() throws Exception {
        try (ModelBundle bundle = ModelBundle.open(model)) {
            // The normalisation and resizing the exported network leaves to its caller.
            CropRenderer renderer = bundle.classifier().renderer();
            int channels = bundle.info().model().inputChannels();
            int size = bundle.info().inputSize();
            int plane = size * size;
            float[] batch = new float[crops.size() * channels * plane];
            for (int i = 0; i < crops.size(); i++) {
                float[] img = renderer.render(crops.get(i));
                for (int c = 0; c < channels; c++) System.arraycopy(img, 0, batch, (i * channels + c) * plane, plane);
            }
            return new Packed(bundle.classifier().predictProba(crops), batch, new long[] {crops.size(), channels, size, size});
        }
    }

    @Test
    void helpSaysWhatTheGraphExpects() {
        CliRun r = CliRun.of("export", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("float32 (N, C, S, S)", "torch.jit.load", "normalisation", "'probabilities'", "'classes'");
        assertThat(CliRun.of("--help").out()).contains("export");
    }

    @Test
    void aMissingModelOrAFolderAsOutIsBadInput() throws Exception {
        Path onnx = dir.resolve("bad/model.onnx");
        CliRun missing = CliRun.of("export", "--model", dir.resolve("nope").toString(), "--out", onnx.toString());
        assertThat(missing.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(missing.err().lines().filter(l -> l.startsWith("error:"))).singleElement().asString().contains("nope");
        assertThat(onnx).doesNotExist();

        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        CliRun toFolder = CliRun.of("export", "--model", model.toString(), "--out", folder.toString());
        assertThat(toFolder.exit()).isEqualTo(Karyo.EXIT_BAD_INPUT);
        assertThat(toFolder.err()).contains("a-folder", "is a folder");
    }
}
