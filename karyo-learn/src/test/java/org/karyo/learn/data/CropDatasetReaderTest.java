package org.karyo.learn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyo.KaryoInputException;

class CropDatasetReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsClassFoldersWithPngAndSixteenBitTiff() throws Exception {
        TestImages.png8(dir.resolve("infected/C12_a.png"), 5, 4, 10);
        TestImages.tif16(dir.resolve("uninfected/C7_b.tif"), 6, 3, 1000);
        TestImages.png8(dir.resolve("uninfected/C7_c.png"), 5, 4, 20);
        Files.writeString(dir.resolve("uninfected/notes.txt"), "ignored");

        CropSet set = CropDatasetReader.read(dir, GroupRule.fileNamePattern("^(C\\d+)_"));

        assertThat(set.classes()).containsExactly("infected", "uninfected");
        assertThat(set.classCounts()).containsExactly(1, 2);
        assertThat(set.crops()).extracting(Crop::group).containsExactly("C12", "C7", "C7");
        Crop tiff = set.crops().get(1);
        assertThat(tiff.image().bitDepth()).isEqualTo(16);
        assertThat(tiff.image().width()).isEqualTo(6);
        assertThat(tiff.image().get(2, 1)).isEqualTo(1200f);
        assertThat(set.crops().get(0).image().get(3, 2)).isEqualTo(15f);
    }

    @Test
    void withoutAGroupRuleEachFileIsItsOwnGroup() throws Exception {
        TestImages.png8(dir.resolve("a/x1.png"), 3, 3, 0);
        TestImages.png8(dir.resolve("b/x1.png"), 3, 3, 0);
        CropSet set = CropDatasetReader.read(dir);
        assertThat(set.crops()).extracting(Crop::group).containsExactly("x1.png", "x1.png");
    }

    @Test
    void manifestDecidesClassesAndGroups() throws Exception {
        TestImages.png8(dir.resolve("pos/n1.png"), 4, 4, 0);
        TestImages.png8(dir.resolve("neg/n2.png"), 4, 4, 0);
        TestImages.png8(dir.resolve("neg/unlisted.png"), 4, 4, 0);
        Files.writeString(dir.resolve("manifest.csv"), """
                path,class,image,nucleus_id,x,y,area,group
                pos/n1.png,pos,"plate 1, A01.tif",1,2.5,3.5,40,well-A01
                neg/n2.png,neg,plate1_A02.tif,2,1,1,30,
                """);
        CropSet set = CropDatasetReader.read(dir);
        assertThat(set.classes()).containsExactly("neg", "pos");
        assertThat(set.crops()).hasSize(2);
        assertThat(set.crops().get(0).label()).isEqualTo(1);
        assertThat(set.crops().get(0).group()).isEqualTo("well-A01");
        assertThat(set.crops().get(1).group()).isEqualTo("plate1_A02.tif");
    }

    @Test
    void oneClassFolderIsAnInputErrorNamingTheFolder() throws Exception {
        TestImages.png8(dir.resolve("only/x.png"), 3, 3, 0);
        assertThatThrownBy(() -> CropDatasetReader.read(dir))
                .isInstanceOf(KaryoInputException.class)
                .hasMessageStartingWith(dir.toString())
                .hasMessageContaining("at least 2 class");
    }

    @Test
    void manifestPathOutsideTheFolderIsRejected() throws Exception {
        Files.writeString(dir.resolve("manifest.csv"), "path,class,group\n../x.png,a,g\nb.png,b,g\n");
        assertThatThrownBy(() -> CropDatasetReader.read(dir))
                .isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("leaves the dataset folder");
    }

    @Test
    void csvSplitKeepsQuotedCommasAndDoubledQuotes() {
        assertThat(CropDatasetReader.splitCsv("a,\"b, \"\"c\"\"\",,d"))
                .containsExactly("a", "b, \"c\"", "", "d");
    }
}
