package org.karyo.learn.infer;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** How Karyo opens and closes an ONNX Runtime session on a network it exported in memory. */
final class OrtSessions {
    private OrtSessions() {
    }

    /**
     * All graph optimisations, one intra-op thread per core.
     *
     * @throws IllegalStateException where ONNX Runtime would crash this process ({@link OnnxRuntimeGuard}),
     *                               or when it refuses the graph
     */
    static OrtSession open(OrtEnvironment env, java.util.function.Supplier<byte[]> model) {
        String refusal = OnnxRuntimeGuard.refusal();
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(model.get(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime refused Karyo's exported network: " + e.getMessage(), e);
        }
    }

    static void close(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
