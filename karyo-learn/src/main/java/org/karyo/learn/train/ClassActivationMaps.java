package org.karyo.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.model.Head;

/**
 * Where in a crop the network found the evidence for a class: a heat map at the network's input
 * size, computed on the last convolutional feature map (the input of the global average pool).
 *
 * <ul>
 *   <li>{@link Method#CAM} (Zhou et al. 2016) for a GAP → linear head: the class's weights of the last
 *       dense layer applied to the feature channels at every position, read straight from the weights.</li>
 *   <li>{@link Method#GRAD_CAM} (Selvaraju et al. 2017) for any head, needed when a hidden dense layer
 *       sits between pool and classes (the study head): each channel is weighted by the mean gradient
 *       of the class score (logit) with respect to it, recorded with DJL's gradient collector on the
 *       head only (the trunk runs without autograd).</li>
 * </ul>
 * Both keep the positive part and divide by the map's maximum, so a map is in [0, 1] (all zeros
 * when nothing in the crop speaks for the class). For a linear head Grad-CAM equals CAM up to
 * scale, which the tests check. Maps are bilinearly upsampled from the feature grid (1/16 of the
 * input for the compact net, 1/32 for ResNets), so they locate evidence coarsely.
 */
public final class ClassActivationMaps {
    /** How a map is computed. */
    public enum Method {
        CAM, GRAD_CAM
    }

    private ClassActivationMaps() {
    }

    /** Whether the network has convolutional feature maps to explain (the MLP has none). */
    public static boolean supports(Classifier classifier) {
        return classifier.spec().architecture().isConvolutional();
    }

    /** CAM for a linear head (exact there), Grad-CAM for a head with a hidden layer. */
    public static Method methodFor(Classifier classifier) {
        return classifier.spec().head() == Head.LINEAR ? Method.CAM : Method.GRAD_CAM;
    }

    /**
     * Heat maps for rendered crops (see {@link Classifier#renderer()}), one per crop, each
     * {@code size * size} row-major at the network's input size, in [0, 1].
     *
     * @param classes the class to explain for each crop (e.g. the predicted or the true class)
     */
    public static float[][] compute(Classifier classifier, List<float[]> rendered, int[] classes, Method method) {
        if (classes.length != rendered.size()) {
            throw new IllegalArgumentException(classes.length + " classes for " + rendered.size() + " crops");
        }
        int k = classifier.spec().numClasses();
        for (int c : classes) {
            if (c < 0 || c >= k) {
                throw new IllegalArgumentException("class " + c + " out of range for " + k + " outputs");
            }
        }
        if (!supports(classifier)) {
            throw new IllegalArgumentException(classifier.spec().architecture() + " has no convolutional feature maps");
        }
        Parts parts = Parts.of(classifier.block());
        if (method == Method.CAM && parts.linearHead() == null) {
            throw new IllegalArgumentException("CAM needs a GAP -> linear head; use GRAD_CAM for " + classifier.spec().head());
        }
        Engines.disableGradientsOnThisThread();
        int size = classifier.spec().inputSize();
        float[][] out = new float[rendered.size()][];
        NDManager root = classifier.model().getNDManager();
        ParameterStore store = new ParameterStore(root, false);
        for (int start = 0; start < rendered.size(); start += Classifier.PREDICT_BATCH) {
            int end = Math.min(rendered.size(), start + Classifier.PREDICT_BATCH);
            List<float[]> chunk = rendered.subList(start, end);
            try (NDManager batch = root.newSubManager()) {
                NDArray x = classifier.batches().images(batch, chunk, classifier.spec().inputChannels(), size);
                NDList current = new NDList(x);
                for (Block b : parts.trunk()) {
                    current = b.forward(store, current, false);
                }
                NDArray features = current.singletonOrThrow();
                int[] which = java.util.Arrays.copyOfRange(classes, start, end);
                float[][] grid = method == Method.CAM ? cam(features, parts.linearHead(), which)
                        : gradCam(features, parts, store, which, k);
                Shape s = features.getShape();
                for (int i = 0; i < chunk.size(); i++) {
                    out[start + i] = normalise(upsample(grid[i], (int) s.get(3), (int) s.get(2), size));
                }
            }
        }
        return out;
    }

    /** Σ_c w[class, c] · F[c] at every feature position. */
    private static float[][] cam(NDArray features, Linear head, int[] classes) {
        Shape s = features.getShape();
        int n = (int) s.get(0);
        int channels = (int) s.get(1);
        int cells = (int) (s.get(2) * s.get(3));
        float[] f = features.toFloatArray();
        float[] w = head.getParameters().get("weight").getArray().toFloatArray();
        float[][] out = new float[n][cells];
        for (int i = 0; i < n; i++) {
            int row = classes[i] * channels;
            for (int c = 0; c < channels; c++) {
                float wc = w[row + c];
                int base = (i * channels + c) * cells;
                for (int p = 0; p < cells; p++) {
                    out[i][p] += wc * f[base + p];
                }
            }
        }
        return out;
    }

    /** Σ_c mean(∂score/∂F[c]) · F[c], the gradient recorded through pool and head only. */
    private static float[][] gradCam(NDArray features, Parts parts, ParameterStore store, int[] classes, int k) {
        NDManager m = features.getManager();
        features.setRequiresGradient(true);
        float[] mask = new float[classes.length * k];
        for (int i = 0; i < classes.length; i++) {
            mask[i * k + classes[i]] = 1f;
        }
        NDArray gradient;
        // Samples are independent in inference mode, so one backward of the summed chosen logits gives
        // each crop the gradient of its own class score.
        try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
            NDList pooled = parts.pool().forward(store, new NDList(features), false);
            NDArray logits = parts.head().forward(store, pooled, false).singletonOrThrow();
            NDArray score = logits.mul(m.create(mask, logits.getShape())).sum();
            collector.backward(score);
            gradient = features.getGradient().duplicate();
        }
        Shape s = features.getShape();
        int n = (int) s.get(0);
        int channels = (int) s.get(1);
        int cells = (int) (s.get(2) * s.get(3));
        float[] f = features.toFloatArray();
        float[] g = gradient.toFloatArray();
        float[][] out = new float[n][cells];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                int base = (i * channels + c) * cells;
                double alpha = 0;
                for (int p = 0; p < cells; p++) {
                    alpha += g[base + p];
                }
                alpha /= cells;
                for (int p = 0; p < cells; p++) {
                    out[i][p] += (float) (alpha * f[base + p]);
                }
            }
        }
        return out;
    }

    /** Bilinear resize of a w x h grid to size x size, pixel centres aligned (as torch's align_corners=False). */
    static float[] upsample(float[] grid, int w, int h, int size) {
        float[] out = new float[size * size];
        for (int v = 0; v < size; v++) {
            double y = Math.min(h - 1, Math.max(0, (v + 0.5) * h / size - 0.5));
            int y0 = (int) y;
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = y - y0;
            for (int u = 0; u < size; u++) {
                double x = Math.min(w - 1, Math.max(0, (u + 0.5) * w / size - 0.5));
                int x0 = (int) x;
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = x - x0;
                double top = grid[y0 * w + x0] + fx * (grid[y0 * w + x1] - grid[y0 * w + x0]);
                double bottom = grid[y1 * w + x0] + fx * (grid[y1 * w + x1] - grid[y1 * w + x0]);
                out[v * size + u] = (float) (top + fy * (bottom - top));
            }
        }
        return out;
    }

    /** Positive part over its maximum; all zeros when nothing is positive. */
    static float[] normalise(float[] map) {
        float max = 0;
        for (float v : map) {
            max = Math.max(max, v);
        }
        float[] out = new float[map.length];
        if (max > 0) {
            for (int i = 0; i < map.length; i++) {
                out[i] = Math.max(0, map[i]) / max;
            }
        }
        return out;
    }

    /**
     * The network cut where the maps are taken: every block before the global average pool (the
     * trunk), the pool, and the head. Both the compact CNN and the ResNets end with pool and head.
     */
    private record Parts(List<Block> trunk, Block pool, Block head, Linear linearHead) {
        static Parts of(Block block) {
            if (!(block instanceof SequentialBlock seq) || seq.getChildren().size() < 3) {
                throw new IllegalStateException("expected a sequential network ending in pool and head");
            }
            List<Block> children = new ArrayList<>(seq.getChildren().values());
            int n = children.size();
            Block head = children.get(n - 1);
            return new Parts(children.subList(0, n - 2), children.get(n - 2), head, linearOnly(head));
        }

        /** The head's dense layer when it is the only one (dropout aside), else null. */
        private static Linear linearOnly(Block head) {
            Linear found = null;
            List<Block> parts = head instanceof SequentialBlock s ? s.getChildren().values() : List.of(head);
            for (Block b : parts) {
                if (b instanceof Linear l) {
                    if (found != null) {
                        return null;
                    }
                    found = l;
                }
            }
            return found;
        }
    }
}
