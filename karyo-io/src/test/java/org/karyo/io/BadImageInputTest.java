package org.karyo.io;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every kind of bad input must give one line naming the file and the problem, never a partial image. */
class BadImageInputTest {
    @TempDir
    Path dir;

    private static String rejection(Path f) {
        KaryoInputException e = catchThrowableOfType(KaryoInputException.class, () -> ImageFileReader.read(f));
        assertThat(e).as("reading " + f + " should be refused").isNotNull();
        assertThat(e.getMessage()).startsWith(f + ": ").doesNotContain("\n").doesNotContain("\r");
        assertThat(e.file()).isEqualTo(f);
        return e.problem();
    }

    private Path validTiff(String name, int w, int h, int bits) throws Exception {
        float[] px = new float[w * h];
        for (int i = 0; i < px.length; i++) px[i] = i % 200;
        Path f = dir.resolve(name);
        TiffWriter.writePlane(f, new Plane(w, h, bits, px));
        return f;
    }

    @Test
    void rejectsMissingFileWithFileName() {
        assertThat(rejection(dir.resolve("nope.tif"))).contains("no such file");
    }

    @Test
    void rejectsFolderWithFileName() {
        assertThat(rejection(dir)).contains("folder");
    }

    @Test
    void rejectsEmptyFileWithFileName() throws Exception {
        Path f = Files.createFile(dir.resolve("empty.tif"));
        assertThat(rejection(f)).contains("empty file");
    }

    @Test
    void rejectsRandomBytesWithFileName() throws Exception {
        byte[] junk = new byte[5000];
        new Random(1).nextBytes(junk);
        junk[0] = 'x'; // make sure the random bytes do not spell a signature
        Path f = Files.write(dir.resolve("junk.tif"), junk);
        assertThat(rejection(f)).contains("not a TIFF or PNG");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void rejectsTiffHeaderFollowedByGarbageWithFileName(int seed) throws Exception {
        byte[] junk = new byte[4000];
        new Random(seed).nextBytes(junk);
        ByteBuffer.wrap(junk).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        Path f = Files.write(dir.resolve("garbage.tif"), junk);
        assertThat(rejection(f)).containsAnyOf("corrupt", "truncated", "not a readable TIFF", "unsupported", "too large");
    }

    /** ImageJ 1.54p's getTiffInfo never returns on this file. */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void rejectsTiffWhoseDirectoryChainLoops() throws Exception {
        Path f = dir.resolve("loop.tif");
        TiffFixtures.write(f, null, TiffFixtures.grey(DataBuffer.TYPE_BYTE, 8, 8, 1, 0, 255),
                TiffFixtures.grey(DataBuffer.TYPE_BYTE, 8, 8, 2, 0, 255));
        byte[] b = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(b).order(b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int first = bb.getInt(4);
        int second = bb.getInt(first + 2 + 12 * Short.toUnsignedInt(bb.getShort(first)));
        bb.putInt(second + 2 + 12 * Short.toUnsignedInt(bb.getShort(second)), first); // second -> first
        Files.write(f, b);
        assertThat(rejection(f)).contains("corrupt TIFF").contains("points back");
    }

    @Test
    void rejectsTiffWhoseFirstDirectoryIsPastTheEnd() throws Exception {
        Path f = validTiff("ifd.tif", 10, 10, 8);
        TiffFixtures.truncate(f, 8 + 4); // header plus a few bytes: the directory at byte 8 is cut
        assertThat(rejection(f)).contains("truncated");
    }

    @ParameterizedTest(name = "{0}-bit")
    @ValueSource(ints = {8, 16, 32})
    void rejectsTruncatedTiffWithFileName(int bits) throws Exception {
        Path f = validTiff("cut.tif", 64, 64, bits);
        TiffFixtures.truncate(f, Files.size(f) - 100);
        assertThat(rejection(f)).contains("truncated").contains("64x64").contains(bits + "-bit");
    }

    @Test
    void rejectsTruncatedImageJStackWithFileName() throws Exception {
        Path f = dir.resolve("stack.tif");
        Plane p = Plane.zeros(32, 32).withBitDepth(16);
        TiffWriter.writeStack(f, java.util.List.of(p, p, p, p), 1, 4, 1);
        TiffFixtures.truncate(f, Files.size(f) - 32 * 32 * 2 - 10); // last plane gone (and ImageJ's later directories)
        assertThat(rejection(f)).contains("truncated");
    }

    @Test
    void rejectsTruncatedImageJStackThatHasOnlyItsFirstDirectory() throws Exception {
        Path f = dir.resolve("big-layout.tif");
        Plane p = Plane.zeros(32, 32).withBitDepth(16);
        TiffWriter.writeStack(f, java.util.List.of(p, p, p, p), 1, 4, 1);
        TiffFixtures.keepOnlyFirstDirectory(f); // ImageJ's layout past 4 GB: planes found by position only
        long end = 32 * 32 * 2 * 4; // pixel data ends well after this much
        TiffFixtures.truncate(f, end);
        assertThat(rejection(f)).contains("truncated").contains("4 images");
    }

    @Test
    void rejectsTruncatedCompressedTiffWithFileName() throws Exception {
        BufferedImage img = TiffFixtures.grey(DataBuffer.TYPE_USHORT, 64, 64, 9, 0, 65535);
        Path f = dir.resolve("lzw.tif");
        TiffFixtures.write(f, "LZW", img);
        long full = Files.size(f);
        byte[] bytes = Files.readAllBytes(f);
        // Cut into the pixel data, wherever the writer put it relative to the directory.
        int ifd = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).getInt(4);
        assertThat(ifd).as("fixture: directory before the pixels").isLessThan((int) full / 2);
        TiffFixtures.truncate(f, full - 500);
        assertThat(rejection(f)).contains("truncated");
    }

    @Test
    void rejectsImageJDescriptionThatDisagreesWithPlaneCount() throws Exception {
        Path f = dir.resolve("hyper.tif");
        Plane p = Plane.zeros(8, 8).withBitDepth(8);
        TiffWriter.writeStack(f, java.util.List.of(p, p, p, p, p, p), 2, 3, 1);
        byte[] bytes = Files.readAllBytes(f);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("slices=3");
        assertThat(at).as("fixture: ImageJ description present").isPositive();
        bytes[at + "slices=".length()] = '4'; // same length, so no offsets move
        Files.write(f, bytes);
        assertThat(rejection(f)).contains("c=2 z=4 t=1").contains("6 planes");
    }

    @Test
    void rejectsTiledTiffWithImageJsReason() throws Exception {
        Path f = dir.resolve("tiled.tif");
        TiffFixtures.writeTiled(f, TiffFixtures.grey(DataBuffer.TYPE_USHORT, 100, 70, 1, 0, 60000));
        assertThat(rejection(f)).contains("tiled");
    }

    @Test
    void rejectsRgbTiffNamingTheType() throws Exception {
        BufferedImage rgb = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Path f = dir.resolve("rgb.tif");
        TiffFixtures.write(f, null, rgb);
        assertThat(rejection(f)).contains("unsupported pixel type").contains("RGB");
    }

    @Test
    void rejectsOneBitTiffNamingTheType() throws Exception {
        BufferedImage bits = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_BINARY);
        Path f = dir.resolve("mask.tif");
        TiffFixtures.write(f, null, bits);
        assertThat(rejection(f)).contains("unsupported pixel type").contains("1-bit");
    }

    @Test
    void rejects64BitFloatTiffNamingTheType() throws Exception {
        BufferedImage img = TiffFixtures.grey(DataBuffer.TYPE_DOUBLE, 10, 10, 1, 0, 1);
        Path f = dir.resolve("double.tif");
        TiffFixtures.write(f, null, img);
        assertThat(rejection(f)).contains("unsupported pixel type").contains("64");
    }

    @Test
    void rejectsHugeImageBeforeAllocating() throws Exception {
        Path f = validTiff("huge.tif", 16, 16, 8);
        TiffFixtures.patchTag(f, 256, 60000); // ImageWidth
        TiffFixtures.patchTag(f, 257, 60000); // ImageLength: 3.6e9 pixels, more than an int array holds
        long before = Runtime.getRuntime().totalMemory();
        assertThat(rejection(f)).contains("too large").contains("60000x60000");
        assertThat(Runtime.getRuntime().totalMemory() - before).isLessThan(1L << 30);
    }

    @Test
    void rejectsImageThatCannotFitInMemoryBeforeAllocating() throws Exception {
        long floats = 46_000L * 46_000L * Float.BYTES; // fits one array's index range, not a normal heap
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < floats,
                "heap is large enough to hold the test image");
        Path f = validTiff("big.tif", 16, 16, 16);
        TiffFixtures.patchTag(f, 256, 46000);
        TiffFixtures.patchTag(f, 257, 46000);
        assertThat(rejection(f)).contains("too large").contains("MB");
    }

    @Test
    void rejectsImageLargerThanTheFileHoldsAsTruncated() throws Exception {
        Path f = validTiff("wide.tif", 16, 16, 8);
        TiffFixtures.patchTag(f, 256, 20000);
        TiffFixtures.patchTag(f, 257, 20000); // fits an array, but the file holds 256 pixels
        assertThat(rejection(f)).contains("truncated");
    }

    @Test
    void rejectsPagesOfDifferentSizes() throws Exception {
        BufferedImage a = TiffFixtures.grey(DataBuffer.TYPE_BYTE, 20, 20, 1, 0, 255);
        BufferedImage b = TiffFixtures.grey(DataBuffer.TYPE_BYTE, 30, 20, 2, 0, 255);
        Path f = dir.resolve("mixed.tif");
        TiffFixtures.write(f, null, a, b);
        assertThat(rejection(f)).contains("different sizes").contains("30x20").contains("20x20");
    }

    @Test
    void rejectsPagesOfDifferentPixelTypes() throws Exception {
        BufferedImage a = TiffFixtures.grey(DataBuffer.TYPE_BYTE, 20, 20, 1, 0, 255);
        BufferedImage b = TiffFixtures.grey(DataBuffer.TYPE_USHORT, 20, 20, 2, 0, 255);
        Path f = dir.resolve("types.tif");
        TiffFixtures.write(f, null, a, b);
        assertThat(rejection(f)).contains("different pixel types");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Deflate", "PackBits", "LZW"})
    // ImageJ alone hangs on a short Deflate strip, zero-fills a short LZW one, throws an index error on PackBits.
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void rejectsCompressedStripThatDecodesTooShort(String compression) throws Exception {
        BufferedImage img = TiffFixtures.grey(DataBuffer.TYPE_BYTE, 64, 64, 5, 0, 255);
        Path f = dir.resolve("short.tif");
        TiffFixtures.write(f, compression, img);
        TiffFixtures.patchTag(f, 279, 40); // StripByteCounts: only the first 40 bytes of the strip
        assertThat(rejection(f)).contains("corrupt");
    }

    /** ImageJ 1.54p's zipUncompress loops forever on this damage; we must refuse it before ImageJ sees it. */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void rejectsDamagedDeflateThatWouldHangImageJ() throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) img.getRaster().setSample(x, y, 0, 1 + (x * y) % 250);
        }
        Path f = dir.resolve("hang.tif");
        TiffFixtures.write(f, "Deflate", img);
        byte[] b = Files.readAllBytes(f);
        for (int i = 400; i < b.length; i++) b[i] ^= 0x5a;
        Files.write(f, b);
        assertThat(rejection(f)).contains("corrupt");
    }

    @Test
    void rejectsCorruptDeflateData() throws Exception {
        BufferedImage img = TiffFixtures.grey(DataBuffer.TYPE_BYTE, 64, 64, 5, 0, 255);
        Path f = dir.resolve("bad.tif");
        TiffFixtures.write(f, "Deflate", img);
        byte[] bytes = Files.readAllBytes(f);
        int ifd = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).getInt(4);
        Random rnd = new Random(3);
        // Scramble everything after the directory's entries: the compressed strip.
        for (int i = ifd + 2 + 12 * 20; i < bytes.length; i++) bytes[i] = (byte) rnd.nextInt();
        Files.write(f, bytes);
        assertThat(rejection(f)).contains("corrupt");
    }
}
