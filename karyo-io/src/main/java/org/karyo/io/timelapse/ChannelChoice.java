package org.karyo.io.timelapse;

/**
 * Which channel (1-based, as in IXM w1/w2/w3 names and ImageJ hyperstacks) holds what; 0 = not given.
 */
public record ChannelChoice(int dna, int reporter, int pi) {
    public static final ChannelChoice DNA_ONLY = new ChannelChoice(1, 0, 0);

    public ChannelChoice {
        if (dna < 1) throw new IllegalArgumentException("the DNA channel must be 1 or more, not " + dna);
        if (reporter < 0 || pi < 0) throw new IllegalArgumentException("channel numbers must be >= 0 (0 = none)");
    }
}
