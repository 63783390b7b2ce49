package org.karyo.io.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelPlotsTest {
    @TempDir
    Path dir;

    @Test
    void panelsStackIntoOnePngAndUndefinedValuesDoNotFailThePlot() throws Exception {
        Path png = dir.resolve("curve.png");
        double[] epochs = {1, 2, 3};
        LinePlot.write(png, 600, 300, List.of(
                new LinePlot.Panel("loss", "epoch", "loss", List.of(LinePlot.Line.of("train", epochs, new double[] {1, .5, .3}),
                        LinePlot.Line.of("validation", epochs, new double[] {Double.NaN, Double.NaN, Double.NaN})), Double.NaN, Double.NaN),
                new LinePlot.Panel("accuracy", "epoch", "accuracy", List.of(LinePlot.Line.of("train", epochs, new double[] {.5, .7, .9})), Double.NaN, 1)));
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getHeight()).isEqualTo(600);
    }

    @Test
    void confusionMatrixHasOneCellPerClassPair() throws Exception {
        Path png = dir.resolve("confusion.png");
        ConfusionPlot.write(png, "test", List.of("infected", "uninfected", "a-very-long-class-name"),
                new int[][] {{5, 1, 0}, {2, 9, 0}, {0, 0, 0}});
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(3 * 90);
        // The (0,0) cell holds 5 of 6: dark; the empty third row stays the palest shade.
        int dark = img.getRGB(150 + 10, 150 + 10) & 0xFF00;
        int pale = img.getRGB(150 + 10, 150 + 2 * 90 + 10) & 0xFF00;
        assertThat(dark).isLessThan(pale);
    }
}
