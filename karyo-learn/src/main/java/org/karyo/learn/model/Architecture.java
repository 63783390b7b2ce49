package org.karyo.learn.model;

/** The networks this module can build. */
public enum Architecture {
    /** torchvision ResNet-18: basic blocks (2, 2, 2, 2). */
    RESNET18,
    /** torchvision ResNet-34: basic blocks (3, 4, 6, 3). */
    RESNET34,
    /** torchvision ResNet-50: bottleneck blocks (3, 4, 6, 3), the ViResNet backbone. */
    RESNET50,
    /** Four conv-BN-ReLU-pool blocks (32 to 256 channels) for native 48 to 96 px crops. */
    COMPACT,
    /** Pixels flattened into three dense layers (hidden, hidden / 2, classes): the no-convolution baseline. */
    MLP;

    public boolean isResNet() {
        return this == RESNET18 || this == RESNET34 || this == RESNET50;
    }

    /** Has convolutional feature maps (so class activation maps exist). */
    public boolean isConvolutional() {
        return this != MLP;
    }
}
