package org.pulsedl.daq.emulator;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;

/**
 * The board's event pipeline: simulated windows block by block ({@link EmulatorWindows}), the fast integer golden
 * model on a pool of threads (bit-exact with the hardware), then timestamps and flags in event order on the
 * caller's thread. Blocks are computed ahead (two per thread) and handed out strictly in order, so the records
 * never depend on the number of threads. Not thread-safe: one consumer calls {@link #next()}.
 */
public final class EmulatorEngine implements AutoCloseable {
    /** One block of events: its results and the windows they came from (for WAVEFORM frames and tests). */
    public record Block(long index, ResultBatch results, short[][][] windows) {}

    private record Computed(short[][][] windows, long[][] outputs) {}

    private final EmulatorSettings settings;
    private final EmulatorWindows simulator;
    private final ExecutorService workers;
    private final ArrayDeque<Future<Computed>> ahead = new ArrayDeque<>();
    private final EventClock clock;
    private final int depth;
    private FastGoldenModel model;
    /** The computed blocks of a pool (settings.poolBlocks() &gt; 0), filled by the workers. */
    private volatile Computed[] pooled;
    private long submitted;
    private long emitted;
    private long lookahead = -1;
    private long previous = Long.MIN_VALUE / 2;

    public EmulatorEngine(EmulatorSettings settings, FastGoldenModel model) {
        checkModel(model, settings);
        this.settings = settings;
        this.simulator = new EmulatorWindows(settings.sim());
        this.model = model;
        this.clock = new EventClock(settings.arrival(), settings.rateHz(), settings.clockHz(), settings.sim().seed());
        this.depth = 2 * settings.threads();
        this.pooled = new Computed[settings.poolBlocks()];
        this.workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "emulator-golden-model");
            t.setDaemon(true);
            return t;
        });
    }

    /** Refuses a model that cannot run on the board's windows (one ADC channel of {@code samples} codes). */
    public static void checkModel(FastGoldenModel model, EmulatorSettings settings) {
        var q = model.model();
        if (q.inputStage() == null || q.inputStage().channels() != 1) {
            throw new IllegalArgumentException("model '" + q.name() + "' must take one ADC channel per window (an input stage of one channel)");
        }
        if (q.inputStage().adcBits() != settings.sim().adcBits()) {
            throw new IllegalArgumentException("model '" + q.name() + "' expects " + q.inputStage().adcBits()
                    + "-bit ADC codes, the board digitises " + settings.sim().adcBits() + " bits");
        }
        if (model.inputSize() != settings.sim().samples()) {
            throw new IllegalArgumentException("model '" + q.name() + "' takes windows of " + model.inputSize()
                    + " samples, the board's windows are " + settings.sim().samples() + " samples long");
        }
    }

    public EmulatorSettings settings() { return settings; }

    public FastGoldenModel model() { return model; }

    /** Outputs per result record (the model's output count). */
    public int outputs() { return model.outputSize(); }

    /**
     * Runs every block not yet handed out on {@code next} instead (a MODEL_LOAD that succeeded): blocks computed
     * ahead with the old model are dropped and computed again.
     */
    public void setModel(FastGoldenModel next) {
        checkModel(next, settings);
        ahead.forEach(f -> f.cancel(false));
        ahead.clear();
        pooled = new Computed[settings.poolBlocks()];
        submitted = emitted;
        model = next;
    }

    /** The next block of events, in order. */
    public Block next() throws InterruptedException {
        while (ahead.size() < depth) submit();
        Computed c;
        try {
            c = ahead.removeFirst().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the golden model failed on block " + emitted + ": " + e.getCause().getMessage(), e.getCause());
        }
        submit();
        return new Block(emitted++, stamp(c), c.windows());
    }

    private void submit() {
        long block = submitted++;
        int pool = settings.poolBlocks();
        // With a pool, block b repeats block b mod N (windows and outputs; the timestamps stay fresh).
        long source = pool > 0 ? block % pool : block;
        Computed[] cache = pooled;
        if (pool > 0 && cache[(int) source] != null) {
            ahead.addLast(java.util.concurrent.CompletableFuture.completedFuture(cache[(int) source]));
            return;
        }
        FastGoldenModel m = model;
        int events = settings.blockEvents();
        EmulatorWindows sim = simulator;
        ahead.addLast(workers.submit(() -> {
            short[][][] windows = sim.block(source, events);
            long[][] out = new long[windows.length][];
            m.runRange(null, windows, 0, windows.length, out);
            Computed c = new Computed(windows, out);
            if (cache.length > 0) cache[(int) source] = c;
            return c;
        }));
    }

    /**
     * Timestamps (one per event, shared by its channels) and flags, in event order. The wire carries each raw
     * output as an i32 (DESIGN §5); a wider value is clamped and flagged OUTPUT_CLIPPED.
     */
    private ResultBatch stamp(Computed c) {
        int channels = settings.sim().channels();
        int samples = settings.sim().samples();
        int maxCode = settings.sim().fullScaleCodes();
        int events = c.windows().length / channels;
        int n = c.windows().length;
        int k = c.outputs()[0].length;
        long[] ticks = new long[events + 1];
        for (int e = 0; e <= events; e++) {
            ticks[e] = e == 0 && lookahead >= 0 ? lookahead : clock.next();
        }
        lookahead = ticks[events];
        long[] timestamps = new long[n];
        int[] channel = new int[n];
        int[] flags = new int[n];
        int[] outputs = new int[n * k];
        for (int e = 0; e < events; e++) {
            long before = e == 0 ? previous : ticks[e - 1];
            boolean pileup = ticks[e] - before < samples || ticks[e + 1] - ticks[e] < samples;
            for (int ch = 0; ch < channels; ch++) {
                int w = e * channels + ch;
                int f = (pileup ? EventFlag.PILE_UP.mask() : 0)
                        | (saturated(c.windows()[w][0], maxCode) ? EventFlag.ADC_SATURATED.mask() : 0);
                long[] raw = c.outputs()[w];
                for (int j = 0; j < k; j++) {
                    long v = raw[j];
                    if (v != (int) v) f |= EventFlag.OUTPUT_CLIPPED.mask();
                    outputs[w * k + j] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
                }
                timestamps[w] = ticks[e];
                channel[w] = ch;
                flags[w] = f;
            }
        }
        previous = ticks[events - 1];
        return new ResultBatch(k, timestamps, channel, flags, outputs);
    }

    private static boolean saturated(short[] window, int maxCode) {
        for (short s : window) {
            if (s <= 0 || s >= maxCode) return true;
        }
        return false;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
