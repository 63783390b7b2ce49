package org.karyo.app;

import org.karyo.AtomicFiles;
import org.karyo.simulate.CellTruth;

import java.io.IOException;
import java.nio.file.Path;

/** Shared pieces of simulation output: the per-cell table layout and a record of how the data was made. */
final class SimulationManifest {
    static final String[] CELL_COLUMNS = {"label", "x", "y", "area_px", "state", "infected", "virus", "strength",
            "reporter", "plaque"};

    private SimulationManifest() {
    }

    static Object[] cellRow(CellTruth c) {
        return new Object[] {c.label(), c.x(), c.y(), c.areaPx(), c.state().csv(), c.infected() ? 1 : 0,
                c.infected() ? c.virus().csv() : "", c.strength(), c.reporter(), c.plaque()};
    }

    /** simulation.txt: kind, seed and every setting, enough to reproduce the data. */
    static void write(Path out, String kind, long seed, Object settings) throws IOException {
        String text = "karyo simulate " + kind + "\nseed=" + seed + "\nsettings=" + settings + "\n";
        AtomicFiles.writeString(out.resolve("simulation.txt"), text);
    }
}
