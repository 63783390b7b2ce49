package org.karyo.bench;

import org.karyo.io.TiffWriter;
import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.FieldSimulator;
import org.karyo.simulate.FrameSink;
import org.karyo.simulate.LiveCellSettings;
import org.karyo.simulate.LiveCellSimulator;
import org.karyo.simulate.OpticsSettings;
import org.karyo.simulate.PlateSettings;
import org.karyo.simulate.PlateSimulator;
import org.karyo.simulate.SimulatedField;
import org.karyo.simulate.TimelapseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Speed of the simulator: still fields at three magnifications, a 4-day time-lapse streamed to disk, and a
 * plate. Prints a Markdown table. Run it alone on a quiet machine; it is not a test.
 * Usage: SimulatorBenchmark [--quick]
 */
public final class SimulatorBenchmark {
    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int repeats = quick ? 2 : 5;
        System.out.printf(Locale.ROOT, "cores available: %d, max heap %d MB%n%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| task | size | time | notes |");
        System.out.println("|---|---|---|---|");
        for (double mag : new double[] {4, 20, 63}) {
            FieldSettings s = FieldSettings.defaults().withSize(2048, 2048).withOptics(OpticsSettings.forMagnification(mag));
            FieldSimulator sim = new FieldSimulator(s);
            sim.simulate(0); // warm-up: JIT
            double[] ms = new double[repeats];
            int cells = 0;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                SimulatedField f = sim.simulate(i + 1);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cells = f.cells().size();
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "| field, DNA + reporter + labels, %.0fx | 2048x2048 | %.0f ms (median of %d) | %d nuclei |%n",
                    mag, ms[repeats / 2], repeats, cells);
        }

        Path tmp = Files.createTempDirectory("karyo-bench-sim");
        try {
            LiveCellSettings live = LiveCellSettings.defaults();
            AtomicLong peak = new AtomicLong();
            long t0 = System.nanoTime();
            TimelapseResult r = new LiveCellSimulator(live).run(1, frame -> peak.accumulateAndGet(liveHeap(frame.index()), Math::max));
            double compute = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "| time-lapse, 3 channels + labels, not written | 1024x1024, %d frames | %.1f s | %d tracks, live heap after GC <= %d MB |%n",
                    live.frames(), compute, r.tracks().size(), peak.get() >> 20);

            peak.set(0);
            Path dir = tmp.resolve("live");
            FrameSink disk = frame -> {
                Path tp = dir.resolve("TimePoint_" + (frame.index() + 1));
                TiffWriter.writePlane(tp.resolve("w1.tif"), frame.dna());
                TiffWriter.writePlane(tp.resolve("w2.tif"), frame.reporter());
                TiffWriter.writePlane(tp.resolve("w3.tif"), frame.pi());
                TiffWriter.writeLabels(tp.resolve("labels.tif"), frame.labels());
                peak.accumulateAndGet(liveHeap(frame.index()), Math::max);
            };
            t0 = System.nanoTime();
            new LiveCellSimulator(live).run(1, disk);
            double written = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "| time-lapse streamed to TIFFs | 1024x1024, %d frames | %.1f s | %d MB written, live heap after GC <= %d MB |%n",
                    live.frames(), written, size(dir) >> 20, peak.get() >> 20);

            PlateSettings plate = PlateSettings.defaults().withLayout(quick ? 2 : 8, 12, 1);
            PlateSimulator ps = new PlateSimulator(plate);
            peak.set(0);
            Path pdir = tmp.resolve("plate");
            t0 = System.nanoTime();
            ps.run(1, site -> {
                Path f = pdir.resolve(site.well() + "_s" + site.site());
                TiffWriter.writePlane(Path.of(f + "_w1.tif"), site.field().dna());
                TiffWriter.writePlane(Path.of(f + "_w2.tif"), site.field().reporter());
                TiffWriter.writeLabels(Path.of(f + "_labels.tif"), site.field().labels());
                peak.accumulateAndGet(usedHeap(), Math::max);
            });
            double plateS = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "| plate streamed to TIFFs | %d sites of 512x512 | %.1f s | %.0f ms per site, peak heap %d MB |%n",
                    ps.siteCount(), plateS, 1000 * plateS / ps.siteCount(), peak.get() >> 20);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Heap still in use after a collection, every 10th frame: what the run keeps, not garbage waiting to be
     * collected. Shows that memory does not grow with the number of frames.
     */
    private static long liveHeap(int frame) {
        if (frame % 10 != 0) return 0;
        System.gc();
        return usedHeap();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
