package org.pulsedl.hls.verilog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layer 2 (STYLE item 11): every emitted module over a parameter matrix passes {@code verilator
 * --lint-only -Wall}, compiles with {@code iverilog -g2005} and synthesises with Yosys 0.23; memories of
 * both read styles map to block RAM on iCE40 and 7-series.
 */
class VerilogToolsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (int lanes : new int[] {1, 3}) {
            for (int[] dw : new int[][] {{2, 1}, {16, 8}, {100, 13}}) {
                for (MemorySpec.ReadStyle style : MemorySpec.ReadStyle.values()) {
                    out.add(Arguments.of(lanes, dw[0], dw[1], style, lanes == 1 ? "init.hex" : null));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "lanes={0} depth={1} width={2} {3} init={4}")
    @MethodSource("matrix")
    void lintCompileSynthesise(int lanes, int depth, int width, MemorySpec.ReadStyle style, String init) throws IOException {
        Path[] files = write(TestModules.lanesFiles(lanes, depth, width, style, init), depth);
        RtlTools.lint(dir, "lanes", files);
        RtlTools.icarusCompile(dir, dir.resolve("lanes.vvp"), files);
        RtlTools.yosys(dir, "synth -top lanes", files);
    }

    @ParameterizedTest
    @EnumSource(MemorySpec.ReadStyle.class)
    void memoryInfersBlockRam(MemorySpec.ReadStyle style) throws IOException {
        Path[] files = write(TestModules.lanesFiles(1, 256, 16, style, "init.hex"), 256);
        String ice40 = RtlTools.yosys(dir, "synth_ice40 -top lanes; stat", files);
        assertTrue(ice40.matches("(?s).*SB_RAM40_4K\\s+1\\n.*"), "no iCE40 block RAM inferred:\n" + tail(ice40));
        String xilinx = RtlTools.yosys(dir, "synth_xilinx -top lanes; stat", files);
        assertTrue(xilinx.matches("(?s).*RAMB18E1\\s+1\\n.*"), "no 7-series block RAM inferred:\n" + tail(xilinx));
    }

    private Path[] write(List<VerilogFile> files, int depth) throws IOException {
        Files.writeString(dir.resolve("init.hex"), "0\n".repeat(depth));
        Path[] paths = new Path[files.size()];
        for (int i = 0; i < files.size(); i++) {
            paths[i] = Files.writeString(dir.resolve(files.get(i).fileName()), files.get(i).text());
        }
        return paths;
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 3000));
    }
}
