package org.karyo.io.plot;

import org.karyo.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A confusion matrix as a picture: rows are the truth, columns the prediction, each cell shaded by
 * the fraction of its row so a rare class reads as clearly as a common one, with the count written in.
 */
public final class ConfusionPlot {
    private static final int CELL = 90;
    private static final int MARGIN = 150;

    private ConfusionPlot() {
    }

    public static void write(Path png, String title, List<String> classes, int[][] counts) throws IOException {
        int k = classes.size();
        int w = MARGIN + k * CELL + 30;
        int h = MARGIN + k * CELL + 30;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("predicted \u2192", MARGIN, MARGIN - 45);
        drawRotated(g, "truth \u2192", 25, MARGIN + 60);
        for (int r = 0; r < k; r++) {
            int rowSum = 0;
            for (int c = 0; c < k; c++) rowSum += counts[r][c];
            g.setColor(Color.BLACK);
            g.drawString(shorten(classes.get(r), g.getFontMetrics(), MARGIN - 50), 45, MARGIN + r * CELL + CELL / 2 + 5);
            for (int c = 0; c < k; c++) {
                double f = rowSum == 0 ? 0 : (double) counts[r][c] / rowSum;
                int x = MARGIN + c * CELL;
                int y = MARGIN + r * CELL;
                g.setColor(shade(f));
                g.fillRect(x, y, CELL, CELL);
                g.setColor(f > 0.5 ? Color.WHITE : Color.BLACK);
                String n = Integer.toString(counts[r][c]);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(n, x + (CELL - fm.stringWidth(n)) / 2, y + CELL / 2 + 5);
            }
        }
        g.setColor(Color.BLACK);
        for (int c = 0; c < k; c++) {
            String name = shorten(classes.get(c), g.getFontMetrics(), CELL - 6);
            g.drawString(name, MARGIN + c * CELL + (CELL - g.getFontMetrics().stringWidth(name)) / 2, MARGIN - 10);
        }
        g.setStroke(new BasicStroke(1));
        g.drawRect(MARGIN, MARGIN, k * CELL, k * CELL);
        g.dispose();
        AtomicFiles.write(png, tmp -> ImageIO.write(img, "png", tmp.toFile()));
    }

    private static Color shade(double f) {
        int v = (int) Math.round(255 - f * 200);
        return new Color(v, v, 255);
    }

    private static String shorten(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) return s;
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "\u2026") > width) t = t.substring(0, t.length() - 1);
        return t + "\u2026";
    }

    private static void drawRotated(Graphics2D g, String s, int x, int y) {
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        g.drawString(s, x, y);
        g.setTransform(old);
    }
}
