package org.karyo.io;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads grey PNG files (8- or 16-bit, also 1/2/4-bit grey and grey palettes) with the JDK's decoder.
 *
 * <p>Colour is rejected, not converted to luminance: Karyo's channels are separate stains, and a PNG whose
 * bands differ is a merged overlay or a photograph, where a weighted sum would quietly mix the reporter into
 * the nuclear stain. An RGB(A) PNG whose colour bands are all equal is grey saved as colour and is accepted.
 */
final class PngFileReader {
    private PngFileReader() {
    }

    static Plane read(Path file) throws KaryoInputException {
        BufferedImage img;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            if (in == null || !readers.hasNext()) {
                throw new KaryoInputException(file, "cannot open as PNG");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageLimits.check(file, reader.getWidth(0), reader.getHeight(0), 1, 8); // decoded image + samples
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new KaryoInputException(file, "not a readable PNG (" + e.getMessage() + ")", e);
        }
        return toPlane(file, img);
    }

    private static Plane toPlane(Path file, BufferedImage img) throws KaryoInputException {
        Raster r = img.getRaster();
        int w = r.getWidth();
        int h = r.getHeight();
        int bits = r.getSampleModel().getSampleSize(0);
        int depth = bits <= 8 ? 8 : 16;
        ColorModel cm = img.getColorModel();
        float[] px = new float[w * h];
        r.getSamples(0, 0, w, h, 0, px);
        if (cm instanceof IndexColorModel icm) {
            return new Plane(w, h, 8, greyFromPalette(file, icm, px, w));
        }
        int colourBands = cm.getNumColorComponents();
        if (colourBands == 3) {
            float[] band = new float[w * h];
            for (int b = 1; b < 3; b++) {
                r.getSamples(0, 0, w, h, b, band);
                for (int i = 0; i < band.length; i++) {
                    if (band[i] != px[i]) {
                        throw new KaryoInputException(file, "colour PNG (red, green and blue differ at x=" + (i % w)
                                + " y=" + (i / w) + "); Karyo reads grey images: save each channel as a grey PNG");
                    }
                }
            }
        } else if (colourBands != 1) {
            throw new KaryoInputException(file, "unsupported PNG colour space with " + colourBands + " components");
        }
        return new Plane(w, h, depth, px);
    }

    /**
     * A palette image is accepted when every entry its pixels use is grey (unused entries do not matter);
     * pixels then take the grey value, not the index.
     */
    private static float[] greyFromPalette(Path file, IndexColorModel icm, float[] idx, int width) throws KaryoInputException {
        for (int i = 0; i < idx.length; i++) {
            int e = (int) idx[i];
            int red = icm.getRed(e);
            if (red != icm.getGreen(e) || red != icm.getBlue(e)) {
                throw new KaryoInputException(file, "colour palette PNG (pixel x=" + (i % width) + " y=" + (i / width)
                        + " uses non-grey entry " + e + "); Karyo reads grey images");
            }
            idx[i] = red;
        }
        return idx;
    }
}
