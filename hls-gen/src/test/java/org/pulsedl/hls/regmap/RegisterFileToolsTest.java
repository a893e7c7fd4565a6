package org.pulsedl.hls.regmap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pulsedl.hls.verilog.RtlTools;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * Layers 2 and 3: every generated register file and the address decoder pass Verilator -Wall, Icarus and
 * Yosys; the demo register file is simulated in Icarus against a hand-written testbench; the C headers
 * compile warning-free.
 */
class RegisterFileToolsTest {
    @TempDir
    Path dir;

    static Stream<RegisterMap> maps() {
        return TestMaps.matrix().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maps")
    void registerFileLintsCompilesAndSynthesises(RegisterMap map) throws IOException {
        VerilogFile f = RegisterFileVerilog.file(map, TestMaps.PROVENANCE);
        RtlTools.checkAll(dir, f.module().name(), Files.writeString(dir.resolve(f.fileName()), f.text()));
    }

    @Test
    void addressDecoderLintsCompilesAndSynthesises() throws IOException {
        VerilogFile f = MemoryMapEmitter.decoderFile(MemoryMap.pulsedlSoc(), TestMaps.PROVENANCE);
        RtlTools.checkAll(dir, f.module().name(), Files.writeString(dir.resolve(f.fileName()), f.text()));
    }

    @Test
    void demoRegisterFileSimulates() throws IOException {
        VerilogFile f = RegisterFileVerilog.file(TestMaps.demo(), TestMaps.PROVENANCE);
        Path rtl = Files.writeString(dir.resolve(f.fileName()), f.text());
        Path tb = dir.resolve("demo_regs_tb.v");
        try (InputStream in = getClass().getResourceAsStream("demo_regs_tb.v")) {
            Files.write(tb, in.readAllBytes());
        }
        Path sim = dir.resolve("tb.vvp");
        RtlTools.icarusCompile(dir, sim, tb, rtl);
        String out = RtlTools.vvp(dir, sim);
        assertFalse(out.contains("FAIL"), out);
        assertTrue(out.contains("PASS demo_regs"), out);
    }

    @Test
    void cHeadersCompileWithoutWarnings() throws IOException {
        for (RegisterMap m : TestMaps.matrix()) {
            Files.writeString(dir.resolve(m.name() + ".h"), RegisterMapCHeader.emit(m, TestMaps.PROVENANCE));
        }
        Files.writeString(dir.resolve("soc.h"), MemoryMapEmitter.cHeader(MemoryMap.pulsedlSoc(), TestMaps.PROVENANCE));
        StringBuilder c = new StringBuilder();
        for (RegisterMap m : TestMaps.matrix()) {
            c.append("#include \"").append(m.name()).append(".h\"\n#include \"").append(m.name()).append(".h\"\n");
        }
        c.append("#include \"soc.h\"\n");
        c.append("uint32_t use(void) { return demo_ctrl_mode_replace(DEMO_CTRL_RESET, DEMO_CTRL_MODE_RUN) + SOC_ACCEL_BASE; }\n");
        Files.writeString(dir.resolve("use.c"), c.toString());
        RtlTools.run(dir, List.of("cc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-c", "use.c", "-o", "use.o"));
    }
}
