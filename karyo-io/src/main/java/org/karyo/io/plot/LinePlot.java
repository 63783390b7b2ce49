package org.karyo.io.plot;

import org.karyo.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Line charts for model reports (training curves, ROC, reliability), from plain arrays so this
 * package needs no learning library. Several panels stack vertically into one PNG.
 */
public final class LinePlot {
    private LinePlot() {
    }

    /** One series; {@code dashed} for references such as the chance diagonal, {@code markers} for sparse points. */
    public record Line(String name, double[] x, double[] y, boolean dashed, boolean markers) {
        public static Line of(String name, double[] x, double[] y) {
            return new Line(name, x, y, false, false);
        }
    }

    /**
     * One panel.
     *
     * @param yMax upper y limit, or NaN to fit the data (lower limit is always 0)
     */
    public record Panel(String title, String xTitle, String yTitle, List<Line> lines, double xMax, double yMax) {
    }

    public static void write(Path png, int width, int panelHeight, List<Panel> panels) throws IOException {
        BufferedImage out = new BufferedImage(width, panelHeight * panels.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(chart(panels.get(i), width, panelHeight)), 0, i * panelHeight, null);
        }
        g.dispose();
        AtomicFiles.write(png, tmp -> ImageIO.write(out, "png", tmp.toFile()));
    }

    private static XYChart chart(Panel p, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(p.title())
                .xAxisTitle(p.xTitle()).yAxisTitle(p.yTitle()).build();
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(0.0);
        if (Double.isFinite(p.yMax())) chart.getStyler().setYAxisMax(p.yMax());
        if (Double.isFinite(p.xMax())) chart.getStyler().setXAxisMax(p.xMax());
        for (Line l : p.lines()) {
            double[] x = l.x().length == 0 ? new double[] {0} : l.x();
            double[] y = l.y().length == 0 ? new double[] {0} : finite(l.y());
            XYSeries series = chart.addSeries(l.name(), x, y);
            series.setMarker(l.markers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (l.dashed()) {
                series.setLineStyle(SeriesLines.DASH_DASH);
                series.setLineColor(Color.GRAY);
            }
        }
        return chart;
    }

    /** XChart refuses NaN; an undefined value (no validation set) is drawn at 0 rather than failing the plot. */
    private static double[] finite(double[] y) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) if (!Double.isFinite(out[i])) out[i] = 0;
        return out;
    }
}
