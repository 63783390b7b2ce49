package org.karyo.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A folder of ../shared/data for the realism tests; the test is skipped, not failed, where the data is absent. */
final class SharedData {
    private SharedData() {
    }

    static Path folder(String name) {
        String shared = System.getProperty("karyo.shared");
        assumeTrue(shared != null, "karyo.shared not set");
        Path dir = Path.of(shared, "data", name);
        assumeTrue(Files.isDirectory(dir), "no " + dir);
        return dir;
    }
}
