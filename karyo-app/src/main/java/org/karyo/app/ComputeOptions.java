package org.karyo.app;

import org.karyo.learn.engine.ComputeDevices;
import org.karyo.learn.infer.InferenceEngine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --device} and {@code --inference} for commands that run a network; checked while parsing, so a bad value exits 2 at once. */
final class ComputeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--device", paramLabel = "D",
            description = {"Where the network runs: auto (a CUDA GPU when PyTorch sees one, else the CPU), cpu, gpu or gpu:N.",
                    "Default: $KARYO_DEVICE, else auto. A GPU needs a CUDA build of libtorch (docs/architecture.md, GPU)."})
    void device(String request) {
        try {
            ComputeDevices.use(request);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    @Option(names = "--inference", paramLabel = "E",
            description = {"What runs a trained model for prediction: auto (ONNX Runtime on a CPU, PyTorch on a GPU), pytorch or",
                    "onnxruntime. Same probabilities within 1e-4; training always uses PyTorch. Default: $KARYO_INFERENCE, else auto."})
    void inference(String request) {
        try {
            InferenceEngine.use(InferenceEngine.parse(request));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}
