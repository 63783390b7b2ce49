package org.karyo.io;

import ij.io.FileInfo;
import ij.io.ImageReader;
import org.karyo.KaryoInputException;
import org.karyo.image.Hyperstack;
import org.karyo.image.Plane;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads grey TIFF files (single page, multi-page, ImageJ hyperstacks; uncompressed, LZW, Deflate, PackBits)
 * with ImageJ 1.x's decoder, headless.
 *
 * <p>WhiteIsZero images keep their stored values, as in ImageJ/Fiji (which show them with an inverted LUT and
 * write inverted-LUT images that way), so measurements agree with Fiji's.
 *
 * <p>ImageJ's pixel reader does not fail on a truncated file: it returns a partly zero image without an error.
 * So every page's pixel data is checked against the file length before anything is decoded (and compressed
 * strips are checked by {@link CompressedStrips}), and plane sizes are checked before any array is allocated.
 */
final class TiffFileReader {
    private TiffFileReader() {
    }

    /** Where one plane's pixels are: the directory describing them, and the first byte to read from. */
    private record PlaneSource(FileInfo info, long offset, int page) {
    }

    static Hyperstack read(Path file) throws KaryoInputException {
        long length = fileLength(file);
        TiffDirectories.Directories dirs = TiffDirectories.read(file, length);
        FileInfo[] ifds = dirs.pages();
        int described = dirs.describedImages();
        FileInfo first = ifds[0];
        TiffPixelType type = TiffPixelType.of(file, first, 0);
        ImageLimits.check(file, first.width, first.height, 1, 0);

        List<PlaneSource> sources;
        if (described > ifds.length) {
            // Fewer directories than the ImageJ description announces: ImageJ's layout for stacks past 4 GB,
            // where only position tells where each plane is.
            sources = contiguousStack(file, first, described, type, length);
        } else {
            sources = pages(file, described > 1 ? Arrays.copyOf(ifds, described) : ifds, type, length);
        }
        ImageLimits.check(file, first.width, first.height, sources.size(), 4);

        int[] shape = shape(file, first, sources.size());
        List<Plane> planes = new ArrayList<>(sources.size());
        for (PlaneSource s : sources) {
            planes.add(readPlane(file, s, type));
        }
        return new Hyperstack(shape[0], shape[1], shape[2], planes);
    }

    /** n planes stored back to back from the first directory's offset (ImageJ's encoder never compresses). */
    private static List<PlaneSource> contiguousStack(Path file, FileInfo fi, int n, TiffPixelType type, long length)
            throws KaryoInputException {
        if (fi.compression > FileInfo.COMPRESSION_NONE) {
            throw new KaryoInputException(file, "ImageJ description announces " + n + " images but only "
                    + "compressed directories for fewer were found");
        }
        long planeBytes = type.storedBytes(fi.width, fi.height);
        long gap = fi.getGap();
        long start = fi.getOffset();
        long end = start + n * planeBytes + (n - 1) * gap;
        if (end > length) {
            throw truncated(file, n + " images of " + fi.width + "x" + fi.height + " " + type
                    + " need bytes up to " + end, length);
        }
        List<PlaneSource> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new PlaneSource(fi, start + i * (planeBytes + gap), i));
        }
        return out;
    }

    /** A plain multi-page TIFF: every directory is a plane and must match the first in size and type. */
    private static List<PlaneSource> pages(Path file, FileInfo[] ifds, TiffPixelType type, long length)
            throws KaryoInputException {
        FileInfo first = ifds[0];
        List<PlaneSource> out = new ArrayList<>(ifds.length);
        for (int p = 0; p < ifds.length; p++) {
            FileInfo fi = ifds[p];
            TiffPixelType t = TiffPixelType.of(file, fi, p);
            if (fi.width != first.width || fi.height != first.height) {
                throw new KaryoInputException(file, "planes of different sizes: page " + (p + 1) + " is "
                        + fi.width + "x" + fi.height + " but page 1 is " + first.width + "x" + first.height);
            }
            if (t != type) {
                throw new KaryoInputException(file, "pages of different pixel types: page " + (p + 1) + " is "
                        + t + " but page 1 is " + type);
            }
            checkStrips(file, fi, p, t, length);
            CompressedStrips.check(file, fi, p, t);
            out.add(new PlaneSource(fi, fi.getOffset(), p));
        }
        return out;
    }

    private static void checkStrips(Path file, FileInfo fi, int page, TiffPixelType type, long length)
            throws KaryoInputException {
        String where = page > 0 ? "page " + (page + 1) + ": " : "";
        long planeBytes = type.storedBytes(fi.width, fi.height);
        boolean compressed = fi.compression > FileInfo.COMPRESSION_NONE;
        int[] offsets = fi.stripOffsets;
        int[] lengths = fi.stripLengths;
        if (offsets == null || offsets.length == 0) {
            throw new KaryoInputException(file, where + "corrupt TIFF: no strip offsets (where the pixels are)");
        }
        if (compressed && (lengths == null || lengths.length != offsets.length)) {
            throw new KaryoInputException(file, where + "corrupt TIFF: compressed strips without byte counts");
        }
        long total = 0;
        for (int i = 0; i < offsets.length; i++) {
            long off = Integer.toUnsignedLong(offsets[i]);
            long len = lengths != null && i < lengths.length ? Integer.toUnsignedLong(lengths[i]) : 0;
            if (off + len > length) {
                throw truncated(file, where + "strip " + (i + 1) + " of " + offsets.length + " of the " + fi.width + "x"
                        + fi.height + " " + type + " image runs to byte " + (off + len), length);
            }
            if (!compressed && i > 0 && off != Integer.toUnsignedLong(offsets[i - 1])
                    + Integer.toUnsignedLong(lengths[i - 1])) {
                // ImageJ reads uncompressed pixels as one run from the first strip; scattered strips would be misread.
                throw new KaryoInputException(file, where + "uncompressed strips are not stored one after another");
            }
            total += len;
        }
        if (!compressed) {
            long end = fi.getOffset() + planeBytes;
            if (end > length) {
                throw truncated(file, where + "a " + fi.width + "x" + fi.height + " " + type
                        + " plane needs bytes up to " + end, length);
            }
            if (lengths != null && total < planeBytes) {
                throw new KaryoInputException(file, where + "corrupt TIFF: strips hold " + total + " bytes but a "
                        + fi.width + "x" + fi.height + " " + type + " plane needs " + planeBytes);
            }
        }
    }

    private static Plane readPlane(Path file, PlaneSource s, TiffPixelType type) throws KaryoInputException {
        FileInfo fi = s.info();
        Object pixels;
        // FileInputStream because its skip() seeks; ImageJ skips to the plane's offset.
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16)) {
            pixels = new ImageReader(fi).readPixels(in, s.offset());
        } catch (IOException | RuntimeException e) {
            // Decompressors throw index errors on damaged LZW/Deflate/PackBits data.
            throw new KaryoInputException(file, "corrupt pixel data on page " + (s.page() + 1) + " (" + e + ")", e);
        }
        if (pixels == null) {
            // ImageReader swallows its IOExceptions, logs them and returns null.
            throw new KaryoInputException(file, "ImageJ could not decode the pixels of page " + (s.page() + 1)
                    + " (" + compressionName(fi.compression) + ")");
        }
        int n = fi.width * fi.height;
        return new Plane(fi.width, fi.height, type.planeBitDepth(), type.toFloats(pixels, n));
    }

    /** c, z, t for the planes: an ImageJ description's hyperstack shape, else every page is a z-slice. */
    private static int[] shape(Path file, FileInfo first, int planes) throws KaryoInputException {
        ImageJDescription d = ImageJDescription.parse(first.description);
        if (d == null || (d.channels() == 1 && d.frames() == 1)) {
            return new int[] {1, planes, 1};
        }
        if (!d.fits(planes)) {
            throw new KaryoInputException(file, "ImageJ description says c=" + d.channels() + " z=" + d.slices()
                    + " t=" + d.frames() + " but the file holds " + planes + " planes");
        }
        return new int[] {d.channels(), d.slices(), d.frames()};
    }

    private static KaryoInputException truncated(Path file, String what, long length) {
        return TiffDirectories.truncated(file, what, length);
    }

    private static long fileLength(Path file) throws KaryoInputException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new KaryoInputException(file, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static String compressionName(int c) {
        return switch (c) {
            case FileInfo.LZW, FileInfo.LZW_WITH_DIFFERENCING -> "LZW";
            case FileInfo.ZIP, FileInfo.ZIP_WITH_DIFFERENCING -> "Deflate";
            case FileInfo.PACK_BITS -> "PackBits";
            case FileInfo.JPEG -> "JPEG";
            default -> "uncompressed";
        };
    }
}
