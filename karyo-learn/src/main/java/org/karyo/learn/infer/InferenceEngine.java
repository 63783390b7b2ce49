package org.karyo.learn.infer;

import ai.djl.Device;
import java.util.Locale;
import org.karyo.learn.engine.ComputeDevices;

/**
 * What runs a trained network for prediction. Training always runs in DJL/PyTorch; a finished model
 * can be run by ONNX Runtime instead, from the same weights exported in memory. On a CPU ONNX
 * Runtime is the faster of the two here (it folds batch norm into the convolutions, fuses the ReLUs and
 * pre-packs weights, which eager PyTorch does not; docs/benchmarks.md), and it gives the same
 * probabilities within 1e-4. On a GPU the PyTorch engine stays, since Karyo ships ONNX Runtime's CPU build.
 */
public enum InferenceEngine {
    /** ONNX Runtime on a CPU device, PyTorch on a GPU (or where {@link OnnxRuntimeGuard} refuses ONNX Runtime). */
    AUTO,
    /** DJL over PyTorch, the training engine. */
    PYTORCH,
    /** ONNX Runtime (CPU). */
    ONNXRUNTIME;

    private static volatile InferenceEngine chosen;

    /** Parses {@code auto}, {@code pytorch} (or {@code djl}) and {@code onnxruntime} (or {@code onnx, ort}). */
    public static InferenceEngine parse(String s) {
        String v = s == null || s.isBlank() ? "auto" : s.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> AUTO;
            case "pytorch", "djl" -> PYTORCH;
            case "onnxruntime", "onnx", "ort" -> ONNXRUNTIME;
            default -> throw new IllegalArgumentException("inference engine '" + s + "': expected auto, pytorch or onnxruntime");
        };
    }

    /** Chooses the engine for models opened from now on. */
    public static void use(InferenceEngine e) {
        chosen = e;
    }

    /** The chosen engine ({@code KARYO_INFERENCE} or {@code auto} until {@link #use} is called), resolved for {@code device}. */
    public static InferenceEngine resolved(Device device) {
        InferenceEngine e = chosen;
        if (e == null) {
            e = parse(System.getProperty("karyo.inference", System.getenv("KARYO_INFERENCE")));
            chosen = e;
        }
        if (e != AUTO) return e;
        boolean cpu = device == null || Device.Type.CPU.equals(device.getDeviceType());
        return cpu && OnnxRuntimeGuard.refusal() == null ? ONNXRUNTIME : PYTORCH;
    }

    /** {@link #resolved(Device)} for the current compute device. */
    public static InferenceEngine resolved() {
        return resolved(ComputeDevices.current());
    }
}
