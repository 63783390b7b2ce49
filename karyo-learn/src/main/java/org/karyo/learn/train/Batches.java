package org.karyo.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Packs rendered crops into NCHW batches through one reused direct buffer.
 *
 * <p>Why reuse: given a Java array, DJL's PyTorch engine allocates a fresh direct ByteBuffer and
 * wraps it as the tensor without copying; that native memory is returned only when the garbage
 * collector finds the small buffer object, which a mostly idle Java heap rarely does, so process
 * memory climbed by one input batch per step. Handing over our own direct buffer avoids the
 * allocation. The tensor shares the buffer, so an array made here must be closed before the next
 * call: callers make it in a per-batch manager. Not thread-safe.
 */
final class Batches {
    private ByteBuffer images = ByteBuffer.allocateDirect(0);
    private ByteBuffer labels = ByteBuffer.allocateDirect(0);

    /** A grey crop fills every channel of a 3-channel net. */
    NDArray images(NDManager manager, List<float[]> rendered, int channels, int size) {
        int plane = size * size;
        int count = rendered.size() * channels * plane;
        images = ensure(images, count);
        FloatBuffer out = images.asFloatBuffer();
        for (float[] img : rendered) {
            if (img.length != plane) {
                throw new IllegalArgumentException("rendered crop has " + img.length + " pixels, expected " + plane);
            }
            for (int c = 0; c < channels; c++) {
                out.put(img);
            }
        }
        return manager.create(images.slice(0, count * Float.BYTES).order(ByteOrder.nativeOrder()),
                new Shape(rendered.size(), channels, size, size), DataType.FLOAT32);
    }

    NDArray labels(NDManager manager, int[] classes) {
        labels = ensure(labels, classes.length);
        FloatBuffer out = labels.asFloatBuffer();
        for (int k : classes) {
            out.put(k);
        }
        return manager.create(labels.slice(0, classes.length * Float.BYTES).order(ByteOrder.nativeOrder()),
                new Shape(classes.length), DataType.FLOAT32);
    }

    private static ByteBuffer ensure(ByteBuffer buffer, int floats) {
        if (buffer.capacity() < floats * Float.BYTES) {
            return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
        }
        return buffer;
    }
}
