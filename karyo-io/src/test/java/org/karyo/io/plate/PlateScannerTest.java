package org.karyo.io.plate;

import org.karyo.KaryoInputException;
import org.karyo.image.Hyperstack;
import org.karyo.image.Plane;
import org.karyo.io.TiffWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlateScannerTest {
    private static final String GUID = "A1B2C3D4-0E1F-4A5B-8C9D-0123456789AB";

    @TempDir
    Path root;

    /** A 6x4 16-bit image whose pixels all hold {@code value}, so tests can tell files apart. */
    private static Path image(Path file, float value) throws Exception {
        return image(file, 6, 4, value);
    }

    private static Path image(Path file, int w, int h, float value) throws Exception {
        Files.createDirectories(file.getParent());
        float[] px = new float[w * h];
        java.util.Arrays.fill(px, value);
        TiffWriter.writePlane(file, new Plane(w, h, 16, px));
        return file;
    }

    /** plate1: wells B03 and C05, sites 1-2, channels 1-2, time points 1-2, MetaXpress-style nesting. */
    private void fullPlate() throws Exception {
        for (int t = 1; t <= 2; t++) {
            Path dir = root.resolve("2024-05-01/1234/TimePoint_" + t);
            for (String well : List.of("B03", "C05")) {
                for (int s = 1; s <= 2; s++) {
                    for (int c = 1; c <= 2; c++) {
                        String hash = c == 1 ? GUID : "";
                        image(dir.resolve("plate1_" + well + "_s" + s + "_w" + c + hash + ".tif"), 1000 * t + 100 * s + c);
                    }
                    image(dir.resolve("plate1_" + well + "_s" + s + "_w1_thumb" + GUID + ".tif"), 0);
                }
            }
        }
        Files.writeString(root.resolve("2024-05-01/1234/plate1.HTD"), "\"Description\", \"not an image\"");
    }

    private KaryoInputException scanFails() {
        KaryoInputException e = catchThrowableOfType(KaryoInputException.class, () -> PlateScanner.scan(root));
        assertThat(e).as("scan of " + root + " should be refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    @Test
    void indexesWellsSitesChannelsAndTimePoints() throws Exception {
        fullPlate();

        PlateLayout plate = PlateScanner.scan(root);

        assertThat(plate.plate()).isEqualTo("plate1");
        assertThat(plate.wells()).containsExactly(new Well('B', 3), new Well('C', 5));
        assertThat(plate.sites(new Well('C', 5))).containsExactly(1, 2);
        assertThat(plate.channels()).containsExactly(1, 2);
        assertThat(plate.timePoints()).containsExactly(1, 2);
        assertThat(plate.zSteps()).containsExactly(1);
        assertThat(plate.fileCount()).isEqualTo(16);
        assertThat(plate.file(new Well('C', 5), 2, 1, 2))
                .isEqualTo(root.resolve("2024-05-01/1234/TimePoint_2/plate1_C05_s2_w1" + GUID + ".tif"));
    }

    @Test
    void readsOneChannelOfOneSiteAsAPlane() throws Exception {
        fullPlate();
        PlateLayout plate = PlateScanner.scan(root);

        Plane p = SiteReader.readChannel(plate, new Well('B', 3), 2, 1, 2);

        assertThat(p.width()).isEqualTo(6);
        assertThat(p.get(3, 2)).isEqualTo(2201f);
    }

    @Test
    void readsAllChannelsOfASite() throws Exception {
        fullPlate();
        PlateLayout plate = PlateScanner.scan(root);

        Hyperstack site = SiteReader.readSite(plate, new Well('C', 5), 1, 1);

        assertThat(site.channels()).isEqualTo(2);
        assertThat(site.plane(0, 0, 0).get(0, 0)).isEqualTo(1101f);
        assertThat(site.plane(1, 0, 0).get(0, 0)).isEqualTo(1102f);
    }

    @Test
    void singleFolderWithoutSitesOrTimePoints() throws Exception {
        image(root.resolve("p_A01_w1.tif"), 1);
        image(root.resolve("p_A01_w2.tif"), 2);
        image(root.resolve("p_A02_w1.tif"), 3);
        image(root.resolve("p_A02_w2.tif"), 4);

        PlateLayout plate = PlateScanner.scan(root);

        assertThat(plate.sites(new Well('A', 2))).containsExactly(1);
        assertThat(plate.timePoints()).containsExactly(1);
        assertThat(SiteReader.readChannel(plate, new Well('A', 2), 1, 2, 1).get(0, 0)).isEqualTo(4f);
    }

    @Test
    void maxProjectsZSteps() throws Exception {
        for (int z = 1; z <= 3; z++) {
            for (int c = 1; c <= 2; c++) {
                Path f = root.resolve("TimePoint_1/ZStep_" + z + "/p_D04_s1_w" + c + ".tif");
                Files.createDirectories(f.getParent());
                float[] px = new float[4];
                px[z - 1] = 10 * z + c; // each z step is brightest at a different pixel
                TiffWriter.writePlane(f, new Plane(2, 2, 16, px));
            }
        }
        PlateLayout plate = PlateScanner.scan(root);

        Plane p = SiteReader.readChannel(plate, new Well('D', 4), 1, 2, 1);

        assertThat(plate.zSteps()).containsExactly(1, 2, 3);
        assertThat(plate.files(new Well('D', 4), 1, 2, 1)).hasSize(3);
        assertThat(p.pixels()).containsExactly(12f, 22f, 32f, 0f);
    }

    @Test
    void ignoresHiddenFilesSuchAsMacOsShadows() throws Exception {
        image(root.resolve("p_A01_w1.tif"), 1);
        Files.writeString(root.resolve("._p_A01_w1.tif"), "AppleDouble");
        Files.writeString(root.resolve("._other_A01_w1.tif"), "AppleDouble");

        PlateLayout plate = PlateScanner.scan(root);

        assertThat(plate.fileCount()).isEqualTo(1);
        assertThat(plate.plate()).isEqualTo("p");
    }

    @Test
    void rejectsMissingZStepNamingTheMissingFile() throws Exception {
        for (int z = 1; z <= 2; z++) {
            for (int c = 1; c <= 2; c++) {
                image(root.resolve("TimePoint_1/ZStep_" + z + "/p_D04_s1_w" + c + ".tif"), c);
            }
        }
        Files.delete(root.resolve("TimePoint_1/ZStep_2/p_D04_s1_w1.tif"));

        assertThat(scanFails().getMessage()).contains(Path.of("TimePoint_1/ZStep_2/p_D04_s1_w1.tif").toString());
    }

    @Test
    void rejectsZStepsOfDifferentSizesNamingBothFiles() throws Exception {
        Path z1 = image(root.resolve("ZStep_1/p_A01_w1.tif"), 6, 4, 1);
        Path z2 = image(root.resolve("ZStep_2/p_A01_w1.tif"), 6, 5, 1);
        PlateLayout plate = PlateScanner.scan(root);

        KaryoInputException e = catchThrowableOfType(KaryoInputException.class,
                () -> SiteReader.readChannel(plate, new Well('A', 1), 1, 1, 1));

        assertThat(e.getMessage()).contains(z1.toString()).contains(z2.toString());
    }

    @Test
    void rejectsFolderWithoutIxmFiles() throws Exception {
        image(root.resolve("something.tif"), 1);
        assertThat(scanFails().getMessage()).startsWith(root + ": ").contains("no IXM image files");
    }

    @Test
    void rejectsMissingFolder() {
        Path nowhere = root.resolve("nope");
        KaryoInputException e = catchThrowableOfType(KaryoInputException.class, () -> PlateScanner.scan(nowhere));
        assertThat(e.getMessage()).startsWith(nowhere + ": ").contains("no such folder");
    }

    @Test
    void rejectsSiteMissingAChannelNamingTheMissingFile() throws Exception {
        fullPlate();
        Files.delete(root.resolve("2024-05-01/1234/TimePoint_1/plate1_C05_s2_w2.tif"));

        assertThat(scanFails().getMessage()).contains("incomplete plate")
                .contains(Path.of("2024-05-01/1234/TimePoint_1/plate1_C05_s2_w2.tif").toString())
                .doesNotContain("more");
    }

    @Test
    void rejectsMissingTimePointNamingTheMissingFile() throws Exception {
        fullPlate();
        Files.delete(root.resolve("2024-05-01/1234/TimePoint_2/plate1_B03_s1_w1" + GUID + ".tif"));

        assertThat(scanFails().getMessage())
                .contains(Path.of("2024-05-01/1234/TimePoint_2/plate1_B03_s1_w1.tif").toString());
    }

    @Test
    void rejectsWellMissingASiteOthersHave() throws Exception {
        fullPlate();
        for (int t = 1; t <= 2; t++) {
            Path dir = root.resolve("2024-05-01/1234/TimePoint_" + t);
            Files.delete(dir.resolve("plate1_B03_s2_w1" + GUID + ".tif"));
            Files.delete(dir.resolve("plate1_B03_s2_w2.tif"));
        }
        assertThat(scanFails().getMessage()).contains("plate1_B03_s2_w1.tif").contains("and 3 more");
    }

    @Test
    void rejectsMixedPlates() throws Exception {
        image(root.resolve("plate1_A01_s1_w1.tif"), 1);
        image(root.resolve("plate2_A01_s1_w1.tif"), 1);
        assertThat(scanFails().getMessage()).contains("mixed plates").contains("'plate1'").contains("'plate2'");
    }

    @Test
    void rejectsTwoFilesForTheSameImage() throws Exception {
        image(root.resolve("p_A01_s1_w1.tif"), 1);
        image(root.resolve("p_A01_s1_w1" + GUID + ".tif"), 1);
        assertThat(scanFails().getMessage()).contains("two files").contains("A01 site 1 channel 1");
    }

    @Test
    void rejectsChannelsOfDifferentSizesNamingBothFiles() throws Exception {
        Path w1 = image(root.resolve("p_A01_s1_w1.tif"), 6, 4, 1);
        Path w2 = image(root.resolve("p_A01_s1_w2.tif"), 5, 4, 1);
        PlateLayout plate = PlateScanner.scan(root);

        KaryoInputException e = catchThrowableOfType(KaryoInputException.class,
                () -> SiteReader.readSite(plate, new Well('A', 1), 1, 1));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(w1.toString()).contains(w2.toString()).contains("5x4").contains("6x4");
    }

    @Test
    void reportsABrokenImageFileByItsName() throws Exception {
        image(root.resolve("p_A01_s1_w1.tif"), 1);
        Path bad = Files.writeString(root.resolve("p_A01_s1_w2.tif"), "");
        PlateLayout plate = PlateScanner.scan(root);

        KaryoInputException e = catchThrowableOfType(KaryoInputException.class,
                () -> SiteReader.readSite(plate, new Well('A', 1), 1, 1));

        assertThat(e.getMessage()).startsWith(bad + ": ").contains("empty");
    }

    /** Bug: a plate folder reached through a symbolic link (data linked into a work folder) was seen as empty. */
    @Test
    void followsSymbolicLinksToThePlateAndToTimePointFolders(@org.junit.jupiter.api.io.TempDir Path elsewhere) throws Exception {
        fullPlate();
        Path link = Files.createSymbolicLink(elsewhere.resolve("linked-plate"), root);
        assertThat(PlateScanner.scan(link).fileCount()).isEqualTo(16);

        Path mixed = Files.createDirectories(elsewhere.resolve("mixed"));
        for (int t = 1; t <= 2; t++) {
            Files.createSymbolicLink(mixed.resolve("TimePoint_" + t), root.resolve("2024-05-01/1234/TimePoint_" + t));
        }
        PlateLayout plate = PlateScanner.scan(mixed);
        assertThat(plate.timePoints()).containsExactly(1, 2);
        assertThat(plate.fileCount()).isEqualTo(16);
    }
}
