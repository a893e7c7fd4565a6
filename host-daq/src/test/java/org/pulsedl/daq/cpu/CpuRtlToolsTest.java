package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rtl/cpu is Verilog-2005 that Verilator 5.006 (-Wall clean), Icarus 11 and Yosys 0.23 accept (DESIGN §4 dialect). */
class CpuRtlToolsTest {
    @Test
    void lintCleanCompilesAndElaboratesWithBothMultipliers() throws IOException {
        Path root = CpuPrograms.root();
        List<String> files = CpuSources.verilog(root).stream().map(Path::toString).toList();
        Path dir = Files.createDirectories(CpuPrograms.targetDir().resolve("cpu-rtl"));
        for (String fastMul : List.of("1", "0")) {
            check(List.of("verilator", "--lint-only", "-Wall", "-GFAST_MUL=" + fastMul, "--top-module", "rv32_core"),
                    files, "verilator");
            check(List.of("iverilog", "-g2005", "-Wall", "-Prv32_core.FAST_MUL=" + fastMul, "-s", "rv32_core",
                    "-o", dir.resolve("core" + fastMul + ".vvp").toString()), files, "iverilog");
        }
        StringBuilder script = new StringBuilder();
        files.forEach(f -> script.append("read_verilog ").append(f).append("; "));
        script.append("hierarchy -check -top rv32_core; proc; check -assert");
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
