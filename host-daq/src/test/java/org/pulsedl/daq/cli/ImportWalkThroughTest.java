package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.io.Npy;
import org.pulsedl.quantizer.oracle.Oracle;

/**
 * docs/import.md's walk-through, every command as written there, on a model this test trains with ordinary
 * Keras (scripts/oracle/walkthrough_model.py): train → save → import → inspect → quantize → predict → generate.
 */
class ImportWalkThroughTest {
    @TempDir Path dir;

    private String p(String name) { return dir.resolve(name).toString(); }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    @Test
    void theWalkThroughRunsOnAModelTheProjectHasNeverSeen() throws IOException {
        ok("simulate", "--out", p("pulses.h5"), "--events", "2000");
        Oracle.run("walkthrough_model.py", "--data", p("pulses.h5"), "--out", p("model.keras"), "--windows", p("windows.npy"));
        ok("import", p("model.keras"), "--out", p("model.json"));
        assertTrue(ok("inspect", p("model.json")).out().contains("conv1"));
        ok("quantize", "--model", p("model.json"), "--calib", p("pulses.h5"), "--out", p("model.qmodel"));
        assertTrue(ok("inspect", p("model.qmodel")).out().contains("conv2"));
        ok("predict", "--model", p("model.qmodel"), "--in", p("windows.npy"), "--out", p("outputs.npy"), "--dequantize");
        Npy out = Npy.read(dir.resolve("outputs.npy"));
        assertArrayEquals(new int[] {100, 2}, out.shape());
        assertEquals("<f4", out.dtype());
        ok("generate", "--model", p("model.qmodel"), "--preset", "small", "--out", p("accel"));
        assertTrue(Files.isDirectory(dir.resolve("accel")));
    }
}
