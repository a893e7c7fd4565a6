package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.quantizer.quant.RoundingMode;

/**
 * The open ECP5 flow (fpga-projects/ecp5/build.sh: YoWASP Yosys synth_ecp5, nextpnr-ecp5) places and routes a small
 * accelerator out of context on the LFE5U-85F and writes a report with a real fmax and the cells used. The larger
 * configurations are benchmarks (docs/performance.md), not tests.
 */
class Ecp5FlowTest {

    /** The smallest accelerator: one PE of four lanes, int8, 32-bit accumulators, no input stage, small buffers. */
    static AcceleratorConfig smallest() {
        return AcceleratorConfig.small().toBuilder().pes(1).lanes(4).activationBits(8).accBits(32).mBits(16)
                .inputStage(false).roundingModes(EnumSet.of(RoundingMode.DOUBLE)).actDepth(64).stagingDepth(32)
                .weightWords(64).paramEntries(16).maxLayers(3).inputFifoWindows(2).resultFifoWords(8).maxLength(32)
                .maxChannels(32).maxFanIn(32).maxKernel(4).maxStride(2).maxPool(1).maxOutputs(2).build();
    }

    @Test
    void smallAcceleratorOutOfContext() throws Exception {
        Path dir = RtlBench.dir("ecp5-small");
        Path rtl = dir.resolve("rtl");
        Files.createDirectories(rtl);
        RtlBench.writeRtl(smallest(), rtl);
        Path root = RtlBench.repoRoot();
        List<String> cmd = List.of("bash", root.resolve("fpga-projects/ecp5/build.sh").toString(), "--ooc",
                "--rtl", rtl.toString(), "--name", "small", "--freq", "50");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("build.log").toFile());
        pb.environment().put("PULSEDL_FPGA_BUILD", dir.resolve("build").toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(1800, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("fpga-projects/ecp5/build.sh timed out after 1800 s (log " + dir.resolve("build.log") + ")");
        }
        String log = Files.readString(dir.resolve("build.log"));
        assertEquals(0, p.exitValue(), "build.sh failed:\n" + log);
        System.out.printf("ECP5 small configuration: %.0f s (YoWASP compile on first use included)%n%s",
                (System.nanoTime() - t0) / 1e9, log);

        String report = Files.readString(dir.resolve("build/ecp5/small/report.json"));
        for (String key : List.of("fmax_mhz", "target_mhz", "lut4", "mult18", "ebr", "device", "command")) {
            assertTrue(report.contains("\"" + key + "\""), key + " missing in report.json:\n" + report);
        }
        assertTrue(report.contains("\"device\": \"LFE5U-85k-6 CABGA381\""), report);
        double fmax = number(report, "fmax_mhz");
        assertTrue(fmax > 5 && fmax < 500, "fmax " + fmax + " MHz is not a real clock:\n" + report);
        long lut = (long) number(report, "lut4");
        assertTrue(lut > 1000 && lut < 83640, "LUT4 " + lut + ": the accelerator was optimised away or does not fit");
        assertTrue(log.contains("fmax " + report.replaceAll("(?s).*\"fmax_mhz\": ([0-9.]+).*", "$1") + " MHz"),
                "build.sh prints the fmax it reports:\n" + log);
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.]+)").matcher(json);
        assertTrue(m.find(), key + " is not a number in " + json);
        return Double.parseDouble(m.group(1));
    }
}
