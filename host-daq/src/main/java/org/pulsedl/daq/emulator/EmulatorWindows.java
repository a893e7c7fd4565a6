package org.pulsedl.daq.emulator;

import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;

/**
 * The ADC windows the emulated board digitises, block by block. Block {@code b} is simulated by its own
 * {@link PulseSimulator.EventSource} seeded from the run's seed and {@code b}, so blocks can be computed on any
 * thread in any order and a test can regenerate any block to check the board's results against the golden model.
 */
public final class EmulatorWindows {
    private EmulatorWindows() {}

    /** The seed of block {@code block} of a run seeded {@code seed} (SplittableRandom's mixing constant spreads them). */
    static long blockSeed(long seed, long block) {
        return seed + 0x9E3779B97F4A7C15L * (block + 1);
    }

    /**
     * The windows of {@code events} events of block {@code block}, one per channel, event-major:
     * {@code [event · channels + channel][0][sample]} (the golden model's one-channel ADC layout).
     */
    public static short[][][] block(SimulatorConfig sim, long block, int events) {
        int channels = sim.channels();
        PulseSimulator.EventSource source = new PulseSimulator.EventSource(sim.withSeed(blockSeed(sim.seed(), block)));
        short[][] event = new short[channels][sim.samples()];
        double[] labels = new double[channels + 1];
        short[][][] windows = new short[events * channels][1][];
        for (int e = 0; e < events; e++) {
            source.next(event, labels);
            for (int c = 0; c < channels; c++) windows[e * channels + c][0] = event[c].clone();
        }
        return windows;
    }
}
