package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.cpu.SimOnPty;
import org.pulsedl.daq.listmode.ListModeReader;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * Issue 13 "The simulated SoC is a second device behind a real pty; the same DAQ talks to it unchanged", as a user
 * does it (docs/soc.md "The simulated SoC as a DAQ device"): {@code pulsedl sim --elf FIRMWARE --pty --windows
 * pdl2.h5} in one process, {@code pulsedl daq --serial PTY --out F --events N --json S --answer-timeout 120} on
 * its pty (the simulation answers thousands of times slower than a board: seconds under load), then
 * {@code pulsedl replay F}. Every record in the file must be the golden model's result for its window: the SoC's
 * window port takes the dataset's windows in order (event 0 channel 0, event 0 channel 1, …) from START on, so
 * record i belongs to window i. The run stops at N results while windows remain, so STOP's drain is exercised. The
 * two channels of an event carry one timestamp (the trigger's), so the live analysis pairs them into Δt values.
 */
class SimulatedSocDaqTest {
    /**
     * Events in the dataset (two windows each); the daq stops at {@link #STOP_AT} of their 2·EVENTS results. The
     * firmware sends a RESULT frame when it is full (69 pdl2 records) or 10 ms of SoC time (1 M cycles, minutes of
     * simulation on a loaded machine) after its first record, so the run is sized to fill the first frame.
     */
    static final int EVENTS = 40;
    static final int STOP_AT = 60;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void daqAndReplayOverTheSimulatedSocsPtyBitExact() throws Exception {
        long seed = TestSeed.of("SimulatedSocDaqTest", 20261205L);
        Path out = dir.resolve("soc.pdl"), summary = dir.resolve("daq.json"), replayed = dir.resolve("replay.json");

        Dataset data;
        long t0 = System.nanoTime();
        try (SimOnPty sim = SimOnPty.pdl2(dir, seed, EVENTS)) {
            data = sim.dataset();
            CliRun.of("daq", "--serial", sim.pty(), "--out", out.toString(), "--events", Integer.toString(STOP_AT),
                    "--json", summary.toString(), "--answer-timeout", "120").assertSuccess();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        ObjectMapper json = new ObjectMapper();
        JsonNode s = json.readTree(summary.toFile());
        long events = s.get("events").asLong();
        assertTrue(events >= STOP_AT && events <= 2L * EVENTS, "results of the run: " + s);
        assertEquals(0, s.get("lost").asLong(), "lost: " + s);
        assertEquals(0, s.get("crc_errors").asLong(), "crc errors: " + s);
        assertEquals(0, s.get("seq_gaps").asLong(), "sequence gaps: " + s);
        assertTrue(s.get("board_ended").asBoolean(), "the board's final STATS arrived: " + s);
        assertEquals(events, s.get("board").get("results").asLong(), "the board counts what arrived: " + s);
        assertEquals(0, s.get("board").get("dropped_events").asLong(), "no window dropped: " + s);
        // The capture stamps both channels of an event with its trigger time, so each event gives one Δt pair.
        assertEquals(0, events % 2, "the capture passes whole events: " + s);
        assertEquals(events / 2, s.get("board").get("triggers").asLong(), "one trigger per event of two windows: " + s);
        assertEquals(events / 2, s.get("delta_t").get("pairs").asLong(), "every event is a Δt pair: " + s);

        CliRun.of("replay", out.toString(), "--json", replayed.toString()).assertSuccess();
        JsonNode r = json.readTree(replayed.toFile());
        assertEquals(events, r.get("events").asLong(), "replay reads every record: " + r);
        assertTrue(r.get("complete").asBoolean(), "the file is complete: " + r);

        List<ResultBatch> blocks = new ArrayList<>();
        try (ListModeReader reader = ListModeReader.open(out)) {
            reader.read(blocks::add);
        }
        GoldenModel golden = new GoldenModel(NeuralModel.builtin().quantized());
        int w = 0;
        for (ResultBatch b : blocks) {
            for (int i = 0; i < b.size(); i++, w++) {
                int event = w / data.channels(), channel = w % data.channels();
                assertEquals(channel, b.channels()[i], "channel of record " + w);
                long[] got = new long[b.outputCount()];
                for (int k = 0; k < got.length; k++) got[k] = b.output(i, k);
                assertArrayEquals(golden.runFromAdc(new short[][] {data.waveform(event, channel)}), got,
                        "record " + w + " (event " + event + ", channel " + channel + ")");
            }
        }
        assertEquals(events, w, "records read back");
        System.out.printf("SimulatedSocDaqTest: seed %d, %d results over %s bit-exact, replayed; sim + daq %.1f s%n",
                seed, events, "the simulated SoC's pty", seconds);
    }
}
