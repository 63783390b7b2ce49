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
        removeExtractionFolderAtExit();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(model.get(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime refused Karyo's exported network: " + e.getMessage(), e);
        }
    }

    private static volatile boolean cleanupRegistered;

    /**
     * ONNX Runtime 1.29 unpacks its native libraries into a fresh {@code /tmp/onnxruntime-java<random>} folder per
     * process and leaves the folder behind, so every run left one. Its path is a private field of
     * {@code ai.onnxruntime.OnnxRuntime}; the folder is deleted at exit. If a later version renames the field, this
     * quietly does nothing.
     */
    static void removeExtractionFolderAtExit() {
        if (cleanupRegistered) {
            return;
        }
        cleanupRegistered = true;
        try {
            Class<?> ort = Class.forName("ai.onnxruntime.OnnxRuntime");
            java.lang.reflect.Field f = ort.getDeclaredField("tempDirectory");
            f.setAccessible(true);
            Object dir = f.get(null);
            if (dir instanceof java.nio.file.Path p && p.getFileName().toString().startsWith("onnxruntime-java")) {
                // A hook, not deleteOnExit: the libraries ONNX Runtime marks for deletion at exit would still be in
                // the folder when it comes to the folder. On Linux a loaded library may be unlinked.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(p), "karyo-ort-cleanup"));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not worth failing a prediction over an empty folder.
        }
    }

    private static void deleteTree(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // best effort at exit
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
