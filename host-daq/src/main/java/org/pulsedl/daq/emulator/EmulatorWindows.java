package org.pulsedl.daq.emulator;

import org.pulsedl.daq.sim.NoiseSpec;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;

/**
 * The ADC windows the emulated board digitises, block by block. Block {@code b} is simulated by its own
 * {@link PulseSimulator.EventSource} seeded from the run's seed and {@code b}, so blocks can be computed on any
 * thread in any order and a test can regenerate any block to check the board's results against the golden model.
 *
 * <p>A noise level given as an SNR is turned into its σ once, here: {@link SimulatorConfig#noiseSigmaCodes()}
 * averages the sampled pulse over 4,096 phases, which per block cost more than simulating the block. The σ is the
 * same double, so the windows are bit-identical to a simulator built from the SNR.
 */
public final class EmulatorWindows {
    private final SimulatorConfig sim;

    public EmulatorWindows(SimulatorConfig sim) {
        this.sim = sim.noise() instanceof NoiseSpec.SnrDb ? sim.withNoise(new NoiseSpec.Sigma(sim.noiseSigmaCodes())) : sim;
    }

    /** The seed of block {@code block} of a run seeded {@code seed} (SplittableRandom's mixing constant spreads them). */
    static long blockSeed(long seed, long block) {
        return seed + 0x9E3779B97F4A7C15L * (block + 1);
    }

    /**
     * The windows of {@code events} events of block {@code block}, one per channel, event-major:
     * {@code [event · channels + channel][0][sample]} (the golden model's one-channel ADC layout).
     */
    public static short[][][] block(SimulatorConfig sim, long block, int events) {
        return new EmulatorWindows(sim).block(block, events);
    }

    /** As {@link #block(SimulatorConfig, long, int)} for this run's simulator. */
    public short[][][] block(long block, int events) {
        int samples = sim.samples();
        short[] codes = new short[events * sim.channels() * samples];
        fill(block, events, codes);
        short[][][] windows = new short[events * sim.channels()][1][];
        for (int w = 0; w < windows.length; w++) windows[w][0] = java.util.Arrays.copyOfRange(codes, w * samples, (w + 1) * samples);
        return windows;
    }

    /**
     * The same windows stored flat, window after window: sample {@code l} of window {@code w} (event-major, as in
     * {@link #block(long, int)}) at {@code codes[w · samples + l]}; the layout of
     * {@link org.pulsedl.quantizer.golden.fast.FastGoldenModel#runFromAdcFlat}.
     */
    public void fill(long block, int events, short[] codes) {
        int channels = sim.channels();
        int samples = sim.samples();
        PulseSimulator.EventSource source = new PulseSimulator.EventSource(sim.withSeed(blockSeed(sim.seed(), block)));
        short[][] event = new short[channels][samples];
        double[] labels = new double[channels + 1];
        for (int e = 0; e < events; e++) {
            source.next(event, labels);
            for (int c = 0; c < channels; c++) System.arraycopy(event[c], 0, codes, (e * channels + c) * samples, samples);
        }
    }
}
