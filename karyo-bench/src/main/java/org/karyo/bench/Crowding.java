package org.karyo.bench;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;
import org.karyo.io.timelapse.ChannelChoice;
import org.karyo.io.timelapse.CtcTruth;
import org.karyo.io.timelapse.Timelapse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How crowded real and simulated nuclei are, measured the same way on both, to say whether the simulated movies on
 * which the tracking goal is scored are as crowded as real fields. Merges of touching nuclei are what the learned
 * segmenter gets wrong, so a movie more crowded than real cells would make tracking look worse than it is.
 * <ul>
 * <li>foreground: the share of pixels above Otsu's threshold (intensities clipped at their 99th percentile), the
 * yardstick of {@link SimulatorRealism}; it needs no labels, so it also reads the study's own AdV tiles;</li>
 * <li>cover: the share of pixels inside labelled nuclei (annotated or simulated truth);</li>
 * <li>touching: the share of nuclei with another nucleus within 2 px along at least 3 of their pixels.</li>
 * </ul>
 * <pre>Crowding --adv DIR                  (viresnet-adv: *_hoechst.tif, no labels)
 * Crowding --dsb DIR                  (images/ and labels/ of the same names)
 * Crowding --movie MOVIE --truth TRA [--every K]</pre>
 */
public final class Crowding {
    private static final int REACH = 2;
    private static final int MIN_CONTACT = 3;

    record Field(String name, double foreground, double cover, double touching, int nuclei) {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs.requireAtLeast(args, 2, "Crowding --adv DIR | --dsb DIR | --movie MOVIE --truth TRA [--every K]");
        List<Field> fields = new ArrayList<>();
        switch (args[0]) {
            case "--adv" -> {
                for (Path p : list(Path.of(args[1]), "_hoechst.tif")) fields.add(measure(p.getFileName().toString(), ImageFileReader.readPlane(p), null));
            }
            case "--dsb" -> {
                Path dir = Path.of(args[1]);
                for (Path p : list(dir.resolve("images"), "")) {
                    Plane t = ImageFileReader.readPlane(dir.resolve("labels").resolve(p.getFileName()));
                    fields.add(measure(p.getFileName().toString(), ImageFileReader.readPlane(p), SeamContrast.labelsOf(t)));
                }
            }
            case "--movie" -> {
                Timelapse movie = Timelapse.open(Path.of(args[1]), new ChannelChoice(1, 0, 0));
                CtcTruth truth = CtcTruth.open(Path.of(args[3]));
                int every = args.length > 5 && args[4].equals("--every") ? Integer.parseInt(args[5]) : 1;
                for (int t = 0; t < movie.frames(); t += every) {
                    fields.add(measure("frame " + t, movie.read(t).dna(), truth.masks().read(t)));
                }
            }
            default -> throw new IllegalArgumentException("unknown input " + args[0]);
        }
        System.out.println(args[1]);
        System.out.println("| image | foreground (Otsu) | cover (labels) | nuclei touching another | nuclei |");
        System.out.println("|---|---|---|---|---|");
        for (Field f : fields) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %s | %s | %d |%n", f.name(), f.foreground(),
                    Double.isNaN(f.cover()) ? "" : String.format(Locale.ROOT, "%.3f", f.cover()),
                    Double.isNaN(f.touching()) ? "" : String.format(Locale.ROOT, "%.3f", f.touching()), f.nuclei());
        }
        summary("foreground (Otsu)", fields.stream().mapToDouble(Field::foreground).toArray());
        summary("cover (labels)", fields.stream().mapToDouble(Field::cover).filter(v -> !Double.isNaN(v)).toArray());
        summary("nuclei touching another", fields.stream().mapToDouble(Field::touching).filter(v -> !Double.isNaN(v)).toArray());
    }

    static Field measure(String name, Plane image, LabelImage labels) {
        double foreground = ImageStats.of(image.pixels(), image.width(), image.height(), null).foreground;
        if (labels == null) return new Field(name, foreground, Double.NaN, Double.NaN, 0);
        int[] areas = labels.areas();
        int nuclei = 0;
        for (int l = 1; l < areas.length; l++) if (areas[l] > 0) nuclei++;
        return new Field(name, foreground, cover(labels), touchingShare(labels), nuclei);
    }

    static double cover(LabelImage labels) {
        int n = 0;
        for (int l : labels.labels()) if (l != 0) n++;
        return n / (double) labels.labels().length;
    }

    /** Share of nuclei with another nucleus within {@code REACH} px along at least {@code MIN_CONTACT} of their pixels. */
    static double touchingShare(LabelImage labels) {
        int w = labels.width();
        int h = labels.height();
        int[] lab = labels.labels();
        Map<Long, int[]> contact = new HashMap<>();
        int[] near = new int[(2 * REACH + 1) * (2 * REACH + 1)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int own = lab[y * w + x];
                if (own == 0) continue;
                // Each pixel counts once per other nucleus it is near, however many of that nucleus's pixels are near.
                int n = NearLabels.of(lab, w, h, x, y, REACH, near);
                for (int k = 0; k < n; k++) {
                    if (near[k] != 0) contact.computeIfAbsent(((long) own << 32) | near[k], key -> new int[1])[0]++;
                }
            }
        }
        boolean[] touching = new boolean[labels.count() + 1];
        for (Map.Entry<Long, int[]> e : contact.entrySet()) {
            if (e.getValue()[0] >= MIN_CONTACT) touching[(int) (e.getKey() >> 32)] = true;
        }
        int[] areas = labels.areas();
        int nuclei = 0;
        int touched = 0;
        for (int l = 1; l <= labels.count(); l++) {
            if (areas[l] == 0) continue;
            nuclei++;
            if (touching[l]) touched++;
        }
        return nuclei == 0 ? Double.NaN : touched / (double) nuclei;
    }

    private static List<Path> list(Path dir, String suffix) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void summary(String what, double[] v) {
        if (v.length == 0) return;
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%s: median %.3f, p10 %.3f, p90 %.3f, max %.3f (%d images)%n", what,
                v[v.length / 2], v[(int) (0.1 * v.length)], v[Math.min(v.length - 1, (int) (0.9 * v.length))], v[v.length - 1], v.length);
    }
}
