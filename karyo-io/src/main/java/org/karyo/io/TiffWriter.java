package org.karyo.io;

import org.karyo.AtomicFiles;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.TiffEncoder;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import ij.process.ByteProcessor;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes planes and label images as TIFF files that Fiji/ImageJ opens as they are
 * (ImageJ's own encoder), always atomically.
 */
public final class TiffWriter {
    private TiffWriter() {
    }

    /** Writes a plane at its own bit depth (8 and 16 are clamped and rounded, 32 stays float). */
    public static void writePlane(Path file, Plane plane) throws IOException {
        write(file, new ImagePlus(file.getFileName().toString(), processor(plane)));
    }

    /**
     * Writes planes as one stack, ImageJ hyperstack order (channel fastest, then z, then time).
     */
    public static void writeStack(Path file, List<Plane> planes, int channels, int slices, int frames) throws IOException {
        if (planes.isEmpty() || planes.size() != channels * slices * frames) {
            throw new IllegalArgumentException("need " + channels * slices * frames + " planes, got " + planes.size());
        }
        Plane first = planes.get(0);
        ImageStack stack = new ImageStack(first.width(), first.height());
        for (Plane p : planes) {
            stack.addSlice(processor(p));
        }
        ImagePlus imp = new ImagePlus(file.getFileName().toString(), stack);
        imp.setDimensions(channels, slices, frames);
        if (channels * slices * frames > 1 && (channels > 1 || frames > 1)) {
            imp.setOpenAsHyperStack(true);
        }
        write(file, imp);
    }

    /** Writes labels as 16-bit grey (32-bit float if there are more than 65535 objects). */
    public static void writeLabels(Path file, LabelImage labels) throws IOException {
        int[] src = labels.labels();
        ImageProcessor ip;
        if (labels.count() <= 65535) {
            short[] px = new short[src.length];
            for (int i = 0; i < src.length; i++) px[i] = (short) src[i];
            ip = new ShortProcessor(labels.width(), labels.height(), px, null);
        } else {
            float[] px = new float[src.length];
            for (int i = 0; i < src.length; i++) px[i] = src[i];
            ip = new FloatProcessor(labels.width(), labels.height(), px, null);
        }
        ip.resetMinAndMax();
        write(file, new ImagePlus(file.getFileName().toString(), ip));
    }

    private static ImageProcessor processor(Plane p) {
        float[] src = p.pixels();
        switch (p.bitDepth()) {
            case 8 -> {
                byte[] px = new byte[src.length];
                for (int i = 0; i < src.length; i++) px[i] = (byte) clamp(src[i], 255);
                return new ByteProcessor(p.width(), p.height(), px, null);
            }
            case 16 -> {
                short[] px = new short[src.length];
                for (int i = 0; i < src.length; i++) px[i] = (short) clamp(src[i], 65535);
                ShortProcessor sp = new ShortProcessor(p.width(), p.height(), px, null);
                sp.resetMinAndMax();
                return sp;
            }
            default -> {
                FloatProcessor fp = new FloatProcessor(p.width(), p.height(), src.clone(), null);
                fp.resetMinAndMax();
                return fp;
            }
        }
    }

    private static int clamp(float v, int max) {
        int r = Math.round(v);
        return r < 0 ? 0 : Math.min(r, max);
    }

    private static void write(Path file, ImagePlus imp) throws IOException {
        FileInfo fi = imp.getFileInfo();
        String description = new ij.io.FileSaver(imp).getDescriptionString();
        fi.description = description;
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                new TiffEncoder(fi).write(out);
            }
        });
    }
}
