package org.karyo.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Packs rendered crops into an NCHW batch; a grey crop fills every channel of a 3-channel net. */
final class Batches {
    private Batches() {
    }

    static NDArray images(NDManager manager, List<float[]> rendered, int channels, int size) {
        int plane = size * size;
        float[] data = new float[rendered.size() * channels * plane];
        for (int i = 0; i < rendered.size(); i++) {
            float[] img = rendered.get(i);
            if (img.length != plane) {
                throw new IllegalArgumentException("rendered crop has " + img.length + " pixels, expected " + plane);
            }
            for (int c = 0; c < channels; c++) {
                System.arraycopy(img, 0, data, (i * channels + c) * plane, plane);
            }
        }
        return manager.create(data, new Shape(rendered.size(), channels, size, size));
    }

    static NDArray labels(NDManager manager, int[] labels) {
        float[] data = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = labels[i];
        }
        return manager.create(data, new Shape(labels.length));
    }
}
