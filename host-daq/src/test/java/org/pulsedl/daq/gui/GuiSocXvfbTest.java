package org.pulsedl.daq.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.cpu.SimOnPty;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The connect dialog's "Simulated SoC" entry under Xvfb (docs/gui.md): {@code pulsedl sim --elf FIRMWARE --pty
 * --windows pdl2.h5} runs in its own process, the window connects to its pty ({@code soc:PTY}) and the energy
 * spectrum must show the SoC's results in the chart's dataset and on the screen, with no CRC error or sequence
 * gap; the ΔT histogram must pair the two channels of every event, and the scope must show event 0's windows (the
 * SoC's waveform snapshot) sample for sample. The SoC simulation delivers tens of results per second, so the run is short. Screenshot:
 * target/gui-test/gui-soc.png.
 */
class GuiSocXvfbTest {
    /** Windows for one full RESULT frame (69 pdl2 records): a partial one waits 1 M SoC cycles (SimulatedSocDaqTest). */
    static final int EVENTS = 40;
    static final int MIN_RESULTS = 60;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void simulatedSocEntryConnectsAndShowsData() throws Exception {
        Path xvfb = XvfbDisplay.binary();
        assumeTrue(xvfb != null, "Xvfb is not installed (scripts/setup.sh installs the xvfb package); the GUI test needs an X server");
        long seed = TestSeed.of("GuiSocXvfbTest", 1213);
        Path settings = Files.createDirectories(dir.resolve("settings"));
        Map<String, String> r;
        Dataset data;
        try (SimOnPty sim = SimOnPty.pdl2(dir, seed, EVENTS);
                XvfbDisplay display = XvfbDisplay.start(xvfb)) {
            data = sim.dataset();
            r = GuiChild.run(display.display(), GuiSocChild.class, GuiXvfbTest.ARTEFACTS.resolve("child-soc.log"), 600,
                    GuiXvfbTest.ARTEFACTS.toString(), settings.toString(), sim.pty(), Integer.toString(MIN_RESULTS));
        }
        System.out.println("GuiSocXvfbTest: seed " + seed + ", " + r);
        assertEquals("true", r.get("soc_entry_enabled"), "the dialog offers the simulated SoC");
        assertTrue(r.get("connected_as").startsWith("soc:/"), "connected through the SoC entry: " + r);
        assertEquals("0", r.get("before_energy_pixels"), "no bars before any result");
        assertTrue(Long.parseLong(r.get("records")) >= MIN_RESULTS, "results from the SoC: " + r);
        assertTrue(Long.parseLong(r.get("energy_dataset_counts")) >= MIN_RESULTS, "the spectrum's dataset holds them: " + r);
        assertTrue(Integer.parseInt(r.get("energy_pixels")) > 0, "spectrum bars on screen: " + r);
        assertEquals("0", r.get("lost"));
        assertEquals("0", r.get("crc_errors"));
        assertEquals("0", r.get("seq_gaps"));
        // Both channels of an event carry its trigger time: the ΔT histogram pairs every event.
        assertEquals(Long.parseLong(r.get("records")) / 2, Long.parseLong(r.get("pairs")), "ΔT pairs: " + r);
        // The GUI asks for every 1000th event's waveform: the SoC's snapshot keeps event 0, whose windows the scope
        // must show sample for sample.
        assertEquals(String.valueOf(data.channels()), r.get("scope_traces"), "a trace per channel: " + r);
        for (int c = 0; c < data.channels(); c++) {
            String trace = r.get("trace_" + c);
            StringBuilder want = new StringBuilder();
            for (short s : data.waveform(0, c)) want.append(want.length() == 0 ? "" : ",").append(s);
            assertEquals(want.toString(), trace.substring(trace.indexOf(':') + 1), "channel " + c + ": event 0's window");
        }
        assertTrue(Files.size(GuiXvfbTest.ARTEFACTS.resolve("gui-soc.png")) > 10_000, "the screenshot is kept");
    }
}
