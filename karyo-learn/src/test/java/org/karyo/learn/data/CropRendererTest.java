package org.karyo.learn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.karyo.image.Plane;

class CropRendererTest {
    private static final PercentileScaling MINMAX = new PercentileScaling(0, 100);

    private static Plane ramp(int w, int h) {
        float[] px = new float[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % w) * 10 + (i / w);
        }
        return new Plane(w, h, 16, px);
    }

    @Test
    void withoutAugmentationAtTheSameSizeReturnsTheScaledImage() {
        Plane crop = ramp(8, 8);
        float[] out = new CropRenderer(8, MINMAX).render(crop);
        assertThat(out).containsExactly(MINMAX.apply(crop.pixels()), within(1e-5f));
    }

    @Test
    void resizingKeepsCornersAndAGradientMonotone() {
        float[] out = new CropRenderer(16, MINMAX).render(ramp(8, 8));
        assertThat(out[0]).isCloseTo(0f, within(1e-5f));
        assertThat(out[out.length - 1]).isCloseTo(1f, within(1e-5f));
        for (int x = 1; x < 16; x++) {
            assertThat(out[x]).isGreaterThanOrEqualTo(out[x - 1]);
        }
    }

    @Test
    void sameSeedGivesTheSameAugmentationAndAnotherSeedDiffers() {
        CropRenderer r = new CropRenderer(12, MINMAX);
        Plane crop = ramp(10, 10);
        float[] a = r.render(crop, Augmentation.DEFAULT, new SplittableRandom(3));
        float[] b = r.render(crop, Augmentation.DEFAULT, new SplittableRandom(3));
        float[] c = r.render(crop, Augmentation.DEFAULT, new SplittableRandom(4));
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void flipOnlyAugmentationGivesAMirrorOfTheOriginal() {
        Plane crop = ramp(6, 6);
        CropRenderer r = new CropRenderer(6, MINMAX);
        float[] plain = r.render(crop);
        Augmentation flipsOnly = new Augmentation(0, 0, 0, 0, true, 0);
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 8; trial++) {
            float[] out = r.render(crop, flipsOnly, random);
            boolean flipX = Math.abs(out[0] - plain[5]) < 1e-5 || Math.abs(out[0] - plain[35]) < 1e-5;
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    float v = out[y * 6 + x];
                    boolean matchesSomeMirror = close(v, plain[y * 6 + x]) || close(v, plain[y * 6 + 5 - x])
                            || close(v, plain[(5 - y) * 6 + x]) || close(v, plain[(5 - y) * 6 + 5 - x]);
                    assertThat(matchesSomeMirror).as("pixel %d,%d flip %s", x, y, flipX).isTrue();
                }
            }
        }
    }

    private static boolean close(float a, float b) {
        return Math.abs(a - b) < 1e-5f;
    }
}
