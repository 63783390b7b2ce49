package org.karyo.io;

import org.karyo.KaryoInputException;
import org.karyo.image.Hyperstack;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Valid TIFFs written by an encoder other than ImageJ's must come back pixel for pixel. */
class TiffReadingTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}-bit {1}")
    @CsvSource({
            "8, none", "8, LZW", "8, Deflate", "8, PackBits",
            "16, none", "16, LZW", "16, Deflate", "16, PackBits",
            "32, none", "32, LZW", "32, Deflate"
    })
    void readsCompressedGreyTiffExactly(int bits, String compression) throws Exception {
        int type = switch (bits) {
            case 8 -> DataBuffer.TYPE_BYTE;
            case 16 -> DataBuffer.TYPE_USHORT;
            default -> DataBuffer.TYPE_FLOAT;
        };
        double max = bits == 8 ? 255 : bits == 16 ? 65535 : 1e6;
        BufferedImage img = TiffFixtures.grey(type, 37, 23, bits, bits == 32 ? -max : 0, max);
        Path f = dir.resolve("img.tif");
        TiffFixtures.write(f, "none".equals(compression) ? null : compression, img);

        Plane p = ImageFileReader.readPlane(f);

        assertThat(p.width()).isEqualTo(37);
        assertThat(p.height()).isEqualTo(23);
        assertThat(p.bitDepth()).isEqualTo(bits);
        assertThat(p.pixels()).containsExactly(TiffFixtures.values(img));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LZW", "Deflate", "PackBits"})
    void readsLargeCompressibleImageExactly(String compression) throws Exception {
        // Long runs and repeats fill the LZW table past 4096 entries, exercising code-width changes and clears.
        BufferedImage img = TiffFixtures.grey(DataBuffer.TYPE_USHORT, 300, 200, 1, 0, 1);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                img.getRaster().setSample(x, y, 0, (x / 7) * 13 + (y / 5) * 101 + ((x * y) % 11 == 0 ? 3 : 0));
            }
        }
        Path f = dir.resolve("big.tif");
        TiffFixtures.write(f, compression, img);

        Plane p = ImageFileReader.readPlane(f);

        if (!"PackBits".equals(compression)) { // byte runs are rare in 16-bit data, so PackBits barely shrinks it
            assertThat(java.nio.file.Files.size(f)).as("fixture is compressed").isLessThan(300 * 200 * 2 / 2);
        }
        assertThat(p.pixels()).containsExactly(TiffFixtures.values(img));
    }

    /**
     * ImageJ/Fiji read WhiteIsZero as "stored values, inverted LUT" (and write an inverted-LUT image that way),
     * so we keep the stored values: measurements then agree with Fiji's.
     */
    @ParameterizedTest(name = "{0}-bit")
    @CsvSource({"8", "16"})
    void keepsStoredValuesOfWhiteIsZeroImagesAsFijiDoes(int bits) throws Exception {
        Path f = dir.resolve("wiz.tif");
        TiffWriter.writePlane(f, new Plane(3, 1, bits, new float[] {0, 10, 200}));
        TiffFixtures.patchTag(f, 262, 0); // PhotometricInterpretation = WhiteIsZero

        Plane p = ImageFileReader.readPlane(f);

        assertThat(p.pixels()).containsExactly(0f, 10f, 200f);
    }

    @Test
    void readsSigned16BitWithNegativeValues() throws Exception {
        BufferedImage img = TiffFixtures.grey(DataBuffer.TYPE_SHORT, 20, 10, 3, -32768, 32767);
        Path f = dir.resolve("signed.tif");
        TiffFixtures.write(f, null, img);

        Plane p = ImageFileReader.readPlane(f);

        assertThat(p.bitDepth()).isEqualTo(32);
        assertThat(p.min()).isNegative();
        assertThat(p.pixels()).containsExactly(TiffFixtures.values(img));
    }

    @Test
    void readsSigned32BitIntegers() throws Exception {
        BufferedImage img = TiffFixtures.grey(DataBuffer.TYPE_INT, 20, 10, 4, -1_000_000, 1_000_000);
        Path f = dir.resolve("int32.tif");
        TiffFixtures.write(f, null, img);

        Plane p = ImageFileReader.readPlane(f);

        assertThat(p.bitDepth()).isEqualTo(32);
        assertThat(p.pixels()).containsExactly(TiffFixtures.values(img));
    }

    @Test
    void readsPlainMultiPageTiffAsZSlices() throws Exception {
        BufferedImage[] pages = new BufferedImage[3];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = TiffFixtures.grey(DataBuffer.TYPE_USHORT, 16, 12, 10 + i, 0, 4000);
        }
        Path f = dir.resolve("stack.tif");
        TiffFixtures.write(f, "LZW", pages);

        Hyperstack s = ImageFileReader.read(f);

        assertThat(s.channels()).isEqualTo(1);
        assertThat(s.slices()).isEqualTo(3);
        assertThat(s.frames()).isEqualTo(1);
        for (int z = 0; z < 3; z++) {
            assertThat(s.plane(0, z, 0).pixels()).containsExactly(TiffFixtures.values(pages[z]));
        }
    }

    /** ImageJ alone would assume these planes are back to back and silently return wrong pixels. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"none", "LZW"})
    void readsImageJHyperstackWrittenWithDirectoriesBetweenPlanes(String compression) throws Exception {
        BufferedImage[] pages = new BufferedImage[6];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = TiffFixtures.grey(DataBuffer.TYPE_USHORT, 20, 10, 50 + i, 0, 60000);
        }
        Path f = dir.resolve("described.tif");
        TiffFixtures.writeDescribed(f, "none".equals(compression) ? null : compression,
                "ImageJ=1.54p\nimages=6\nchannels=2\nslices=3\nhyperstack=true\n", pages);

        Hyperstack s = ImageFileReader.read(f);

        assertThat(s.channels()).isEqualTo(2);
        assertThat(s.slices()).isEqualTo(3);
        for (int i = 0; i < pages.length; i++) {
            assertThat(s.planes().get(i).pixels()).as("plane %d", i).containsExactly(TiffFixtures.values(pages[i]));
        }
    }

    @Test
    void readPlaneMaxProjectsAZStack() throws Exception {
        BufferedImage a = TiffFixtures.grey(DataBuffer.TYPE_BYTE, 8, 8, 1, 0, 255);
        BufferedImage b = TiffFixtures.grey(DataBuffer.TYPE_BYTE, 8, 8, 2, 0, 255);
        Path f = dir.resolve("z.tif");
        TiffFixtures.write(f, null, a, b);

        Plane p = ImageFileReader.readPlane(f);

        float[] va = TiffFixtures.values(a);
        float[] vb = TiffFixtures.values(b);
        for (int i = 0; i < va.length; i++) {
            assertThat(p.pixels()[i]).isEqualTo(Math.max(va[i], vb[i]));
        }
    }
}
