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
    COMPACT;

    public boolean isResNet() {
        return this != COMPACT;
    }
}
