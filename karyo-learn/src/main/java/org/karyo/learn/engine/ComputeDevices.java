package org.karyo.learn.engine;

import ai.djl.Device;
import java.util.Locale;

/**
 * Where networks run. {@code auto} takes the first CUDA GPU PyTorch can see and falls back to the
 * CPU, so a GPU machine is used without a flag. A GPU is visible only when the engine loaded a CUDA
 * build of libtorch (see docs/architecture.md, "GPU"); the CPU natives Karyo ships report none.
 *
 * <p>The choice is process-wide: every network created after {@link #use(String)} goes there, and
 * all arrays of a network live in its model's manager, so nothing is copied between devices.
 */
public final class ComputeDevices {
    /** The request understood when none is given (also read from {@code KARYO_DEVICE}). */
    public static final String AUTO = "auto";

    private static volatile Device chosen;

    private ComputeDevices() {
    }

    /** CUDA GPUs the loaded PyTorch build can use (0 with the CPU natives). */
    public static int gpuCount() {
        return Engines.pytorch().getGpuCount();
    }

    /**
     * Resolves a request ({@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}) to a device.
     *
     * @throws IllegalArgumentException with a one-line reason when the request is malformed or asks
     *     for a GPU this machine does not have
     */
    public static Device resolve(String request) {
        String r = request == null || request.isBlank() ? AUTO : request.trim().toLowerCase(Locale.ROOT);
        int gpus = gpuCount();
        if (r.equals(AUTO)) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (r.equals("cpu")) {
            return Device.cpu();
        }
        if (r.equals("gpu") || r.equals("cuda")) {
            r = "gpu:0";
        }
        if (r.startsWith("gpu:") || r.startsWith("cuda:")) {
            int id;
            try {
                id = Integer.parseInt(r.substring(r.indexOf(':') + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("device '" + request + "': expected auto, cpu, gpu or gpu:N");
            }
            if (id < 0 || id >= gpus) {
                throw new IllegalArgumentException("device '" + request + "': " + (gpus == 0
                        ? "no CUDA GPU is visible to PyTorch (the CPU build of libtorch is loaded; see docs/architecture.md, GPU)"
                        : "only " + gpus + " GPU(s), numbered from 0"));
            }
            return Device.gpu(id);
        }
        throw new IllegalArgumentException("device '" + request + "': expected auto, cpu, gpu or gpu:N");
    }

    /** Chooses the device for networks created from now on. */
    public static Device use(String request) {
        Device d = resolve(request);
        chosen = d;
        return d;
    }

    /** The chosen device; until {@link #use(String)} is called, {@code KARYO_DEVICE} or {@code auto}. */
    public static Device current() {
        Device d = chosen;
        if (d == null) {
            String env = System.getProperty("karyo.device", System.getenv("KARYO_DEVICE"));
            d = resolve(env);
            chosen = d;
        }
        return d;
    }
}
