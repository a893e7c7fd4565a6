package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * rtl/soc with the core and the generated accelerator, register files and memory-map include is Verilog-2005 that
 * Verilator 5.006 (-Wall clean with testbenches/soc/soc.vlt), Icarus 11 and Yosys 0.23 accept (DESIGN §4 dialect).
 */
class SocRtlToolsTest {
    @Test
    void lintCleanCompilesAndElaborates() throws IOException {
        Path root = CpuPrograms.root();
        String include = "-I" + root.resolve("rtl/generated");
        List<String> files = CpuSources.socVerilog(root).stream().map(Path::toString).filter(f -> f.endsWith(".v")).toList();
        Path dir = Files.createDirectories(CpuPrograms.targetDir().resolve("soc-rtl"));
        check(List.of("verilator", "--lint-only", "-Wall", include, "--top-module", "pdl_soc",
                root.resolve("testbenches/soc/soc.vlt").toString()), files, "verilator");
        check(List.of("iverilog", "-g2005", "-Wall", include, "-s", "pdl_soc", "-o", dir.resolve("soc.vvp").toString()),
                files, "iverilog");
        StringBuilder script = new StringBuilder();
        files.forEach(f -> script.append("read_verilog ").append(include).append(' ').append(f).append("; "));
        script.append("hierarchy -check -top pdl_soc; proc; check -assert");
        check(List.of("yosys", "-q", "-p", script.toString()), List.of(), "yosys");
    }

    private static void check(List<String> cmd, List<String> files, String tool) {
        List<String> all = new ArrayList<>(cmd);
        all.addAll(files);
        CpuSimulator.Run r = CpuPrograms.run(all, 300, tool + " (scripts/setup.sh: PULSEDL_RTL_PACKAGES)");
        assertEquals(0, r.exitCode(), () -> String.join(" ", cmd) + "\n" + r.output() + r.status());
        assertEquals("", (r.output() + r.status()).strip(), () -> tool + " warned:\n" + r.output() + r.status());
    }
}
