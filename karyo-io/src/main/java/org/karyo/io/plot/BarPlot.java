package org.karyo.io.plot;

import org.karyo.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Grouped bar charts (one group per category, one bar per series), e.g. a value per well called and true. */
public final class BarPlot {
    private BarPlot() {
    }

    /**
     * @param series series name to its values, one per category in order; NaN draws no bar (XChart refuses NaN,
     *               so it is drawn as 0 and the category keeps its place)
     */
    public static void write(Path png, String title, String yTitle, List<String> categories,
                             LinkedHashMap<String, double[]> series) throws IOException {
        int width = Math.max(600, 120 + 60 * categories.size() * Math.max(1, series.size()));
        CategoryChart chart = new CategoryChartBuilder().width(Math.min(width, 2400)).height(450).title(title)
                .xAxisTitle("").yAxisTitle(yTitle).build();
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (e.getValue().length != categories.size()) {
                throw new IllegalArgumentException(e.getKey() + ": " + e.getValue().length + " values for "
                        + categories.size() + " categories");
            }
            List<Double> v = new ArrayList<>();
            for (double d : e.getValue()) v.add(Double.isFinite(d) ? d : 0.0);
            chart.addSeries(e.getKey(), categories, v);
        }
        AtomicFiles.write(png, tmp -> ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", tmp.toFile()));
    }
}
