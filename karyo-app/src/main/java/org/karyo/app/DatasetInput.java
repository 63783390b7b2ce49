package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.crop.CropMode;
import org.karyo.crop.CropSettings;
import org.karyo.io.dataset.CropRecipe;
import org.karyo.learn.data.CropDatasetReader;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.GroupRule;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A crop dataset as the learning commands read it: the crops, and the recipe they were cut with
 * (from the dataset when 'karyo crops' wrote it, else assumed from the crops' size).
 */
record DatasetInput(Path folder, CropSet crops, CropSettings recipe, boolean recipeFromDataset) {

    static DatasetInput read(Path folder) throws KaryoInputException {
        return read(folder, null);
    }

    /**
     * @param groupPattern for folders of class sub-folders: a regular expression whose first capture group,
     *                     found in a file name, is the crop's group (e.g. {@code ^(C\d+)} for a patient id);
     *                     null for one group per file. A manifest's group column always wins.
     */
    static DatasetInput read(Path folder, String groupPattern) throws KaryoInputException {
        CropSet crops = CropDatasetReader.read(folder, groupRule(groupPattern));
        if (crops.crops().isEmpty()) throw new KaryoInputException(folder, "dataset holds no crops");
        Optional<CropSettings> recipe = CropRecipe.read(folder);
        if (recipe.isPresent()) return new DatasetInput(folder, crops, recipe.get(), true);
        // Crops made elsewhere: the box recipe with karyo's default margin at their own size is the
        // closest guess; the bundle records that it was assumed.
        int side = Math.max(8, Math.min(1024, crops.crops().get(0).image().width()));
        return new DatasetInput(folder, crops, new CropSettings(side, CropMode.BOX, CropSettings.DEFAULTS.margin(),
                false), false);
    }

    static GroupRule groupRule(String pattern) throws KaryoInputException {
        if (pattern == null) return GroupRule.FILE;
        try {
            return GroupRule.fileNamePattern(pattern);
        } catch (IllegalArgumentException e) { // PatternSyntaxException is one
            throw new KaryoInputException(null, "--group-pattern '" + pattern + "': " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
