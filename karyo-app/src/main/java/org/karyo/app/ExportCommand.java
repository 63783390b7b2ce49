package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.learn.bundle.BundleInfo;
import org.karyo.learn.bundle.ModelBundle;
import org.karyo.learn.export.OnnxExport;
import org.karyo.learn.export.TorchScriptExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
                "Write a trained model's network for use outside Karyo: ONNX (IR 8, opset 17) for ONNX Runtime and",
                "other tools, or TorchScript for PyTorch (torch.jit.load in Python, torch::jit::load in C++).",
                "The file holds the network only, for inference (batch norm with its running statistics, no dropout):",
                "  input          float32 (N, C, S, S): N crops, C channels and S x S pixels as bundle.json's",
                "                 model.input_channels and input_size; a grey crop is repeated into every channel",
                "                 (ONNX: the graph input named 'input'; TorchScript: forward's argument)",
                "  before it      normalise each crop as bundle.json's 'normalisation' says (its low percentile of pixel",
                "                 values maps to 0, its high one to 1, outside clipped; defaults 1 and 99.8), then resize",
                "                 it to S x S. The network does neither.",
                "  outputs        'logits' and 'probabilities' (softmax), float32 (N, classes), columns in the order of",
                "                 bundle.json's 'classes' (TorchScript: forward returns the tuple (logits, probabilities))",
                "The file describes itself (JSON values): karyo.classes, karyo.normalisation, karyo.input, karyo.model,",
                "karyo.crop_recipe (how crops were cut from fields); ONNX in its metadata_props, TorchScript in the",
                "extra file karyo.json: torch.jit.load(f, _extra_files={'karyo.json': ''}).",
                "An existing FILE is replaced whole; a failed export leaves it as it was."})
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "M", description = "Model folder written by 'karyo train'.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "File to write (folders created if needed), e.g. model.onnx or model.pt.")
    Path out;

    @Option(names = "--format", paramLabel = "F", description = "onnx or torchscript. Default: from FILE's extension "
            + "(.pt, .pth, .torchscript: TorchScript; .onnx: ONNX).")
    String format;

    @Override
    public Integer call() throws KaryoInputException {
        if (Files.isDirectory(out)) {
            throw new KaryoInputException(out, "is a folder; --out takes a file name such as model.onnx");
        }
        boolean torchscript = torchScript();
        BundleInfo info;
        try (ModelBundle bundle = ModelBundle.open(model, org.karyo.learn.infer.InferenceEngine.PYTORCH)) {
            info = bundle.info();
            try {
                if (torchscript) {
                    TorchScriptExport.write(bundle, out);
                } else {
                    OnnxExport.write(bundle, out);
                }
            } catch (IOException e) {
                throw new KaryoInputException(out, "cannot write: " + e.getMessage(), e);
            }
        }
        long bytes = out.toFile().length();
        System.out.printf(Locale.ROOT, "wrote %s (%s, %.1f MB): input '%s' float32 (N, %d, %d, %d) after percentile scaling "
                        + "%s..%s; outputs '%s', '%s' over %s%n", out, torchscript ? "TorchScript" : "ONNX", bytes / 1e6, OnnxExport.INPUT,
                info.model().inputChannels(), info.inputSize(), info.inputSize(), info.normalisation().lowPercentile(),
                info.normalisation().highPercentile(), OnnxExport.LOGITS, OnnxExport.PROBABILITIES, info.classes());
        return Karyo.EXIT_OK;
    }

    private boolean torchScript() throws KaryoInputException {
        String f = format;
        if (f == null) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".onnx")) {
                return false;
            }
            if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".torchscript")) {
                return true;
            }
            throw new KaryoInputException(out, "cannot tell the format from the name; end it in .onnx or .pt, or give "
                    + "--format onnx|torchscript");
        }
        return switch (f.toLowerCase(Locale.ROOT)) {
            case "onnx" -> false;
            case "torchscript" -> true;
            default -> throw new KaryoInputException(out, "unknown --format '" + f + "'; choose onnx or torchscript");
        };
    }
}
