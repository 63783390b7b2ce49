package org.karyo.learn.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.learn.data.CropRenderer;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.engine.ComputeDevices;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.Head;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.model.Models;

/**
 * A network with everything needed to apply it to raw crops: the spec, the class names and the
 * intensity scaling it was trained with. Holds native memory: close it. Not thread-safe.
 *
 * <p>Saved as a folder: {@code classifier.properties} (spec, classes, scaling) and
 * {@code weights.params} (DJL's parameter stream), so the engine behind it can change.
 */
public final class Classifier implements AutoCloseable {
    static final String PROPERTIES = "classifier.properties";
    static final String WEIGHTS = "weights.params";
    /** Crops per forward pass when predicting. */
    public static final int PREDICT_BATCH = 32;

    private final ModelSpec spec;
    private final List<String> classes;
    private final PercentileScaling scaling;
    private final Model model;
    private final Batches batches = new Batches();

    private Classifier(ModelSpec spec, List<String> classes, PercentileScaling scaling, Model model) {
        if (classes.size() != spec.numClasses()) {
            throw new IllegalArgumentException(classes.size() + " class names for " + spec.numClasses() + " outputs");
        }
        this.spec = spec;
        this.classes = List.copyOf(classes);
        this.scaling = scaling;
        this.model = model;
    }

    /** A new network with uninitialised weights (the trainer initialises them). */
    static Classifier create(ModelSpec spec, List<String> classes, PercentileScaling scaling) {
        Model model = Model.newInstance("karyo-" + spec.architecture().name().toLowerCase(),
                ComputeDevices.current(), Engines.PYTORCH);
        model.setBlock(Models.build(spec));
        return new Classifier(spec, classes, scaling, model);
    }

    /**
     * A network with freshly initialised (seeded) weights: for benchmarks, and as the starting
     * point for weights loaded from elsewhere.
     */
    public static Classifier initialized(ModelSpec spec, List<String> classes, PercentileScaling scaling, long seed) {
        Engines.seed(seed);
        Classifier c = create(spec, classes, scaling);
        Models.initialize(c.block(), spec, c.model.getNDManager());
        return c;
    }

    public ModelSpec spec() {
        return spec;
    }

    public List<String> classes() {
        return classes;
    }

    public PercentileScaling scaling() {
        return scaling;
    }

    Model model() {
        return model;
    }

    /** The DJL network (for exporters; the rest of the application should not need it). */
    public Block block() {
        return model.getBlock();
    }

    /** The reused input buffer; arrays made from it live until the caller's batch manager closes. */
    Batches batches() {
        return batches;
    }

    /** The renderer that turns a raw crop into this network's input. */
    public CropRenderer renderer() {
        return new CropRenderer(spec.inputSize(), scaling);
    }

    /** Class probabilities (softmax), one row per crop, columns in {@link #classes()} order. */
    public float[][] predictProba(List<Plane> crops) {
        return predictProba(crops, TestTimeViews.NONE);
    }

    /** The same, each crop's probabilities averaged over its {@code views} (test-time augmentation). */
    public float[][] predictProba(List<Plane> crops, TestTimeViews views) {
        CropRenderer renderer = renderer();
        List<float[]> rendered = new ArrayList<>(crops.size());
        for (Plane crop : crops) {
            rendered.add(renderer.render(crop));
        }
        return views.predict(rendered, spec.inputSize(), this::predictRendered);
    }

    /** Probabilities for crops already rendered to the input size (skips rendering, for benchmarks). */
    public float[][] predictRendered(List<float[]> rendered) {
        Engines.disableGradientsOnThisThread();
        float[][] out = new float[rendered.size()][];
        ParameterStore store = new ParameterStore(model.getNDManager(), false);
        for (int start = 0; start < rendered.size(); start += PREDICT_BATCH) {
            List<float[]> chunk = rendered.subList(start, Math.min(rendered.size(), start + PREDICT_BATCH));
            // Every intermediate of this forward pass lives in the batch manager and dies with it.
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = batches.images(batch, chunk, spec.inputChannels(), spec.inputSize());
                NDArray logits = block().forward(store, new NDList(x), false).singletonOrThrow();
                float[] p = logits.softmax(1).toFloatArray();
                int k = spec.numClasses();
                for (int i = 0; i < chunk.size(); i++) {
                    out[start + i] = Arrays.copyOfRange(p, i * k, (i + 1) * k);
                }
            }
        }
        return out;
    }

    /** Writes the classifier folder (created if missing; existing files are replaced). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("architecture", spec.architecture().name());
        p.setProperty("inputChannels", Integer.toString(spec.inputChannels()));
        p.setProperty("inputSize", Integer.toString(spec.inputSize()));
        p.setProperty("head", spec.head().name());
        p.setProperty("hiddenUnits", Integer.toString(spec.hiddenUnits()));
        p.setProperty("dropout", Float.toString(spec.dropout()));
        p.setProperty("classes", String.join("\t", classes));
        p.setProperty("scaling.low", Double.toString(scaling.lowPercentile()));
        p.setProperty("scaling.high", Double.toString(scaling.highPercentile()));
        try (Writer w = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.store(w, "Karyo classifier");
        }
        saveWeights(dir.resolve(WEIGHTS));
    }

    /** Writes only the parameters (DJL's stream); spec, classes and scaling are the caller's to keep. */
    public void saveWeights(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            block().saveParameters(out);
        }
    }

    /** Reads a folder written by {@link #save(Path)}. */
    public static Classifier load(Path dir) throws KaryoInputException {
        Properties p = new Properties();
        Path props = dir.resolve(PROPERTIES);
        try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new KaryoInputException(props, "cannot read classifier description: " + e.getMessage(), e);
        }
        ModelSpec spec;
        List<String> classes;
        PercentileScaling scaling;
        try {
            classes = List.of(p.getProperty("classes", "").split("\t"));
            spec = new ModelSpec(Architecture.valueOf(p.getProperty("architecture")),
                    Integer.parseInt(p.getProperty("inputChannels")), classes.size(),
                    Integer.parseInt(p.getProperty("inputSize")), Head.valueOf(p.getProperty("head")),
                    Integer.parseInt(p.getProperty("hiddenUnits")), Float.parseFloat(p.getProperty("dropout")));
            scaling = new PercentileScaling(Double.parseDouble(p.getProperty("scaling.low")),
                    Double.parseDouble(p.getProperty("scaling.high")));
        } catch (RuntimeException e) {
            throw new KaryoInputException(props, "bad classifier description: " + e.getMessage(), e);
        }
        return load(spec, classes, scaling, dir.resolve(WEIGHTS));
    }

    /** A classifier of the given description with weights from a file written by {@link #saveWeights}. */
    public static Classifier load(ModelSpec spec, List<String> classes, PercentileScaling scaling, Path weights)
            throws KaryoInputException {
        Classifier c = create(spec, classes, scaling);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            Models.initialize(c.block(), spec, c.model.getNDManager());
            c.block().loadParameters(c.model.getNDManager(), in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            c.close();
            throw new KaryoInputException(weights, "cannot load weights: " + e.getMessage(), e);
        }
        return c;
    }

    @Override
    public void close() {
        model.close();
    }
}
