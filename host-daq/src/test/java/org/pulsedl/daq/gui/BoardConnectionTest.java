package org.pulsedl.daq.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.emulator.Arrival;
import org.pulsedl.daq.emulator.EmulatorServer;
import org.pulsedl.daq.emulator.EmulatorSettings;
import org.pulsedl.daq.listmode.ListModeReader;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The window's connection without the window: connect to the emulated board over TCP on 127.0.0.1, start, record
 * to list mode while the live views fill, stop recording, and the file reads back intact with every record the
 * views counted while it was open.
 */
class BoardConnectionTest {
    @TempDir
    Path dir;

    @Test
    void recordsWhatTheViewsSee() throws Exception {
        long seed = TestSeed.of("BoardConnectionTest", 4711);
        QuantizedModel model = NeuralModel.builtin().quantized();
        EmulatorSettings s = new EmulatorSettings(SimulatorConfig.pdl2().withSeed(seed), 20_000, Arrival.POISSON, 256, 1, 8);
        List<String> log = new CopyOnWriteArrayList<>();
        Path file = dir.resolve("gui-run.pdl");
        try (EmulatorServer emu = EmulatorServer.tcp(new InetSocketAddress("127.0.0.1", 0), s, model, true)) {
            emu.start();
            LiveModel live = new LiveModel(new org.pulsedl.daq.listmode.ListModeHeader(model, 1, 1, java.util.Map.of()));
            try (BoardConnection c = BoardConnection.open(ConnectTarget.parse("tcp:" + emu.address()), model, 100, live, log::add)) {
                c.start().get(20, TimeUnit.SECONDS);
                waitFor(() -> live.records() > 2000);
                c.startRecording(file).get(20, TimeUnit.SECONDS);
                assertEquals(file, c.recording());
                long from = live.records();
                waitFor(() -> live.records() > from + 20_000);
                c.stopRecording().get(20, TimeUnit.SECONDS);
                assertNull(c.recording());
                LinkStatus st = c.status();
                assertEquals(0, st.crcErrors());
                assertEquals(0, st.sequenceGaps());
                assertTrue(st.waveforms() > 0, "waveforms asked for by CONFIG arrive: " + st);
                c.stop().get(20, TimeUnit.SECONDS);
            }
        }
        try (ListModeReader r = ListModeReader.open(file)) {
            ListModeReader.Report rep = r.read(b -> { });
            assertTrue(rep.intact(), "closed normally: " + rep);
            assertTrue(rep.records() >= 20_000, "records written while recording: " + rep);
            assertEquals(0, rep.missingFrames());
        }
        assertTrue(log.stream().anyMatch(l -> l.startsWith("wrote ") && l.contains(file.toString())), log.toString());
    }

    /** The board dies while the window records: the log says so once, and the recording closes intact. */
    @Test
    void aBoardThatGoesAwayIsReportedOnceAndTheRecordingKeepsWhatArrived() throws Exception {
        QuantizedModel model = NeuralModel.builtin().quantized();
        EmulatorSettings s = new EmulatorSettings(SimulatorConfig.pdl2().withSeed(99), 20_000, Arrival.POISSON, 256, 1, 8);
        List<String> log = new CopyOnWriteArrayList<>();
        Path file = dir.resolve("cut.pdl");
        EmulatorServer emu = EmulatorServer.tcp(new InetSocketAddress("127.0.0.1", 0), s, model, true);
        emu.start();
        LiveModel live = new LiveModel(new org.pulsedl.daq.listmode.ListModeHeader(model, 1, 1, java.util.Map.of()));
        long recorded;
        try (BoardConnection c = BoardConnection.open(ConnectTarget.parse("tcp:" + emu.address()), model, 100, live, log::add)) {
            try {
                c.start().get(20, TimeUnit.SECONDS);
                c.startRecording(file).get(20, TimeUnit.SECONDS);
                waitFor(() -> live.records() > 2000);
            } finally {
                emu.close();   // the board goes away
            }
            waitFor(() -> {
                c.status();
                return log.stream().anyMatch(l -> l.startsWith("the link ended: the board closed the link"));
            });
            for (int i = 0; i < 5; i++) c.status();
            assertEquals(1, log.stream().filter(l -> l.startsWith("the link ended")).count(), "reported once: " + log);
            recorded = live.records();
            c.stopRecording().get(20, TimeUnit.SECONDS);
        }
        try (ListModeReader r = ListModeReader.open(file)) {
            ListModeReader.Report rep = r.read(b -> { });
            assertTrue(rep.intact(), "closed normally after the link ended: " + rep);
            assertTrue(rep.records() > 0 && rep.records() <= recorded, rep + " against " + recorded + " seen live");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out");
            Thread.sleep(20);
        }
    }
}
