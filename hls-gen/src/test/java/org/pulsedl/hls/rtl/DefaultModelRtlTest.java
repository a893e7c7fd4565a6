package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.ArraySimulator;
import org.pulsedl.hls.accel.CycleModel;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The trained default model ({@code models/pdl2/model.qmodel}, int16 throughout, 12-bit ADC input stage) on the
 * throughput configuration {@code artix7Default()} (28 × 8, two int8 MACs per DSP) under Verilator, on pdl2-like
 * CR-RC windows: every output equals {@code GoldenModel}'s and every cycle count {@code CycleModel}'s.
 */
class DefaultModelRtlTest {

    /**
     * pdl2-like windows (DESIGN §3): CR-RC (n = 1, τ = 16 ns = 2 samples at 125 MSPS), onset 8 samples plus a phase
     * in one sample, amplitude 20-90 % of full scale, baseline 5 %, white noise at ≈ 47 dB SNR, 12-bit clipping.
     */
    static List<int[]> crrcWindows(SplittableRandom rnd, int n) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double amp = (0.2 + 0.7 * rnd.nextDouble()) * 4095;
            double t0 = 8 + rnd.nextDouble();
            int[] w = new int[32];
            for (int l = 0; l < 32; l++) {
                double t = (l - t0) / 2.0;
                double pulse = t > 0 ? amp * t * Math.exp(1 - t) : 0;
                double noise = 12.2 * gauss(rnd);
                w[l] = (int) Math.max(0, Math.min(4095, Math.round(205 + pulse + noise)));
            }
            out.add(w);
        }
        return out;
    }

    private static double gauss(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Test
    void pdl2ModelOnThousandWindowsBitAndCycleExact() throws Exception {
        long seed = TestSeed.of("DefaultModelRtlTest", 4242);
        QuantizedModel model = QModelFormat.read(RtlBench.repoRoot().resolve("models/pdl2/model.qmodel"));
        AcceleratorConfig cfg = AcceleratorConfig.artix7Default();
        LayerProgram program = LayerProgram.compile(model, cfg);
        int windows = Integer.getInteger("pulsedl.rtl.windows", 1024);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<int[]> codes = crrcWindows(rnd, windows);
        int[] tags = new int[windows];
        for (int i = 0; i < windows; i++) {
            tags[i] = i % 2;                                    // ADC channel
        }
        ArraySimulator.Result ref = RtlBench.reference(program, codes, tags);
        assertSimulatorEqualsGolden(model, codes, ref);
        RtlBench.Trace t = RtlBench.runVerilator(cfg, RtlBench.dir("pdl2-default"), program, codes, tags,
                10 * ref.cycles() + 10_000);
        assertArrayEquals(ref.resultWords(), t.words(), "result words (outputs, tags, sequence) vs ArraySimulator");
        CycleModel.Schedule sch = new CycleModel(program).schedule(windows);
        assertArrayEquals(sch.roundStarts(), t.roundStarts(), "round starts vs CycleModel");
        assertEquals(sch.totalCycles(), t.cycles(), "total cycles vs CycleModel");
        long[] ends = sch.windowResultEnd();
        int per = program.header().resultWordsPerWindow();
        for (int i = 0; i < windows; i++) {
            assertEquals(ends[i] + 1, t.wordCycles()[(i + 1) * per - 1], "window " + i + ": cycle of its last word");
        }
        System.out.printf("DefaultModelRtlTest: %d pdl2 windows on %dx%d, %d rounds, %d cycles (CycleModel %d),"
                        + " %.1f cycles/window steady state, Verilator %.2f s%n", windows, cfg.pes(), cfg.lanes(),
                t.roundStarts().length, t.cycles(), sch.totalCycles(), new CycleModel(program).cyclesPerWindow(),
                t.seconds());
    }

    /**
     * The same model (m_bits 31, int16 layers) on a 16-bit-multiplier build: its INT64 layers use 15-bit m, its input
     * stage the 31-bit input requantiser, so it runs unchanged and bit-exact.
     */
    @Test
    void pdl2ModelOnSixteenBitMultiplierBuild() throws Exception {
        long seed = TestSeed.of("DefaultModelRtlTest.m16", 4343);
        QuantizedModel model = QModelFormat.read(RtlBench.repoRoot().resolve("models/pdl2/model.qmodel"));
        AcceleratorConfig cfg = AcceleratorConfig.small().toBuilder().mBits(16).build();
        LayerProgram program = LayerProgram.compile(model, cfg);
        int windows = 24;
        List<int[]> codes = crrcWindows(new SplittableRandom(seed), windows);
        int[] tags = new int[windows];
        ArraySimulator.Result ref = RtlBench.reference(program, codes, tags);
        assertSimulatorEqualsGolden(model, codes, ref);
        RtlBench.Trace t = RtlBench.runVerilator(cfg, RtlBench.dir("pdl2-m16"), program, codes, tags,
                10 * ref.cycles() + 10_000);
        assertArrayEquals(ref.resultWords(), t.words(), "result words vs ArraySimulator (m_bits 16 build)");
    }

    /** Every window's outputs from {@code ArraySimulator} equal the golden model's on the same ADC codes. */
    static void assertSimulatorEqualsGolden(QuantizedModel model, List<int[]> codes, ArraySimulator.Result ref) {
        GoldenModel golden = new GoldenModel(model);
        for (int i = 0; i < codes.size(); i++) {
            short[][] adc = new short[1][32];
            for (int l = 0; l < 32; l++) {
                adc[0][l] = (short) codes.get(i)[l];
            }
            assertArrayEquals(golden.runFromAdc(adc), ref.outputs()[i], "window " + i + ": ArraySimulator vs golden");
        }
    }
}
