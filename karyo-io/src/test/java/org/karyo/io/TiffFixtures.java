package org.karyo.io;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/** Builds TIFF test files with the JDK's TIFF writer (an encoder independent of ImageJ) and damages them. */
final class TiffFixtures {
    private TiffFixtures() {
    }

    /** A one-band grey image of the given DataBuffer type filled with seeded random values in [0, max]. */
    static BufferedImage grey(int dataType, int w, int h, long seed, double min, double max) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, dataType);
        WritableRaster r = cm.createCompatibleWritableRaster(w, h);
        Random rnd = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = min + rnd.nextDouble() * (max - min);
                boolean integral = dataType != DataBuffer.TYPE_FLOAT && dataType != DataBuffer.TYPE_DOUBLE;
                r.setSample(x, y, 0, integral ? Math.floor(v) : v);
            }
        }
        return new BufferedImage(cm, r, false, null);
    }

    /** Pixel values as the reader should return them (signed types keep their sign). */
    static float[] values(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] out = new float[w * h];
        img.getRaster().getSamples(0, 0, w, h, 0, out);
        return out;
    }

    /** Writes pages with javax.imageio's TIFF writer; compression is "LZW", "Deflate", "PackBits" or null. */
    static void write(Path file, String compression, BufferedImage... pages) throws IOException {
        writeDescribed(file, compression, null, pages);
    }

    /**
     * As {@link #write}, with an ImageDescription on the first page (e.g. an ImageJ hyperstack description).
     * The JDK writer puts a directory between pages, so the planes are not back to back.
     */
    static void writeDescribed(Path file, String compression, String description, BufferedImage... pages)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            writer.prepareWriteSequence(null);
            for (int i = 0; i < pages.length; i++) {
                IIOMetadata meta = null;
                if (i == 0 && description != null) {
                    TIFFDirectory dir = TIFFDirectory.createFromMetadata(writer.getDefaultImageMetadata(
                            ImageTypeSpecifier.createFromRenderedImage(pages[0]), param));
                    dir.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance()
                            .getTag(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION), TIFFTag.TIFF_ASCII, 1,
                            new String[] {description}));
                    meta = dir.getAsMetadata();
                }
                writer.writeToSequence(new IIOImage(pages[i], null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** Writes one page in 32x32 tiles instead of strips. */
    static void writeTiled(Path file, BufferedImage page) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            param.setTiling(32, 32, 0, 0);
            writer.write(null, new IIOImage(page, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Overwrites the value of a tag in the first image directory (SHORT or LONG, count 1). */
    static void patchTag(Path file, int tag, long value) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate((int) ch.size());
            ch.read(b, 0);
            b.order(b.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int ifd = b.getInt(4);
            int n = Short.toUnsignedInt(b.getShort(ifd));
            for (int i = 0; i < n; i++) {
                int e = ifd + 2 + 12 * i;
                if (Short.toUnsignedInt(b.getShort(e)) == tag) {
                    int type = b.getShort(e + 2);
                    ByteBuffer v = ByteBuffer.allocate(4).order(b.order());
                    if (type == 3) {
                        v.putShort((short) value).putShort((short) 0);
                    } else {
                        v.putInt((int) value);
                    }
                    v.flip();
                    ch.write(v, e + 8);
                    return;
                }
            }
            throw new IllegalArgumentException("tag " + tag + " not in the first directory of " + file);
        }
    }

    /** Ends the directory chain after the first directory, as ImageJ does for stacks past 4 GB. */
    static void keepOnlyFirstDirectory(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer bb = ByteBuffer.wrap(b).order(b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int first = bb.getInt(4);
        bb.putInt(first + 2 + 12 * Short.toUnsignedInt(bb.getShort(first)), 0);
        Files.write(file, b);
    }

    /** Cuts the file to the given length, as an interrupted copy would. */
    static void truncate(Path file, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length);
        }
    }
}
