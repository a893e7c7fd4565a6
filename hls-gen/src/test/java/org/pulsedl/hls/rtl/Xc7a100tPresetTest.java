package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.ArraySimulator;
import org.pulsedl.hls.accel.CycleModel;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.gen.ConfigResolver;
import org.pulsedl.hls.verilog.VerilogFile;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The {@code xc7a100t} preset (15 × 16, no DSP packing, fast-clock latencies) runs the shipped model
 * ({@code models/pdl2/model.qmodel}: m_bits 31, int16 throughout) bit-exactly with the golden model at ≥ 1 M
 * two-channel pulses/s at its 100 MHz: in the Java simulator at P = 15 — also with 16-bit requantiser multipliers,
 * the smaller build docs/performance.md measures — and in Verilator at P = 2, whose arithmetic-unit, requantiser and
 * PE modules are the P = 15 build's, text for text.
 */
class Xc7a100tPresetTest {

    private static final int SIM_PES = 2;

    @Test
    void presetFitsTheDspBudgetAndKeepsTheDefaultsLimits() {
        AcceleratorConfig c = ConfigResolver.resolve("xc7a100t", null, Map.of());
        assertEquals(AcceleratorConfig.xc7a100t(), c);
        assertFalse(c.twoMacsPerDsp());
        assertEquals(AcceleratorConfig.artix7Default().toBuilder().pes(15).lanes(16).twoMacsPerDsp(false)
                .macLatency(c.macLatency()).requantLatency(c.requantLatency()).inputLatency(c.inputLatency())
                .build(), c,
                "the default's limits and widths (m_bits too): every model the default runs");
        assertEquals(15 * 16, c.arithmeticUnits());
        assertTrue(c.macDsps() <= 240, "DSP48E1 of the MAC array " + c.macDsps() + " (xc7a100t: 240)");
        assertTrue(c.macLatency() >= 6 && c.requantLatency() >= 16 && c.inputLatency() >= 16, "fast-clock latencies");
    }

    @ParameterizedTest(name = "m_bits {0}")
    @ValueSource(ints = {31, 16})
    void pdl2BitExactInTheSimulatorAtOneMillionPulsesPerSecond(int mBits) throws Exception {
        long seed = TestSeed.of("Xc7a100tPresetTest.sim", 4545);
        QuantizedModel model = pdl2();
        AcceleratorConfig cfg = AcceleratorConfig.xc7a100t().toBuilder().mBits(mBits).build();
        LayerProgram program = LayerProgram.compile(model, cfg);
        int windows = 4 * 2 * cfg.pes() + 7;                       // four full rounds and a partial one
        List<int[]> codes = DefaultModelRtlTest.crrcWindows(new SplittableRandom(seed), windows);
        int[] tags = RtlBench.tags(new SplittableRandom(seed + 1), windows);
        ArraySimulator.Result r = new ArraySimulator(program).run(codes, tags);
        DefaultModelRtlTest.assertSimulatorEqualsGolden(model, codes, r);
        CycleModel cycles = new CycleModel(program);
        assertEquals(cycles.totalCycles(windows), r.cycles());
        double pulses = cfg.clockMHz() * 1e6 / (2 * cycles.cyclesPerWindow());
        System.out.printf("Xc7a100tPresetTest: pdl2 on %dx%d, m_bits %d, no packing, fast-clock latencies: %d windows"
                + " bit-exact, %.2f cycles/window, %.3f M two-channel pulses/s at %.0f MHz (seed %d)%n", cfg.pes(),
                cfg.lanes(), cfg.mBits(), windows, cycles.cyclesPerWindow(), pulses / 1e6, cfg.clockMHz(), seed);
        assertTrue(pulses >= 1e6, "two-channel pulses/s at " + cfg.clockMHz() + " MHz: " + pulses);
    }

    @Test
    void pdl2BitExactInVerilatorOnTheSameModules() throws Exception {
        long seed = TestSeed.of("Xc7a100tPresetTest.rtl", 4646);
        AcceleratorConfig full = AcceleratorConfig.xc7a100t();
        AcceleratorConfig cfg = full.toBuilder().pes(SIM_PES).build();
        Map<String, VerilogFile> small = byName(cfg);
        Map<String, VerilogFile> big = byName(full);
        for (String module : List.of("pdl_accel_au", "pdl_accel_requant", "pdl_accel_requant_in", "pdl_accel_pe")) {
            VerilogFile s = small.get(module);
            assertEquals(s.text(), new VerilogFile(s.banner(), big.get(module).module()).text(),
                    module + " at P = " + SIM_PES + " vs P = " + full.pes());
        }
        QuantizedModel model = pdl2();
        LayerProgram program = LayerProgram.compile(model, cfg);
        int windows = 3 * 2 * SIM_PES + 3;
        List<int[]> codes = DefaultModelRtlTest.crrcWindows(new SplittableRandom(seed), windows);
        int[] tags = RtlBench.tags(new SplittableRandom(seed + 1), windows);
        ArraySimulator.Result ref = RtlBench.reference(program, codes, tags);   // the harness's numbers and stamps
        DefaultModelRtlTest.assertSimulatorEqualsGolden(model, codes, ref);
        RtlBench.Trace t = RtlBench.runVerilator(cfg, RtlBench.dir("pdl2-xc7a100t"), program, codes, tags,
                10 * ref.cycles() + 10_000);
        assertArrayEquals(ref.resultWords(), t.words(), "result words vs ArraySimulator (seed " + seed + ")");
        assertEquals(new CycleModel(program).totalCycles(windows), t.cycles(), "total cycles vs CycleModel");
    }

    private static QuantizedModel pdl2() throws Exception {
        return QModelFormat.read(RtlBench.repoRoot().resolve("models/pdl2/model.qmodel"));
    }

    private static Map<String, VerilogFile> byName(AcceleratorConfig cfg) {
        return AcceleratorRtl.files(cfg, RtlBench.PROVENANCE).stream()
                .collect(Collectors.toMap(f -> f.module().name(), f -> f));
    }
}
