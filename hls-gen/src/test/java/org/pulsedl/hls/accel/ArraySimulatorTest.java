package org.pulsedl.hls.accel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.testing.RandomQModels.Profile;
import org.pulsedl.quantizer.testing.RandomQModels;
import org.pulsedl.quantizer.testing.TestSeed;

/** The array simulator equals the golden model bit for bit, and the cycle model cycle for cycle, on random models. */
class ArraySimulatorTest {
    private static final int MODELS_PER_CASE = 12;

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<AcceleratorConfig> configs = TestConfigs.sweep();
        for (int i = 0; i < configs.size(); i++) {
            for (RoundingMode mode : RoundingMode.values()) {
                AcceleratorConfig c = configs.get(i);
                out.add(Arguments.of("P" + c.pes() + "xU" + c.lanes() + (c.twoMacsPerDsp() ? " packed" : "")
                        + (c.int16FullRate() ? " int16-full-rate" : "")
                        + " a" + c.activationBits() + " " + mode, c, mode, 1000L * i + mode.ordinal()));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void randomModelsBitExactAndCycleExact(String label, AcceleratorConfig cfg, RoundingMode mode, long defaultSeed) {
        long seed = TestSeed.of("randomModels " + label, 20240601L + defaultSeed);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int m = 0; m < MODELS_PER_CASE; m++) {
            int mBits = rnd.nextInt(3) == 0 ? 15 : 31;
            QuantizedModel model = RandomQModels.make(rnd, "random" + m, Profile.accelerator(), mode, mBits,
                    cfg.activationBits() == 16);
            LayerProgram program = LayerProgram.compile(model, cfg);
            int windows = 1 + rnd.nextInt(4 * cfg.pes() + 3);
            List<int[]> inputs = RandomQModels.inputs(rnd, model, windows);
            int[] tags = new int[windows];
            for (int i = 0; i < windows; i++) {
                tags[i] = rnd.nextInt(256);
            }
            ArraySimulator.Result r = new ArraySimulator(program).run(inputs, tags);
            GoldenModel golden = new GoldenModel(model);
            String what = label + " model " + m + " " + model.layers().stream().map(l -> l.name()).toList();
            for (int i = 0; i < windows; i++) {
                assertArrayEquals(golden.run(inputs.get(i)), r.outputs()[i], what + " window " + i);
            }
            CycleModel.Schedule s = new CycleModel(program).schedule(windows);
            assertArrayEquals(s.roundStarts(), r.roundStarts(), what + ": round starts");
            assertEquals(s.totalCycles(), r.cycles(), what + ": total cycles");
        }
    }
}
