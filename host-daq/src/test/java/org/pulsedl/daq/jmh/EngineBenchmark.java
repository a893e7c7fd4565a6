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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.emulator.EmulatorEngine;
import org.pulsedl.daq.emulator.EmulatorSettings;
import org.pulsedl.daq.emulator.EmulatorWindows;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;

/**
 * The emulated board's engine on one core, by part (docs/performance.d/engine.md): simulating a block of pdl2
 * windows ({@link EmulatorWindows#fill}), the fast golden model on such a block ({@code runFromAdcFlat}), and the
 * whole engine with one worker thread ({@link EmulatorEngine#next()}: simulate → golden model → records). Scores
 * are windows (= results) per second. Run with {@code scripts/jmh EngineBenchmark -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class EngineBenchmark {
    private static final int EVENTS = EmulatorSettings.DEFAULT_BLOCK_EVENTS;
    private static final int WINDOWS = EVENTS * 2;

    private EmulatorSettings settings;
    private EmulatorWindows simulator;
    private FastGoldenModel model;
    private EmulatorEngine engine;
    private short[] codes;
    private long[] outputs;
    private long block;

    @Setup
    public void setUp() throws Exception {
        settings = EmulatorSettings.defaults().withThreads(1);
        simulator = new EmulatorWindows(settings.sim());
        model = FastGoldenModel.compile(NeuralModel.builtin().quantized());
        engine = new EmulatorEngine(settings, model);
        codes = new short[WINDOWS * settings.sim().samples()];
        outputs = new long[WINDOWS * model.outputSize()];
        simulator.fill(0, EVENTS, codes);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    /** Simulating one block of windows (fresh seed each time, as the engine does). */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public void simulateBlock(Blackhole bh) {
        short[] c = new short[codes.length];
        simulator.fill(block++, EVENTS, c);
        bh.consume(c);
    }

    /** The fast golden model on one block of windows, flat in and out. */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public void goldenModelBlock(Blackhole bh) {
        model.runFromAdcFlat(codes, 0, WINDOWS, outputs);
        bh.consume(outputs);
    }

    /** The whole engine with one worker thread (and the caller stamping the records). */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public void engineOneWorker(Blackhole bh) throws InterruptedException {
        bh.consume(engine.next());
    }
}
