package org.karyo.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.karyo.learn.export.OnnxExport;
import org.karyo.learn.train.Classifier;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Inference throughput of a classifier exported to ONNX and run by ONNX Runtime (CPU, 2 intra-op threads,
 * all graph optimisations), timed like the DJL side: pack the rendered crops, run, copy out the probabilities.
 */
final class OnnxRuntimeRate {
    private OnnxRuntimeRate() {
    }

    static double imagesPerSecond(Classifier c, List<float[]> batch, double seconds) throws Exception {
        Path file = Files.createTempFile("karyo-bench", ".onnx");
        try {
            OnnxExport.write(c, file);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(2);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                try (OrtSession session = env.createSession(file.toString(), options)) {
                    int channels = c.spec().inputChannels();
                    int size = c.spec().inputSize();
                    FloatBuffer input = ByteBuffer.allocateDirect(batch.size() * channels * size * size * Float.BYTES)
                            .order(ByteOrder.nativeOrder()).asFloatBuffer();
                    long[] shape = {batch.size(), channels, size, size};
                    predict(env, session, input, shape, batch, channels); // warm-up: first runs plan and allocate
                    predict(env, session, input, shape, batch, channels);
                    long t0 = System.nanoTime();
                    int batches = 0;
                    while (batches < 3 || (System.nanoTime() - t0) / 1e9 < seconds) {
                        predict(env, session, input, shape, batch, channels);
                        batches++;
                    }
                    return batch.size() * (double) batches / ((System.nanoTime() - t0) / 1e9);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static float[][] predict(OrtEnvironment env, OrtSession session, FloatBuffer input, long[] shape,
                                     List<float[]> batch, int channels) throws OrtException {
        input.clear();
        for (float[] img : batch) {
            for (int ch = 0; ch < channels; ch++) input.put(img);
        }
        input.flip();
        try (OnnxTensor x = OnnxTensor.createTensor(env, input, shape);
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, x))) {
            return (float[][]) result.get(OnnxExport.PROBABILITIES).orElseThrow().getValue();
        }
    }
}
