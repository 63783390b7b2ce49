package org.karyo.segment;

import org.karyo.filter.BinaryOps;
import org.karyo.filter.DistanceTransform;
import org.karyo.filter.GaussianBlur;
import org.karyo.filter.Morphology;
import org.karyo.filter.Thresholds;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;

/**
 * Classical nucleus segmentation, the reference study's recipe made scale-aware: background top-hat,
 * smoothing, global threshold, hole filling, distance-transform seeded watershed to split touching
 * nuclei, area limits and optional removal of nuclei cut by the border.
 */
public final class NucleusSegmenter {
    private final SegmentationSettings settings;

    public NucleusSegmenter(SegmentationSettings settings) {
        this.settings = settings;
    }

    public Segmentation segment(Plane image) {
        int w = image.width();
        int h = image.height();
        double d = settings.diameter() > 0 ? settings.diameter() : DiameterEstimator.estimate(image);
        if (image.isConstant()) {
            return new Segmentation(new LabelImage(w, h, new int[w * h], 0), d, image.get(0, 0));
        }
        Plane corrected = settings.topHat() ? Morphology.whiteTopHat(image, Math.max(2, (int) Math.round(d))) : image;
        Plane smooth = GaussianBlur.blur(corrected, Math.max(0.5, settings.smoothing() * d));
        float[] s = smooth.pixels();
        double t = switch (settings.method()) {
            case FIXED -> settings.fixedThreshold();
            case TRIANGLE -> Thresholds.triangle(s) * settings.thresholdFactor();
            case OTSU -> Thresholds.otsu(s) * settings.thresholdFactor();
        };
        boolean[] mask = new boolean[s.length];
        for (int i = 0; i < s.length; i++) mask[i] = s[i] > t;
        mask = BinaryOps.fillHoles(mask, w, h);
        int[] ids;
        if (settings.splitTouching()) {
            float[] depth = DistanceTransform.euclidean(mask, w, h);
            // Light smoothing keeps one maximum per nucleus where pixel-level jaggedness would make several.
            float[] relief = GaussianBlur.blur(Plane.of(w, h, depth), Math.max(0.5, d / 20)).pixels();
            int radius = Math.max(1, (int) Math.round(settings.seedSeparation() * d));
            int[] seeds = SeedFinder.seeds(relief, mask, w, h, radius);
            ids = SeededWatershed.flood(relief, mask, seeds, w, h);
        } else {
            ids = BinaryOps.components(mask, w, h);
        }
        return new Segmentation(filter(ids, w, h, d), d, t);
    }

    private LabelImage filter(int[] ids, int w, int h, double d) {
        int n = 0;
        for (int v : ids) n = Math.max(n, v);
        int[] area = new int[n + 1];
        boolean[] border = new boolean[n + 1];
        for (int i = 0; i < ids.length; i++) {
            area[ids[i]]++;
            int x = i % w;
            int y = i / w;
            if (x == 0 || y == 0 || x == w - 1 || y == h - 1) border[ids[i]] = true;
        }
        double disc = Math.PI * d * d / 4;
        double min = Math.max(1, settings.minArea() * disc);
        double max = settings.maxArea() > 0 ? settings.maxArea() * disc : Double.POSITIVE_INFINITY;
        boolean[] drop = new boolean[n + 1];
        for (int l = 1; l <= n; l++) {
            drop[l] = area[l] < min || area[l] > max || (settings.excludeBorder() && border[l]);
        }
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = drop[ids[i]] ? 0 : ids[i];
        return LabelImage.relabel(w, h, out);
    }
}
