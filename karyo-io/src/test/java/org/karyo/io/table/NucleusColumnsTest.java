package org.karyo.io.table;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NucleusColumnsTest {
    @Test
    void channelColumnsTakeTheirPrefixes() {
        List<String> h = NucleusColumns.header(List.of("dna", "reporter_nucleus"), List.of("infected"));
        assertThat(h).startsWith("image", "nucleus_id", "x", "y", "area")
                .contains("dna_mean", "reporter_nucleus_rim_centre_ratio").endsWith("infected");
    }

    @Test
    void aRepeatedColumnIsRefused() {
        assertThatThrownBy(() -> NucleusColumns.header(List.of("reporter"), List.of("reporter_mean")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reporter_mean");
    }
}
