package org.pulsedl.daq.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * Issue 13 "A GUI test under Xvfb": the window runs on a private X server against the emulated board over a real
 * TCP socket on 127.0.0.1; events flow until the Δt and energy fits are up; then the histograms must show data
 * in the charts' datasets and on the screen (the bars' colour in each chart's data area of an X server
 * screenshot, where the screenshot before connecting has none). The screenshot is kept as
 * target/gui-test/gui.png, the exported plots in target/gui-test/plots.
 */
class GuiXvfbTest {
    static final Path ARTEFACTS = Path.of("target", "gui-test");

    @TempDir
    Path settings;

    @Test
    void histogramsShowLiveDataOnScreen() throws Exception {
        Path xvfb = XvfbDisplay.binary();
        assumeTrue(xvfb != null, "Xvfb is not installed (scripts/setup.sh installs the xvfb package); the GUI test needs an X server");
        long seed = TestSeed.of("GuiXvfbTest", 1313);
        Map<String, String> r;
        try (XvfbDisplay display = XvfbDisplay.start(xvfb)) {
            r = runChild(display.display(), seed);
        }
        System.out.println("GuiXvfbTest: " + r);
        assertEquals("0", r.get("before_dt_pixels"), "no bars before any event");
        assertEquals("0", r.get("before_energy_pixels"), "no bars before any event");
        assertTrue(Long.parseLong(r.get("dt_dataset_counts")) >= 4000, "the Δt chart's dataset holds the pairs: " + r);
        assertTrue(Long.parseLong(r.get("energy_dataset_counts")) >= 8000, "the spectrum's dataset holds the energies: " + r);
        assertTrue(Integer.parseInt(r.get("dt_pixels")) >= 500, "Δt bars on screen: " + r);
        assertTrue(Integer.parseInt(r.get("energy_pixels")) >= 100, "spectrum bars on screen: " + r);
        assertEquals("2", r.get("scope_series"), "one waveform per channel on the scope");
        assertTrue(Integer.parseInt(r.get("scope_markers")) >= 1, "the network's time marker on the scope");
        double sigma = Double.parseDouble(r.get("dt_sigma_ps"));
        assertTrue(sigma > 1 && sigma < 1000, "a plausible Δt σ for pdl2: " + sigma + " ps");
        double res = Double.parseDouble(r.get("resolution_pct"));
        assertTrue(res > 0 && res < 20, "a plausible energy resolution: " + res + " %");
        assertEquals("0", r.get("crc_errors"));
        assertEquals("0", r.get("seq_gaps"));
        assertEquals("3", r.get("exported"), "every plot exported as PNG");
        assertEquals("true", r.get("settings_saved"), "the connection is remembered");
        assertTrue(Files.size(ARTEFACTS.resolve("gui.png")) > 10_000, "the screenshot is kept");
    }

    private Map<String, String> runChild(String display, long seed) throws IOException, InterruptedException {
        return GuiChild.run(display, GuiScreenshotChild.class, ARTEFACTS.resolve("child.log"), 150,
                ARTEFACTS.toString(), settings.toString(), Long.toString(seed), "20000", "16", "0");
    }
}
