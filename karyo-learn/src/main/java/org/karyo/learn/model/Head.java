package org.karyo.learn.model;

/** What sits on the pooled features. Softmax is never part of the block: it is applied at prediction. */
public enum Head {
    /** Global average pool, one dense layer to the classes (torchvision's classifier). */
    LINEAR,
    /** The ViResNet head: global average pool, dense hidden units, ReLU, dropout, dense to the classes. */
    STUDY
}
