package org.karyo.bench;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import org.karyo.app.Karyo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Does {@code karyo track} hold more memory on a longer movie? Simulates movies of the same field with more and
 * more frames, tracks each through the CLI in this process (on its truth labels, so that the tracker and writers
 * are measured, not the segmenter), and samples the live heap after a full collection while it runs. The fates
 * issue asks that memory grow with the tracks only, not with the frames. Prints a Markdown table.
 *
 * <p>Usage: {@code TrackingFootprint [--size 512] [--frames 55,110,220] [--seed 1] [--segment]} ({@code --segment}
 * tracks the Hoechst channel with the classical segmenter instead of the truth labels).
 */
public final class TrackingFootprint {
    private TrackingFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int size = 512;
        List<Integer> frameCounts = List.of(55, 110, 220);
        long seed = 1;
        boolean segment = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--frames" -> {
                    List<Integer> f = new ArrayList<>();
                    for (String v : args[++i].split(",")) f.add(Integer.parseInt(v.trim()));
                    frameCounts = f;
                }
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--segment" -> segment = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "%dx%d simulated movies (seed %d), %s, `karyo track` in-process; live heap = heap "
                        + "in use right after a full collection (the collector's own record), sampled every 0.5 s while tracking (max heap %d MB)%n%n",
                size, size, seed, segment ? "classical segmentation" : "truth labels (`--labels`)",
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| frames | tracks | nuclei in the last frame | track time | s per frame | live heap before | peak live heap while tracking | growth |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        String sizeArg = String.valueOf(size);
        String seedArg = String.valueOf(seed);
        Path work = Files.createTempDirectory("karyo-footprint");
        try {
            for (int frames : frameCounts) {
                Path movie = work.resolve("movie" + frames);
                Path out = work.resolve("tracks" + frames);
                check(quiet(() -> Karyo.run("simulate", "timelapse", "--out", movie.toString(), "--size", sizeArg,
                        "--frames", String.valueOf(frames), "--seed", seedArg, "--no-progress")));
                List<String> track = new ArrayList<>(List.of("track", movie.toString(), "--out", out.toString(), "--no-progress"));
                if (!segment) track.addAll(List.of("--labels", movie.resolve("01_GT").resolve("TRA").toString()));
                long before = liveHeap();
                HeapSampler sampler = new HeapSampler();
                Thread t = new Thread(sampler, "heap-sampler");
                t.setDaemon(true);
                long t0 = System.nanoTime();
                t.start();
                check(quiet(() -> Karyo.run(track.toArray(String[]::new))));
                double seconds = (System.nanoTime() - t0) / 1e9;
                sampler.stop = true;
                t.join();
                long tracks = Files.readAllLines(out.resolve("res_track.txt")).stream().filter(l -> !l.isBlank()).count();
                long last = lastFrameNuclei(movie.resolve("observations.csv"), frames - 1);
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %.0f s | %.2f | %d MB | %d MB | %+d MB |%n", frames, tracks,
                        last, seconds, seconds / frames, before >> 20, sampler.peak >> 20, (sampler.peak - before) >> 20);
                deleteTree(movie);
                deleteTree(out);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** Samples the live heap (after a full collection) until told to stop. */
    private static final class HeapSampler implements Runnable {
        volatile boolean stop;
        volatile long peak;

        @Override
        public void run() {
            while (!stop) {
                peak = Math.max(peak, liveHeap());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Heap in use right after a full collection, read from the collection's own record: reading the heap after
     * {@code gc()} returns would count what the tracking thread allocated in between (one such read showed 79 MB
     * where the live set was about 20 MB).
     */
    static long liveHeap() {
        ManagementFactory.getMemoryMXBean().gc();
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        }
        GcInfo latest = null;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof GarbageCollectorMXBean sun)) continue;
            GcInfo info = sun.getLastGcInfo();
            if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) latest = info;
        }
        if (latest == null) return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : latest.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
        }
        return used;
    }

    private static long lastFrameNuclei(Path observations, int frame) throws IOException {
        String prefix = frame + ",";
        try (Stream<String> lines = Files.lines(observations)) {
            return lines.filter(l -> l.startsWith(prefix)).count();
        }
    }

    private interface Call {
        int run() throws Exception;
    }

    /** Runs a CLI call with its standard output (tables, summaries) discarded; errors still reach stderr. */
    private static int quiet(Call call) throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return call.run();
        } finally {
            System.setOut(out);
        }
    }

    private static void check(int exit) {
        if (exit != 0) throw new IllegalStateException("karyo exited with " + exit);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
