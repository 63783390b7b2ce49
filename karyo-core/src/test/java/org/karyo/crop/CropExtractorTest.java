package org.karyo.crop;

import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.measure.NucleusMeasurement;
import org.karyo.measure.NucleusMeasurer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CropExtractorTest {
    /** Two 10x10 nuclei: label 1 (value 100) at x 10..19, label 2 (value 200) touching it at x 20..29. */
    private static final int W = 60;

    private static Object[] scene() {
        int[] lab = new int[W * W];
        float[] px = new float[W * W];
        java.util.Arrays.fill(px, 5);
        for (int y = 20; y < 30; y++) {
            for (int x = 10; x < 30; x++) {
                lab[y * W + x] = x < 20 ? 1 : 2;
                px[y * W + x] = x < 20 ? 100 : 200;
            }
        }
        LabelImage labels = new LabelImage(W, W, lab, 2);
        Plane image = new Plane(W, W, 16, px);
        List<NucleusMeasurement> m = new NucleusMeasurer().measure(labels, Map.of());
        return new Object[] {labels, image, m};
    }

    @Test
    void boxCropCentresTheNucleusAndFillsTheCrop() {
        Object[] s = scene();
        LabelImage labels = (LabelImage) s[0];
        Plane image = (Plane) s[1];
        @SuppressWarnings("unchecked") List<NucleusMeasurement> m = (List<NucleusMeasurement>) s[2];
        CropExtractor ex = new CropExtractor(new CropSettings(20, CropMode.BOX, 0.5, false));
        Plane crop = ex.crop(image, labels, 1, m.get(0).shape(), 5);
        assertThat(crop.width()).isEqualTo(20);
        assertThat(crop.bitDepth()).isEqualTo(16);
        // Window of 20 px (10 + 2 * 0.5 * 10) at scale 1: the nucleus fills the middle 10x10.
        assertThat(crop.get(10, 10)).isEqualTo(100f);
        assertThat(crop.get(2, 2)).isEqualTo(5f);
        assertThat(crop.get(17, 10)).isEqualTo(200f); // the neighbour is visible by default
    }

    @Test
    void blanksNeighbouringNucleiWhenAsked() {
        Object[] s = scene();
        @SuppressWarnings("unchecked") List<NucleusMeasurement> m = (List<NucleusMeasurement>) s[2];
        CropExtractor ex = new CropExtractor(new CropSettings(20, CropMode.BOX, 0.5, true));
        Plane crop = ex.crop((Plane) s[1], (LabelImage) s[0], 1, m.get(0).shape(), 5);
        assertThat(crop.get(10, 10)).isEqualTo(100f);
        assertThat(crop.get(17, 10)).isEqualTo(5f);
    }

    @Test
    void windowCropKeepsNativeScaleAndPadsOutsideTheImage() {
        Object[] s = scene();
        @SuppressWarnings("unchecked") List<NucleusMeasurement> m = (List<NucleusMeasurement>) s[2];
        CropExtractor ex = new CropExtractor(new CropSettings(64, CropMode.WINDOW, 0, false));
        Plane crop = ex.crop((Plane) s[1], (LabelImage) s[0], 1, m.get(0).shape(), -1);
        // Centroid (14.5, 24.5); the window starts 32 px left of it, beyond the image edge.
        assertThat(crop.get(0, 32)).isEqualTo(-1f);
        assertThat(crop.get(32, 32)).isEqualTo(100f);
    }

    @Test
    void backgroundLevelIsTheMedianOfUnlabelledPixels() {
        Object[] s = scene();
        assertThat(CropExtractor.backgroundLevel((Plane) s[1], (LabelImage) s[0])).isEqualTo(5f);
    }
}
