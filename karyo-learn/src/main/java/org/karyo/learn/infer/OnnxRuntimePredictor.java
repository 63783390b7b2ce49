package org.karyo.learn.infer;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.karyo.learn.export.OnnxExport;
import org.karyo.learn.train.Classifier;

/**
 * A classifier's network run by ONNX Runtime: exported in memory from the weights it has now (later
 * changes to the classifier are not seen), all graph optimisations, intra-op threads = cores. Input
 * is the classifier's rendered crops, packed in batches as the PyTorch path packs them.
 */
public final class OnnxRuntimePredictor implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int channels;
    private final int size;
    private final int classes;
    private FloatBuffer input;

    /** @throws IllegalStateException where ONNX Runtime would crash this process ({@link OnnxRuntimeGuard}) */
    public OnnxRuntimePredictor(Classifier classifier) {
        this.env = OrtEnvironment.getEnvironment();
        this.channels = classifier.spec().inputChannels();
        this.size = classifier.spec().inputSize();
        this.classes = classifier.spec().numClasses();
        this.session = OrtSessions.open(env, () -> OnnxExport.bytes(classifier));
    }

    /** Softmax probabilities for crops rendered to the network's input (one plane each; copied per channel). */
    public float[][] predictRendered(List<float[]> rendered, int batchSize) {
        float[][] out = new float[rendered.size()][];
        for (int start = 0; start < rendered.size(); start += batchSize) {
            List<float[]> chunk = rendered.subList(start, Math.min(rendered.size(), start + batchSize));
            float[][] p = run(chunk);
            System.arraycopy(p, 0, out, start, p.length);
        }
        return out;
    }

    private float[][] run(List<float[]> chunk) {
        int plane = size * size;
        int need = chunk.size() * channels * plane;
        if (input == null || input.capacity() < need) {
            input = ByteBuffer.allocateDirect(need * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        input.clear();
        for (float[] img : chunk) {
            if (img.length != plane) {
                throw new IllegalArgumentException("crop of " + img.length + " values, network takes " + size + "x" + size);
            }
            for (int c = 0; c < channels; c++) input.put(img);
        }
        input.flip();
        try (OnnxTensor x = OnnxTensor.createTensor(env, input, new long[] {chunk.size(), channels, size, size});
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, x))) {
            float[][] p = (float[][]) result.get(OnnxExport.PROBABILITIES).orElseThrow().getValue();
            if (p.length != chunk.size() || (p.length > 0 && p[0].length != classes)) {
                throw new IllegalStateException("ONNX Runtime returned " + p.length + " rows for " + chunk.size() + " crops");
            }
            return p;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        OrtSessions.close(session);
    }
}
