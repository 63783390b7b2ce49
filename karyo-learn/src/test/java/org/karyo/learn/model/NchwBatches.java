package org.karyo.learn.model;

import java.util.List;

/** Test batches packed as the classifier packs them: NCHW, a grey image copied into every channel. */
public final class NchwBatches {
    private NchwBatches() {
    }

    public static float[] pack(List<float[]> images, ModelSpec spec) {
        int plane = spec.inputSize() * spec.inputSize();
        float[] data = new float[images.size() * spec.inputChannels() * plane];
        int at = 0;
        for (float[] img : images) {
            for (int c = 0; c < spec.inputChannels(); c++) {
                System.arraycopy(img, 0, data, at, plane);
                at += plane;
            }
        }
        return data;
    }
}
