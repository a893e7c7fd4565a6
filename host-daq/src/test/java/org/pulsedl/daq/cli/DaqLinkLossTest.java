package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.emulator.Arrival;
import org.pulsedl.daq.emulator.EmulatorServer;
import org.pulsedl.daq.emulator.EmulatorSettings;
import org.pulsedl.daq.sim.SimulatorConfig;

/**
 * The board goes away in the middle of {@code pulsedl daq --tcp}: the run ends at once (not when --duration runs
 * out, and not with a bare "Broken pipe" from the STOP it can no longer send), keeps every result that arrived in
 * the list-mode file, still writes the summary JSON with the reason, and exits with one line naming what happened.
 */
class DaqLinkLossTest {
    @TempDir
    Path dir;

    @Test
    void aBoardThatGoesAwayEndsTheRunWithEverythingThatArrivedKept() throws Exception {
        EmulatorSettings s = new EmulatorSettings(SimulatorConfig.pdl2().withSeed(17), 5_000, Arrival.POISSON, 256, 1);
        Path out = dir.resolve("cut.pdl");
        Path json = dir.resolve("cut.json");
        CliRun r;
        long t0 = System.nanoTime();
        EmulatorServer emu = EmulatorServer.tcp(new InetSocketAddress("127.0.0.1", 0), s, NeuralModel.builtin().quantized(), true);
        boolean cut = false;
        try {
            emu.start();
            CompletableFuture<CliRun> daq = CompletableFuture.supplyAsync(() -> CliRun.of("daq", "--tcp", emu.address(),
                    "--out", out.toString(), "--duration", "120", "--json", json.toString()));
            // wait for records on disk (the writer flushes a block at least every 50 ms of the run loop)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until && (!Files.exists(out) || Files.size(out) < 20_000)) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(out) && Files.size(out) >= 20_000, "records reached the file before the cut");
            emu.close();   // the board goes away: its socket closes under the DAQ
            cut = true;
            r = daq.get(60, TimeUnit.SECONDS);
        } finally {
            if (!cut) emu.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        r.assertUserError("the link to the board ended", "the board closed the link", "results that arrived are in", out.toString());
        assertTrue(seconds < 100, "the run ended when the link did, not at --duration 120: " + seconds + " s");

        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertEquals("the board closed the link", summary.get("link_lost").asText());
        assertFalse(summary.get("board_ended").asBoolean());
        long events = summary.get("events").asLong();
        assertTrue(events > 0, summary.toString());

        Path replayed = dir.resolve("replay.json");
        CliRun.of("replay", out.toString(), "--json", replayed.toString()).assertSuccess();
        JsonNode replay = new ObjectMapper().readTree(replayed.toFile());
        assertTrue(replay.get("complete").asBoolean(), "the file was closed properly: " + replay);
        assertEquals(events, replay.get("events").asLong(), "every result the summary counts is in the file");
    }
}
