package org.karyo.simulate;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent per-row work on a small fixed pool. Rows draw from their own random streams, so the
 * result is identical for any number of threads.
 */
final class ParallelRows {
    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final ForkJoinPool POOL = new ForkJoinPool(THREADS);
    private static final int MIN_PARALLEL_PIXELS = 1 << 16;

    private ParallelRows() {
    }

    /** Tests switch to one thread to prove the output does not depend on it. */
    private static volatile boolean sequential;

    static void sequential(boolean on) {
        sequential = on;
    }

    static void forEach(int rows, int pixelsPerRow, IntConsumer body) {
        if (sequential || THREADS == 1 || (long) rows * pixelsPerRow < MIN_PARALLEL_PIXELS) {
            for (int y = 0; y < rows; y++) body.accept(y);
            return;
        }
        POOL.submit(() -> IntStream.range(0, rows).parallel().forEach(body)).join();
    }
}
