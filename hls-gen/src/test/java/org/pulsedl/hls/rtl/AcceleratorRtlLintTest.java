package org.pulsedl.hls.rtl;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;

/** Every generated file passes Verilator -Wall, Icarus -g2005 and Yosys synthesis (DESIGN §4), over configurations. */
class AcceleratorRtlLintTest {

    private static void lint(String name, AcceleratorConfig cfg) throws Exception {
        Path dir = RtlBench.dir("lint-" + name);
        List<Path> files = RtlBench.writeRtl(cfg, dir);
        List<String> cmd = new java.util.ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module",
                AcceleratorRtl.TOP));
        files.forEach(f -> cmd.add(f.toString()));
        RtlBench.run(dir, cmd, 300);
        List<String> ic = new java.util.ArrayList<>(List.of("iverilog", "-g2005", "-Wall", "-o", "top.vvp", "-s",
                AcceleratorRtl.TOP));
        files.forEach(f -> ic.add(f.toString()));
        RtlBench.run(dir, ic, 300);
    }

    @Test
    void smallPreset() throws Exception {
        lint("small", AcceleratorConfig.small());
    }

    /**
     * Yosys 0.23 elaborates and optimises the small configuration and infers every memory as a {@code $mem} cell
     * (block RAM for synth_ice40/synth_xilinx). The full generic {@code synth} (memories mapped to flip-flops, about
     * 200 s) runs with {@code -Dpulsedl.rtl.fullSynth=true}.
     */
    @Test
    void smallPresetSynthesises() throws Exception {
        Path dir = RtlBench.dir("yosys-small");
        List<Path> files = RtlBench.writeRtl(AcceleratorConfig.small(), dir);
        StringBuilder script = new StringBuilder();
        files.forEach(f -> script.append("read_verilog ").append(f).append("; "));
        script.append("synth -top ").append(AcceleratorRtl.TOP)
                .append(Boolean.getBoolean("pulsedl.rtl.fullSynth") ? "" : " -run begin:fine").append("; stat");
        String log = RtlBench.run(dir, List.of("yosys", "-q", "-p", script.toString(), "-l", "yosys.txt"), 600);
        String stat = java.nio.file.Files.readString(dir.resolve("yosys.txt"));
        org.junit.jupiter.api.Assertions.assertTrue(Boolean.getBoolean("pulsedl.rtl.fullSynth")
                || stat.contains("$mem_v2"), "memories inferred as $mem cells:\n" + log);
    }

    @Test
    void packedInt8Configuration() throws Exception {
        lint("packed8", AcceleratorConfig.small().toBuilder().pes(3).lanes(12).twoMacsPerDsp(true).activationBits(8)
                .accBits(32).macLatency(6).requantLatency(7).inputLatency(5).build());
    }

    /** Without the input stage (windows arrive quantised): no input-stage requantiser, no second parameter copy. */
    @Test
    void withoutInputStage() throws Exception {
        AcceleratorConfig cfg = AcceleratorConfig.small().toBuilder().pes(1).activationBits(8).accBits(32)
                .inputStage(false).build();
        lint("noinput", cfg);
        org.junit.jupiter.api.Assertions.assertTrue(AcceleratorRtl.files(cfg, RtlBench.PROVENANCE).stream()
                .noneMatch(f -> f.module().name().endsWith("_requant_in")), "no input-stage module");
    }

    @Test
    void refusesLatenciesBelowThePipeline() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AcceleratorRtl.files(AcceleratorConfig.small().toBuilder().macLatency(2).build(),
                        RtlBench.PROVENANCE));
        org.junit.jupiter.api.Assertions.assertEquals("mac_latency must be >= 4 for the RTL (operand read 2,"
                + " multiply 1, accumulate 1), got 2", e.getMessage());
    }

    @Test
    void deterministicBytes() {
        List<org.pulsedl.hls.verilog.VerilogFile> a = AcceleratorRtl.files(AcceleratorConfig.small(), RtlBench.PROVENANCE);
        List<org.pulsedl.hls.verilog.VerilogFile> b = AcceleratorRtl.files(AcceleratorConfig.small(), RtlBench.PROVENANCE);
        for (int i = 0; i < a.size(); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(a.get(i).text(), b.get(i).text(), a.get(i).fileName());
        }
    }

    @Test
    void artix7Default() throws Exception {
        lint("artix7", AcceleratorConfig.artix7Default());
    }
}
