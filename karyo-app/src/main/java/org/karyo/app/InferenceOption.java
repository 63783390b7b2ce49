package org.karyo.app;

import org.karyo.learn.infer.InferenceEngine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --inference} for commands that apply a trained model; checked while parsing, so a bad value exits 2 at once. */
final class InferenceOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--inference", paramLabel = "E",
            description = {"What runs the trained model: auto (ONNX Runtime on a CPU, PyTorch on a GPU), pytorch or onnxruntime.",
                    "Same probabilities within 1e-4; training always uses PyTorch. Default: $KARYO_INFERENCE, else auto."})
    void inference(String request) {
        try {
            InferenceEngine.use(InferenceEngine.parse(request));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}
