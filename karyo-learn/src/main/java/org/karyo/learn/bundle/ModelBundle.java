package org.karyo.learn.bundle;

import org.karyo.AtomicFiles;
import ai.djl.engine.Engine;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.karyo.learn.data.CropRenderer;
import org.karyo.learn.engine.Engines;
import org.karyo.learn.infer.InferenceEngine;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.learn.infer.OnnxRuntimePredictor;
import org.karyo.learn.train.Classifier;
import org.karyo.learn.train.TrainingOptions;

/**
 * A trained model as one folder: {@code bundle.json} ({@link BundleInfo}) and the weights, plus
 * whatever the caller adds (history, plots). Built in a hidden sibling folder and renamed into
 * place, so a crash never leaves a half model where a good one was. Holds native memory: close it.
 */
public final class ModelBundle implements AutoCloseable {
    public static final String INFO = "bundle.json";
    public static final String WEIGHTS = "weights.params";

    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .serializeNulls()
            .setPrettyPrinting()
            .create();

    private final Path dir;
    private final BundleInfo info;
    private final Classifier classifier;
    /** Runs the network for {@link #predictProba} when ONNX Runtime was chosen; null when PyTorch runs it. */
    private final OnnxRuntimePredictor onnx;

    private ModelBundle(Path dir, BundleInfo info, Classifier classifier, InferenceEngine engine) {
        this.dir = dir;
        this.info = info;
        this.classifier = classifier;
        this.onnx = engine == InferenceEngine.ONNXRUNTIME ? new OnnxRuntimePredictor(classifier) : null;
    }

    /** Files the caller adds to the bundle before it is moved into place. */
    @FunctionalInterface
    public interface Extras {
        void writeInto(Path stagingDir) throws IOException;
    }

    /** Fails early (before hours of training) when {@code target} could not take a bundle. */
    public static void checkTarget(Path target) throws KaryoInputException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new KaryoInputException(target, "exists and is not a folder; choose another --model");
        }
        if (Files.isRegularFile(target.resolve(INFO))) {
            return; // an older model: replaced as a whole
        }
        try (Stream<Path> s = Files.list(target)) {
            // A training checkpoint (and a temporary one a kill left) belongs in the model folder.
            if (s.map(p -> p.getFileName().toString())
                    .anyMatch(n -> !n.equals(TrainingOptions.CHECKPOINT_FILE)
                            && !(n.startsWith("." + TrainingOptions.CHECKPOINT_FILE) && n.endsWith(".part")))) {
                throw new KaryoInputException(target, "folder is not empty and holds no model; choose another --model");
            }
        } catch (IOException e) {
            throw new KaryoInputException(target, "cannot list folder: " + e.getMessage(), e);
        }
    }

    public static void write(Path target, Classifier classifier, BundleInfo info, Extras extras)
            throws IOException, KaryoInputException {
        checkTarget(target);
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = AtomicFiles.siblingDirectory(target);
        try {
            classifier.saveWeights(staging.resolve(info.weights()));
            Files.writeString(staging.resolve(INFO), GSON.toJson(info) + "\n", StandardCharsets.UTF_8);
            extras.writeInto(staging);
            replace(target, staging);
        } finally {
            deleteTree(staging);
        }
    }

    /** Reads a bundle folder and loads its network, predicting with the chosen {@link InferenceEngine}. */
    public static ModelBundle open(Path dir) throws KaryoInputException {
        return open(dir, InferenceEngine.resolved());
    }

    /** Reads a bundle folder and loads its network; {@code engine} runs {@link #predictProba} (AUTO is resolved). */
    public static ModelBundle open(Path dir, InferenceEngine engine) throws KaryoInputException {
        if (!Files.isDirectory(dir)) {
            throw new KaryoInputException(dir, "model not found (expected a folder written by 'karyo train')");
        }
        BundleInfo info = readInfo(dir);
        Classifier classifier = Classifier.load(info.model(), info.classes(), info.normalisation(), dir.resolve(info.weights()));
        try {
            return new ModelBundle(dir, info, classifier, engine == InferenceEngine.AUTO ? InferenceEngine.resolved() : engine);
        } catch (IllegalStateException e) {
            classifier.close();
            throw new KaryoInputException(dir, e.getMessage(), e); // ONNX Runtime cannot run here: say why, exit 2
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
    }

    /** Only the description, without loading the network. */
    public static BundleInfo readInfo(Path dir) throws KaryoInputException {
        Path json = dir.resolve(INFO);
        BundleInfo info;
        try {
            info = GSON.fromJson(Files.readString(json, StandardCharsets.UTF_8), BundleInfo.class);
        } catch (IOException e) {
            throw new KaryoInputException(json, "cannot read model description: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson wraps a record constructor's refusal (a bad spec value) in a plain RuntimeException.
            throw new KaryoInputException(json, "corrupt model description: " + oneLine(rootCause(e)), e);
        }
        if (info == null || !BundleInfo.FORMAT.equals(info.format())) {
            throw new KaryoInputException(json, "not a karyo model (format should be " + BundleInfo.FORMAT + ")");
        }
        if (info.model() == null || info.classes() == null || info.normalisation() == null
                || info.cropRecipe() == null || info.weights() == null) {
            throw new KaryoInputException(json, "incomplete model description (model, classes, normalisation, "
                    + "crop_recipe and weights are required)");
        }
        if (info.classes().size() != info.model().numClasses()) {
            throw new KaryoInputException(json, info.classes().size() + " classes for a model with "
                    + info.model().numClasses() + " outputs");
        }
        if (info.weights().contains("/") || info.weights().contains("\\")) {
            throw new KaryoInputException(json, "weights must be a file name inside the bundle");
        }
        return info;
    }

    /** Versions of the learning stack, for {@link BundleInfo#versions()}; add the application's own. */
    public static Map<String, String> engineVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", Engines.pytorch().getVersion());
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    public Path dir() {
        return dir;
    }

    public BundleInfo info() {
        return info;
    }

    /** The network as trained (DJL/PyTorch): for explanations and export; predictions go through {@link #predictProba}. */
    public Classifier classifier() {
        return classifier;
    }

    /** Which engine {@link #predictProba} uses. */
    public InferenceEngine inferenceEngine() {
        return onnx == null ? InferenceEngine.PYTORCH : InferenceEngine.ONNXRUNTIME;
    }

    /** Class probabilities for raw crops, rendered with the bundle's recipe, columns in the bundle's class order. */
    public float[][] predictProba(List<Plane> crops) {
        return predictProba(crops, TestTimeViews.NONE);
    }

    /** The same, each crop's probabilities averaged over its {@code views} (test-time augmentation). */
    public float[][] predictProba(List<Plane> crops, TestTimeViews views) {
        CropRenderer renderer = classifier.renderer();
        List<float[]> rendered = new ArrayList<>(crops.size());
        for (Plane crop : crops) {
            rendered.add(renderer.render(crop));
        }
        return views.predict(rendered, info.inputSize(), onnx == null ? classifier::predictRendered
                : r -> onnx.predictRendered(r, Classifier.PREDICT_BATCH));
    }

    @Override
    public void close() {
        if (onnx != null) {
            onnx.close();
        }
        classifier.close();
    }

    private static void replace(Path target, Path staging) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(staging.getParent(), "." + target.getFileName() + ".old");
            Files.delete(old);
            move(target, old);
        }
        move(staging, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
