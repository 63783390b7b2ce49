package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.crop.CropMode;
import org.karyo.crop.CropSettings;
import org.karyo.io.dataset.CropRecipe;
import org.karyo.learn.data.CropDatasetReader;
import org.karyo.learn.data.CropSet;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A crop dataset as the learning commands read it: the crops, and the recipe they were cut with
 * (from the dataset when 'karyo crops' wrote it, else assumed from the crops' size).
 */
record DatasetInput(Path folder, CropSet crops, CropSettings recipe, boolean recipeFromDataset) {

    static DatasetInput read(Path folder) throws KaryoInputException {
        CropSet crops = CropDatasetReader.read(folder);
        if (crops.crops().isEmpty()) throw new KaryoInputException(folder, "dataset holds no crops");
        Optional<CropSettings> recipe = CropRecipe.read(folder);
        if (recipe.isPresent()) return new DatasetInput(folder, crops, recipe.get(), true);
        // Crops made elsewhere: the box recipe with karyo's default margin at their own size is the
        // closest guess; the bundle records that it was assumed.
        int side = Math.max(8, Math.min(1024, crops.crops().get(0).image().width()));
        return new DatasetInput(folder, crops, new CropSettings(side, CropMode.BOX, CropSettings.DEFAULTS.margin(),
                false), false);
    }
}
