package org.karyo.learn.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.model.Models;
import org.karyo.learn.model.NchwBatches;
import org.karyo.learn.model.RunningStatistics;
import org.karyo.learn.train.Classifier;

/**
 * libtorch (the PyTorch 2.7 that DJL runs) loads the exported archive with {@code torch::jit::load},
 * compiles its TorchScript, and computes what the DJL network computes, for every network Karyo builds.
 */
class TorchScriptExportTest {
    private static final int BATCH = 5;

    @ParameterizedTest
    @MethodSource("org.karyo.learn.export.OnnxExportTest#networks")
    void pytorchLoadsTheArchiveAndGivesDjlsLogitsAndProbabilities(ModelSpec spec, @TempDir Path dir) throws Exception {
        List<float[]> images = OnnxExportTest.images(spec.inputSize(), 11);
        float[] batch = NchwBatches.pack(images, spec);
        Path file = dir.resolve("net.pt");
        float[][] djlLogits;
        float[][] djlProbabilities;
        try (Classifier c = Classifier.initialized(spec, OnnxExportTest.classes(spec), PercentileScaling.DEFAULT, 5)) {
            RunningStatistics.randomise(c.block(), 6);
            djlLogits = OnnxExportTest.logits(c, batch, spec);
            djlProbabilities = c.predictRendered(images);
            TorchScriptExport.write(c, file);
        }
        try (NDManager m = NDManager.newBaseManager(Engines.pytorch().defaultDevice(), Engines.PYTORCH);
             PtSymbolBlock module = JniUtils.loadModule((PtNDManager) m, file, true, new String[0], new String[0], false)) {
            NDArray x = m.create(batch, Models.inputShape(spec, BATCH));
            NDList out = module.forward(new ParameterStore(m, false), new NDList(x), false);
            assertThat(out).hasSize(2);
            float[] logits = out.get(0).toFloatArray();
            float[] probabilities = out.get(1).toFloatArray();
            int k = spec.numClasses();
            for (int i = 0; i < BATCH; i++) {
                for (int j = 0; j < k; j++) {
                    float expected = djlLogits[i][j];
                    assertThat(Math.abs(logits[i * k + j] - expected))
                            .as("logit %d,%d of %s", i, j, spec).isLessThan(1e-4f * Math.max(1f, Math.abs(expected)));
                    assertThat(Math.abs(probabilities[i * k + j] - djlProbabilities[i][j]))
                            .as("probability %d,%d of %s", i, j, spec).isLessThan(1e-4f);
                }
            }
        }
        assertThat(djlLogits[0][0]).isNotEqualTo(djlLogits[1][0]);
        assertThat(djlLogits[0][0]).isNotEqualTo(djlLogits[0][1]);
    }

    @Test
    void theArchiveCarriesItsMetadataAndAlignsTensorData(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.pt");
        try (Classifier c = Classifier.initialized(ModelSpec.compact(1, 3, 48), List.of("interphase", "mitosis",
                "apoptosis"), new PercentileScaling(2, 99.5), 1)) {
            TorchScriptExport.write(c, file);
        }
        byte[] bytes = Files.readAllBytes(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String meta = new String(zip.getInputStream(zip.getEntry("karyo/extra/karyo.json")).readAllBytes());
            assertThat(meta).contains(ExportMetadata.CLASSES, "interphase", "\\\"low_percentile\\\":2.0");
            // The file says what it is: not the ONNX export's format tag.
            assertThat(meta).contains("\"karyo.format\": \"karyo-torchscript/1\"").doesNotContain("karyo-onnx");
            assertThat(new String(zip.getInputStream(zip.getEntry("karyo/version")).readAllBytes())).isEqualTo("3\n");
            String code = new String(zip.getInputStream(zip.getEntry("karyo/code/__torch__.py")).readAllBytes());
            assertThat(code).startsWith("class KaryoNet(Module):").contains("torch.conv2d(input, self.p_");
            // Every tensor's data starts on a 64-byte boundary: find each local header and skip to its data.
            int checked = 0;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var e = entries.nextElement();
                if (!e.getName().startsWith("karyo/data/")) {
                    continue;
                }
                int header = indexOf(bytes, ("PK\3\4").getBytes(), e.getName().getBytes());
                int nameLength = u16(bytes, header + 26);
                int extraLength = u16(bytes, header + 28);
                assertThat((header + 30 + nameLength + extraLength) % 64).as(e.getName()).isZero();
                checked++;
            }
            assertThat(checked).isGreaterThan(4);
        }
    }

    @Test
    void twoExportsOfOneModelAreTheSameBytes(@TempDir Path dir) throws Exception {
        try (Classifier c = Classifier.initialized(ModelSpec.compact(1, 2, 32), List.of("a", "b"),
                PercentileScaling.DEFAULT, 3)) {
            TorchScriptExport.write(c, dir.resolve("1.pt"));
            TorchScriptExport.write(c, dir.resolve("2.pt"));
        }
        assertThat(Files.readAllBytes(dir.resolve("1.pt"))).isEqualTo(Files.readAllBytes(dir.resolve("2.pt")));
    }

    @Test
    void anUnknownLayerIsRefusedAndNothingIsWritten(@TempDir Path dir) {
        Path file = dir.resolve("net.pt");
        assertThatThrownBy(() -> TorchScriptExport.write(ai.djl.nn.norm.LayerNorm.builder().build(),
                java.util.Map.of(), file)).isInstanceOf(UnsupportedBlockException.class);
        assertThat(file).doesNotExist();
    }

    /** The local header whose name follows {@code signature} at offset 30. */
    private static int indexOf(byte[] bytes, byte[] signature, byte[] name) {
        outer:
        for (int i = 0; i + 30 + name.length <= bytes.length; i++) {
            for (int j = 0; j < signature.length; j++) {
                if (bytes[i + j] != signature[j]) {
                    continue outer;
                }
            }
            if (u16(bytes, i + 26) != name.length) {
                continue;
            }
            for (int j = 0; j < name.length; j++) {
                if (bytes[i + 30 + j] != name[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no local header for " + new String(name));
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }
}
