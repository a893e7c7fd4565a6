package org.pulsedl.daq.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;

/**
 * Simulator throughput for the pdl2 benchmark (2 channels × 32 samples). Scores are channel-windows per
 * second on one thread; the goal is ≥ 1 M/s per core. Run with {@code scripts/jmh SimulatorBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SimulatorBenchmark {
    private static final int EVENTS = 1024;
    private static final int CHANNELS = 2;

    private PulseSimulator.EventSource source;
    private SimulatorConfig config;
    private short[][][] waveforms;
    private double[][] labels;

    @Setup
    public void setUp() {
        config = SimulatorConfig.pdl2();
        source = new PulseSimulator.EventSource(config);
        waveforms = new short[EVENTS][CHANNELS][config.samples()];
        labels = new double[EVENTS][CHANNELS + 1];
    }

    /** The inner loop alone: events into preallocated arrays. */
    @Benchmark
    @OperationsPerInvocation(EVENTS * CHANNELS)
    public void eventSource(Blackhole bh) {
        for (int e = 0; e < EVENTS; e++) source.next(waveforms[e], labels[e]);
        bh.consume(waveforms);
    }

    /** A whole dataset as {@code pulsedl simulate} makes it, including allocation and the σ derivation. */
    @Benchmark
    @OperationsPerInvocation(20_000 * CHANNELS)
    public Dataset generateDataset() {
        return PulseSimulator.generate(config, 20_000);
    }
}
