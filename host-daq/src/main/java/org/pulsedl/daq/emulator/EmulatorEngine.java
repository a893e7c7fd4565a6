package org.pulsedl.daq.emulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;

/**
 * The board's event pipeline: simulated windows block by block ({@link EmulatorWindows}), the fast integer golden
 * model on a pool of threads (bit-exact with the hardware), then timestamps and pile-up flags in event order on the
 * caller's thread. Blocks are computed ahead (two per thread) and handed out strictly in order, so the records
 * never depend on the number of threads. Everything per window (simulation, golden model, output clamping,
 * saturation flag) runs on the workers over flat arrays, one set per block; the caller's thread only stamps the
 * events, since the timestamps form one sequence. Not thread-safe: one consumer calls {@link #next()}.
 */
public final class EmulatorEngine implements AutoCloseable {
    /**
     * One block of events: its results and the ADC windows they came from (for WAVEFORM frames and tests), flat:
     * record {@code i}'s window is {@code codes[i · samples, (i + 1) · samples)}.
     */
    public record Block(long index, ResultBatch results, short[] codes, int samples) {
        /** The ADC window of record {@code i} (a copy). */
        public short[] window(int i) {
            return Arrays.copyOfRange(codes, i * samples, (i + 1) * samples);
        }
    }

    /** A block's windows, its outputs as the wire carries them ({@code [window · k + j]}) and each window's flags. */
    private record Computed(short[] codes, int[] outputs, int[] flags) {}

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
        return new Block(emitted++, stamp(c), c.codes(), settings.sim().samples());
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
        ahead.addLast(workers.submit(() -> {
            Computed c = compute(m, source, events);
            if (cache.length > 0) cache[(int) source] = c;
            return c;
        }));
    }

    /**
     * Simulates block {@code block} and runs the golden model on it. The wire carries each raw output as an i32
     * (DESIGN §5): a wider value is clamped and its window flagged OUTPUT_CLIPPED; a window touching either end of
     * the ADC range is flagged ADC_SATURATED.
     */
    private Computed compute(FastGoldenModel m, long block, int events) {
        var sim = settings.sim();
        int samples = sim.samples();
        int n = events * sim.channels();
        int k = m.outputSize();
        short[] codes = new short[n * samples];
        simulator.fill(block, events, codes);
        long[] raw = new long[n * k];
        m.runFromAdcFlat(codes, 0, n, raw);
        int[] outputs = new int[n * k];
        int[] flags = new int[n];
        int maxCode = sim.fullScaleCodes();
        for (int w = 0; w < n; w++) {
            int f = saturated(codes, w * samples, samples, maxCode) ? EventFlag.ADC_SATURATED.mask() : 0;
            for (int j = w * k; j < (w + 1) * k; j++) {
                long v = raw[j];
                if (v != (int) v) f |= EventFlag.OUTPUT_CLIPPED.mask();
                outputs[j] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
            }
            flags[w] = f;
        }
        return new Computed(codes, outputs, flags);
    }

    /** Timestamps (one per event, shared by its channels) and the pile-up flag, in event order. */
    private ResultBatch stamp(Computed c) {
        int channels = settings.sim().channels();
        int samples = settings.sim().samples();
        int n = c.flags().length;
        int events = n / channels;
        long[] ticks = new long[events + 1];
        for (int e = 0; e <= events; e++) {
            ticks[e] = e == 0 && lookahead >= 0 ? lookahead : clock.next();
        }
        lookahead = ticks[events];
        long[] timestamps = new long[n];
        int[] channel = new int[n];
        int[] flags = new int[n];
        for (int e = 0; e < events; e++) {
            long before = e == 0 ? previous : ticks[e - 1];
            boolean pileup = ticks[e] - before < samples || ticks[e + 1] - ticks[e] < samples;
            for (int ch = 0; ch < channels; ch++) {
                int w = e * channels + ch;
                timestamps[w] = ticks[e];
                channel[w] = ch;
                flags[w] = c.flags()[w] | (pileup ? EventFlag.PILE_UP.mask() : 0);
            }
        }
        previous = ticks[events - 1];
        // A pooled block is handed out again: its outputs are shared, never written after compute().
        return new ResultBatch(c.outputs().length / n, timestamps, channel, flags, c.outputs());
    }

    private static boolean saturated(short[] codes, int from, int samples, int maxCode) {
        for (int l = from; l < from + samples; l++) {
            if (codes[l] <= 0 || codes[l] >= maxCode) return true;
        }
        return false;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
