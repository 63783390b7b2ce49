package org.karyo.crop;

/**
 * How nucleus crops for learning are cut.
 *
 * @param size            crop side in pixels; default 64 (224 for ImageNet-style networks)
 * @param mode            {@link CropMode#BOX} (default) or {@link CropMode#WINDOW}
 * @param margin          BOX mode: context added on each side, as a fraction of the box's longer side; default 0.2
 * @param blankNeighbours replace pixels of other nuclei with the background level, so a model cannot learn
 *                        from the neighbours; default false
 */
public record CropSettings(int size, CropMode mode, double margin, boolean blankNeighbours) {
    public static final CropSettings DEFAULTS = new CropSettings(64, CropMode.BOX, 0.2, false);

    public CropSettings {
        if (size < 8 || size > 1024) throw new IllegalArgumentException("crop size must be 8..1024 px, not " + size);
        if (mode == null) throw new IllegalArgumentException("crop mode is required");
        if (!(margin >= 0 && margin <= 2)) throw new IllegalArgumentException("margin must be 0..2, not " + margin);
    }
}
