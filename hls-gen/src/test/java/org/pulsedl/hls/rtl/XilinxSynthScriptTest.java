package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * fpga-projects/yosys-xilinx/synth.sh (Debian Yosys 0.23 {@code synth_xilinx}, hierarchical) on the smallest
 * accelerator: its report's totals are Yosys's own totals of the design hierarchy, its slice LUTs add the LUTs used
 * as memory to the logic LUTs (a RAM32M/RAM64M fills four, an SRL one: UG474), and modules.txt's per-module rows,
 * times their instances, add up to the same totals. The xc7a100t runs are benchmarks (docs/performance.md).
 */
class XilinxSynthScriptTest {

    @Test
    void smallAcceleratorHierarchicalReport() throws Exception {
        Path dir = RtlBench.dir("xc7-small");
        Path rtl = dir.resolve("rtl");
        Files.createDirectories(rtl);
        RtlBench.writeRtl(Ecp5FlowTest.smallest(), rtl);
        Path root = RtlBench.repoRoot();
        List<String> cmd = List.of("bash", root.resolve("fpga-projects/yosys-xilinx/synth.sh").toString(), "--hier",
                "--rtl", rtl.toString(), "--name", "small");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("synth.log").toFile());
        pb.environment().put("PULSEDL_FPGA_BUILD", dir.resolve("build").toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(1200, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("fpga-projects/yosys-xilinx/synth.sh timed out after 1200 s (log " + dir.resolve("synth.log") + ")");
        }
        String log = Files.readString(dir.resolve("synth.log"));
        assertEquals(0, p.exitValue(), "synth.sh failed:\n" + log);
        System.out.printf("xc7 small configuration: %.0f s%n%s", (System.nanoTime() - t0) / 1e9, log);

        Path out = dir.resolve("build/yosys-xilinx/small");
        Map<String, Long> total = hierarchyTotals(Files.readString(out.resolve("stat.txt")));
        long memory = 4 * (get(total, "RAM32M") + get(total, "RAM64M") + get(total, "RAM128X1D")
                        + get(total, "RAM256X1S"))
                + 2 * (get(total, "RAM32X1D") + get(total, "RAM64X1D") + get(total, "RAM128X1S"))
                + get(total, "RAM32X1S") + get(total, "RAM64X1S") + get(total, "SRL16E") + get(total, "SRLC32E");
        long logic = 0;
        for (int k = 1; k <= 6; k++) {
            logic += get(total, "LUT" + k);
        }
        assertTrue(logic > 500, "LUT " + logic + ": the accelerator was optimised away");
        assertTrue(memory > 0, "the small accelerator's staging buffers are LUTRAM: " + total);
        String report = Files.readString(out.resolve("report.json"));
        assertEquals(logic, number(report, "lut"), report);
        assertEquals(memory, number(report, "lut_mem"), report);
        assertEquals(logic + memory, number(report, "slice_lut"), report);
        assertEquals(get(total, "DSP48E1"), number(report, "dsp48e1"), report);

        long[] sum = new long[4];                                   // lut, lut_mem, slice_lut, ff over the modules
        long[] totalRow = null;
        List<String> rows = Files.readAllLines(out.resolve("modules.txt"));
        for (String line : rows.subList(1, rows.size())) {                 // after the header
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("total")) {
                totalRow = new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                                       Long.parseLong(f[4])};
            } else {
                for (int i = 0; i < 4; i++) {
                    sum[i] += Long.parseLong(f[2 + i]);
                }
            }
        }
        long ff = get(total, "FDRE") + get(total, "FDSE") + get(total, "FDCE") + get(total, "FDPE");
        assertEquals(List.of(logic, memory, logic + memory, ff), List.of(sum[0], sum[1], sum[2], sum[3]),
                "modules.txt rows vs Yosys's hierarchy totals");
        assertEquals(List.of(sum[0], sum[1], sum[2], sum[3]),
                List.of(totalRow[0], totalRow[1], totalRow[2], totalRow[3]), "modules.txt total row");
    }

    /** Cell counts after "design hierarchy" in a Yosys stat listing ("TYPE N" in 0.23, "N TYPE" in 0.70). */
    private static Map<String, Long> hierarchyTotals(String stat) {
        int at = stat.indexOf("=== design hierarchy ===");
        assertTrue(at >= 0, "no design hierarchy in stat.txt (was --hier passed?)");
        Map<String, Long> m = new HashMap<>();
        for (String line : stat.substring(at).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[1].matches("\\d+") && f[0].matches("[A-Z][A-Z0-9_]*")) {
                m.merge(f[0], Long.parseLong(f[1]), Long::sum);
            } else if (f.length == 2 && f[0].matches("\\d+") && f[1].matches("[A-Z][A-Z0-9_]*")) {
                m.merge(f[1], Long.parseLong(f[0]), Long::sum);
            }
        }
        return m;
    }

    private static long get(Map<String, Long> m, String type) {
        return m.getOrDefault(type, 0L);
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([0-9]+)").matcher(json);
        assertTrue(m.find(), key + " is not a number in " + json);
        return Long.parseLong(m.group(1));
    }
}
