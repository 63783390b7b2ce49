package org.karyo.learn.engine;

import ai.djl.engine.Engine;
import java.nio.file.Path;

/**
 * Starts the PyTorch engine offline on CPU. DJL reads its settings from system properties the
 * first time an engine loads, so every entry point of this module goes through {@link #pytorch()}
 * before touching NDArrays or models.
 *
 * <p>Settings a user already gave (system properties or environment) win over ours:
 * <ul>
 *   <li>{@code ai.djl.offline=true}: the natives come from the {@code pytorch-native-cpu} jar,
 *       never from the network.</li>
 *   <li>{@code OPT_OUT_TRACKING=true}: otherwise the engine asks a cloud metadata address at start.</li>
 *   <li>{@code DJL_CACHE_DIR}/{@code ENGINE_CACHE_DIR}: where natives unpack (~430 MB), by default
 *       {@code ~/.cache/karyo-djl}.</li>
 *   <li>{@code ai.djl.pytorch.num_threads}/{@code num_interop_threads}: the core count, so intra-op
 *       and inter-op pools do not each spawn a thread per core on top of each other.</li>
 * </ul>
 */
public final class Engines {
    /** The DJL name of the only engine this module uses. */
    public static final String PYTORCH = "PyTorch";

    private static final Object LOCK = new Object();
    private static volatile Engine engine;

    private Engines() {
    }

    /** The cache folder used when the user set none: {@code ~/.cache/karyo-djl}. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "karyo-djl");
    }

    /** The PyTorch engine, configured offline on first call. */
    public static Engine pytorch() {
        Engine e = engine;
        if (e == null) {
            synchronized (LOCK) {
                e = engine;
                if (e == null) {
                    configure();
                    e = Engine.getEngine(PYTORCH);
                    engine = e;
                }
            }
        }
        return e;
    }

    /**
     * Turns PyTorch autograd recording off on the calling thread. Torch's grad mode is per thread
     * and DJL switches it off only on the thread that loaded the engine; a predictor on another
     * thread would otherwise record a graph per batch and keep every intermediate alive.
     */
    public static void disableGradientsOnThisThread() {
        pytorch();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    /** Seeds PyTorch's generator (initialisation, dropout) for reproducible training. */
    public static void seed(long seed) {
        pytorch().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /** Sets the offline properties (keeping any the user set); idempotent, visible for tests. */
    static void configure() {
        String cache = firstSet("DJL_CACHE_DIR", defaultCacheDir().toString());
        setIfAbsent("DJL_CACHE_DIR", cache);
        setIfAbsent("ENGINE_CACHE_DIR", firstSet("ENGINE_CACHE_DIR", cache));
        setIfAbsent("ai.djl.offline", firstSet("DJL_OFFLINE", "true"));
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.default_engine", PYTORCH);
        String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
        setIfAbsent("ai.djl.pytorch.num_threads", cores);
        setIfAbsent("ai.djl.pytorch.num_interop_threads", cores);
    }

    private static String firstSet(String name, String fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
