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
import org.pulsedl.daq.dsp.DigitalCfdTimer;
import org.pulsedl.daq.dsp.TemplateFit;
import org.pulsedl.daq.dsp.TrapezoidEnergy;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;

/**
 * Cost per channel window of the classical estimators on pdl2 windows (one thread); scores are windows per
 * second. Run with {@code scripts/jmh EstimatorBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EstimatorBenchmark {
    private static final int WINDOWS = 1024;

    private short[][] windows;
    private TemplateFit fit;
    private DigitalCfdTimer dcfd;
    private TrapezoidEnergy trapezoid;

    @Setup
    public void setUp() {
        SimulatorConfig c = SimulatorConfig.pdl2();
        Dataset d = PulseSimulator.generate(c, WINDOWS);
        windows = new short[WINDOWS][];
        for (int e = 0; e < WINDOWS; e++) windows[e] = d.waveform(e, 0);
        fit = new TemplateFit(c.shape(), c.samplePeriodNs());
        dcfd = new DigitalCfdTimer(c.samplePeriodNs());
        trapezoid = TrapezoidEnergy.forShape(c.shape(), c.samplePeriodNs(), c.samples(),
                c.onsetSample() * c.samplePeriodNs(), 16);
    }

    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public void templateFit(Blackhole bh) {
        for (short[] w : windows) bh.consume(fit.fit(w));
    }

    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public void digitalCfd(Blackhole bh) {
        for (short[] w : windows) bh.consume(dcfd.time(w));
    }

    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public void trapezoid(Blackhole bh) {
        for (short[] w : windows) bh.consume(trapezoid.energy(w));
    }
}
