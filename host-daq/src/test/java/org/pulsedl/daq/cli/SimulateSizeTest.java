package org.pulsedl.daq.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 8 §3: sizes that cannot fit are refused up front with the estimate; CSV is streamed. */
class SimulateSizeTest {
    @TempDir
    Path dir;

    @Test
    void hdf5BeyondTheHeapIsRefusedAtOnceWithTheEstimateAndTheWaysOut() {
        Path out = dir.resolve("big.h5");
        long start = System.nanoTime();
        CliRun run = CliRun.of("simulate", "--out", out.toString(), "--events", "2000000000");
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "refused up front, not after simulating");
        assertEquals(2, run.exitCode(), run.toString());
        String err = run.err().strip();
        assertTrue(err.startsWith("pulsedl simulate: error: " + out + ": 2000000000 events of 2 x 32 samples written as HDF5 "
                + "needs about 7"), err);
        assertTrue(err.endsWith("; write CSV instead (e.g. --out big.csv, streamed in constant memory), simulate fewer events, "
                + "or raise the JVM's memory limit, e.g. PULSEDL_JAVA_OPTS=-Xmx16g ./pulsedl …"), err);
        assertFalse(Files.exists(out));
    }

    @Test
    void streamedCsvEqualsTheDatasetWrittenFromMemory() throws Exception {
        Path csv = dir.resolve("s.csv");
        Path h5 = dir.resolve("s.h5");
        assertEquals(0, CliRun.of("simulate", "--out", csv.toString(), "--events", "300", "--seed", "5").exitCode());
        assertEquals(0, CliRun.of("simulate", "--out", h5.toString(), "--events", "300", "--seed", "5").exitCode());
        Dataset streamed = DatasetIo.read(csv);
        assertEquals(DatasetIo.read(h5), streamed);
        assertEquals(300, streamed.events());
    }
}
