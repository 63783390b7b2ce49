package org.karyo.crop;

/** How a nucleus's crop window is chosen. */
public enum CropMode {
    /**
     * The nucleus's bounding box plus a margin, made square and resized to the crop size: every nucleus
     * fills the crop, as in the reference study (absolute size is lost; shape and texture remain).
     */
    BOX,
    /** A fixed window of crop-size pixels centred on the centroid, no resizing: keeps absolute nuclear size. */
    WINDOW
}
