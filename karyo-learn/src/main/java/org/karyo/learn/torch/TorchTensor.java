package org.karyo.learn.torch;

/**
 * One tensor of a PyTorch checkpoint, contiguous and row-major.
 *
 * @param values float32 values; null for integer tensors (counters such as num_batches_tracked)
 */
public record TorchTensor(long[] shape, float[] values) {
    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
