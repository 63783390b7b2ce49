package org.karyo.bench;

import org.karyo.simulate.FieldSettings;
import org.karyo.simulate.FieldSimulator;
import org.karyo.simulate.InfectionSettings;
import org.karyo.simulate.SimulatedField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the default 20x field as hard as the real AdV tiles: same noise, texture and brightness spread,
 * and not cleaner than reality. Skips when shared/data is absent.
 */
class SimulatorRealismTest {
    private static final List<ImageStats> REAL = new ArrayList<>();
    private static final List<ImageStats> SIM = new ArrayList<>();

    @BeforeAll
    static void measure() throws Exception {
        Path adv = SharedData.folder("viresnet-adv");
        List<Path> tiles;
        try (Stream<Path> s = Files.list(adv)) {
            tiles = s.filter(p -> p.getFileName().toString().endsWith("_hoechst.tif")).sorted().toList();
        }
        for (Path p : tiles) REAL.add(SimulatorRealism.stats(SimulatorRealism.readTiff(p), null));
        FieldSettings f = FieldSettings.defaults().withSize(326, 326).withInfection(InfectionSettings.defaults().withFraction(0.2));
        for (int k = 0; k < 4; k++) {
            SimulatedField field = new FieldSimulator(f).simulate(k + 1);
            SIM.add(SimulatorRealism.stats(field.dna(), null));
        }
    }

    private static double ratio(ToDoubleFunction<ImageStats> f) {
        double real = REAL.stream().mapToDouble(f).average().orElseThrow();
        double sim = SIM.stream().mapToDouble(f).average().orElseThrow();
        return sim / real;
    }

    @Test
    void defaultFieldsAreNoCleanerThanRealOnes() {
        assertThat(ratio(s -> s.snr)).isBetween(0.6, 1.3);
        assertThat(ratio(s -> s.bgUnevenness)).isBetween(0.6, 1.6);
    }

    @Test
    void defaultFieldsHaveRealisticTextureAndBrightnessSpread() {
        assertThat(ratio(s -> s.textureCv)).isBetween(0.7, 1.4);
        assertThat(ratio(s -> s.brightnessCv)).isBetween(0.7, 1.4);
    }

    @Test
    void defaultFieldsHaveRealisticIntensityDistribution() {
        double ks = 0;
        for (ImageStats r : REAL) for (ImageStats s : SIM) ks += ImageStats.ks(r.normalized, s.normalized);
        assertThat(ks / (REAL.size() * SIM.size())).isLessThan(0.25);
    }
}
