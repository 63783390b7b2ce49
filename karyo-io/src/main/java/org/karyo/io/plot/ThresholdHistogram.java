package org.karyo.io.plot;

import org.karyo.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The QC picture of reporter labelling: a histogram of per-nucleus reporter values with the cut drawn in,
 * so a user sees at a glance whether the two populations really separate where the threshold is.
 */
public final class ThresholdHistogram {
    private ThresholdHistogram() {
    }

    /**
     * @param logScale bin on log(1 + value), the scale automatic cuts are found on
     */
    public static void write(Path png, String title, double[] values, double threshold, boolean logScale) throws IOException {
        int bins = Math.max(10, Math.min(60, (int) Math.ceil(Math.sqrt(values.length) * 2)));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            double s = scale(v, logScale);
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        double cut = scale(threshold, logScale);
        if (values.length == 0) {
            lo = 0;
            hi = 1;
        }
        lo = Math.min(lo, cut);
        hi = Math.max(hi, cut);
        if (hi <= lo) hi = lo + 1;
        double width = (hi - lo) / bins;
        int[] below = new int[bins];
        int[] above = new int[bins];
        for (double v : values) {
            int b = Math.min(bins - 1, (int) ((scale(v, logScale) - lo) / width));
            if (v > threshold) above[b]++;
            else below[b]++;
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle(logScale ? "reporter mean per nucleus, log(1 + value)" : "reporter mean per nucleus")
                .yAxisTitle("nuclei").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        int top = 1;
        for (int b = 0; b < bins; b++) top = Math.max(top, below[b] + above[b]);
        addBars(chart, "uninfected", below, lo, width, new Color(90, 110, 200));
        addBars(chart, "infected", above, lo, width, new Color(40, 170, 60));
        XYSeries t = chart.addSeries(String.format(java.util.Locale.ROOT, "threshold %.4g", threshold),
                new double[] {cut, cut}, new double[] {0, top * 1.05});
        t.setLineColor(Color.RED);
        t.setMarker(SeriesMarkers.NONE);
        t.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        BufferedImage img = BitmapEncoder.getBufferedImage(chart);
        AtomicFiles.write(png, tmp -> ImageIO.write(img, "png", tmp.toFile()));
    }

    private static void addBars(XYChart chart, String name, int[] counts, double lo, double width, Color colour) {
        // Each bin as a closed step outline filled as an area: XChart has no XY bar series.
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int b = 0; b < counts.length; b++) {
            xs.add(lo + b * width);
            ys.add((double) counts[b]);
            xs.add(lo + (b + 1) * width);
            ys.add((double) counts[b]);
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
        s.setLineColor(colour);
    }

    private static double scale(double v, boolean log) {
        return log ? Math.log1p(Math.max(0, v)) : v;
    }
}
