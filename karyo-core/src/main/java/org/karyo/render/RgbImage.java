package org.karyo.render;

/** An 8-bit-per-channel colour image, packed 0xRRGGBB per pixel, row-major. */
public record RgbImage(int width, int height, int[] rgb) {
    public RgbImage {
        if (width <= 0 || height <= 0 || rgb.length != width * height) {
            throw new IllegalArgumentException("bad RGB image size " + width + "x" + height + " for " + rgb.length + " pixels");
        }
    }
}
