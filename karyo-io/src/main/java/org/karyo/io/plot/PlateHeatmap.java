package org.karyo.io.plot;

import org.karyo.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A plate drawn as a plate: one circle per well, coloured by a fraction (0..1) on a white-to-green
 * scale and labelled with the percentage; empty wells are outlined only. Sized to the plate format
 * (96 or 384 wells) that the well names imply.
 */
public final class PlateHeatmap {
    private static final int CELL = 56;
    private static final int MARGIN = 40;

    private PlateHeatmap() {
    }

    /** @param fractionByWell well name like "B03" to a value in 0..1 (NaN: imaged but no nuclei) */
    public static void write(Path png, String title, Map<String, Double> fractionByWell) throws IOException {
        int rows = 8;
        int cols = 12;
        for (String w : fractionByWell.keySet()) {
            if (w.charAt(0) > 'H' || Integer.parseInt(w.substring(1)) > 12) {
                rows = 16;
                cols = 24;
            }
        }
        int width = MARGIN + cols * CELL + 20;
        int height = MARGIN + 30 + rows * CELL + 20;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, MARGIN, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int top = MARGIN + 30;
        for (int c = 0; c < cols; c++) g.drawString(Integer.toString(c + 1), MARGIN + c * CELL + CELL / 2 - 6, top - 6);
        for (int r = 0; r < rows; r++) g.drawString(String.valueOf((char) ('A' + r)), 16, top + r * CELL + CELL / 2 + 5);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                String well = String.format(Locale.ROOT, "%c%02d", (char) ('A' + r), c + 1);
                int x = MARGIN + c * CELL + 4;
                int y = top + r * CELL + 4;
                Double f = fractionByWell.get(well);
                if (f != null && Double.isFinite(f)) {
                    g.setColor(colour(f));
                    g.fillOval(x, y, CELL - 8, CELL - 8);
                    g.setColor(f > 0.55 ? Color.WHITE : Color.BLACK);
                    String s = String.format(Locale.ROOT, "%.0f", 100 * f);
                    g.drawString(s, x + (CELL - 8) / 2 - g.getFontMetrics().stringWidth(s) / 2, y + (CELL - 8) / 2 + 5);
                }
                g.setColor(f == null ? new Color(210, 210, 210) : Color.DARK_GRAY);
                g.setStroke(new BasicStroke(1.2f));
                g.drawOval(x, y, CELL - 8, CELL - 8);
            }
        }
        g.dispose();
        AtomicFiles.write(png, tmp -> ImageIO.write(img, "png", tmp.toFile()));
    }

    /** White (0) to dark green (1). */
    static Color colour(double f) {
        double t = Math.max(0, Math.min(1, f));
        return new Color((int) (255 - t * 235), (int) (255 - t * 120), (int) (255 - t * 215));
    }
}
