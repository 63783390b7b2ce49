package org.karyo.io.timelapse;

import org.karyo.KaryoInputException;
import org.karyo.image.Hyperstack;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;

import java.nio.file.Path;

/**
 * One TIFF holding the whole movie: an ImageJ hyperstack with a time axis (channels chosen by number; z
 * max-projected), or a plain multi-page TIFF, whose pages are taken as frames of one channel.
 */
final class TiffTimelapse implements Timelapse {
    private final Path file;
    private final Hyperstack stack;
    private final boolean pagesAreFrames;
    private final ChannelChoice channels;

    private TiffTimelapse(Path file, Hyperstack stack, boolean pagesAreFrames, ChannelChoice channels) {
        this.file = file;
        this.stack = stack;
        this.pagesAreFrames = pagesAreFrames;
        this.channels = channels;
    }

    static TiffTimelapse open(Path file, ChannelChoice channels) throws KaryoInputException {
        Hyperstack s = ImageFileReader.read(file);
        boolean pages = s.frames() == 1 && s.channels() == 1 && s.slices() > 1;
        int available = pages ? 1 : s.channels();
        for (int c : new int[]{channels.dna(), channels.reporter(), channels.pi()}) {
            if (c > available) {
                throw new KaryoInputException(file, "has " + available + " channel" + (available == 1 ? "" : "s")
                        + ", no channel " + c + (pages ? " (a plain multi-page TIFF is read as frames of one channel)" : ""));
            }
        }
        return new TiffTimelapse(file, s, pages, channels);
    }

    @Override
    public int frames() {
        return pagesAreFrames ? stack.slices() : stack.frames();
    }

    @Override
    public TimelapseFrame read(int t) {
        if (pagesAreFrames) return new TimelapseFrame(t, stack.plane(0, t, 0), null, null);
        return new TimelapseFrame(t, channel(channels.dna(), t), channel(channels.reporter(), t), channel(channels.pi(), t));
    }

    private Plane channel(int c, int t) {
        return c == 0 ? null : stack.maxProjection(c - 1, t);
    }

    @Override
    public String describe() {
        return "TIFF " + file + ": " + frames() + " frames" + (pagesAreFrames ? " (pages)" : ", " + stack);
    }
}
