package org.karyo.io;

import ij.io.FileInfo;
import ij.io.ImageReader;
import org.karyo.KaryoInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks that every compressed strip of a page decodes to the bytes its rows need, before ImageJ decodes it.
 *
 * <p>ImageJ's decompressors never fail: a damaged Deflate strip is logged (to standard output when headless)
 * and the rows it should fill stay zero; short LZW or PackBits strips decode to too few bytes without a word.
 * (ImageJ's public lzwUncompress cannot be reused: it stops at a byte count only its own readPixels sets.) Decoding each strip once more here costs a little time on compressed files only, and turns
 * a silently wrong image into an error.
 */
final class CompressedStrips {
    private CompressedStrips() {
    }

    static void check(Path file, FileInfo fi, int page, TiffPixelType type) throws KaryoInputException {
        int compression = fi.compression;
        if (compression <= FileInfo.COMPRESSION_NONE) {
            return;
        }
        String where = page > 0 ? "page " + (page + 1) + ", " : "";
        long rowBytes = type.storedBytes(fi.width, 1);
        int rowsPerStrip = fi.rowsPerStrip > 0 ? fi.rowsPerStrip : fi.height;
        ImageReader ij = new ImageReader(fi);
        try (FileChannel ch = FileChannel.open(file)) {
            for (int i = 0; i < fi.stripOffsets.length; i++) {
                int rows = Math.min(rowsPerStrip, fi.height - i * rowsPerStrip);
                if (rows <= 0) {
                    break; // extra strips beyond the image are ignored by ImageJ too
                }
                long need = rows * rowBytes;
                byte[] raw = read(ch, Integer.toUnsignedLong(fi.stripOffsets[i]),
                        Integer.toUnsignedLong(fi.stripLengths[i]));
                long got = switch (compression) {
                    case FileInfo.ZIP, FileInfo.ZIP_WITH_DIFFERENCING -> inflatedLength(raw, need);
                    case FileInfo.PACK_BITS -> ij.packBitsUncompress(raw, (int) need).length;
                    case FileInfo.LZW, FileInfo.LZW_WITH_DIFFERENCING -> lzwDecodedLength(raw, need);
                    default -> need; // JPEG and others: nothing we can check cheaply; ImageJ decides
                };
                if (got < need) {
                    throw new KaryoInputException(file, "corrupt compressed pixel data (" + where + "strip " + (i + 1)
                            + " of " + fi.stripOffsets.length + " decodes to " + got + " bytes, its rows need " + need + ")");
                }
            }
        } catch (DataFormatException e) {
            throw new KaryoInputException(file, "corrupt compressed pixel data (" + where + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new KaryoInputException(file, "corrupt compressed pixel data (" + where + e + ")", e);
        }
    }

    private static byte[] read(FileChannel ch, long offset, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("strip of " + length + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new IOException("end of file inside a strip");
            }
        }
        return b.array();
    }

    /** More output than this beyond what the rows need is not a strip of this image (and could be a zip bomb). */
    private static final long MAX_EXCESS = 64L << 20;

    /**
     * Inflates to the end without keeping the output; throws on damaged data. The stream must finish:
     * ImageJ 1.54p's zipUncompress loops forever on a Deflate stream that runs out of input unfinished.
     */
    private static long inflatedLength(byte[] raw, long need) throws DataFormatException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(raw);
            byte[] buf = new byte[1 << 16];
            long total = 0;
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("Deflate stream ends before its end marker, after " + total + " bytes");
                }
                total += n;
                if (total > need + MAX_EXCESS) {
                    throw new DataFormatException("Deflate strip decodes to more than " + total + " bytes");
                }
            }
            return total;
        } finally {
            inf.end();
        }
    }

    /**
     * How many bytes TIFF LZW data decodes to, counting entry lengths only (no string table contents).
     * TIFF's variant: codes 9 to 12 bits, most significant bit first, 256 = clear, 257 = end, and the code
     * width grows one code early (at 511, 1023, 2047).
     */
    static long lzwDecodedLength(byte[] raw, long need) throws DataFormatException {
        int[] length = new int[4096];
        long bitPos = 0;
        long bitEnd = raw.length * 8L;
        int bits = 9;
        int next = 258;
        int prev = -1; // length of the previous entry; -1 right after a clear
        long total = 0;
        while (total < need && bitPos + bits <= bitEnd) {
            int code = 0;
            for (int i = 0; i < bits; i++, bitPos++) {
                code = (code << 1) | ((raw[(int) (bitPos >>> 3)] >>> (7 - (int) (bitPos & 7))) & 1);
            }
            if (code == 257) {
                break;
            }
            if (code == 256) {
                bits = 9;
                next = 258;
                prev = -1;
                continue;
            }
            int len;
            if (code < 256) {
                len = 1;
            } else if (code < next) {
                len = length[code];
            } else if (code == next && prev > 0) {
                len = prev + 1;
            } else {
                throw new DataFormatException("invalid LZW code " + code + " (table has " + next + " entries)");
            }
            if (prev > 0 && next < 4096) {
                length[next++] = prev + 1;
                if (next >= (1 << bits) - 1 && bits < 12) {
                    bits++;
                }
            }
            total += len;
            prev = len;
        }
        return total;
    }
}
