package org.karyo.app;

import org.karyo.learn.engine.ComputeDevices;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --device} for commands that run a network; checked while parsing, so a bad value exits 2 at once. */
final class DeviceOption {
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
}
