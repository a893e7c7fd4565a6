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
import org.pulsedl.daq.firmware.FirmwareBuild;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Hdf5DatasetFormat;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The connect dialog's "Simulated SoC" entry under Xvfb (docs/gui.md): {@code pulsedl sim --elf FIRMWARE --pty
 * --windows pdl2.h5} runs in its own process, the window connects to its pty ({@code soc:PTY}) and the energy
 * spectrum must show the SoC's results in the chart's dataset and on the screen, with no CRC error or sequence
 * gap. The SoC simulation delivers tens of results per second, so the run is short. Screenshot:
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
        Path dataset = dir.resolve("pdl2.h5");
        Hdf5DatasetFormat.write(PulseSimulator.generate(SimulatorConfig.pdl2().withSeed(seed), EVENTS), dataset);
        Path settings = Files.createDirectories(dir.resolve("settings"));
        Map<String, String> r;
        try (SimOnPty sim = SimOnPty.start(FirmwareBuild.socForSimulation(), dataset, EVENTS);
                XvfbDisplay display = XvfbDisplay.start(xvfb)) {
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
        assertTrue(Files.size(GuiXvfbTest.ARTEFACTS.resolve("gui-soc.png")) > 10_000, "the screenshot is kept");
    }
}
