package org.karyo.learn.segment;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.karyo.learn.engine.ComputeDevices;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.infer.InferenceEngine;
import org.karyo.learn.infer.OnnxRuntimeImages;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.learn.model.ReluBlock;
import org.karyo.learn.train.ClassifierTrainer;

/**
 * A fully convolutional pixel classifier for nucleus segmentation: every pixel of a DNA image gets
 * probabilities of background, nucleus interior and nucleus boundary. A stack of 3x3 convolutions with
 * growing then shrinking dilation (no pooling, so the output keeps the input's resolution and any image
 * size works) sees {@link #fieldOfView()} pixels across: 45 by default (dilations 1, 2, 4, 8, 4, 2, 1), a few
 * nucleus diameters at 20x; one more level doubles the largest dilation and about doubles the view (93, 189 px).
 */
public final class PixelClassifier implements AutoCloseable {
    /** Background, interior, boundary: the classes of every network trained without cores, and of old model files. */
    public static final int CLASSES = 3;
    /** With a fourth class, the nucleus core ({@link org.karyo.segment.BoundaryClasses#CORE}). */
    public static final int CLASSES_WITH_CORES = 4;
    /** Pixels across of the network Karyo trained first, and of every model file that does not say otherwise. */
    public static final int DEFAULT_FIELD_OF_VIEW = 45;
    /** The fields of view a network can have: levels 3 to 6 of dilation. */
    public static final List<Integer> FIELDS_OF_VIEW = List.of(21, 45, 93, 189);

    private final Model model;
    private final int width;
    private final int[] dilations;
    private final int classes;
    /** ONNX Runtime's copy of the network, made at the first prediction when that engine is chosen. */
    private OnnxRuntimeImages onnx;

    private PixelClassifier(Model model, int width, int[] dilations, int classes) {
        this.model = model;
        this.width = width;
        this.dilations = dilations;
        this.classes = classes;
    }

    /** A network with random weights, {@code width} channels per layer, the default field of view, seeded. */
    public static PixelClassifier create(int width, long seed) {
        return create(width, DEFAULT_FIELD_OF_VIEW, seed);
    }

    /** A network with random weights, {@code width} channels per layer, seeing {@code fieldOfView} px across, seeded. */
    public static PixelClassifier create(int width, int fieldOfView, long seed) {
        return create(width, fieldOfView, CLASSES, seed);
    }

    /** The same with {@code classes} outputs per pixel: {@link #CLASSES} or {@link #CLASSES_WITH_CORES}. */
    public static PixelClassifier create(int width, int fieldOfView, int classes, long seed) {
        if (classes != CLASSES && classes != CLASSES_WITH_CORES) {
            throw new IllegalArgumentException("a pixel classifier has " + CLASSES + " or " + CLASSES_WITH_CORES + " classes, not " + classes);
        }
        int[] dilations = dilations(fieldOfView);
        Engines.seed(seed);
        Model model = Model.newInstance("karyo-pixels", ComputeDevices.current(), Engines.PYTORCH);
        model.setBlock(network(width, dilations, classes));
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 32, 32));
        return new PixelClassifier(model, width, dilations, classes);
    }

    /**
     * Dilations 1, 2, ..., 2^(L-1), ..., 2, 1 for the level L whose view is {@code fieldOfView}: growing then
     * shrinking, so every pixel of the view is reached without gaps.
     */
    static int[] dilations(int fieldOfView) {
        int levels = FIELDS_OF_VIEW.indexOf(fieldOfView) + 3;
        if (levels < 3) {
            throw new IllegalArgumentException("field of view must be one of " + FIELDS_OF_VIEW + " px, not " + fieldOfView);
        }
        int[] d = new int[2 * levels - 1];
        for (int i = 0; i < levels; i++) {
            d[i] = 1 << i;
            d[d.length - 1 - i] = 1 << i;
        }
        return d;
    }

    static Block network(int width, int[] dilations, int classes) {
        SequentialBlock net = new SequentialBlock();
        for (int d : dilations) {
            net.add(Conv2d.builder().setFilters(width).setKernelShape(new Shape(3, 3)).optPadding(new Shape(d, d))
                    .optDilation(new Shape(d, d)).optBias(false).build());
            net.add(BatchNorm.builder().build());
            net.add(new ReluBlock());
        }
        return net.add(Conv2d.builder().setFilters(classes).setKernelShape(new Shape(1, 1)).build());
    }

    /** Pixels across that one output pixel depends on. */
    public int fieldOfView() {
        int r = 0;
        for (int d : dilations) r += d;
        return 2 * r + 1;
    }

    public int width() {
        return width;
    }

    /** Outputs per pixel: {@link #CLASSES}, or {@link #CLASSES_WITH_CORES} when it also marks nucleus cores. */
    public int classes() {
        return classes;
    }

    /** The network (for tests and exporters). */
    public Block block() {
        return model.getBlock();
    }

    /** A training image: pixels already scaled to about 0..1, and a class (0 to classes - 1) per pixel. */
    public record Example(float[] image, byte[] classes, int w, int h) {
    }

    /**
     * @param patch       side of the square patches cut at random (with random flips and transposes)
     * @param classWeight loss weight of each class (boundary pixels are few but decide the splits)
     */
    public record Settings(int patch, int batch, int steps, double learningRate, double minutes, float[] classWeight,
                           long seed) {
    }

    /** Called after every step with the step number and the running mean loss. */
    public interface Listener {
        void step(int step, double loss);
    }

    /** Adam on weighted pixel cross-entropy; stops after {@code steps} or {@code minutes}. */
    public int train(List<Example> examples, Settings s, Listener listener) {
        Tracker rate = step -> (float) (s.learningRate() * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, step / (double) s.steps()))));
        Optimizer adam = Optimizer.adam().optLearningRateTracker(rate).build();
        // DJL's trainer wants a loss; the weighted pixel loss below is computed by hand, this one is never called.
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam);
        if (onnx != null) { // a copy of weights about to change
            onnx.close();
            onnx = null;
        }
        SplittableRandom random = new SplittableRandom(s.seed());
        int p = s.patch();
        long start = System.nanoTime();
        double mean = Double.NaN;
        int step = 0;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(s.batch(), 1, p, p));
            for (step = 1; step <= s.steps(); step++) {
                float[] x = new float[s.batch() * p * p];
                float[] y = new float[s.batch() * classes * p * p];
                float[] weight = new float[s.batch() * p * p];
                for (int b = 0; b < s.batch(); b++) {
                    cut(examples.get(random.nextInt(examples.size())), p, random, x, y, weight, b, s.classWeight(), classes);
                }
                try (NDManager m = trainer.getManager().newSubManager()) {
                    NDArray in = m.create(x, new Shape(s.batch(), 1, p, p));
                    NDArray target = m.create(y, new Shape(s.batch(), classes, p, p));
                    NDArray w = m.create(weight, new Shape(s.batch(), p, p));
                    ClassifierTrainer.zeroGradients(model.getBlock());
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(in)).singletonOrThrow();
                        NDArray loss = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mul(w).sum()
                                .div(w.sum());
                        collector.backward(loss);
                        float l = loss.getFloat();
                        if (!Float.isFinite(l)) {
                            throw new IllegalStateException("training diverged at step " + step + " (loss " + l
                                    + "); try a lower learning rate");
                        }
                        mean = Double.isNaN(mean) ? l : 0.98 * mean + 0.02 * l;
                    }
                    trainer.step();
                }
                listener.step(step, mean);
                if (s.minutes() > 0 && (System.nanoTime() - start) / 6e10 > s.minutes()) break;
            }
        }
        return Math.min(step, s.steps());
    }

    /** One random patch of {@code e} with a random symmetry of the square into slot {@code b} of the batch. */
    private static void cut(Example e, int p, SplittableRandom random, float[] x, float[] y, float[] weight, int b,
                            float[] classWeight, int classes) {
        int x0 = random.nextInt(Math.max(1, e.w() - p + 1));
        int y0 = random.nextInt(Math.max(1, e.h() - p + 1));
        boolean flipX = random.nextBoolean();
        boolean flipY = random.nextBoolean();
        boolean transpose = random.nextBoolean();
        float gain = (float) (0.8 + 0.4 * random.nextDouble()); // brightness differs between plates
        int plane = p * p;
        for (int v = 0; v < p; v++) {
            for (int u = 0; u < p; u++) {
                int uu = flipX ? p - 1 - u : u;
                int vv = flipY ? p - 1 - v : v;
                int sx = x0 + (transpose ? vv : uu);
                int sy = y0 + (transpose ? uu : vv);
                int o = v * p + u;
                if (sx >= e.w() || sy >= e.h()) continue; // images smaller than a patch: the rest is empty
                int i = sy * e.w() + sx;
                x[b * plane + o] = e.image()[i] * gain;
                int c = e.classes()[i];
                y[(b * classes + c) * plane + o] = 1f;
                weight[b * plane + o] = classWeight[c];
            }
        }
    }

    /** Tiles larger than this (pixels per side, before margins) are cut, so memory stays bounded. */
    static final int TILE = 512;

    /**
     * Class probabilities per pixel: [class][pixel], pixels row-major. Large images go through in tiles
     * with a margin of the receptive field, so the result is the same as in one piece.
     */
    public float[][] predict(float[] image, int w, int h) {
        Engines.disableGradientsOnThisThread();
        float[][] out = new float[classes][w * h];
        int margin = fieldOfView() / 2 + 1;
        for (int y0 = 0; y0 < h; y0 += TILE) {
            for (int x0 = 0; x0 < w; x0 += TILE) {
                int x1 = Math.min(w, x0 + TILE);
                int y1 = Math.min(h, y0 + TILE);
                int ax = Math.max(0, x0 - margin);
                int ay = Math.max(0, y0 - margin);
                int bx = Math.min(w, x1 + margin);
                int by = Math.min(h, y1 + margin);
                int tw = bx - ax;
                int th = by - ay;
                float[] tile = new float[tw * th];
                for (int y = 0; y < th; y++) System.arraycopy(image, (ay + y) * w + ax, tile, y * tw, tw);
                float[] p = forward(tile, tw, th);
                for (int c = 0; c < classes; c++) {
                    for (int y = y0; y < y1; y++) {
                        System.arraycopy(p, c * tw * th + (y - ay) * tw + (x0 - ax), out[c], y * w + x0, x1 - x0);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Class probabilities averaged over flips (and transposes) of the image, each mapped back. The network learnt with
     * random flips and transposes, so every view is as valid as the original and their mean is less noisy; it costs one
     * pass per view.
     */
    public float[][] predict(float[] image, int w, int h, TestTimeViews views) {
        return views.predictMaps(image, w, h, this::predict);
    }

    private float[] forward(float[] image, int w, int h) {
        if (onnx == null && InferenceEngine.resolved() == InferenceEngine.ONNXRUNTIME) {
            onnx = new OnnxRuntimeImages(model.getBlock(), 1, classes); // the weights as they are now
        }
        if (onnx != null) {
            return onnx.predict(image, w, h);
        }
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(image, new Shape(1, 1, h, w));
            return model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().softmax(1).toFloatArray();
        }
    }

    /** The width and the weights (DJL's parameter stream); the field of view and classes are the caller's to record. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(width);
        model.getBlock().saveParameters(out);
    }

    static PixelClassifier read(DataInputStream in, int fieldOfView, int classes) throws IOException {
        int width = in.readInt();
        if (width < 1 || width > 1024) {
            throw new IOException("implausible network width " + width);
        }
        if (!FIELDS_OF_VIEW.contains(fieldOfView)) {
            throw new IOException("implausible field of view " + fieldOfView + " px");
        }
        if (classes != CLASSES && classes != CLASSES_WITH_CORES) {
            throw new IOException("implausible number of classes " + classes);
        }
        PixelClassifier c = create(width, fieldOfView, classes, 0);
        try {
            c.model.getBlock().loadParameters(c.model.getNDManager(), in);
        } catch (ai.djl.MalformedModelException | RuntimeException e) {
            c.close();
            throw new IOException("weights do not fit the network: " + e.getMessage(), e);
        }
        return c;
    }

    @Override
    public void close() {
        if (onnx != null) onnx.close();
        model.close();
    }
}
