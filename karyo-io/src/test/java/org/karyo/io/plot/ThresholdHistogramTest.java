package org.karyo.io.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdHistogramTest {
    @TempDir
    Path dir;

    @Test
    void writesADecodablePngWithTheThresholdLine() throws Exception {
        double[] v = {10, 12, 11, 13, 9, 200, 220, 210};
        Path png = dir.resolve("qc.png");
        ThresholdHistogram.write(png, "test", v, 50, true);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        boolean red = false;
        for (int y = 0; y < img.getHeight() && !red; y++) {
            for (int x = 0; x < img.getWidth() && !red; x++) {
                int rgb = img.getRGB(x, y);
                red = ((rgb >> 16) & 255) > 200 && ((rgb >> 8) & 255) < 60 && (rgb & 255) < 60;
            }
        }
        assertThat(red).as("red threshold line drawn").isTrue();
    }

    @Test
    void copesWithNoValues() throws Exception {
        ThresholdHistogram.write(dir.resolve("empty.png"), "none", new double[0], 1, false);
        assertThat(ImageIO.read(dir.resolve("empty.png").toFile())).isNotNull();
    }
}
