package org.karyo.bench;

import org.karyo.image.Plane;
import org.karyo.simulate.CellFate;
import org.karyo.simulate.CellObservation;
import org.karyo.simulate.CellRecord;
import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.LiveCellSettings;
import org.karyo.simulate.LiveCellSimulator;
import org.karyo.simulate.TimelapseResult;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes docs/simulator/timelapse_spreader.png: one spreader followed through a simulated time-lapse,
 * Hoechst / reporter / PI rows, every fourth frame. Runs the (deterministic) movie twice: once to find a
 * spreader that lyses, once to crop around it. Usage: TimelapseFigure [outDir]
 */
public final class TimelapseFigure {
    private static final int CROP = 96;
    private static final int STEP = 4;

    private TimelapseFigure() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/simulator");
        Files.createDirectories(out);
        LiveCellSettings d = LiveCellSettings.defaults();
        FieldSettings f = d.field().withSize(512, 512).withInfection(d.field().infection().withFraction(0.3));
        LiveCellSettings s = d.withField(f);
        long seed = 3;
        // Pass 1: how close each cell comes to the edge, and one contrast range per channel for the movie.
        Map<Integer, Double> edge = new HashMap<>();
        float[][] range = {{Float.MAX_VALUE, -Float.MAX_VALUE}, {Float.MAX_VALUE, -Float.MAX_VALUE},
                {Float.MAX_VALUE, -Float.MAX_VALUE}};
        TimelapseResult result = new LiveCellSimulator(s).run(seed, frame -> {
            for (CellObservation o : frame.cells()) {
                double e = Math.min(Math.min(o.x(), o.y()), Math.min(f.width() - o.x(), f.height() - o.y()));
                edge.merge(o.label(), e, Math::min);
            }
            Plane[] planes = {frame.dna(), frame.reporter(), frame.pi()};
            for (int c = 0; c < 3; c++) {
                float[] sorted = planes[c].pixels().clone();
                Arrays.sort(sorted);
                range[c][0] = Math.min(range[c][0], sorted[(int) (sorted.length * 0.01)]);
                range[c][1] = Math.max(range[c][1], sorted[(int) (sorted.length * 0.999)]);
            }
        });
        CellRecord cell = result.cells().stream()
                .filter(c -> c.fate() == CellFate.SPREADER && c.lysed() && edge.get(c.label()) > CROP / 2.0)
                .max(Comparator.comparingInt(c -> c.end() - c.begin()))
                .orElseThrow(() -> new IllegalStateException("no lysing spreader away from the edge in this movie"));
        int columns = (cell.end() - cell.begin()) / STEP + 1;
        BufferedImage img = new BufferedImage(columns * (CROP + 2), 3 * (CROP + 2), BufferedImage.TYPE_INT_RGB);
        double[] centre = new double[2];
        new LiveCellSimulator(s).run(seed, frame -> {
            int k = frame.index() - cell.begin();
            if (k < 0 || frame.index() > cell.end() || k % STEP != 0 && frame.index() != cell.end()) return;
            for (CellObservation o : frame.cells()) {
                if (o.label() == cell.label()) {
                    centre[0] = o.x();
                    centre[1] = o.y();
                }
            }
            int col = Math.min(columns - 1, (k + STEP - 1) / STEP);
            paint(img, frame.dna(), range[0], centre, col, 0, 0x4080FF);
            paint(img, frame.reporter(), range[1], centre, col, 1, 0x40FF40);
            paint(img, frame.pi(), range[2], centre, col, 2, 0xFF4040);
        });
        ImageIO.write(img, "png", out.resolve("timelapse_spreader.png").toFile());
        System.out.printf("spreader %d: infected at %.1f h, lysed at %.1f h, frames %d-%d (every %d shown)%n", cell.label(),
                cell.infectionHours(), cell.lysisHours(), cell.begin(), cell.end(), STEP);
    }

    /** One crop, tinted, with the channel's contrast range over the whole movie. */
    private static void paint(BufferedImage img, Plane p, float[] range, double[] centre, int col, int row, int tint) {
        float lo = range[0];
        float hi = range[1];
        int x0 = (int) Math.round(centre[0]) - CROP / 2;
        int y0 = (int) Math.round(centre[1]) - CROP / 2;
        for (int y = 0; y < CROP; y++) {
            for (int x = 0; x < CROP; x++) {
                int sx = Math.max(0, Math.min(p.width() - 1, x0 + x));
                int sy = Math.max(0, Math.min(p.height() - 1, y0 + y));
                double v = Math.max(0, Math.min(1, (p.get(sx, sy) - lo) / Math.max(1e-6, hi - lo)));
                int r = (int) (v * ((tint >> 16) & 255));
                int g = (int) (v * ((tint >> 8) & 255));
                int b = (int) (v * (tint & 255));
                img.setRGB(col * (CROP + 2) + x, row * (CROP + 2) + y, (r << 16) | (g << 8) | b);
            }
        }
    }
}
