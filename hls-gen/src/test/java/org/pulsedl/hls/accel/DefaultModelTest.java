package org.pulsedl.hls.accel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.Precision;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The default model on the default configuration: ADC codes in, bit-exact with the golden model, cycle-exact with
 * the cycle model, and the throughput numbers of docs/accelerator.md §6 measured on the simulator.
 */
class DefaultModelTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Precision.class, names = {"INT8", "INPUT_INT16", "INPUT_AND_FIRST_INT16", "INT16"})
    void adcWindowsBitExactAndCycleExact(Precision precision) {
        long seed = TestSeed.of("defaultModel " + precision, 99L);
        for (boolean pulsedl2 : new boolean[] {true, false}) {
            QuantizedModel model = DefaultModels.paper(precision, pulsedl2);
            AcceleratorConfig cfg = AcceleratorConfig.artix7Default();
            LayerProgram program = LayerProgram.compile(model, cfg);
            int windows = 3 * 2 * cfg.pes() + 5;
            List<short[]> adc = DefaultModels.adcWindows(new SplittableRandom(seed), windows);
            List<int[]> codes = new ArrayList<>();
            int[] tags = new int[windows];
            for (int i = 0; i < windows; i++) {
                int[] c = new int[32];
                for (int l = 0; l < 32; l++) {
                    c[l] = adc.get(i)[l];
                }
                codes.add(c);
                tags[i] = i % 2;                                      // ADC channel of the window
            }
            ArraySimulator.Result r = new ArraySimulator(program).run(codes, tags);
            GoldenModel golden = new GoldenModel(model);
            for (int i = 0; i < windows; i++) {
                assertArrayEquals(golden.runFromAdc(new short[][] {adc.get(i)}), r.outputs()[i], "window " + i);
            }
            assertEquals(new CycleModel(program).totalCycles(windows), r.cycles());
        }
    }

    @Test
    void measuredThroughputOfTheDefaultConfiguration() {
        AcceleratorConfig cfg = AcceleratorConfig.artix7Default();
        for (Precision precision : new Precision[] {Precision.INT8, Precision.INPUT_INT16,
                                                    Precision.INPUT_AND_FIRST_INT16, Precision.INT16}) {
            LayerProgram program = LayerProgram.compile(DefaultModels.paper(precision, true), cfg);
            Measured m = measure(program);
            CycleModel model = new CycleModel(program);
            assertEquals(model.roundCycles(), m.roundCycles, precision + ": steady-state round");
            System.out.printf(Locale.ROOT, "default model %-22s on P=%d x U=%d: %d cycles/round, %.3f cycles/window,"
                            + " utilisation %.3f (measured %.3f), %.3f M two-channel pulses/s at 100 MHz, %d DSP48%n",
                    precision, cfg.pes(), cfg.lanes(), m.roundCycles, m.cyclesPerWindow, model.macUtilization(),
                    m.utilization, 100e6 / (2 * m.cyclesPerWindow) / 1e6, ResourceEstimate.of(cfg).dsp());
            // int16_full_rate: int16 layers use every lane, so every precision meets the goals.
            assertTrue(m.utilization >= 0.90, precision + ": utilisation " + m.utilization);
            assertTrue(100e6 / (2 * m.cyclesPerWindow) >= 1e6, precision + ": pulses/s");
        }
        assertTrue(ResourceEstimate.of(cfg).dsp() <= 120);
    }

    /** Steady state from the simulator: round interval and busy AU-cycles of one round. */
    record Measured(long roundCycles, double cyclesPerWindow, double utilization) {}

    static Measured measure(LayerProgram program) {
        AcceleratorConfig cfg = program.config();
        int rounds = 6;
        int windows = rounds * 2 * cfg.pes();
        int n = program.header().inputSize();
        List<int[]> inputs = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(5);
        boolean adc = program.header().inputStage();
        for (int i = 0; i < windows; i++) {
            int[] x = new int[n];
            for (int j = 0; j < n; j++) {
                x[j] = adc ? rnd.nextInt(4096) : rnd.nextInt(-128, 128);
            }
            inputs.add(x);
        }
        ArraySimulator.Result r = new ArraySimulator(program).run(inputs, new int[windows]);
        long round = r.roundStarts()[rounds - 1] - r.roundStarts()[rounds - 2];
        double perWindow = round / (2.0 * cfg.pes());
        double util = (double) program.macsPerWindow() * 2 * cfg.pes() / ((double) cfg.arithmeticUnits() * round);
        return new Measured(round, perWindow, util);
    }
}
