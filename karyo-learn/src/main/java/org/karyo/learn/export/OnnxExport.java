package org.karyo.learn.export;

import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.karyo.learn.bundle.ModelBundle;
import org.karyo.learn.files.AtomicOutput;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.Classifier;

/**
 * Writes a Karyo network as an ONNX model (IR 8, opset 17) for inference outside Java.
 *
 * <p>The graph takes {@value #INPUT}: float32 (N, channels, size, size), the crops exactly as the
 * classifier's forward pass sees them, that is after per-crop percentile scaling to 0..1 and resizing
 * (a grey crop is repeated into every channel). It gives {@value #LOGITS} and {@value #PROBABILITIES}
 * (softmax), both (N, classes) in the order of the metadata's {@code karyo.classes}. Batch norm uses
 * the running statistics, dropout is left out: it is the inference network only.
 */
public final class OnnxExport {
    public static final String INPUT = "input";
    public static final String LOGITS = "logits";
    public static final String PROBABILITIES = "probabilities";

    private OnnxExport() {
    }

    /** A model bundle, self-described by {@link ExportMetadata#of(ModelBundle)}; replaces {@code target}. */
    public static void write(ModelBundle bundle, Path target) throws IOException {
        String version = bundle.info().versions() == null ? null : bundle.info().versions().get("karyo");
        write(bundle.classifier().block(), bundle.info().model(), ExportMetadata.of(bundle), version, target);
    }

    /** A classifier, described by {@link ExportMetadata#of(Classifier)}; replaces {@code target}. */
    public static void write(Classifier classifier, Path target) throws IOException {
        write(classifier.block(), classifier.spec(), ExportMetadata.of(classifier), null, target);
    }

    /**
     * Any initialised block built for {@code spec}. Refuses, before anything is written, a block it
     * does not know ({@link UnsupportedBlockException}).
     *
     * @param producerVersion Karyo's version for the file's producer field; null when unknown
     */
    public static void write(Block block, ModelSpec spec, Map<String, String> metadata, String producerVersion,
                             Path target) throws IOException {
        AtomicOutput.Content e = encoding(block, spec, metadata, producerVersion);
        AtomicOutput.write(target, e::writeTo);
    }

    /** The same model file in memory (for ONNX Runtime inference without a file). */
    public static byte[] bytes(Classifier classifier) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            encoding(classifier.block(), classifier.spec(), ExportMetadata.of(classifier), null).writeTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /**
     * A fully convolutional network in memory: input {@value #INPUT} (N, channels, H, W) of any size, output
     * {@value #PROBABILITIES} (N, classes, H, W), softmax over the class axis; for ONNX Runtime inference.
     */
    public static byte[] imageToImageBytes(Block block, String name, int channels, int classes) {
        OnnxGraph graph = inferenceGraph(block);
        List<OnnxModelEncoder.Value> inputs = List.of(new OnnxModelEncoder.Value(INPUT, new long[] {channels, -1, -1},
                "images, float32 (N, channels, H, W)"));
        List<OnnxModelEncoder.Value> outputs = List.of(
                new OnnxModelEncoder.Value(LOGITS, new long[] {classes, -1, -1}, "class scores per pixel"),
                new OnnxModelEncoder.Value(PROBABILITIES, new long[] {classes, -1, -1}, "softmax over the classes per pixel"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            OnnxModelEncoder.write(out, name, graph, inputs, outputs, Map.of(), "unknown");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /**
     * The inference network from {@value #INPUT} to {@value #LOGITS} and {@value #PROBABILITIES}, in ONNX
     * operators (the TorchScript export reads the same graph). Refuses a block it does not know.
     */
    static OnnxGraph inferenceGraph(Block block) {
        OnnxGraph graph = new OnnxGraph();
        String logits = new BlockTranslator(graph).translate(block, "", INPUT);
        if (logits.equals(INPUT)) {
            throw new UnsupportedBlockException("", "the network computes nothing");
        }
        graph.rename(logits, LOGITS);
        graph.node(PROBABILITIES, "Softmax", List.of(LOGITS), OnnxAttribute.of("axis", 1L));
        return graph;
    }

    /** Translates before anything is written, so an unknown block refuses early. */
    private static AtomicOutput.Content encoding(Block block, ModelSpec spec, Map<String, String> metadata, String producerVersion) {
        OnnxGraph graph = inferenceGraph(block);
        long size = spec.inputSize();
        List<OnnxModelEncoder.Value> inputs = List.of(new OnnxModelEncoder.Value(INPUT,
                new long[] {spec.inputChannels(), size, size},
                "crops after Karyo's normalisation (karyo.normalisation), float32 (N, channels, size, size)"));
        long[] classes = {spec.numClasses()};
        List<OnnxModelEncoder.Value> outputs = List.of(
                new OnnxModelEncoder.Value(LOGITS, classes, "class scores before softmax, columns as karyo.classes"),
                new OnnxModelEncoder.Value(PROBABILITIES, classes, "softmax of the logits, columns as karyo.classes"));
        Map<String, String> props = new LinkedHashMap<>(metadata);
        String name = "karyo-" + spec.architecture().name().toLowerCase(Locale.ROOT);
        return out -> OnnxModelEncoder.write(out, name, graph, inputs, outputs, props,
                producerVersion == null ? "unknown" : producerVersion);
    }
}
