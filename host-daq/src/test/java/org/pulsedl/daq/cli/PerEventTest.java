package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.dsp.DigitalCfdTimer;
import org.pulsedl.daq.dsp.TemplateFit;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;

/** {@code bench --per-event}: every window with its truth and each method's estimates, aligned event by event. */
class PerEventTest {
    @TempDir Path dir;

    @Test
    void perEventColumnsHoldEachMethodsEstimateOfThatWindow() throws IOException {
        Path file = dir.resolve("events.csv");
        CliRun r = CliRun.of("bench", "-n", "300", "--methods", "template_fit,dcfd", "--per-event", file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Dataset d = DatasetIo.read(file);
        assertEquals(300, d.events());
        assertEquals(List.of("t_ch0_ns", "t_ch1_ns", "amplitude", "template_fit_t_ch0_ns", "template_fit_e_ch0",
                "template_fit_t_ch1_ns", "template_fit_e_ch1", "dcfd_t_ch0_ns", "dcfd_t_ch1_ns"), d.labelNames());
        TemplateFit fit = new TemplateFit(SimulatorConfig.pdl2().shape(), 8);
        DigitalCfdTimer dcfd = new DigitalCfdTimer(8);
        for (int ev : new int[] {0, 137, 299}) {
            TemplateFit.Result f = fit.fit(d.waveform(ev, 1));
            assertEquals(f.timeNs(), d.labels()[ev][d.labelIndex("template_fit_t_ch1_ns")], 1e-12);
            assertEquals(f.amplitude(), d.labels()[ev][d.labelIndex("template_fit_e_ch1")], 1e-9);
            assertEquals(dcfd.time(d.waveform(ev, 0)), d.labels()[ev][d.labelIndex("dcfd_t_ch0_ns")], 1e-12);
            assertTrue(Math.abs(d.labels()[ev][d.labelIndex("template_fit_t_ch0_ns")] - d.labels()[ev][0]) < 1, "near the truth");
        }
        assertEquals("template_fit,dcfd", d.attributes().get("bench_methods"));
    }

    @Test
    void anUnknownExtensionIsRefusedBeforeTheRun() {
        CliRun.of("bench", "-n", "300", "--per-event", dir.resolve("events.txt").toString()).assertUserError("events.txt");
    }
}
