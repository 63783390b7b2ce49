package org.karyo.io;

import ij.io.FileInfo;
import org.karyo.KaryoInputException;

import java.nio.file.Path;

/**
 * The grey pixel types Karyo accepts from ImageJ's TIFF decoder, and how each maps onto a {@link org.karyo.image.Plane}.
 * Anything else (colour, 1-bit, 64-bit float, 24-bit…) is rejected by name rather than silently converted,
 * because a converted colour or double image would not mean what the user thinks it means.
 */
enum TiffPixelType {
    UINT8(1, 8, "8-bit"),
    /** 8-bit values with a colour table: in microscopy the table is a display LUT, the values are the signal. */
    UINT8_PALETTE(1, 8, "8-bit with colour table"),
    UINT10(2, 16, "10-bit"),
    UINT12(2, 16, "12-bit"),
    UINT16(2, 16, "16-bit unsigned"),
    /** ImageJ shifts signed 16-bit by +32768 on reading; we undo the shift, so values can be negative: float plane. */
    INT16(2, 32, "16-bit signed"),
    INT32(4, 32, "32-bit signed integer"),
    UINT32(4, 32, "32-bit unsigned integer"),
    FLOAT32(4, 32, "32-bit float");

    /** Bytes per pixel as stored uncompressed (10- and 12-bit are packed: see {@link #storedBytes}). */
    private final int bytesPerPixel;
    private final int planeBitDepth;
    private final String label;

    TiffPixelType(int bytesPerPixel, int planeBitDepth, String label) {
        this.bytesPerPixel = bytesPerPixel;
        this.planeBitDepth = planeBitDepth;
        this.label = label;
    }

    static TiffPixelType of(Path file, FileInfo fi, int page) throws KaryoInputException {
        return switch (fi.fileType) {
            case FileInfo.GRAY8 -> UINT8;
            case FileInfo.COLOR8 -> UINT8_PALETTE;
            case FileInfo.GRAY10_UNSIGNED -> UINT10;
            case FileInfo.GRAY12_UNSIGNED -> UINT12;
            case FileInfo.GRAY16_UNSIGNED -> UINT16;
            case FileInfo.GRAY16_SIGNED -> INT16;
            case FileInfo.GRAY32_INT -> INT32;
            case FileInfo.GRAY32_UNSIGNED -> UINT32;
            case FileInfo.GRAY32_FLOAT -> FLOAT32;
            default -> throw new KaryoInputException(file, "unsupported pixel type " + unsupportedName(fi.fileType)
                    + (page > 0 ? " on page " + (page + 1) : "")
                    + " (Karyo reads grey 8-, 16- and 32-bit images; convert colour images to one grey channel per file)");
        };
    }

    /** ImageJ's numeric file types, named the way a user would recognise them. */
    static String unsupportedName(int fileType) {
        return switch (fileType) {
            case FileInfo.RGB, FileInfo.RGB_PLANAR, FileInfo.BGR -> "RGB colour (24-bit)";
            case FileInfo.ARGB, FileInfo.BARG, FileInfo.ABGR -> "RGB colour with alpha (32-bit)";
            case FileInfo.CMYK -> "CMYK colour";
            case FileInfo.RGB48, FileInfo.RGB48_PLANAR -> "RGB colour (48-bit)";
            case FileInfo.BITMAP -> "1-bit black and white";
            case FileInfo.GRAY24_UNSIGNED -> "24-bit grey";
            case FileInfo.GRAY64_FLOAT -> "64-bit float";
            default -> "ImageJ file type " + fileType;
        };
    }

    /** Bytes one uncompressed plane takes in the file (10- and 12-bit pixels are bit-packed). */
    long storedBytes(long width, long height) {
        return switch (this) {
            case UINT10 -> (width * height * 10 + 7) / 8;
            case UINT12 -> (width * height * 12 + 7) / 8;
            default -> width * height * bytesPerPixel;
        };
    }

    int planeBitDepth() {
        return planeBitDepth;
    }

    /** Pixels as ImageJ's reader returns them, as floats with their true values. */
    float[] toFloats(Object pixels, int n) {
        float[] out = new float[n];
        if (pixels instanceof byte[] b) {
            for (int i = 0; i < n; i++) out[i] = b[i] & 0xff;
        } else if (pixels instanceof short[] s) {
            int shift = this == INT16 ? 32768 : 0;
            for (int i = 0; i < n; i++) out[i] = (s[i] & 0xffff) - shift;
        } else if (pixels instanceof float[] f) {
            System.arraycopy(f, 0, out, 0, n);
        } else {
            throw new IllegalStateException("ImageJ returned " + pixels.getClass().getSimpleName() + " for " + label);
        }
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
