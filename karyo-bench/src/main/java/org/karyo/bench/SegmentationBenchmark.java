package org.karyo.bench;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;
import org.karyo.io.TiffWriter;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.NucleusMeasurer;
import org.karyo.segment.NucleusSegmenter;
import org.karyo.segment.Segmentation;
import org.karyo.segment.SegmentationScore;
import org.karyo.segment.SegmentationSettings;
import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.FieldSimulator;
import org.karyo.simulate.SimulatedField;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Segments and measures a 2048x2048 16-bit field with Karyo and with the reference study's scikit-image
 * pipeline on the same file, in the same run, and prints a markdown table: median ms per field, nuclei per
 * second, the ratio, and F1 against the simulator's exact ground truth (and on DSB2018 with --dsb).
 *
 * <p>Usage: {@code SegmentationBenchmark [--repeats N] [--python PATH] [--dsb SHARED_DATA_DIR]}
 */
public final class SegmentationBenchmark {
    private SegmentationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = 5;
        String python = "/usr/bin/python3";
        Path dsb = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--python" -> python = args[++i];
                case "--dsb" -> dsb = Path.of(args[++i]).resolve("dsb2018-fluo");
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path tmp = Files.createTempDirectory("karyo-bench-seg");
        SimulatedField f = new FieldSimulator(FieldSettings.defaults().withSize(2048, 2048)).simulate(7);
        Path image = tmp.resolve("field.tif");
        Path truthFile = tmp.resolve("truth.tif");
        TiffWriter.writePlane(image, f.dna());
        TiffWriter.writeLabels(truthFile, f.labels());
        Plane dna = ImageFileReader.readPlane(image);

        NucleusSegmenter segmenter = new NucleusSegmenter(SegmentationSettings.DEFAULTS);
        NucleusMeasurer measurer = new NucleusMeasurer();
        Segmentation seg = null;
        List<NucleusMeasurement> m = List.of();
        for (int i = 0; i < 2; i++) segmenter.segment(dna); // warm-up: JIT
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            seg = segmenter.segment(dna);
            m = measurer.measure(seg.labels(), Map.of("dna", dna));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double javaMs = ms[repeats / 2];
        SegmentationScore javaScore = SegmentationScore.of(seg.labels(), f.labels());

        String py = PythonReference.run(python, "karyo-bench/python/skimage_pipeline.py", "time", image.toString(), Integer.toString(repeats));
        double pyMs = PythonReference.number(py, "median_ms");
        int pyNuclei = (int) PythonReference.number(py, "nuclei");
        String pyScore = PythonReference.run(python, "karyo-bench/python/skimage_pipeline.py", "score-one", image.toString(), truthFile.toString());

        System.out.printf(Locale.ROOT, "Segment + measure one 2048x2048 16-bit simulated field (20x, %d true nuclei), "
                + "same file, same run; median of %d after warm-up.%n%n", f.labels().count(), repeats);
        System.out.println("| pipeline | ms per field | nuclei found | nuclei/s | F1@0.5 vs truth | mean AP |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| Karyo (Java, defaults, diameter estimated) | %.0f | %d | %.0f | %.3f | %.3f |%n",
                javaMs, m.size(), m.size() / (javaMs / 1000), javaScore.f1(), javaScore.meanAp());
        System.out.printf(Locale.ROOT, "| study pipeline (scikit-image, disk 50, 30-px window) | %.0f | %d | %.0f | %.3f | %.3f |%n",
                pyMs, pyNuclei, pyNuclei / (pyMs / 1000), PythonReference.number(pyScore, "f1_iou50"), PythonReference.number(pyScore, "mean_ap"));
        System.out.printf(Locale.ROOT, "%n**Speed-up: %.1fx** (Python ms / Java ms, same run).%n", pyMs / javaMs);

        if (dsb != null) {
            SegmentationScore total = SegmentationScore.empty();
            List<Path> files;
            try (var s = Files.list(dsb.resolve("images"))) {
                files = s.sorted().toList();
            }
            for (Path img : files) {
                Plane p = ImageFileReader.readPlane(img);
                Plane t = ImageFileReader.readPlane(dsb.resolve("labels").resolve(img.getFileName()));
                int[] ids = new int[t.size()];
                for (int i = 0; i < ids.length; i++) ids[i] = (int) t.pixels()[i];
                total = total.plus(SegmentationScore.of(segmenter.segment(p).labels(), LabelImage.relabel(t.width(), t.height(), ids)));
            }
            String pyDsb = PythonReference.run(python, "karyo-bench/python/skimage_pipeline.py", "score",
                    dsb.resolve("images").toString(), dsb.resolve("labels").toString());
            System.out.printf(Locale.ROOT, "%nDSB2018, 40 real images (pooled): Karyo F1@0.5 %.3f, mean AP %.3f; "
                    + "study pipeline F1@0.5 %.3f, mean AP %.3f.%n", total.f1(), total.meanAp(),
                    PythonReference.number(pyDsb, "f1_iou50"), PythonReference.number(pyDsb, "mean_ap"));
        }
        try (var s = Files.list(tmp)) {
            for (Path p : s.toList()) Files.delete(p);
        }
        Files.delete(tmp);
    }
}
