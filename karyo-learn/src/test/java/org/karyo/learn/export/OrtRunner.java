package org.karyo.learn.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** An exported model opened in ONNX Runtime (CPU, 2 intra-op threads, as this machine has 2 cores). */
final class OrtRunner implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    OrtRunner(Path model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            session = env.createSession(model.toString(), options);
        }
    }

    OrtSession session() {
        return session;
    }

    /** Logits and probabilities for an (n, channels, size, size) batch. */
    Outputs run(float[] batch, long[] shape) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), shape);
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
            return new Outputs((float[][]) result.get(OnnxExport.LOGITS).orElseThrow().getValue(),
                    (float[][]) result.get(OnnxExport.PROBABILITIES).orElseThrow().getValue());
        }
    }

    record Outputs(float[][] logits, float[][] probabilities) {
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
