package org.karyo.simulate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlateSimulatorTest {
    private static PlateSettings tiny() {
        PlateSettings d = PlateSettings.defaults();
        return d.withLayout(1, 4, 2).withField(d.field().withSize(256, 256)).withMoi(2, 0.25);
    }

    @Test
    void visitsEveryWellSiteAndTimePointInIxmNaming() throws IOException {
        PlateSettings s = tiny().withTimePoints(2, 60, 24);
        List<String> seen = new ArrayList<>();
        new PlateSimulator(s).run(1, site -> seen.add(site.well() + "_s" + site.site() + "_t" + site.timePoint()));
        assertThat(seen).hasSize(16).contains("A01_s1_t1", "A04_s2_t2");
        assertThat(new PlateSimulator(s).siteCount()).isEqualTo(16);
        assertThat(PlateSettings.wellName(7, 12)).isEqualTo("H12");
        assertThat(PlateSettings.wellName(26, 1)).isEqualTo("AA01");
    }

    @Test
    void mockWellsStayUninfectedAndHigherMoiInfectsMoreCells() throws IOException {
        PlateSettings s = tiny().withTimePoints(1, 30, 24);
        double[] infected = new double[5];
        new PlateSimulator(s).run(2, site -> infected[site.column()] += site.field().cells().stream()
                .filter(CellTruth::infected).count() / (double) site.field().cells().size());
        assertThat(infected[1]).isZero();
        assertThat(infected[2]).isGreaterThan(infected[3]);
        assertThat(infected[3]).isGreaterThan(infected[4]);
    }

    @Test
    void plaquesStayInPlaceAndGrowBetweenTimePoints() {
        PlateSettings s = tiny().withTimePoints(2, 60, 24);
        PlateSimulator sim = new PlateSimulator(s);
        PlateSite early = sim.site(3, 0, 2, 1, 1, 60);
        PlateSite late = sim.site(3, 0, 2, 1, 2, 84);
        assertThat(late.plaques()).isNotEmpty();
        Plaque a = early.plaques().get(0);
        Plaque b = late.plaques().stream().filter(p -> p.x() == a.x() && p.y() == a.y()).findFirst().orElseThrow();
        assertThat(b.radiusPx()).isGreaterThan(a.radiusPx());
        // Cells stay where they were: the same positions at both time points (infection changes).
        assertThat(late.field().cells().get(0).x()).isEqualTo(early.field().cells().get(0).x());
    }

    @Test
    void noPlaquesBeforeTheFirstLysis() {
        PlateSimulator sim = new PlateSimulator(tiny());
        assertThat(sim.site(4, 0, 2, 1, 1, 24).plaques()).isEmpty();
    }
}
