package org.karyo.learn.data;

import java.nio.file.Path;
import org.karyo.image.Plane;

/**
 * One labelled nucleus crop.
 *
 * @param path  the image file
 * @param label index of the class in the dataset's class list
 * @param group the unit a split must keep together (image, well, patient); never null
 * @param image the pixels as read, at the file's bit depth
 */
public record Crop(Path path, int label, String group, Plane image) {
    public Crop {
        if (path == null || group == null || image == null) {
            throw new IllegalArgumentException("path, group and image are required");
        }
        if (label < 0) {
            throw new IllegalArgumentException("label must be non-negative, not " + label);
        }
    }
}
