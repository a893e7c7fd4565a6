package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.ArraySimulator;
import org.pulsedl.hls.accel.CycleModel;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.accel.ProgramException;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.testing.RandomQModels.Profile;
import org.pulsedl.quantizer.testing.RandomQModels;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The generated array under Verilator on random models: every result word equals {@code ArraySimulator}'s, every
 * output {@code GoldenModel}'s, and round starts and total cycles equal {@code CycleModel}'s (docs §5).
 */
class ArrayBitExactTest {

    static AcceleratorConfig roomy(AcceleratorConfig base) {
        return base.toBuilder().actDepth(512).stagingDepth(128).maxOutputs(512).resultFifoWords(2048)
                .maxFanIn(1024).weightWords(4096).paramEntries(1024).maxLayers(16).inputFifoWindows(8).build();
    }

    /** Several P x U, packed (int16 on half or all lanes) and plain, int8-only and int16-capable, longer latencies. */
    static List<AcceleratorConfig> configs() {
        AcceleratorConfig small = roomy(AcceleratorConfig.small());
        return List.of(
                small,
                small.toBuilder().pes(3).lanes(8).twoMacsPerDsp(true).build(),
                small.toBuilder().pes(2).lanes(8).twoMacsPerDsp(true).int16FullRate(true).build(),
                small.toBuilder().pes(2).inputStage(false).build(),
                small.toBuilder().pes(2).lanes(8).twoMacsPerDsp(true).activationBits(8).accBits(32)
                        .macLatency(7).requantLatency(7).inputLatency(5).build(),
                // the fast-clock build: pipelined controller, deep requantiser and input stage (docs/accelerator.md)
                small.toBuilder().pes(3).lanes(8).twoMacsPerDsp(true).macLatency(6).requantLatency(16).inputLatency(16)
                        .build());
    }

    @Test
    void randomModelsBitAndCycleExact() throws Exception {
        long seed = TestSeed.of("ArrayBitExactTest.randomModelsBitAndCycleExact", 20250);
        SplittableRandom rnd = new SplittableRandom(seed);
        int perConfig = Integer.getInteger("pulsedl.rtl.models", 4);
        int models = 0;
        long windowsTotal = 0;
        for (int ci = 0; ci < configs().size(); ci++) {
            AcceleratorConfig cfg = configs().get(ci);
            for (int k = 0; k < perConfig; k++) {
                RoundingMode mode = k % 2 == 0 ? RoundingMode.DOUBLE : RoundingMode.SINGLE;
                int mBits = rnd.nextBoolean() ? 31 : 8 + rnd.nextInt(23);
                QuantizedModel model = RandomQModels.make(rnd, "m" + ci + "_" + k, Profile.rtl(), mode, mBits,
                        cfg.activationBits() == 16);
                LayerProgram program;
                try {
                    program = LayerProgram.compile(model, cfg);
                } catch (ProgramException e) {
                    k--;
                    continue;
                }
                int windows = 1 + rnd.nextInt(5 * cfg.pes());
                List<int[]> inputs = RandomQModels.inputs(rnd, model, windows);
                int[] tags = RtlBench.tags(rnd, windows);
                String what = "seed " + seed + " config " + ci + " model " + k + " (" + model.layers().size()
                        + " layers, " + mode + ", m_bits " + mBits + ", " + windows + " windows)";
                check(what, cfg, program, model, inputs, tags, RtlBench.dir("array-" + ci + "-" + k), false);
                models++;
                windowsTotal += windows;
            }
        }
        System.out.println("ArrayBitExactTest: " + models + " models, " + windowsTotal + " windows, "
                + configs().size() + " configurations: bit- and cycle-exact");
    }

    /** Runs one model in a simulator and compares against ArraySimulator, GoldenModel and CycleModel. */
    static RtlBench.Trace check(String what, AcceleratorConfig cfg, LayerProgram program, QuantizedModel model,
                                List<int[]> inputs, int[] tags, Path dir, boolean icarus) throws Exception {
        ArraySimulator.Result ref = RtlBench.reference(program, inputs, tags);
        long limit = 10 * ref.cycles() + 10_000;
        RtlBench.Trace t = icarus ? RtlBench.runIcarus(cfg, dir, program, inputs, tags, limit)
                : RtlBench.runVerilator(cfg, dir, program, inputs, tags, limit);
        assertArrayEquals(ref.resultWords(), t.words(), what + ": result words differ from ArraySimulator");
        GoldenModel golden = new GoldenModel(model);
        for (int i = 0; i < inputs.size(); i++) {
            assertArrayEquals(golden.run(inputs.get(i)), ref.outputs()[i], what + ": window " + i + " vs golden");
        }
        CycleModel.Schedule sch = new CycleModel(program).schedule(inputs.size());
        assertArrayEquals(sch.roundStarts(), t.roundStarts(), what + ": round starts");
        assertArrayEquals(ref.roundStarts(), t.roundStarts(), what + ": round starts vs ArraySimulator");
        assertEquals(sch.totalCycles(), t.cycles(), what + ": total cycles vs CycleModel");
        assertEquals(ref.cycles(), t.cycles(), what + ": total cycles vs ArraySimulator");
        return t;
    }
}
