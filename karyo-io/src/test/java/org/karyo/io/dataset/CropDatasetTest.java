package org.karyo.io.dataset;

import org.karyo.KaryoInputException;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CropDatasetTest {
    @TempDir
    Path dir;

    @Test
    void writesClassFoldersAndManifestOnlyOnCommit() throws Exception {
        Path out = dir.resolve("ds");
        try (CropDataset ds = CropDataset.create(out)) {
            ds.add("infected", "img_n1", new Plane(8, 8, 16, new float[64]), "img.tif", 1, 3.5, 4, 20, "img.tif");
            ds.add("uninfected", "img_n2", new Plane(8, 8, 16, new float[64]), "img.tif", 2, 5, 6, 22, "img.tif");
            assertThat(out).doesNotExist();
            ds.commit();
        }
        assertThat(out.resolve("infected/img_n1.tif")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("manifest.csv"))).containsExactly(
                "path,class,image,nucleus_id,x,y,area,group",
                "infected/img_n1.tif,infected,img.tif,1,3.5,4,20,img.tif",
                "uninfected/img_n2.tif,uninfected,img.tif,2,5,6,22,img.tif");
    }

    @Test
    void leavesNothingBehindWhenNotCommitted() throws Exception {
        try (CropDataset ds = CropDataset.create(dir.resolve("ds"))) {
            ds.add("a", "x", new Plane(8, 8, 8, new float[64]), "i", 1, 0, 0, 1, "g");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void refusesANonEmptyTargetFolder() throws Exception {
        Files.createDirectories(dir.resolve("ds"));
        Files.writeString(dir.resolve("ds/old.txt"), "x");
        assertThatThrownBy(() -> CropDataset.create(dir.resolve("ds")))
                .isInstanceOf(KaryoInputException.class).hasMessageContaining("ds").hasMessageContaining("not empty");
    }
}
