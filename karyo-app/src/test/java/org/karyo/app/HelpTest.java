package org.karyo.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every command's --help prints cleanly (bug: an unescaped '%' in evaluate's text made picocli warn and print it raw). */
class HelpTest {

    @Test
    void everyCommandExplainsItselfWithoutFormatWarnings() {
        for (String name : Karyo.commandLine().getSubcommands().keySet()) {
            if (name.equals("help")) continue;
            CliRun r = CliRun.of(name, "--help");
            assertThat(r.exit()).as(name).isZero();
            assertThat(r.out()).as(name).contains("Usage: karyo " + name);
            assertThat(r.out() + r.err()).as(name).doesNotContain("picocli WARN").doesNotContain("%n");
        }
    }
}
