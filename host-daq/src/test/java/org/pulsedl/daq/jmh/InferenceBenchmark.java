package org.pulsedl.daq.jmh;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;
import org.pulsedl.quantizer.importer.savedmodel.SavedModelRunner;
import org.pulsedl.quantizer.io.Npy;
import org.pulsedl.quantizer.predict.Predictor;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.quant.Width;
import org.pulsedl.quantizer.train.FloatModelFile;

/**
 * The shipped network (models/pdl2) on the same batch of 1,024 pdl2 channel windows, side by side: the
 * integer golden model (one thread, and parallel over windows), its compiled batch form {@link FastGoldenModel}
 * (one thread, tiles in parallel — bench's {@code nn_int} — and one window per call), {@code pulsedl
 * predict}'s batch on the same windows as input codes, the Java float inference, and TensorFlow
 * Java float inference of the same network's SavedModel (TF's own thread pool). Scores are windows per
 * second. Run from the repository root with {@code scripts/jmh InferenceBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InferenceBenchmark {
    private static final int WINDOWS = 1024;
    private static final Path MODEL = Path.of("models/pdl2");

    private short[][][] windows;
    private double[][] adcRows;
    private GoldenModel golden;
    private FastGoldenModel fast;
    private FastGoldenModel fastTileOne;
    private Predictor predictor;
    private Npy codes;
    private FloatModelFile floatModel;
    private SavedModelRunner tf;

    @Setup
    public void setUp() throws Exception {
        Dataset d = PulseSimulator.generate(SimulatorConfig.pdl2(), WINDOWS);
        windows = new short[WINDOWS][][];
        adcRows = new double[WINDOWS][];
        for (int e = 0; e < WINDOWS; e++) {
            windows[e] = new short[][] {d.waveform(e, 0)};
            adcRows[e] = new double[d.samples()];
            for (int s = 0; s < d.samples(); s++) adcRows[e][s] = d.waveform(e, 0)[s];
        }
        golden = new GoldenModel(QModelFormat.read(MODEL.resolve("model.qmodel")));
        fast = FastGoldenModel.compile(golden.model());
        fastTileOne = FastGoldenModel.compile(golden.model(), 1);
        predictor = new Predictor(golden.model());
        codes = codesNpy(golden);
        floatModel = FloatModelFile.read(MODEL.resolve("float-model.json"));
        tf = SavedModelRunner.open(MODEL.resolve("saved_model"));
    }

    @TearDown
    public void tearDown() {
        tf.close();
    }

    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public void goldenOneThread(Blackhole bh) {
        for (short[][] w : windows) bh.consume(golden.runFromAdc(w));
    }

    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public long[][] goldenParallel() {
        long[][] out = new long[WINDOWS][];
        IntStream.range(0, WINDOWS).parallel().forEach(i -> out[i] = golden.runFromAdc(windows[i]));
        return out;
    }

    /** The compiled batch form of the golden model (bit-exact with it), on the calling thread. */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public long[][] fastOneThread() {
        return fast.runBatchFromAdc(windows);
    }

    /** The compiled batch form, tiles spread over the common fork-join pool. */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public long[][] fastParallel() {
        return fast.runBatchFromAdcParallel(windows);
    }

    /**
     * The compiled form called once per window (tile of one window): what a per-window caller gets. bench's
     * {@code nn_int} does not run this way but in batches ({@code fastParallel}), because this is no faster than
     * the reference.
     */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public void fastPerWindow(Blackhole bh) {
        for (short[][] w : windows) bh.consume(fastTileOne.runBatchFromAdc(new short[][][] {w}));
    }

    /** {@code pulsedl predict} on int16 input codes held as a .npy array: decoding, checks and the parallel batch. */
    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public Predictor.Result predictCodes() {
        return predictor.run(codes, MODEL);
    }

    /** The windows' model inputs as the .npy array {@code predict} reads (the model's input dtype). */
    private Npy codesNpy(GoldenModel g) {
        int size = g.model().inputShape().size();
        boolean int8 = g.model().input().width() == Width.INT8;
        ByteBuffer b = ByteBuffer.allocate(WINDOWS * size * (int8 ? 1 : 2)).order(ByteOrder.LITTLE_ENDIAN);
        for (short[][] w : windows) {
            for (int v : g.inputFromAdc(w)) {
                if (int8) b.put((byte) v);
                else b.putShort((short) v);
            }
        }
        int[] dims = g.model().inputShape().dims();
        return new Npy(int8 ? "|i1" : "<i2", new int[] {WINDOWS, dims[0], dims[1]}, b.flip());
    }

    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public void javaFloatOneThread(Blackhole bh) {
        for (short[][] w : windows) bh.consume(floatModel.runFromAdc(w));
    }

    @Benchmark
    @OperationsPerInvocation(WINDOWS)
    public double[][] tensorflowJavaFloatBatch() {
        return tf.run(adcRows);
    }
}
