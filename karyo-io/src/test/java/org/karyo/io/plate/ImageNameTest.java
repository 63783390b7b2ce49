package org.karyo.io.plate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageNameTest {

    @Test
    void parsesPlateWellSiteChannel() {
        ImageName n = ImageName.parse("plate1_B03_s2_w1.tif").orElseThrow();
        assertThat(n.plate()).isEqualTo("plate1");
        assertThat(n.well()).isEqualTo(new Well('B', 3));
        assertThat(n.site()).isEqualTo(2);
        assertThat(n.siteInName()).isTrue();
        assertThat(n.channel()).isEqualTo(1);
        assertThat(n.hash()).isEmpty();
    }

    @Test
    void siteIsOptionalAndThenOne() {
        ImageName n = ImageName.parse("plate1_P24_w3.TIF").orElseThrow();
        assertThat(n.well()).isEqualTo(new Well('P', 24));
        assertThat(n.site()).isEqualTo(1);
        assertThat(n.siteInName()).isFalse();
        assertThat(n.channel()).isEqualTo(3);
    }

    @Test
    void separatesGuidHashFromChannelNumber() {
        String guid = "A1B2C3D4-0E1F-4A5B-8C9D-0123456789AB";
        ImageName n = ImageName.parse("plate1_B03_s2_w1" + guid + ".tif").orElseThrow();
        assertThat(n.channel()).isEqualTo(1);
        assertThat(n.hash()).isEqualTo(guid);
    }

    @Test
    void guidStartingWithDigitsIsStillSplitCorrectly() {
        String guid = "0123ABCD-0E1F-4A5B-8C9D-0123456789AB";
        ImageName n = ImageName.parse("p_A01_s1_w2" + guid + ".tif").orElseThrow();
        assertThat(n.channel()).isEqualTo(2);
        assertThat(n.hash()).isEqualTo(guid);
    }

    @Test
    void multiDigitChannelWithShortHash() {
        ImageName n = ImageName.parse("p_A01_s1_w12F00D.tif").orElseThrow();
        assertThat(n.channel()).isEqualTo(12);
        assertThat(n.hash()).isEqualTo("F00D");
    }

    @Test
    void plateNameMayContainUnderscoresAndWellLikeParts() {
        ImageName n = ImageName.parse("exp_A01_run_2_C07_s4_w2.tiff").orElseThrow();
        assertThat(n.plate()).isEqualTo("exp_A01_run_2");
        assertThat(n.well()).isEqualTo(new Well('C', 7));
        assertThat(n.site()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plate1_B03_s2_w1_thumb.tif", "plate1_B03_s2_w1_thumbA1B2.tif", "plate1_B03_s2_thumb.tif",
            "plate1_B3_s2_w1.tif", "plate1_Q03_s2_w1.tif", "plate1_A25_w1.tif", "plate1_A00_w1.tif",
            "plate1_B03_s2_w1.png", "plate1_B03_s2.tif", "B03_s2_w1.tif", "plate1_B03_s2_w1abc.tif",
            "plate1_B03_s2_w0.tif", "plate1_B03_s0_w1.tif", "plate1.HTD", "plate1_b03_s2_w1.tif"
    })
    void rejectsNonImageNames(String name) {
        assertThat(ImageName.parse(name)).isEmpty();
    }

    @Test
    void canonicalFileNameDropsTheHash() {
        assertThat(ImageName.parse("p_A01_s1_w2ABCDEF.tif").orElseThrow().canonicalFileName()).isEqualTo("p_A01_s1_w2.tif");
        assertThat(ImageName.parse("p_A01_w2.tif").orElseThrow().canonicalFileName()).isEqualTo("p_A01_w2.tif");
    }

    @Test
    void wellValidatesAndPrintsWithTwoDigits() {
        assertThat(new Well('A', 1)).hasToString("A01");
        assertThat(Well.parse("H12")).contains(new Well('H', 12));
        assertThatThrownBy(() -> new Well('Q', 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Well('A', 25)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Well('A', 12)).isLessThan(new Well('B', 1));
    }
}
