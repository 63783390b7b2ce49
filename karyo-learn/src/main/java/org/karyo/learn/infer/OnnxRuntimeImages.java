package org.karyo.learn.infer;

import ai.djl.nn.Block;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import org.karyo.learn.export.OnnxExport;

/**
 * A fully convolutional network (image in, per-pixel class probabilities out) run by ONNX Runtime:
 * exported in memory from its current weights, any image size, all graph optimisations.
 */
public final class OnnxRuntimeImages implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int classes;

    /** @throws IllegalStateException where ONNX Runtime would crash this process ({@link OnnxRuntimeGuard}) */
    public OnnxRuntimeImages(Block block, int channels, int classes) {
        this.env = OrtEnvironment.getEnvironment();
        this.classes = classes;
        this.session = OrtSessions.open(env, () -> OnnxExport.imageToImageBytes(block, "karyo-pixels", channels, classes));
    }

    /** Probabilities of one single-channel image: classes x h x w, row-major. */
    public float[] predict(float[] image, int w, int h) {
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(image), new long[] {1, 1, h, w});
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, x), java.util.Set.of(OnnxExport.PROBABILITIES))) {
            FloatBuffer p = ((OnnxTensor) result.get(OnnxExport.PROBABILITIES).orElseThrow()).getFloatBuffer();
            float[] out = new float[classes * w * h];
            p.get(out);
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        OrtSessions.close(session);
    }
}
