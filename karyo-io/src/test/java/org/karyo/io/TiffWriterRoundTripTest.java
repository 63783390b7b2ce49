package org.karyo.io;

import org.karyo.image.Hyperstack;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What TiffWriter writes, ImageFileReader reads back unchanged (ImageJ's encoder, our decoder path). */
class TiffWriterRoundTripTest {
    @TempDir
    Path dir;

    private static Plane random(int w, int h, int bits, long seed) {
        Random rnd = new Random(seed);
        float[] px = new float[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = switch (bits) {
                case 8 -> rnd.nextInt(256);
                case 16 -> rnd.nextInt(65536);
                default -> (float) (rnd.nextGaussian() * 1000);
            };
        }
        return new Plane(w, h, bits, px);
    }

    @ParameterizedTest(name = "{0}-bit")
    @ValueSource(ints = {8, 16, 32})
    void writePlaneRoundTripsExactly(int bits) throws Exception {
        Plane p = random(41, 29, bits, bits);
        Path f = dir.resolve("p.tif");

        TiffWriter.writePlane(f, p);
        Plane back = ImageFileReader.readPlane(f);

        assertThat(back).isEqualTo(p);
    }

    @Test
    void writePlaneClampsAndRoundsToTheIntegerRange() throws Exception {
        Plane p = new Plane(4, 1, 8, new float[] {-5f, 2.6f, 254.4f, 300f});
        Path f = dir.resolve("clamp.tif");

        TiffWriter.writePlane(f, p);

        assertThat(ImageFileReader.readPlane(f).pixels()).containsExactly(0f, 3f, 254f, 255f);
    }

    @Test
    void writeLabelsRoundTripsAs16Bit() throws Exception {
        int[] ids = new int[30 * 20];
        for (int i = 0; i < ids.length; i++) ids[i] = (i / 7) % 50;
        LabelImage labels = LabelImage.relabel(30, 20, ids);
        Path f = dir.resolve("labels.tif");

        TiffWriter.writeLabels(f, labels);
        Plane back = ImageFileReader.readPlane(f);

        assertThat(back.bitDepth()).isEqualTo(16);
        assertLabelsEqual(back, labels);
    }

    @Test
    void writeLabelsKeepsMoreThan65535ObjectsExactly() throws Exception {
        int w = 300;
        int h = 250; // 75,000 one-pixel objects: needs the 32-bit path
        int[] ids = new int[w * h];
        for (int i = 0; i < ids.length; i++) ids[i] = i + 1;
        LabelImage labels = LabelImage.relabel(w, h, ids);
        Path f = dir.resolve("many.tif");

        TiffWriter.writeLabels(f, labels);
        Plane back = ImageFileReader.readPlane(f);

        assertThat(back.bitDepth()).isEqualTo(32);
        assertThat(back.max()).isEqualTo(75_000f);
        assertLabelsEqual(back, labels);
    }

    private static void assertLabelsEqual(Plane back, LabelImage labels) {
        assertThat(back.width()).isEqualTo(labels.width());
        assertThat(back.height()).isEqualTo(labels.height());
        int[] expected = labels.labels();
        for (int i = 0; i < expected.length; i++) {
            assertThat(back.pixels()[i]).as("pixel %d", i).isEqualTo((float) expected[i]);
        }
    }

    @ParameterizedTest(name = "{0}-bit")
    @ValueSource(ints = {8, 16, 32})
    void writeStackRoundTripsAsHyperstack(int bits) throws Exception {
        int c = 2;
        int z = 3;
        int t = 2;
        List<Plane> planes = new ArrayList<>();
        for (int i = 0; i < c * z * t; i++) planes.add(random(17, 13, bits, 100 + i));
        Path f = dir.resolve("hyper.tif");

        TiffWriter.writeStack(f, planes, c, z, t);
        Hyperstack back = ImageFileReader.read(f);

        assertThat(back.channels()).isEqualTo(c);
        assertThat(back.slices()).isEqualTo(z);
        assertThat(back.frames()).isEqualTo(t);
        assertThat(back.width()).isEqualTo(17);
        assertThat(back.height()).isEqualTo(13);
        assertThat(back.planes()).containsExactlyElementsOf(planes);
        assertThat(back.plane(1, 2, 1)).isEqualTo(planes.get(1 + c * (2 + z * 1)));
    }

    /** ImageJ writes no directories past 4 GB; the planes are then found from the description and position. */
    @Test
    void readsImageJStackThatHasOnlyItsFirstDirectory() throws Exception {
        List<Plane> planes = new ArrayList<>();
        for (int i = 0; i < 6; i++) planes.add(random(9, 7, 16, 300 + i));
        Path f = dir.resolve("first-only.tif");
        TiffWriter.writeStack(f, planes, 2, 3, 1);
        TiffFixtures.keepOnlyFirstDirectory(f);

        Hyperstack back = ImageFileReader.read(f);

        assertThat(back.channels()).isEqualTo(2);
        assertThat(back.planes()).containsExactlyElementsOf(planes);
    }

    @Test
    void writeStackOfOneChannelIsAZStack() throws Exception {
        List<Plane> planes = List.of(random(8, 8, 16, 1), random(8, 8, 16, 2), random(8, 8, 16, 3));
        Path f = dir.resolve("z.tif");

        TiffWriter.writeStack(f, planes, 1, 3, 1);
        Hyperstack back = ImageFileReader.read(f);

        assertThat(back.slices()).isEqualTo(3);
        assertThat(back.channels()).isEqualTo(1);
        assertThat(back.planes()).containsExactlyElementsOf(planes);
    }

    @Test
    void readPlaneRefusesAFileWithSeveralChannels() throws Exception {
        List<Plane> planes = List.of(random(8, 8, 8, 1), random(8, 8, 8, 2));
        Path f = dir.resolve("two.tif");
        TiffWriter.writeStack(f, planes, 2, 1, 1);

        org.karyo.KaryoInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.karyo.KaryoInputException.class, () -> ImageFileReader.readPlane(f));

        assertThat(e.getMessage()).startsWith(f + ": ").contains("one channel").contains("c=2");
    }

    @Test
    void writeStackOfChannelsOnlyKeepsChannels() throws Exception {
        List<Plane> planes = List.of(random(8, 8, 8, 1), random(8, 8, 8, 2));
        Path f = dir.resolve("c.tif");

        TiffWriter.writeStack(f, planes, 2, 1, 1);
        Hyperstack back = ImageFileReader.read(f);

        assertThat(back.channels()).isEqualTo(2);
        assertThat(back.slices()).isEqualTo(1);
        assertThat(back.planes()).containsExactlyElementsOf(planes);
    }
}
