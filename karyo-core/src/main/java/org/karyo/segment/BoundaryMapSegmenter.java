package org.karyo.segment;

import org.karyo.filter.BinaryOps;
import org.karyo.image.LabelImage;

/**
 * Nuclei from per-pixel class probabilities (background, nucleus interior, nucleus boundary), as a
 * pixel classifier predicts them: each connected patch of confident interior is one nucleus's seed,
 * and the seeds grow over every pixel that is not background, highest interior probability first
 * (a seeded watershed), so touching nuclei split along the boundary class between them. Objects
 * outside the area limits are dropped. Knows nothing of the classifier that made the maps.
 */
public final class BoundaryMapSegmenter {
    private final double seedThreshold;
    private final int minSeedPixels;
    private final int minArea;
    private final int maxArea;
    private final double neck;

    public BoundaryMapSegmenter(double seedThreshold, int minSeedPixels, int minArea, int maxArea) {
        this(seedThreshold, minSeedPixels, minArea, maxArea, 0);
    }

    /**
     * @param seedThreshold interior probability a seed pixel needs (e.g. 0.5)
     * @param minSeedPixels smaller interior patches are not seeds (noise)
     * @param minArea       smaller objects are dropped (pixels)
     * @param maxArea       larger objects are dropped (pixels); 0 for no limit
     * @param neck          0, or split interior patches where they narrow to at most this fraction of the width on
     *                      either side ({@link NeckSplitter}): two touching nuclei whose interiors the classifier
     *                      joined by a neck become two seeds again
     */
    public BoundaryMapSegmenter(double seedThreshold, int minSeedPixels, int minArea, int maxArea, double neck) {
        this.seedThreshold = seedThreshold;
        this.minSeedPixels = minSeedPixels;
        this.minArea = minArea;
        this.maxArea = maxArea;
        this.neck = neck;
    }

    /**
     * Nuclei from a classifier's maps indexed by {@link BoundaryClasses}: seeds from the cores when there is a core map
     * (the interior and core together are what they grow over), else from the interiors.
     */
    public LabelImage segment(float[][] maps, int w, int h) {
        if (maps.length <= BoundaryClasses.CORE) return segment(maps[BoundaryClasses.BACKGROUND], maps[BoundaryClasses.INTERIOR], w, h);
        float[] inside = new float[w * h];
        for (int i = 0; i < inside.length; i++) inside[i] = maps[BoundaryClasses.INTERIOR][i] + maps[BoundaryClasses.CORE][i];
        return segment(maps[BoundaryClasses.BACKGROUND], maps[BoundaryClasses.CORE], inside, w, h);
    }

    /**
     * @param background probability per pixel of background, row-major w x h
     * @param interior   probability per pixel of nucleus interior
     */
    public LabelImage segment(float[] background, float[] interior, int w, int h) {
        return segment(background, interior, interior, w, h);
    }

    /**
     * The same with seeds from their own map: the nucleus-core probability of a classifier that also marks cores
     * ({@link BoundaryClasses#withCores}), whose patches stay apart between touching nuclei.
     *
     * @param seed   probability per pixel of being a seed (interior, or core)
     * @param relief what the seeds grow over, highest first (the interior probability, cores included)
     */
    public LabelImage segment(float[] background, float[] seed, float[] relief, int w, int h) {
        int n = w * h;
        if (background.length != n || seed.length != n || relief.length != n) {
            throw new IllegalArgumentException("maps of " + background.length + ", " + seed.length + " and " + relief.length
                    + " pixels for a " + w + " x " + h + " image");
        }
        boolean[] core = new boolean[n];
        boolean[] foreground = new boolean[n];
        for (int i = 0; i < n; i++) {
            core[i] = seed[i] >= seedThreshold;
            foreground[i] = background[i] < 0.5f || core[i];
        }
        int[] seeds = BinaryOps.components(core, w, h);
        int count = 0;
        for (int v : seeds) count = Math.max(count, v);
        int[] size = new int[count + 1];
        for (int v : seeds) size[v]++;
        for (int i = 0; i < n; i++) {
            if (seeds[i] != 0 && size[seeds[i]] < minSeedPixels) seeds[i] = 0;
        }
        if (neck > 0) {
            boolean[] kept = new boolean[n];
            for (int i = 0; i < n; i++) kept[i] = seeds[i] != 0;
            seeds = NeckSplitter.split(kept, w, h, neck);
            count = 0;
            for (int v : seeds) count = Math.max(count, v);
        }
        float[] levels = new float[n];
        // The flood's bucket queue quantises relief to 1/8: scale probabilities to 0..64 levels.
        for (int i = 0; i < n; i++) levels[i] = 64f * relief[i];
        int[] ids = SeededWatershed.flood(levels, foreground, seeds, w, h);
        int[] area = new int[count + 1];
        for (int v : ids) area[v]++;
        int[] relabel = new int[count + 1];
        int next = 0;
        for (int l = 1; l <= count; l++) {
            if (area[l] >= Math.max(1, minArea) && (maxArea <= 0 || area[l] <= maxArea)) relabel[l] = ++next;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = relabel[ids[i]];
        return new LabelImage(w, h, out, next);
    }
}
