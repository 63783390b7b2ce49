package org.karyo.learn.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.karyo.KaryoInputException;

/**
 * Puts a torchvision ResNet state dict (e.g. ImageNet weights a user has as a .pth file) into a Karyo
 * ResNet of the same depth. Karyo's ResNets are built in torchvision's order (stem, then per block
 * conv/bn pairs, then the downsample pair), so the backbone parameters pair up one to one in file
 * order; each pair is checked by kind (conv weight, bn weight, bias, running mean, running variance)
 * and shape. torchvision's {@code fc} (1,000 ImageNet classes) is not used: the head starts afresh.
 *
 * <p>ImageNet networks expect {@code (x - mean) / std} per RGB channel of an image in 0..1; Karyo feeds
 * crops scaled to 0..1 and, for a grey crop, the same values in every channel. Both are folded into the
 * first convolution and its batch norm, so the loaded network computes on Karyo's input what the
 * ImageNet network computes on the normalised grey-as-RGB image (exactly, except in the 3-pixel border
 * where the convolution's zero padding means black here and the channel mean there): weights divided by
 * std (and summed over RGB for a one-channel network), and the constant {@code -sum(w * mean / std)}
 * each output channel then carries moved into the batch norm's running mean.
 */
public final class TorchvisionResNetWeights {
    /** torchvision's ImageNet normalisation (RGB). */
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private TorchvisionResNetWeights() {
    }

    /**
     * Copies the backbone of {@code stateDict} into {@code parameters} (all of the target network's, in
     * order), leaving those under {@code headPrefix} as they are.
     */
    public static void apply(Path file, Map<String, TorchTensor> stateDict, PairList<String, Parameter> parameters,
                             String headPrefix) throws KaryoInputException {
        List<Map.Entry<String, TorchTensor>> source = new ArrayList<>();
        for (Map.Entry<String, TorchTensor> e : stateDict.entrySet()) {
            String name = e.getKey();
            if (name.endsWith("num_batches_tracked") || name.startsWith("fc.")) {
                continue;
            }
            source.add(e);
        }
        if (!stateDict.containsKey("conv1.weight") || stateDict.keySet().stream().noneMatch(k -> k.startsWith("layer4."))) {
            throw new KaryoInputException(file, "is not a torchvision ResNet state dict (no conv1.weight / layer4.*)");
        }
        List<Pair<String, Parameter>> target = new ArrayList<>();
        for (Pair<String, Parameter> p : parameters) {
            if (headPrefix == null || !p.getKey().startsWith(headPrefix)) {
                target.add(p);
            }
        }
        if (source.size() != target.size()) {
            throw new KaryoInputException(file, "has " + source.size() + " backbone tensors but the network has "
                    + target.size() + " (another ResNet depth? choose --arch to match the file)");
        }
        float[] firstBias = null;
        for (int i = 0; i < target.size(); i++) {
            String have = source.get(i).getKey();
            TorchTensor tensor = source.get(i).getValue();
            String want = target.get(i).getKey();
            NDArray array = target.get(i).getValue().getArray();
            long[] shape = array.getShape().getShape();
            if (!kind(have, tensor.shape().length).equals(kind(want, shape.length))) {
                throw new KaryoInputException(file, "tensor " + have + " does not line up with the network's " + want
                        + " (not torchvision's ResNet layout)");
            }
            if (tensor.values() == null) {
                throw new KaryoInputException(file, "tensor " + have + " is not floating point");
            }
            float[] values = tensor.values();
            if (i == 0) {
                if (shape.length != 4 || tensor.shape().length != 4 || tensor.shape()[1] != 3) {
                    throw new KaryoInputException(file, "first convolution " + have + " is " + Arrays.toString(tensor.shape())
                            + "; expected an RGB ImageNet stem (out, 3, k, k)");
                }
                float[][] folded = foldNormalisation(tensor, (int) shape[1]);
                values = folded[0];
                firstBias = folded[1];
            } else if (i == 3 && firstBias != null) {
                // The stem's batch norm: its running mean absorbs the constant the folding left out.
                values = values.clone();
                for (int o = 0; o < values.length; o++) {
                    values[o] -= firstBias[o];
                }
            }
            if (!Arrays.equals(i == 0 ? shape : tensor.shape(), shape)) {
                throw new KaryoInputException(file, "tensor " + have + " is " + Arrays.toString(tensor.shape())
                        + " but the network's " + want + " is " + Arrays.toString(shape));
            }
            array.set(FloatBuffer.wrap(values));
        }
    }

    /**
     * The stem's weights for {@code channels} input channels (1: grey repeated into R, G and B; 3: RGB)
     * with the normalisation folded in, and the constant per output channel it leaves.
     */
    static float[][] foldNormalisation(TorchTensor weight, int channels) {
        long[] s = weight.shape();
        int out = (int) s[0];
        int taps = (int) (s[2] * s[3]);
        float[] w = weight.values();
        float[] folded = new float[out * channels * taps];
        float[] constant = new float[out];
        for (int o = 0; o < out; o++) {
            for (int c = 0; c < 3; c++) {
                int to = channels == 1 ? 0 : c;
                for (int t = 0; t < taps; t++) {
                    float v = w[(o * 3 + c) * taps + t];
                    folded[(o * channels + to) * taps + t] += v / STD[c];
                    constant[o] -= v * MEAN[c] / STD[c];
                }
            }
        }
        return new float[][] {folded, constant};
    }

    /** What a parameter is, in both naming schemes: "conv", "scale", "shift", "mean", "var". */
    private static String kind(String name, int rank) {
        if (name.endsWith("running_mean") || name.endsWith("runningMean")) {
            return "mean";
        }
        if (name.endsWith("running_var") || name.endsWith("runningVar")) {
            return "var";
        }
        if (name.endsWith("bias") || name.endsWith("beta")) {
            return "shift";
        }
        if (name.endsWith("gamma") || (name.endsWith("weight") && rank == 1)) {
            return "scale";
        }
        return name.endsWith("weight") && rank == 4 ? "conv" : "other:" + name;
    }
}
