package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The ADC capture (rtl/soc/pdl_adc.v) in Icarus ({@code testbenches/adc/tb_adc.v}, self-checking): seeded events of
 * two channel windows of random lengths (some longer than a snapshot slot) with random gaps, and a CPU stand-in that
 * services the waveform snapshot at random as the firmware does. Every window must carry its event's first-sample
 * time, the trigger and window counters must count events and windows, the snapshot must keep exactly the events
 * the selection rule names (every n-th since enable, let pass while one is held) and read back their samples.
 */
class AdcCaptureRtlTest {
    @Test
    void eventStampsSelectionAndSnapshotSamples() throws Exception {
        long seed = TestSeed.of("AdcCaptureRtlTest", 20261205L);
        Path dir = Files.createDirectories(CpuPrograms.targetDir().resolve("adc-rtl"));
        Path root = CpuPrograms.root();
        Path vvp = dir.resolve("tb_adc.vvp");
        CpuSimulator.Run compile = CpuPrograms.run(List.of("iverilog", "-g2005", "-Wall", "-I" + root.resolve("rtl/generated"),
                "-s", "tb_adc", "-o", vvp.toString(), root.resolve("testbenches/adc/tb_adc.v").toString(),
                root.resolve("rtl/soc/pdl_adc.v").toString(), root.resolve("rtl/generated/pdl_adc_regs.v").toString()),
                120, "iverilog (scripts/setup.sh: PULSEDL_RTL_PACKAGES)");
        assertEquals(0, compile.exitCode(), compile.output() + compile.status());
        for (int prescale : new int[] {1, 3}) {
            CpuSimulator.Run sim = CpuPrograms.run(List.of("vvp", "-n", vvp.toString(), "+seed=" + (int) (seed + prescale),
                    "+events=60", "+prescale=" + prescale), 300, "iverilog (vvp)");
            String where = "seed " + (seed + prescale) + ", prescale " + prescale + ": ";
            assertTrue(sim.exitCode() == 0 && sim.output().contains("tb_adc: PASS"), where + sim.output() + sim.status());
            System.out.println("AdcCaptureRtlTest: " + where + sim.output().trim());
        }
    }
}
