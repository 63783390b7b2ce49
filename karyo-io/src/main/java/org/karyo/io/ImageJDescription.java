package org.karyo.io;

import java.util.HashMap;
import java.util.Map;

/**
 * The hyperstack shape ImageJ writes into the first page's ImageDescription
 * ({@code ImageJ=1.54p\nimages=12\nchannels=2\nslices=3\nframes=2\n...}).
 * Missing keys default to 1, so a plain ImageJ stack ({@code images=n} only) is n z-slices.
 */
record ImageJDescription(int images, int channels, int slices, int frames) {

    ImageJDescription {
        if (images < 1 || channels < 1 || slices < 1 || frames < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1: images=" + images
                    + " c=" + channels + " z=" + slices + " t=" + frames);
        }
    }

    /** Parses an ImageJ description; null when the text is absent or not ImageJ's. */
    static ImageJDescription parse(String description) {
        if (description == null || !description.startsWith("ImageJ")) {
            return null;
        }
        Map<String, String> keys = new HashMap<>();
        for (String line : description.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                keys.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        int channels = positive(keys.get("channels"));
        int slices = positive(keys.get("slices"));
        int frames = positive(keys.get("frames"));
        int images = keys.containsKey("images") ? positive(keys.get("images")) : channels * slices * frames;
        return new ImageJDescription(images, channels, slices, frames);
    }

    /** True when the c, z, t counts account for exactly the given number of planes. */
    boolean fits(int planes) {
        return (long) channels * slices * frames == planes;
    }

    /** A description's numbers are user-editable text: anything not a positive int counts as absent (1). */
    private static int positive(String s) {
        if (s == null) return 1;
        try {
            int v = Integer.parseInt(s);
            return v >= 1 ? v : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
