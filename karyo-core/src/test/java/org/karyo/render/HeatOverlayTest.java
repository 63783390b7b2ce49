package org.karyo.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeatOverlayTest {
    @Test
    void showsTheCropBesideTheCropWithItsHeatEnlarged() {
        float[] grey = {0, 1, 0.5f, 0.5f};
        float[] heat = {0, 0, 0, 1};
        RgbImage img = HeatOverlay.sideBySide(grey, heat, 2, 2, 3);
        assertThat(img.width()).isEqualTo(2 * 6 + 3);
        assertThat(img.height()).isEqualTo(6);
        int w = img.width();
        assertThat(img.rgb()[0]).isEqualTo(0x000000);
        assertThat(img.rgb()[3]).as("enlarged pixel (1, 0)").isEqualTo(0xFFFFFF);
        int hot = img.rgb()[5 * w + 9 + 5];
        assertThat(hot >> 16 & 0xFF).as("red where the heat is 1").isGreaterThan(hot & 0xFF).isGreaterThan(150);
        int cold = img.rgb()[9 + 3];
        assertThat(cold & 0xFF).as("blue tint where the heat is 0, over the grey").isGreaterThan(cold >> 16 & 0xFF);
    }

    @Test
    void colourScaleRunsFromBlueToRed() {
        assertThat(HeatOverlay.colour(0) & 0xFF).isGreaterThan(100);
        assertThat(HeatOverlay.colour(0) >> 16).isZero();
        assertThat(HeatOverlay.colour(1)).isEqualTo(0xFF0000);
        assertThat(HeatOverlay.colour(2)).isEqualTo(HeatOverlay.colour(1));
    }
}
