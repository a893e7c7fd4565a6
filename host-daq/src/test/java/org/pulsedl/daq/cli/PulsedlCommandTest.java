package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PulsedlCommandTest {
    @Test
    void versionNamesTheProject() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().matches("(?s)pulsedl \\d+\\.\\d+\\.\\d+.*"), r::toString);
    }

    @Test
    void topLevelHelpListsEverySubcommand() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exitCode(), r::toString);
        for (String sub : new String[] {"simulate", "convert", "bench", "demo"}) {
            assertTrue(r.out().contains(sub), "help lacks " + sub + "\n" + r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "convert", "bench", "demo"})
    void everySubcommandHasHelp(String sub) {
        CliRun r = CliRun.of(sub, "--help");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("Usage: pulsedl " + sub), r::toString);
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CliRun r = CliRun.of("frobnicate");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("frobnicate"), r::toString);
    }
}
