package org.karyo.learn.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.model.Architecture;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.Classifier;

/**
 * Inference throughput and memory at batch 32, off by default (run with -Dkaryo.bench=true).
 * Times the engine on pre-rendered inputs, samples the process RSS after every batch and the
 * user/kernel CPU split, and writes target/learn-smoke/inference.txt.
 */
@EnabledIfSystemProperty(named = "karyo.bench", matches = "true")
class InferenceBenchTest {
    private static final double SECONDS_PER_CASE = Double.parseDouble(System.getProperty("karyo.bench.seconds", "20"));

    @Test
    void throughputAndFlatMemoryAtBatch32() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "cores %d, threads %s/%s, %.0f s per case",
                Runtime.getRuntime().availableProcessors(), System.getProperty("ai.djl.pytorch.num_threads"),
                System.getProperty("ai.djl.pytorch.num_interop_threads"), SECONDS_PER_CASE));
        String only = System.getProperty("karyo.bench.cases", "COMPACT:64,COMPACT:224,RESNET18:64,RESNET18:224");
        for (String c : only.split(",")) {
            String[] parts = c.split(":");
            Architecture arch = Architecture.valueOf(parts[0]);
            int size = Integer.parseInt(parts[1]);
            ModelSpec spec = arch == Architecture.COMPACT ? ModelSpec.compact(1, 2, size)
                    : ModelSpec.resnet(arch, 1, 2, size);
            lines.add(run(spec));
            System.out.println(lines.get(lines.size() - 1));
        }
        Path out = Path.of("target", "learn-smoke", "inference.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private static String run(ModelSpec spec) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        List<float[]> batch = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            float[] img = new float[spec.inputSize() * spec.inputSize()];
            for (int j = 0; j < img.length; j++) {
                img[j] = (float) random.nextDouble();
            }
            batch.add(img);
        }
        try (Classifier c = Classifier.initialized(spec, List.of("a", "b"), PercentileScaling.DEFAULT, 1)) {
            c.predictRendered(batch); // warm-up: first pass picks kernels and allocates pools
            c.predictRendered(batch);
            long rssStart = rssKb();
            long[] cpuStart = cpuTicks();
            long rssMax = rssStart;
            long t0 = System.nanoTime();
            int batches = 0;
            // RSS at each quarter of the run: growth that levels off is allocator/heap warm-up, a
            // steady climb is a leak.
            StringBuilder trace = new StringBuilder();
            int quarter = 1;
            while (batches < 3 || (System.nanoTime() - t0) / 1e9 < SECONDS_PER_CASE) {
                float[][] p = c.predictRendered(batch);
                assertThat(p.length).isEqualTo(32);
                batches++;
                long rss = rssKb();
                rssMax = Math.max(rssMax, rss);
                if ((System.nanoTime() - t0) / 1e9 >= quarter * SECONDS_PER_CASE / 4 && quarter <= 4) {
                    Runtime rt = Runtime.getRuntime();
                    trace.append(String.format(Locale.ROOT, " %d/%d", rss / 1024,
                            (rt.totalMemory()) / (1024 * 1024)));
                    quarter++;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] cpuEnd = cpuTicks();
            long rssEnd = rssKb();
            double user = cpuEnd[0] - cpuStart[0];
            double sys = cpuEnd[1] - cpuStart[1];
            return String.format(Locale.ROOT,
                    "%-8s %3d px: %7.1f images/s (%d batches in %.1f s), RSS start %d MB end %d MB max %d MB, kernel CPU %.0f %%, RSS/heap MB by quarter:%s",
                    spec.architecture(), spec.inputSize(), 32.0 * batches / seconds, batches, seconds,
                    rssStart / 1024, rssEnd / 1024, rssMax / 1024, 100 * sys / Math.max(1, user + sys), trace);
        }
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** utime and stime of this process in clock ticks (fields 14 and 15 of /proc/self/stat). */
    private static long[] cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }
}
