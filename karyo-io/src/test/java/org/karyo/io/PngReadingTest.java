package org.karyo.io;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PngReadingTest {
    @TempDir
    Path dir;

    private Path png(String name, BufferedImage img) throws Exception {
        Path f = dir.resolve(name);
        assertThat(ImageIO.write(img, "png", f.toFile())).isTrue();
        return f;
    }

    private static BufferedImage randomGrey(int type, int w, int h, int max) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random rnd = new Random(max);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.getRaster().setSample(x, y, 0, rnd.nextInt(max + 1));
        }
        return img;
    }

    @Test
    void reads8BitGreyPngExactly() throws Exception {
        BufferedImage img = randomGrey(BufferedImage.TYPE_BYTE_GRAY, 33, 21, 255);
        Plane p = ImageFileReader.readPlane(png("g8.png", img));
        assertThat(p.bitDepth()).isEqualTo(8);
        assertThat(p.pixels()).containsExactly(TiffFixtures.values(img));
    }

    @Test
    void reads16BitGreyPngExactly() throws Exception {
        BufferedImage img = randomGrey(BufferedImage.TYPE_USHORT_GRAY, 33, 21, 65535);
        Plane p = ImageFileReader.readPlane(png("g16.png", img));
        assertThat(p.bitDepth()).isEqualTo(16);
        assertThat(p.max()).isGreaterThan(32767f);
        assertThat(p.pixels()).containsExactly(TiffFixtures.values(img));
    }

    @Test
    void readsRgbPngWithEqualBandsAsGrey() throws Exception {
        BufferedImage img = new BufferedImage(10, 5, BufferedImage.TYPE_3BYTE_BGR);
        float[] expected = new float[50];
        for (int i = 0; i < 50; i++) {
            int v = (i * 37) % 256;
            img.setRGB(i % 10, i / 10, v << 16 | v << 8 | v);
            expected[i] = v;
        }
        Plane p = ImageFileReader.readPlane(png("rgb-grey.png", img));
        assertThat(p.bitDepth()).isEqualTo(8);
        assertThat(p.pixels()).containsExactly(expected);
    }

    @Test
    void rejectsColourPngWithFileName() throws Exception {
        BufferedImage img = new BufferedImage(10, 5, BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(3, 2, 0x10ff20);
        Path f = png("colour.png", img);
        KaryoInputException e = catchThrowableOfType(KaryoInputException.class, () -> ImageFileReader.read(f));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(f + ": ").contains("colour PNG").contains("x=3 y=2");
    }

    @Test
    void readsGreyPaletteAsGreyValues() throws Exception {
        byte[] ramp = new byte[256];
        for (int i = 0; i < 256; i++) ramp[i] = (byte) (255 - i); // inverted on purpose: values are not indices
        IndexColorModel cm = new IndexColorModel(8, 256, ramp, ramp, ramp);
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, cm);
        for (int x = 0; x < 4; x++) img.getRaster().setSample(x, 0, 0, x * 10);
        Plane p = ImageFileReader.readPlane(png("palette.png", img));
        assertThat(p.pixels()).containsExactly(255f, 245f, 235f, 225f);
    }

    @Test
    void rejectsHugePngBeforeDecoding() throws Exception {
        Path f = png("huge.png", randomGrey(BufferedImage.TYPE_BYTE_GRAY, 8, 8, 255));
        byte[] b = Files.readAllBytes(f);
        // IHDR follows the 8-byte signature: length(4) "IHDR"(4) width(4) height(4) ... then a CRC over type+data.
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
        bb.putInt(16, 60000).putInt(20, 60000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, 12, 4 + 13);
        bb.putInt(12 + 4 + 13, (int) crc.getValue());
        Files.write(f, b);

        KaryoInputException e = catchThrowableOfType(KaryoInputException.class, () -> ImageFileReader.read(f));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(f + ": ").contains("too large").contains("60000x60000");
    }

    @Test
    void rejectsTruncatedPngWithFileName() throws Exception {
        Path f = png("cut.png", randomGrey(BufferedImage.TYPE_BYTE_GRAY, 64, 64, 255));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        KaryoInputException e = catchThrowableOfType(KaryoInputException.class, () -> ImageFileReader.read(f));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(f + ": ").contains("PNG").doesNotContain("\n");
    }
}
