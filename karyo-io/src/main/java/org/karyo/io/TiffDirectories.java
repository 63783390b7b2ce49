package org.karyo.io;

import ij.io.FileInfo;
import ij.io.RandomAccessStream;
import ij.io.TiffDecoder;
import org.karyo.KaryoInputException;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a TIFF file's image directories with ImageJ's decoder, after walking the directory chain ourselves.
 *
 * <p>Two things ImageJ does are changed here:
 * <ul>
 * <li>ImageJ follows the chain of directories blindly: a chain that loops back (a classic damaged or hostile
 * TIFF) makes {@code getTiffInfo} run forever, and a chain pointing outside the file yields nonsense
 * directories. The chain is walked and bounded first.</li>
 * <li>When the first directory's ImageJ description says {@code images=n}, ImageJ stops reading directories and
 * assumes the n planes are stored back to back. Other writers (the JDK's, for one) put a directory between
 * planes, so that assumption silently yields wrong pixels. Every directory is read instead, and the
 * description's count is reported separately for files that really have fewer directories than images
 * (ImageJ writes none past 4 GB).</li>
 * </ul>
 * The stream is ours so it is closed on every path.
 */
final class TiffDirectories extends TiffDecoder {
    /** More directories than this is a damaged file, not a stack. */
    private static final int MAX_DIRECTORIES = 1_000_000;

    /** The directories, and the number of images the ImageJ description announces (1 without one). */
    record Directories(FileInfo[] pages, int describedImages) {
    }

    private int describedImages = 1;

    private TiffDirectories(Path file, RandomAccessStream stream) {
        super(parentOf(file), file.getFileName().toString());
        this.in = stream;
    }

    static Directories read(Path file, long length) throws KaryoInputException {
        checkChain(file, length);
        FileInfo[] info;
        TiffDirectories decoder;
        try (RandomAccessStream stream = new RandomAccessStream(new RandomAccessFile(file.toFile(), "r"))) {
            decoder = new TiffDirectories(file, stream);
            info = decoder.getTiffInfo();
        } catch (IOException | RuntimeException e) {
            // ImageJ signals unsupported layouts (tiles, odd compressions, sample counts) with IOException messages
            // written for users, so we pass them on; runtime errors here mean a directory that makes no sense.
            String why = describe(e);
            throw new KaryoInputException(file, (why.startsWith("Unsupported BitsPerSample")
                    || why.startsWith("Unsupported SamplesPerPixel") ? "unsupported pixel type" : "not a readable TIFF")
                    + " (" + why + ")", e);
        }
        if (info == null || info.length == 0) {
            throw new KaryoInputException(file, "not a readable TIFF (no image directory)");
        }
        return new Directories(info, decoder.describedImages);
    }

    /** Keeps ImageJ walking every directory (see the class comment) while remembering the announced count. */
    @Override
    public void saveImageDescription(byte[] description, FileInfo fi) {
        super.saveImageDescription(description, fi);
        if (fi.nImages > 1) {
            describedImages = fi.nImages;
            fi.nImages = 1;
        }
    }

    /** Header, then every directory: inside the file, entries inside the file, no loops, a sane count. */
    private static void checkChain(Path file, long length) throws KaryoInputException {
        if (length < 8) {
            throw truncated(file, "the 8-byte TIFF header", length);
        }
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer head = readAt(ch, 0, 8, ByteOrder.BIG_ENDIAN);
            ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            head.order(order);
            int magic = Short.toUnsignedInt(head.getShort(2));
            if (magic == 43) {
                return; // BigTIFF: 64-bit offsets and another directory layout; ImageJ judges it
            }
            if (magic != 42) {
                throw new KaryoInputException(file, "corrupt TIFF header (version " + magic + ", expected 42)");
            }
            Set<Long> seen = new HashSet<>();
            long ifd = Integer.toUnsignedLong(head.getInt(4));
            int index = 1;
            while (ifd != 0) {
                if (ifd < 8 || ifd + 2 > length) {
                    throw truncated(file, "image directory " + index + " is at byte " + ifd, length);
                }
                if (!seen.add(ifd)) {
                    throw new KaryoInputException(file, "corrupt TIFF: image directory " + index
                            + " points back to an earlier one (byte " + ifd + ")");
                }
                if (index > MAX_DIRECTORIES) {
                    throw new KaryoInputException(file, "corrupt TIFF: more than " + MAX_DIRECTORIES + " image directories");
                }
                long entries = Short.toUnsignedInt(readAt(ch, ifd, 2, order).getShort(0));
                long end = ifd + 2 + 12 * entries + 4;
                if (end > length) {
                    throw truncated(file, "image directory " + index + " (" + entries + " entries) runs to byte " + end,
                            length);
                }
                ifd = Integer.toUnsignedLong(readAt(ch, end - 4, 4, order).getInt(0));
                index++;
            }
        } catch (IOException e) {
            throw new KaryoInputException(file, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static ByteBuffer readAt(FileChannel ch, long offset, int n, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(order);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (offset + b.position()));
            }
        }
        return b;
    }

    static KaryoInputException truncated(Path file, String what, long length) {
        return new KaryoInputException(file, "truncated TIFF: " + what + " but the file has only " + length + " bytes");
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? "" : parent + File.separator;
    }
}
