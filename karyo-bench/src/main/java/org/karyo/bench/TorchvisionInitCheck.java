package org.karyo.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.BlockList;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.Classifier;
import org.karyo.learn.train.InitialWeights;

/**
 * Checks that a torchvision state dict loaded with {@code --init} computes in Karyo what torchvision
 * computes: the pooled backbone features of the same grey images, against
 * {@code python/torchvision_reference.py}'s output (Python is needed only to make the reference).
 *
 * <p>Usage: {@code TorchvisionInitCheck --dir DIR [--arch resnet18|resnet34|resnet50]}
 */
public final class TorchvisionInitCheck {
    private TorchvisionInitCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        String arch = "resnet18";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--arch" -> arch = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dir == null) throw new IllegalArgumentException("--dir DIR is required");
        float[] images = floats(dir.resolve("images.f32"));
        float[] expected = floats(dir.resolve(arch + ".features.f32"));
        int n = images.length / (64 * 64);
        int channels = expected.length / n;
        ModelSpec spec = ModelSpec.resnet(Architecture.valueOf(arch.toUpperCase(Locale.ROOT)), 1, 2, 64);
        try (Classifier c = Classifier.initialized(spec, List.of("a", "b"), PercentileScaling.DEFAULT, 1)) {
            InitialWeights.Applied applied = InitialWeights.apply(dir.resolve(arch + ".pth"), c);
            System.out.println("loaded: " + applied.kind());
            Engines.disableGradientsOnThisThread();
            try (NDManager m = NDManager.newBaseManager(Engines.pytorch().defaultDevice(), Engines.PYTORCH)) {
                NDArray x = m.create(images, new Shape(n, 1, 64, 64));
                ParameterStore store = new ParameterStore(m, false);
                BlockList layers = ((SequentialBlock) c.block()).getChildren();
                for (int i = 0; i < layers.size() - 1; i++) { // all but the head
                    x = layers.get(i).getValue().forward(store, new NDList(x), false).singletonOrThrow();
                }
                float[] got = x.toFloatArray();
                if (got.length != expected.length) {
                    throw new IllegalStateException("features: " + got.length + " values, reference " + expected.length);
                }
                double maxDiff = 0;
                double maxAbs = 0;
                for (int i = 0; i < got.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(got[i] - expected[i]));
                    maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
                }
                System.out.printf(Locale.ROOT, "%s: %d images x %d features; max |Karyo - torchvision| = %.3g "
                        + "(largest feature %.3g, relative %.2g)%n", arch, n, channels, maxDiff, maxAbs, maxDiff / maxAbs);
                if (maxDiff > 1e-4 * Math.max(1, maxAbs)) {
                    System.out.println("MISMATCH");
                    System.exit(1);
                }
            }
        }
    }

    private static float[] floats(Path file) throws java.io.IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
