package org.pulsedl.daq.emulator;

import org.pulsedl.daq.sim.SimulatorConfig;

/**
 * What the emulated board produces (issue 13 "Board emulator"): pulses from the simulator, arriving at
 * {@code rateHz} events per second, periodic or Poisson; each event gives one RESULT record per channel.
 *
 * @param sim         the simulated detector and ADC; its sampling rate is the board's timestamp clock
 * @param rateHz      mean events per second (each event has {@code sim.channels()} results)
 * @param arrival     periodic or Poisson arrivals
 * @param blockEvents events computed together (one golden-model tile spans about one block)
 * @param threads     threads running the golden model
 * @param poolBlocks  0: every block is simulated and computed afresh; N &gt; 0: the first N blocks are computed once and
 *                    then sent again and again with fresh timestamps (link benchmarks, where the link and not the
 *                    model is measured)
 */
public record EmulatorSettings(SimulatorConfig sim, double rateHz, Arrival arrival, int blockEvents, int threads, int poolBlocks) {
    public static final int DEFAULT_BLOCK_EVENTS = 512;
    public static final double DEFAULT_RATE_HZ = 10_000;

    public EmulatorSettings {
        if (sim == null) throw new IllegalArgumentException("the simulator configuration must be given");
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("--rate must be a number of events per second > 0, got " + rateHz);
        }
        if (arrival == null) throw new IllegalArgumentException("arrival must be periodic or poisson");
        if (blockEvents < 1) throw new IllegalArgumentException("block must hold at least one event, got " + blockEvents);
        if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        if (poolBlocks < 0) throw new IllegalArgumentException("--pool must be >= 0 blocks, got " + poolBlocks);
    }

    public EmulatorSettings(SimulatorConfig sim, double rateHz, Arrival arrival, int blockEvents, int threads) {
        this(sim, rateHz, arrival, blockEvents, threads, 0);
    }

    /** The pdl2 benchmark detector at the default rate, Poisson, one thread per processor. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings(SimulatorConfig.pdl2(), DEFAULT_RATE_HZ, Arrival.POISSON, DEFAULT_BLOCK_EVENTS,
                Runtime.getRuntime().availableProcessors());
    }

    public EmulatorSettings withRate(double hz, Arrival a) {
        return new EmulatorSettings(sim, hz, a, blockEvents, threads, poolBlocks);
    }

    public EmulatorSettings withThreads(int n) {
        return new EmulatorSettings(sim, rateHz, arrival, blockEvents, n, poolBlocks);
    }

    public EmulatorSettings withPool(int blocks) {
        return new EmulatorSettings(sim, rateHz, arrival, blockEvents, threads, blocks);
    }

    /** The timestamp clock: one tick per ADC sample. */
    public double clockHz() { return sim.samplingRateMsps() * 1e6; }

    /** Nanoseconds per timestamp tick. */
    public double tickNs() { return sim.samplePeriodNs(); }
}
