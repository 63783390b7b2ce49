package org.karyo.io;

import org.karyo.image.Plane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads the real images in ../shared/data (see its README.md). Skipped when the data is not there,
 * as on a machine that has only the repository.
 */
class SharedDataReadingTest {
    private Path data;

    /** Per test rather than per class, so each test is reported as skipped with the reason. */
    @BeforeEach
    void findData() {
        String shared = System.getProperty("karyo.shared");
        Path d = shared == null ? null : Path.of(shared, "data");
        assumeTrue(d != null && Files.isDirectory(d),
                "shared data not found (system property karyo.shared=" + shared + "): skipping real-file tests");
        data = d;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        assumeTrue(Files.isDirectory(dir), dir + " is missing: skipping");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The JDK's own decoder, as an independent check of ImageJ's pixels. */
    private static float[] jdkPixels(Path f) throws IOException {
        BufferedImage img = ImageIO.read(f.toFile());
        float[] px = new float[img.getWidth() * img.getHeight()];
        img.getRaster().getSamples(0, 0, img.getWidth(), img.getHeight(), 0, px);
        return px;
    }

    @Test
    void readsViresnetHsvFieldAs445Square8Bit() throws Exception {
        List<Path> files = list(data.resolve("viresnet-hsv"), ".tif");
        assertThat(files).hasSize(2);
        for (Path f : files) {
            Plane p = ImageFileReader.readPlane(f);
            assertThat(p.width()).as(f.toString()).isEqualTo(445);
            assertThat(p.height()).isEqualTo(445);
            assertThat(p.bitDepth()).isEqualTo(8);
            assertThat(p.isConstant()).isFalse();
            assertThat(p.pixels()).isEqualTo(jdkPixels(f));
        }
    }

    @Test
    void readsViresnetAdvTilesWithMatchingChannelSizes() throws Exception {
        List<Path> hoechst = list(data.resolve("viresnet-adv"), "_hoechst.tif");
        assertThat(hoechst).isNotEmpty();
        for (Path h : hoechst) {
            Path r = h.resolveSibling(h.getFileName().toString().replace("_hoechst", "_reporter"));
            Plane ph = ImageFileReader.readPlane(h);
            Plane pr = ImageFileReader.readPlane(r);
            assertThat(ph.width()).as(h.toString()).isBetween(320, 335);
            assertThat(ph.height()).as(h.toString()).isBetween(320, 335);
            assertThat(ph.bitDepth()).isEqualTo(8);
            assertThat(pr.sameSize(ph)).as(r + " same size as " + h).isTrue();
            assertThat(ph.max()).isGreaterThan(ph.min());
            assertThat(ph.pixels()).isEqualTo(jdkPixels(h));
        }
    }

    @Test
    void readsDsb2018ImagesAs8BitAndLabelsAs16BitInstances() throws Exception {
        List<Path> images = list(data.resolve("dsb2018-fluo/images"), ".png");
        assertThat(images).hasSizeGreaterThanOrEqualTo(3);
        for (Path img : images.subList(0, 3)) {
            Path lab = data.resolve("dsb2018-fluo/labels").resolve(img.getFileName());
            Plane pi = ImageFileReader.readPlane(img);
            Plane pl = ImageFileReader.readPlane(lab);
            assertThat(pi.bitDepth()).as(img.toString()).isEqualTo(8);
            assertThat(pl.bitDepth()).as(lab.toString()).isEqualTo(16);
            assertThat(pl.sameSize(pi)).isTrue();
            Set<Float> distinct = new HashSet<>();
            for (float v : pl.pixels()) {
                if (v != 0) distinct.add(v);
            }
            assertThat(distinct).as("objects in " + lab).isNotEmpty();
            assertThat(pl.max()).as("max label of " + lab + " = number of objects").isEqualTo((float) distinct.size());
        }
    }
}
