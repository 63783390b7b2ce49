package org.karyo.bench;

import ij.IJ;
import ij.ImagePlus;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;
import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.FieldSimulator;
import org.karyo.simulate.InfectionSettings;
import org.karyo.simulate.OpticsSettings;
import org.karyo.simulate.Plaque;
import org.karyo.simulate.PopulationSettings;
import org.karyo.simulate.SimulatedField;
import org.karyo.simulate.Virus;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Compares simulated fields with the real ones in shared/data (viresnet-adv, viresnet-hsv, dsb2018-fluo):
 * prints a Markdown table of scale-free image statistics and writes side-by-side PNGs.
 * Usage: SimulatorRealism [sharedDataDir] [pngOutDir]
 */
public final class SimulatorRealism {
    /** Pixel size at which simulated HSV-1 nuclei have the real field's size (~45 px across). */
    static final double HSV_PIXEL_UM = 0.28;

    private SimulatorRealism() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("karyo.shared", "../shared") + "/data");
        Path png = Path.of(args.length > 1 ? args[1] : "docs/simulator");
        Files.createDirectories(png);

        List<Path> advFiles;
        try (Stream<Path> s = Files.list(data.resolve("viresnet-adv"))) {
            advFiles = s.filter(p -> p.getFileName().toString().endsWith("_hoechst.tif")).sorted().toList();
        }
        List<ImageStats> advReal = new ArrayList<>();
        List<ImageStats> advRep = new ArrayList<>();
        for (Path p : advFiles) {
            advReal.add(stats(readTiff(p), null));
            advRep.add(stats(readTiff(Path.of(p.toString().replace("_hoechst", "_reporter"))), null));
        }
        FieldSettings adv = FieldSettings.defaults().withSize(326, 326)
                .withInfection(InfectionSettings.defaults().withFraction(0.2));
        List<ImageStats> advSim = new ArrayList<>();
        List<ImageStats> advSimRep = new ArrayList<>();
        List<ImageStats> advSimTruth = new ArrayList<>();
        SimulatedField advExample = null;
        for (int k = 0; k < advFiles.size(); k++) {
            SimulatedField f = new FieldSimulator(adv).simulate(k + 1);
            if (advExample == null) advExample = f;
            advSim.add(stats(f.dna(), null));
            advSimRep.add(stats(f.reporter(), null));
            advSimTruth.add(stats(f.dna(), f.labels()));
        }

        Plane hsvPlane = readTiff(data.resolve("viresnet-hsv/hsv_hoechst.tif"));
        Plane hsvRepPlane = readTiff(data.resolve("viresnet-hsv/hsv_reporter.tif"));
        List<ImageStats> hsvReal = List.of(stats(hsvPlane, null));
        FieldSettings hsv = hsvSettings();
        List<ImageStats> hsvSim = new ArrayList<>();
        SimulatedField hsvExample = null;
        for (int k = 0; k < 3; k++) {
            SimulatedField f = new FieldSimulator(hsv).simulate(100 + k);
            if (hsvExample == null) hsvExample = f;
            hsvSim.add(stats(f.dna(), null));
        }

        List<ImageStats> dsb = new ArrayList<>();
        try (Stream<Path> s = Files.list(data.resolve("dsb2018-fluo/images"))) {
            for (Path p : s.sorted().toList()) {
                Plane img = ImageFileReader.readPlane(p);
                Plane lab = ImageFileReader.readPlane(data.resolve("dsb2018-fluo/labels").resolve(p.getFileName()));
                int[] l = new int[lab.size()];
                for (int i = 0; i < l.length; i++) l[i] = Math.round(lab.pixels()[i]);
                dsb.add(ImageStats.of(img.pixels(), img.width(), img.height(), l));
            }
        }

        StringBuilder md = new StringBuilder();
        md.append("| statistic | AdV real (6 tiles) | AdV sim (6 fields, 20x defaults) | HSV real | HSV sim (3 fields, 0.28 µm px) | DSB2018 real, median [p10-p90] (truth labels) | sim, truth labels |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        row(md, "nuclei per field (Otsu objects)", advReal, advSim, hsvReal, hsvSim, dsb, advSimTruth, s -> (double) s.objects);
        row(md, "foreground fraction", advReal, advSim, hsvReal, hsvSim, dsb, advSimTruth, s -> s.foreground);
        row(md, "median nucleus diameter, px", advReal, advSim, hsvReal, hsvSim, dsb, advSimTruth, s -> s.medianDiameter);
        row(md, "diameter p75/p25", advReal, advSim, hsvReal, hsvSim, dsb, advSimTruth, s -> s.diameterIqrRatio);
        row(md, "SNR: median nucleus signal / pixel noise", advReal, advSim, hsvReal, hsvSim, dsb, advSimTruth, s -> s.snr);
        row(md, "nucleus brightness CV", advReal, advSim, hsvReal, hsvSim, dsb, advSimTruth, s -> s.brightnessCv);
        row(md, "texture: median within-nucleus CV", advReal, advSim, hsvReal, hsvSim, dsb, advSimTruth, s -> s.textureCv);
        row(md, "background p95-p5 / nucleus signal", advReal, advSim, hsvReal, hsvSim, dsb, advSimTruth, s -> s.bgUnevenness);
        md.append(String.format(Locale.ROOT, "| KS distance of normalized intensities, sim vs real | | %.3f | | %.3f | | |%n",
                meanKs(advReal, advSim), meanKs(hsvReal, hsvSim)));
        md.append(String.format(Locale.ROOT, "| reporter: SNR | %.1f | %.1f | %.1f | | | |%n",
                mean(advRep, s -> s.snr), mean(advSimRep, s -> s.snr), stats(hsvRepPlane, null).snr));
        md.append(String.format(Locale.ROOT, "| reporter: foreground fraction | %.3f | %.3f | %.3f | | | |%n",
                mean(advRep, s -> s.foreground), mean(advSimRep, s -> s.foreground), stats(hsvRepPlane, null).foreground));
        System.out.print(md);

        sideBySide(readTiff(advFiles.get(Math.min(2, advFiles.size() - 1))), advExample.dna(), png.resolve("adv_hoechst_real_vs_sim.png"));
        sideBySide(readTiff(Path.of(advFiles.get(Math.min(2, advFiles.size() - 1)).toString().replace("_hoechst", "_reporter"))),
                advExample.reporter(), png.resolve("adv_reporter_real_vs_sim.png"));
        sideBySide(hsvPlane, hsvExample.dna(), png.resolve("hsv_hoechst_real_vs_sim.png"));
        // Plaques (no real counterpart in shared/data): an AdV comet and an HSV-1 round plaque, 1024x1024 at 20x.
        FieldSettings plaqueField = FieldSettings.defaults().withInfection(InfectionSettings.none())
                .withPopulation(PopulationSettings.defaults().withConfluence(0.35));
        SimulatedField comet = new FieldSimulator(plaqueField).simulate(7,
                List.of(new Plaque(1, 300, 400, 120, Virus.ADV, 0.4)));
        SimulatedField round = new FieldSimulator(plaqueField.withInfection(InfectionSettings.none().withVirus(Virus.HSV)))
                .simulate(8, List.of(new Plaque(1, 512, 512, 300, Virus.HSV, 0)));
        sideBySide(bin2(comet.reporter()), bin2(round.reporter()), png.resolve("plaques_adv_comet_vs_hsv_round_reporter.png"));
        sideBySide(bin2(comet.dna()), bin2(round.dna()), png.resolve("plaques_adv_comet_vs_hsv_round_hoechst.png"));
        sideBySide(hsvRepPlane, hsvExample.reporter(), png.resolve("hsv_reporter_real_vs_sim.png"));
    }

    static FieldSettings hsvSettings() {
        return FieldSettings.defaults().withSize(445, 445)
                .withOptics(OpticsSettings.withPixelSize(HSV_PIXEL_UM, 0.75).withBackground(40, 0.1, 0.2))
                .withPopulation(PopulationSettings.defaults().withConfluence(0.28))
                .withInfection(InfectionSettings.defaults().withVirus(Virus.HSV).withFraction(0.25));
    }

    private static void row(StringBuilder md, String name, List<ImageStats> ar, List<ImageStats> as, List<ImageStats> hr,
                            List<ImageStats> hs, List<ImageStats> dsb, List<ImageStats> simTruth, Function<ImageStats, Double> f) {
        double[] d = dsb.stream().mapToDouble(f::apply).filter(v -> !Double.isNaN(v)).sorted().toArray();
        md.append(String.format(Locale.ROOT, "| %s | %.3g | %.3g | %.3g | %.3g | %.3g [%.3g-%.3g] | %.3g |%n", name,
                mean(ar, f), mean(as, f), mean(hr, f), mean(hs, f), d[d.length / 2], d[d.length / 10], d[d.length * 9 / 10],
                mean(simTruth, f)));
    }

    private static double mean(List<ImageStats> l, Function<ImageStats, Double> f) {
        return l.stream().mapToDouble(f::apply).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static double meanKs(List<ImageStats> real, List<ImageStats> sim) {
        double s = 0;
        for (ImageStats r : real) for (ImageStats m : sim) s += ImageStats.ks(r.normalized, m.normalized);
        return s / (real.size() * sim.size());
    }

    /** 2x2 mean binning, to keep documentation images small. */
    static Plane bin2(Plane p) {
        int w = p.width() / 2;
        int h = p.height() / 2;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (p.get(2 * x, 2 * y) + p.get(2 * x + 1, 2 * y) + p.get(2 * x, 2 * y + 1) + p.get(2 * x + 1, 2 * y + 1)) / 4;
            }
        }
        return new Plane(w, h, 32, out);
    }

    static ImageStats stats(Plane p, LabelImage labels) {
        return ImageStats.of(p.pixels(), p.width(), p.height(), labels == null ? null : labels.labels());
    }

    static Plane readTiff(Path p) throws IOException {
        ImagePlus imp = IJ.openImage(p.toString());
        if (imp == null) throw new IOException("cannot read " + p);
        float[] px = (float[]) imp.getProcessor().convertToFloatProcessor().getPixels();
        return new Plane(imp.getWidth(), imp.getHeight(), imp.getBitDepth() == 8 ? 8 : 16, px);
    }

    /** Real (left) and simulated (right), each contrast-stretched from its 0.5th to 99.8th percentile. */
    static void sideBySide(Plane real, Plane sim, Path out) throws IOException {
        int gap = 6;
        int h = Math.max(real.height(), sim.height());
        BufferedImage img = new BufferedImage(real.width() + gap + sim.width(), h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) for (int x = 0; x < img.getWidth(); x++) img.getRaster().setSample(x, y, 0, 255);
        paint(img, real, 0);
        paint(img, sim, real.width() + gap);
        ImageIO.write(img, "png", out.toFile());
    }

    private static void paint(BufferedImage img, Plane p, int x0) {
        float[] s = p.pixels().clone();
        Arrays.sort(s);
        float lo = s[(int) (s.length * 0.005)];
        float hi = s[(int) (s.length * 0.998)];
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                int v = (int) Math.max(0, Math.min(255, 255 * (p.get(x, y) - lo) / Math.max(1e-6, hi - lo)));
                img.getRaster().setSample(x0 + x, y, 0, v);
            }
        }
    }
}
