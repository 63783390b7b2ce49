package org.karyo.learn.model;

/**
 * What network to build.
 *
 * @param architecture  backbone
 * @param inputChannels 1 (a DNA stain) or 3 (RGB or stacked channels)
 * @param numClasses    at least 2
 * @param inputSize     square side in pixels the network is fed (study: 224; compact: 48 to 96)
 * @param head          classifier on the pooled features
 * @param hiddenUnits   hidden dense units of the {@link Head#STUDY} head (study: 1024), or the MLP's first
 *                      hidden layer; ignored by LINEAR
 * @param dropout       dropout rate before the last dense layer, in [0, 1) (study: 0.5)
 */
public record ModelSpec(Architecture architecture, int inputChannels, int numClasses, int inputSize,
                        Head head, int hiddenUnits, float dropout) {

    public ModelSpec {
        if (architecture == null || head == null) {
            throw new IllegalArgumentException("architecture and head are required");
        }
        if (inputChannels != 1 && inputChannels != 3) {
            throw new IllegalArgumentException("input channels must be 1 or 3, not " + inputChannels);
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("need at least 2 classes, not " + numClasses);
        }
        // Five stride-2 stages in a ResNet, four pools in the compact net: smaller inputs vanish.
        int minSize = architecture.isResNet() ? 32 : architecture == Architecture.COMPACT ? 16 : 4;
        if (inputSize < minSize || inputSize > 1024) {
            throw new IllegalArgumentException("input size must be in " + minSize + "..1024 for "
                    + architecture + ", not " + inputSize);
        }
        if (hiddenUnits < 1) {
            throw new IllegalArgumentException("hidden units must be positive, not " + hiddenUnits);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
        }
    }

    /** The ViResNet setup: ResNet-50, 224 px, dense 1024 + dropout 0.5 head. */
    public static ModelSpec study(int inputChannels, int numClasses) {
        return new ModelSpec(Architecture.RESNET50, inputChannels, numClasses, 224, Head.STUDY, 1024, 0.5f);
    }

    /** A ResNet with the study head at the given input size. */
    public static ModelSpec resnet(Architecture architecture, int inputChannels, int numClasses, int inputSize) {
        return new ModelSpec(architecture, inputChannels, numClasses, inputSize, Head.STUDY, 1024, 0.5f);
    }

    /** The compact CNN for native-resolution crops: linear head after dropout 0.5. */
    public static ModelSpec compact(int inputChannels, int numClasses, int inputSize) {
        return new ModelSpec(Architecture.COMPACT, inputChannels, numClasses, inputSize, Head.LINEAR, 1024, 0.5f);
    }

    /**
     * The multilayer perceptron baseline: flattened pixels, dense 512 → BN → ReLU → dropout 0.5 → dense
     * 256 → BN → ReLU → dropout 0.5 → dense N. (Head is ignored.)
     */
    public static ModelSpec mlp(int inputChannels, int numClasses, int inputSize) {
        return new ModelSpec(Architecture.MLP, inputChannels, numClasses, inputSize, Head.LINEAR, 512, 0.5f);
    }

    public ModelSpec withHead(Head newHead) {
        return new ModelSpec(architecture, inputChannels, numClasses, inputSize, newHead, hiddenUnits, dropout);
    }
}
