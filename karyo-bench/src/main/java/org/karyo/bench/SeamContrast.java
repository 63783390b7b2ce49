package org.karyo.bench;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;
import org.karyo.io.timelapse.ChannelChoice;
import org.karyo.io.timelapse.CtcTruth;
import org.karyo.io.timelapse.LabelSeries;
import org.karyo.io.timelapse.Timelapse;
import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.FieldSimulator;
import org.karyo.simulate.SimulatedField;

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
 * How dark the seam between two touching nuclei is, in real annotated images and in simulated frames, to check the
 * simulator's realism where the learned segmenter fails (merges of touching nuclei). For every pair of labels within
 * 2 px of each other, with the frame's background (median of unlabelled pixels) taken out: the seam (pixels of either
 * nucleus with the other within 2 px, and unlabelled pixels with one on each side within 2 px) over the two nuclei's inside (pixels with no
 * other label or background within 2 px), and the outer edge (pixels with background but not the other nucleus within
 * 2 px) over the inside. Depth = (1 − seam) / (1 − edge): 1 when the seam is as dark as the nuclei's outer edge,
 * 0 when nothing marks it.
 *
 * <pre>SeamContrast --dsb DIR                      (images/ and labels/ of the same names)
 * SeamContrast --fields N                     (N default simulated 20x fields, 1024²)
 * SeamContrast --movie MOVIE --truth TRA [--frames 10,30,50] [--objects MASKS]</pre>
 * With {@code --objects} (a segmentation's masks folder, e.g. of {@code karyo track --no-split-merged}), touching
 * pairs are also sorted by whether the segmentation merged them (both nuclei's largest overlap the same object, which
 * covers more than half of each).
 */
public final class SeamContrast {
    private static final int REACH = 2;
    private static final int MIN_SEAM = 6;
    private static final int MIN_INSIDE = 20;

    record Pair(double seam, double edge, double depth, double areaA, double areaB, int contact, boolean merged) {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs.requireAtLeast(args, 2, "SeamContrast --dsb DIR | --fields N | --movie MOVIE --truth TRA [--frames 10,30,50]");
        List<Pair> pairs = new ArrayList<>();
        if (args[0].equals("--dsb")) {
            pairs.addAll(annotated(Path.of(args[1])));
            System.out.println(args[1]);
        } else if (args[0].equals("--fields")) {
            pairs.addAll(simulatedFields(Integer.parseInt(args[1]), 1024));
            System.out.printf(Locale.ROOT, "%s default 20x fields, 1024²%n", args[1]);
        } else {
            Timelapse movie = Timelapse.open(Path.of(args[1]), new ChannelChoice(1, 0, 0));
            CtcTruth truth = CtcTruth.open(Path.of(args[3]));
            String frames = "10,30,50";
            LabelSeries objects = null;
            for (int a = 4; a + 1 < args.length; a += 2) {
                if (args[a].equals("--frames")) frames = args[a + 1];
                else if (args[a].equals("--objects")) objects = LabelSeries.open(Path.of(args[a + 1]));
                else throw new IllegalArgumentException("unknown option " + args[a]);
            }
            for (String f : frames.split(",")) {
                int t = Integer.parseInt(f.trim());
                pairs.addAll(measure(movie.read(t).dna(), truth.masks().read(t), objects == null ? null : objects.read(t)));
            }
            System.out.printf(Locale.ROOT, "%s frames %s%n", args[1], frames);
        }
        report(pairs);
    }

    /** Pairs of an annotated folder: images/ and labels/ of the same names. */
    static List<Pair> annotated(Path dir) throws java.io.IOException, org.karyo.KaryoInputException {
        List<Path> images;
        try (Stream<Path> s = Files.list(dir.resolve("images"))) {
            images = s.sorted().toList();
        }
        List<Pair> pairs = new ArrayList<>();
        for (Path img : images) {
            Plane p = ImageFileReader.readPlane(img);
            Plane t = ImageFileReader.readPlane(dir.resolve("labels").resolve(img.getFileName()));
            pairs.addAll(measure(p, labelsOf(t), null));
        }
        return pairs;
    }

    /** Pairs of default simulated fields (seeds 1..count), size × size. */
    static List<Pair> simulatedFields(int count, int size) {
        List<Pair> pairs = new ArrayList<>();
        FieldSettings f = FieldSettings.defaults().withSize(size, size);
        for (int k = 1; k <= count; k++) {
            SimulatedField field = new FieldSimulator(f).simulate(k);
            pairs.addAll(measure(field.dna(), field.labels(), null));
        }
        return pairs;
    }

    /** Median seam depth of the pairs touching along 3 px or more. */
    static double medianTouchingDepth(List<Pair> pairs) {
        double[] d = pairs.stream().filter(p -> p.contact() >= 3).mapToDouble(Pair::depth).sorted().toArray();
        return q(d, 0.5);
    }

    /** An annotated label image read as a plane, relabelled 1..n. */
    static LabelImage labelsOf(Plane t) {
        float[] v = t.pixels();
        int[] ids = new int[v.length];
        for (int i = 0; i < v.length; i++) ids[i] = Math.round(v[i]);
        return LabelImage.relabel(t.width(), t.height(), ids);
    }

    static List<Pair> measure(Plane image, LabelImage labels, LabelImage objects) {
        int w = image.width();
        int h = image.height();
        int[] lab = labels.labels();
        float[] px = image.pixels();
        double bg = backgroundMedian(px, lab);
        int n = labels.count() + 1;
        double[] insideSum = new double[n];
        int[] insideCount = new int[n];
        double[] edgeSum = new double[n];
        int[] edgeCount = new int[n];
        Map<Long, double[]> seams = new HashMap<>();
        Map<Long, int[]> contacts = new HashMap<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = lab[y * w + x];
                if (a == 0) continue;
                if (x + 1 < w && lab[y * w + x + 1] != 0 && lab[y * w + x + 1] != a) count(contacts, a, lab[y * w + x + 1]);
                if (y + 1 < h && lab[(y + 1) * w + x] != 0 && lab[(y + 1) * w + x] != a) count(contacts, a, lab[(y + 1) * w + x]);
            }
        }
        int[] near = new int[(2 * REACH + 1) * (2 * REACH + 1)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int own = lab[i];
                boolean background = false;
                int other = 0;
                int nearCount = NearLabels.of(lab, w, h, x, y, REACH, near);
                for (int k = 0; k < nearCount; k++) {
                    if (near[k] == 0) background = true;
                    else if (other == 0) other = near[k];
                }
                double v = px[i] - bg;
                if (own == 0) {
                    // An unlabelled pixel between two nuclei (annotators often leave a gap) belongs to their seam; one
                    // merely near both, beyond the end of a seam, does not.
                    long between = between(lab, w, h, x, y);
                    if (between != 0) add(seams, (int) (between >> 32), (int) between, v);
                } else if (other != 0) {
                    add(seams, own, other, v);
                } else if (background) {
                    edgeSum[own] += v;
                    edgeCount[own]++;
                } else {
                    insideSum[own] += v;
                    insideCount[own]++;
                }
            }
        }
        int[] areas = labels.areas();
        int[] objectOf = objects == null ? null : majorityObject(labels, objects);
        List<Pair> out = new ArrayList<>();
        for (Map.Entry<Long, double[]> e : seams.entrySet()) {
            int a = (int) (e.getKey() >> 32);
            int b = (int) (long) e.getKey();
            double[] s = e.getValue();
            if (s[1] < MIN_SEAM || insideCount[a] < MIN_INSIDE || insideCount[b] < MIN_INSIDE) continue;
            if (edgeCount[a] + edgeCount[b] < MIN_SEAM) continue;
            double inside = (insideSum[a] + insideSum[b]) / (insideCount[a] + insideCount[b]);
            if (!(inside > 0)) continue;
            double seam = s[0] / s[1] / inside;
            double edge = (edgeSum[a] + edgeSum[b]) / (edgeCount[a] + edgeCount[b]) / inside;
            int[] c = contacts.get(e.getKey());
            out.add(new Pair(seam, edge, (1 - seam) / (1 - edge), areas[a], areas[b], c == null ? 0 : c[0],
                    objectOf != null && objectOf[a] > 0 && objectOf[a] == objectOf[b]));
        }
        return out;
    }

    private static final int[][] LINES = {{1, 0}, {0, 1}, {1, 1}, {1, -1}};

    /** Two different nuclei on opposite sides of (x, y) within {@code REACH} px along a line, as a pair key; 0 if none. */
    private static long between(int[] lab, int w, int h, int x, int y) {
        for (int[] d : LINES) {
            int a = firstLabel(lab, w, h, x, y, d[0], d[1]);
            int b = firstLabel(lab, w, h, x, y, -d[0], -d[1]);
            if (a != 0 && b != 0 && a != b) return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        }
        return 0;
    }

    private static int firstLabel(int[] lab, int w, int h, int x, int y, int dx, int dy) {
        for (int k = 1; k <= REACH; k++) {
            int xx = x + k * dx;
            int yy = y + k * dy;
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) return 0;
            if (lab[yy * w + xx] != 0) return lab[yy * w + xx];
        }
        return 0;
    }

    private static void add(Map<Long, double[]> seams, int a, int b, double v) {
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        double[] s = seams.computeIfAbsent(key, k -> new double[2]);
        s[0] += v;
        s[1]++;
    }

    /** Per truth label, the object covering more than half of it (0: none). */
    private static int[] majorityObject(LabelImage labels, LabelImage objects) {
        int[] lab = labels.labels();
        int[] obj = objects.labels();
        Map<Long, int[]> overlap = new HashMap<>();
        for (int i = 0; i < lab.length; i++) {
            if (lab[i] != 0 && obj[i] != 0) overlap.computeIfAbsent(((long) lab[i] << 32) | obj[i], k -> new int[1])[0]++;
        }
        int[] areas = labels.areas();
        int[] out = new int[labels.count() + 1];
        for (Map.Entry<Long, int[]> e : overlap.entrySet()) {
            int l = (int) (e.getKey() >> 32);
            if (2 * e.getValue()[0] > areas[l]) out[l] = (int) (long) e.getKey();
        }
        return out;
    }

    private static void count(Map<Long, int[]> contacts, int a, int b) {
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        contacts.computeIfAbsent(key, k -> new int[1])[0]++;
    }

    private static double backgroundMedian(float[] px, int[] lab) {
        int count = 0;
        for (int l : lab) if (l == 0) count++;
        if (count == 0) return 0;
        float[] bg = new float[count];
        int k = 0;
        for (int i = 0; i < px.length; i++) if (lab[i] == 0) bg[k++] = px[i];
        Arrays.sort(bg);
        return bg[count / 2];
    }

    private static void report(List<Pair> all) {
        report("touching along 3 px or more", all.stream().filter(p -> p.contact() >= 3).toList());
        report("within 2 px, touching along fewer than 3", all.stream().filter(p -> p.contact() < 3).toList());
        if (all.stream().anyMatch(Pair::merged)) {
            report("touching, merged by the segmentation", all.stream().filter(p -> p.contact() >= 3 && p.merged()).toList());
            report("touching, kept apart", all.stream().filter(p -> p.contact() >= 3 && !p.merged()).toList());
        }
    }

    private static void report(String what, List<Pair> pairs) {
        System.out.printf(Locale.ROOT, "pairs %s: %d%n", what, pairs.size());
        System.out.println("| measure | p10 | p25 | median | p75 | p90 |");
        System.out.println("|---|---|---|---|---|---|");
        row("seam / inside", pairs.stream().mapToDouble(Pair::seam).toArray());
        row("outer edge / inside", pairs.stream().mapToDouble(Pair::edge).toArray());
        row("seam depth (1 = as dark as the edge)", pairs.stream().mapToDouble(Pair::depth).toArray());
        double[] share = pairs.stream().mapToDouble(p -> p.depth() > 0.5 ? 1 : 0).toArray();
        System.out.printf(Locale.ROOT, "pairs whose seam is at least half as deep as the edge: %.1f %%%n",
                100 * Arrays.stream(share).average().orElse(Double.NaN));
    }

    private static void row(String name, double[] v) {
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name,
                q(v, 0.1), q(v, 0.25), q(v, 0.5), q(v, 0.75), q(v, 0.9));
    }

    private static double q(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
