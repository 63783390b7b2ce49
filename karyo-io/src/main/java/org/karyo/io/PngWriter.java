package org.karyo.io;

import org.karyo.AtomicFiles;
import org.karyo.render.RgbImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes colour images as PNG, atomically. */
public final class PngWriter {
    private PngWriter() {
    }

    public static void write(Path file, RgbImage image) throws IOException {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, image.width(), image.height(), image.rgb(), 0, image.width());
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer available");
        });
    }
}
