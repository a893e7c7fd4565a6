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

    @Test
    void artix7Default() throws Exception {
        lint("artix7", AcceleratorConfig.artix7Default());
    }
}
