package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.listmode.CompassCsv;
import org.pulsedl.daq.listmode.ListModeReader;
import org.pulsedl.quantizer.oracle.Oracle;

/**
 * {@code pulsedl daq --emulator}, then {@code replay} and {@code export} of its file: the summary's fields, the same
 * analysis on replay, the CoMPASS CSV layout, HDF5 read back by h5py, and one clean line for each bad input.
 */
class DaqCommandTest {
    @TempDir
    static Path dir;
    static Path run;
    static JsonNode summary;

    @BeforeAll
    static void acquire() throws Exception {
        run = dir.resolve("run.pdl");
        Path json = dir.resolve("summary.json");
        CliRun r = CliRun.of("daq", "--emulator", "--unpaced", "--threads", "1", "--out", run.toString(), "--events", "6000",
                "--json", json.toString()).assertSuccess();
        assertTrue(r.out().contains("results in") && r.out().contains("lost 0"), r.toString());
        summary = new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void theSummaryAccountsForEveryResult() {
        for (String key : List.of("events", "lost", "crc_errors", "seq_gaps", "events_per_second", "duration_s")) {
            assertTrue(summary.has(key), "summary has " + key + ": " + summary);
        }
        assertTrue(summary.get("events").asLong() >= 6000);
        assertEquals(0, summary.get("lost").asLong());
        assertEquals(0, summary.get("seq_gaps").asLong());
        assertEquals(0, summary.get("crc_errors").asLong());
        assertEquals(summary.get("board").get("results").asLong(), summary.get("events").asLong());
        assertTrue(summary.get("delta_t").get("sigma_ps").asDouble() > 0);
        assertTrue(summary.get("energy").get("resolution_fwhm_pct").asDouble() > 0);
    }

    @Test
    void replayRunsTheSameAnalysis() throws Exception {
        Path json = dir.resolve("replay.json");
        CliRun.of("replay", run.toString(), "--json", json.toString()).assertSuccess();
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertTrue(r.get("complete").asBoolean());
        assertEquals(summary.get("events").asLong(), r.get("events").asLong());
        assertEquals(summary.get("delta_t").get("sigma_ps").asDouble(), r.get("delta_t").get("sigma_ps").asDouble(), 0.0);
        assertEquals(summary.get("energy").get("line_centroid").asDouble(), r.get("energy").get("line_centroid").asDouble(), 0.0);
    }

    @Test
    void csvHasCompassColumns() throws Exception {
        Path csv = dir.resolve("run.csv");
        CliRun.of("export", run.toString(), "--to", csv.toString()).assertSuccess();
        List<String> lines = Files.readAllLines(csv);
        assertEquals(CompassCsv.HEADER, lines.get(0));
        assertEquals(summary.get("events").asLong() + 1, lines.size());
        String[] first = lines.get(1).split(";");
        assertEquals(6, first.length);
        assertEquals("0", first[0]);
        assertEquals("0", first[1]);
        long timetagPs = Long.parseLong(first[2]);
        assertTrue(timetagPs > 0 && timetagPs < 1_000_000_000L, "the first pulse within 1 ms of START: " + timetagPs);
        assertTrue(Math.abs(Long.parseLong(first[3]) - 2865) < 50, "energy near the 70 % line (2,866 codes): " + first[3]);
        assertTrue(first[5].startsWith("0x"));
    }

    @Test
    void hdf5IsReadableByH5py() throws Exception {
        Path h5 = dir.resolve("run.h5");
        CliRun.of("export", run.toString(), "--to", h5.toString()).assertSuccess();
        long[] sums = new long[3];
        long[] n = {0};
        try (ListModeReader r = ListModeReader.open(run)) {
            r.read(b -> {
                for (int i = 0; i < b.size(); i++) {
                    sums[0] += b.timestamps()[i];
                    sums[1] += b.output(i, 0);
                    sums[2] += b.output(i, 1);
                }
                n[0] += b.size();
            });
        }
        Path script = Files.writeString(dir.resolve("read_h5.py"), String.join("\n",
                "import sys, h5py, numpy as np",
                "f = h5py.File(sys.argv[1], 'r')",
                "raw = f['raw_outputs'][()]",
                "ts = f['timestamp'][()]",
                "assert raw.shape == (len(ts), 2), raw.shape",
                "assert len(f['time_ns']) == len(ts) and len(f['energy']) == len(ts) and len(f['channel']) == len(ts)",
                "name = f.attrs['model_name']",
                "name = name.decode() if isinstance(name, bytes) else name",
                "print(len(ts), int(ts.astype(np.int64).sum()), int(raw[:, 0].astype(np.int64).sum()), int(raw[:, 1].astype(np.int64).sum()), name)",
                ""));
        Oracle.Output out = Oracle.run(script, Duration.ofSeconds(120), h5.toString());
        assertEquals(n[0] + " " + sums[0] + " " + sums[1] + " " + sums[2] + " pdl2", out.stdout().strip());
    }

    @Test
    void badInputGetsOneLine() throws Exception {
        CliRun.of("daq", "--emulator", "--out", dir.resolve("x.pdl").toString()).assertUserError("give --duration or --events");
        CliRun.of("daq", "--tcp", "127.0.0.1:1", "--out", dir.resolve("x.pdl").toString(), "--events", "5")
                .assertUserError("cannot connect to the board at tcp 127.0.0.1:1");
        CliRun.of("daq", "--tcp", "nonsense", "--out", dir.resolve("x.pdl").toString(), "--events", "5")
                .assertUserError("'nonsense' is not HOST:PORT");
        CliRun.of("emulate", "--udp", "127.0.0.1:5000", "--rate", "-3").assertUserError("--rate must be a number of events per second > 0");
        CliRun.of("emulate", "--tcp", "127.0.0.1:5000", "--arrival", "sometimes").assertUserError("--arrival must be periodic or poisson");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a list-mode file");
        CliRun.of("replay", notes.toString()).assertUserError("is not a pulsedl list-mode file");
        CliRun.of("export", run.toString(), "--to", dir.resolve("x.txt").toString()).assertUserError("the format follows the extension");
        Path corrupt = dir.resolve("corrupt.pdl");
        byte[] bytes = Files.readAllBytes(run);
        bytes[30] ^= 0x40;
        Files.write(corrupt, bytes);
        CliRun.of("replay", corrupt.toString()).assertUserError("the header fails its CRC check");
    }
}
