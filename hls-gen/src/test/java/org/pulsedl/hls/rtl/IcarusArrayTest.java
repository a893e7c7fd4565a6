package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.accel.ProgramException;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.testing.RandomQModels.Profile;
import org.pulsedl.quantizer.testing.RandomQModels;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The Icarus testbench ({@code testbenches/accel/tb_accel.v}) on the small configuration: random models loaded
 * through the slave port, bit- and cycle-exact like under Verilator; the status registers read back over the bus.
 */
class IcarusArrayTest {
    /** Random models drawn before giving up (most fit: the loop normally ends after two or three). */
    private static final int MAX_ATTEMPTS = 50;

    @Test
    void smallConfigurationRandomModels() throws Exception {
        long seed = TestSeed.of("IcarusArrayTest", 77);
        SplittableRandom rnd = new SplittableRandom(seed);
        AcceleratorConfig cfg = ArrayBitExactTest.roomy(AcceleratorConfig.small());
        int done = 0;
        for (int attempt = 0; done < 2; attempt++) {
            assertTrue(attempt < MAX_ATTEMPTS, "seed " + seed + ": only " + done + " of " + MAX_ATTEMPTS
                    + " random models fit the small configuration");
            RoundingMode mode = done == 0 ? RoundingMode.DOUBLE : RoundingMode.SINGLE;
            QuantizedModel model = RandomQModels.make(rnd, "icarus" + done, Profile.rtl(), mode, 31, true);
            LayerProgram program;
            try {
                program = LayerProgram.compile(model, cfg);
            } catch (ProgramException e) {
                continue;   // too large for the configuration: draw another
            }
            int windows = 2 * cfg.pes() + 1 + rnd.nextInt(3);
            List<int[]> inputs = RandomQModels.inputs(rnd, model, windows);
            int[] tags = RtlBench.tags(rnd, windows);
            RtlBench.Trace t = ArrayBitExactTest.check("seed " + seed + " Icarus model " + done, cfg, program, model,
                    inputs, tags, RtlBench.dir("icarus-" + done), true);
            assertEquals(windows, t.regs().get(0x24), "WINDOWS_OUT read over the slave port");
            assertEquals(windows, t.regs().get(0x20), "WINDOWS_IN");
            assertEquals((long) t.roundStarts().length, t.regs().get(0x28), "ROUNDS");
            assertEquals(0L, t.regs().get(0x04) >> 8 & 0xFF, "STATUS error code");
            System.out.printf("IcarusArrayTest: model %d, %d windows, %d cycles, vvp %.2f s%n", done, windows,
                    t.cycles(), t.seconds());
            done++;
        }
    }
}
