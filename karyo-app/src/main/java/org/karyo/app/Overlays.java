package org.karyo.app;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.PngWriter;
import org.karyo.label.ReporterCall;
import org.karyo.render.OutlineOverlay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The overlay PNGs commands write beside their tables. */
final class Overlays {
    static final int YELLOW = 0xFFD700;
    static final int INFECTED = 0x22DD44;
    static final int UNINFECTED = 0x3388FF;

    private Overlays() {
    }

    static void outlines(Path png, Plane dna, LabelImage labels) throws IOException {
        PngWriter.write(png, OutlineOverlay.render(dna, labels, OutlineOverlay.uniform(labels.count(), YELLOW)));
    }

    /** Green outlines for infected nuclei, blue for uninfected, none for nuclei without a call. */
    static void infection(Path png, Plane dna, LabelImage labels, Map<Integer, ReporterCall> calls) throws IOException {
        int[] colours = new int[labels.count() + 1];
        java.util.Arrays.fill(colours, -1);
        for (ReporterCall c : calls.values()) colours[c.nucleusId()] = c.infected() ? INFECTED : UNINFECTED;
        PngWriter.write(png, OutlineOverlay.render(dna, labels, colours));
    }
}
