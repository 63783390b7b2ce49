package org.karyo.io.dataset;

import org.karyo.KaryoInputException;
import org.karyo.crop.CropMode;
import org.karyo.crop.CropSettings;
import org.karyo.image.Plane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CropRecipeTest {
    @TempDir
    Path dir;

    @Test
    void datasetKeepsTheSettingsItsCropsWereCutWith() throws Exception {
        CropSettings s = new CropSettings(48, CropMode.WINDOW, 0.35, true);
        Path out = dir.resolve("ds");
        try (CropDataset ds = CropDataset.create(out)) {
            ds.add("a", "x", new Plane(8, 8, 8, new float[64]), "i", 1, 0, 0, 1, "g");
            ds.recipe(s);
            ds.commit();
        }
        assertThat(CropRecipe.read(out)).contains(s);
    }

    @Test
    void absentRecipeIsEmptyAndABadOneAnInputError() throws Exception {
        assertThat(CropRecipe.read(dir)).isEmpty();
        Files.writeString(dir.resolve(CropRecipe.FILE), "size=4\nmode=box\nmargin=0.2\n");
        assertThatThrownBy(() -> CropRecipe.read(dir)).isInstanceOf(KaryoInputException.class)
                .hasMessageContaining("crop-recipe.properties").hasMessageContaining("bad crop recipe");
    }
}
