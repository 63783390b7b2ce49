package org.karyo.learn.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karyo.KaryoInputException;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.model.RunningStatistics;
import org.karyo.learn.train.Classifier;
import org.karyo.learn.train.InitialWeights;

/**
 * A state dict named as torchvision names ResNet-18's tensors lands in the right Karyo parameters. (That
 * a real torchvision file gives torchvision's features is checked with Python by the bench's
 * TorchvisionInitCheck: docs/learn-notes.md.)
 */
class TorchvisionResNetWeightsTest {
    private static final Path FILE = Path.of("resnet18.pth");

    /** torchvision's state-dict names for ResNet-18, in its order, with the tensors Karyo does not use. */
    static List<String> torchvisionNames() {
        List<String> names = new ArrayList<>(List.of("conv1.weight"));
        bn(names, "bn1");
        for (int stage = 1; stage <= 4; stage++) {
            for (int block = 0; block < 2; block++) {
                String p = "layer" + stage + "." + block + ".";
                names.add(p + "conv1.weight");
                bn(names, p + "bn1");
                names.add(p + "conv2.weight");
                bn(names, p + "bn2");
                if (stage > 1 && block == 0) {
                    names.add(p + "downsample.0.weight");
                    bn(names, p + "downsample.1");
                }
            }
        }
        names.add("fc.weight");
        names.add("fc.bias");
        return names;
    }

    private static void bn(List<String> names, String p) {
        for (String s : List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked")) {
            names.add(p + "." + s);
        }
    }

    /** The backbone tensors of a 3-channel Karyo ResNet-18 under torchvision's names. */
    private static Map<String, TorchTensor> stateDictOf(Classifier source) {
        PairList<String, Parameter> params = source.block().getParameters();
        Map<String, TorchTensor> sd = new LinkedHashMap<>();
        int next = 0;
        for (String name : torchvisionNames()) {
            if (name.endsWith("num_batches_tracked")) {
                sd.put(name, new TorchTensor(new long[0], null));
            } else if (name.startsWith("fc.")) {
                sd.put(name, new TorchTensor(name.endsWith("weight") ? new long[] {1000, 512} : new long[] {1000},
                        new float[name.endsWith("weight") ? 512_000 : 1000]));
            } else {
                var a = params.get(next++).getValue().getArray();
                sd.put(name, new TorchTensor(a.getShape().getShape(), a.toFloatArray()));
            }
        }
        return sd;
    }

    @Test
    void everyBackboneTensorLandsInItsParameterAndTheStemTakesTheNormalisation() throws Exception {
        ModelSpec rgb = ModelSpec.resnet(Architecture.RESNET18, 3, 2, 32);
        ModelSpec grey = ModelSpec.resnet(Architecture.RESNET18, 1, 5, 32);
        try (Classifier source = Classifier.initialized(rgb, List.of("a", "b"), PercentileScaling.DEFAULT, 3);
             Classifier target = Classifier.initialized(grey, List.of("1", "2", "3", "4", "5"), PercentileScaling.DEFAULT, 4)) {
            RunningStatistics.randomise(source.block(), 5);
            Map<String, TorchTensor> sd = stateDictOf(source);
            PairList<String, Parameter> dst = target.block().getParameters();
            float[] headBefore = dst.get(dst.size() - 1).getValue().getArray().toFloatArray();
            TorchvisionResNetWeights.apply(FILE, sd, dst, headPrefix(target));
            PairList<String, Parameter> src = source.block().getParameters();
            float[][] folded = TorchvisionResNetWeights.foldNormalisation(sd.get("conv1.weight"), 1);
            int backbone = 0;
            for (int i = 0; i < dst.size(); i++) {
                Pair<String, Parameter> d = dst.get(i);
                if (d.getKey().startsWith(headPrefix(target))) {
                    continue;
                }
                backbone++;
                float[] got = d.getValue().getArray().toFloatArray();
                float[] want = src.get(i).getValue().getArray().toFloatArray();
                if (i == 0) {
                    assertThat(java.util.Arrays.equals(got, folded[0])).as("stem weights folded").isTrue();
                } else if (i == 3) {
                    for (int o = 0; o < got.length; o++) {
                        assertThat(got[o]).isEqualTo(want[o] - folded[1][o]);
                    }
                } else {
                    assertThat(java.util.Arrays.equals(got, want)).as("%s (%d values)", d.getKey(), got.length).isTrue();
                }
            }
            assertThat(backbone).isEqualTo(sd.size() - 2 - 20); // without fc and the 20 batch counters
            assertThat(java.util.Arrays.equals(dst.get(dst.size() - 1).getValue().getArray().toFloatArray(), headBefore))
                    .as("head untouched").isTrue();
        }
    }

    @Test
    void foldingComputesTheNormalisedGreyAsRgbConvolution() {
        // One output channel, 1x1 kernel: w . ((g - mean) / std) summed over RGB == folded * g + constant.
        float[] w = {0.3f, -1.2f, 0.7f};
        float[][] f = TorchvisionResNetWeights.foldNormalisation(new TorchTensor(new long[] {1, 3, 1, 1}, w), 1);
        for (float g : new float[] {0f, 0.25f, 1f}) {
            double direct = 0;
            for (int c = 0; c < 3; c++) {
                direct += w[c] * (g - TorchvisionResNetWeights.MEAN[c]) / TorchvisionResNetWeights.STD[c];
            }
            assertThat(f[0][0] * g + f[1][0]).isCloseTo((float) direct, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aStateDictOfAnotherDepthOrLayoutIsRefusedByName() throws Exception {
        ModelSpec spec = ModelSpec.resnet(Architecture.RESNET18, 3, 2, 32);
        try (Classifier source = Classifier.initialized(spec, List.of("a", "b"), PercentileScaling.DEFAULT, 3);
             Classifier target = Classifier.initialized(ModelSpec.resnet(Architecture.RESNET34, 1, 2, 32),
                     List.of("a", "b"), PercentileScaling.DEFAULT, 3)) {
            Map<String, TorchTensor> sd = stateDictOf(source);
            assertThatThrownBy(() -> TorchvisionResNetWeights.apply(FILE, sd, target.block().getParameters(),
                    headPrefix(target))).isInstanceOf(KaryoInputException.class)
                    .hasMessageContaining("resnet18.pth").hasMessageContaining("another ResNet depth");
            // Same count, wrong order: a batch-norm mean where a convolution belongs.
            Map<String, TorchTensor> shuffled = new LinkedHashMap<>();
            List<Map.Entry<String, TorchTensor>> entries = new ArrayList<>(sd.entrySet());
            java.util.Collections.swap(entries, 0, 3);
            entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
            try (Classifier same = Classifier.initialized(spec, List.of("a", "b"), PercentileScaling.DEFAULT, 3)) {
                assertThatThrownBy(() -> TorchvisionResNetWeights.apply(FILE, shuffled, same.block().getParameters(),
                        headPrefix(same))).hasMessageContaining("does not line up");
            }
        }
    }

    @Test
    void aCheckpointForTheCompactNetworkIsRefused() throws Exception {
        Path checkpoint = Path.of(TorchCheckpointTest.class.getResource("/torch/small_checkpoint.pt").toURI());
        try (Classifier c = Classifier.initialized(ModelSpec.compact(1, 2, 32), List.of("a", "b"),
                PercentileScaling.DEFAULT, 1)) {
            assertThatThrownBy(() -> InitialWeights.apply(checkpoint, c)).isInstanceOf(KaryoInputException.class)
                    .hasMessageContaining("initialise only torchvision ResNets");
        }
        try (Classifier c = Classifier.initialized(ModelSpec.resnet(Architecture.RESNET18, 1, 2, 32), List.of("a", "b"),
                PercentileScaling.DEFAULT, 1)) {
            assertThatThrownBy(() -> InitialWeights.apply(checkpoint, c)).isInstanceOf(KaryoInputException.class)
                    .hasMessageContaining("not a torchvision ResNet state dict");
        }
    }

    private static String headPrefix(Classifier c) {
        var children = ((ai.djl.nn.SequentialBlock) c.block()).getChildren();
        return children.get(children.size() - 1).getKey() + "_";
    }
}
