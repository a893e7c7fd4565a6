package org.pulsedl.quantizer.golden.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.InputStage;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QFlatten;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QReshape;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;

/**
 * A compiled batch form of {@link GoldenModel}: the same integers for every window (bit-exact, tested against the
 * reference kernels), computed tile by tile. A tile of {@code T} windows is stored feature-major, one array per
 * feature ({@code x[feature][window]}), so every inner loop runs over the windows of the tile with the weight (or
 * requantisation constant) held fixed: a plain {@code int} multiply-add on distinct arrays at one index, which
 * C2 vectorises. docs/qmodel.md §9 has the measurements behind each choice.
 *
 * <p>The compiled plan, per layer:
 * <ul>
 *   <li>Conv1D and Dense become one <em>row</em> per output feature: a contiguous input range, a contiguous weight
 *       range and an effective bias. SAME padding is handled by clipping each position's tap range at compile
 *       time (padded taps are skipped, as in the reference), and the input zero point is folded into the bias
 *       ({@code Σ(x − z)w = Σxw − zΣw} over the row's real taps). Rows reading the same inputs form groups of
 *       four, so each block of four input rows is read from L2 once and reused from L1. An input row that is
 *       zero in every window of the tile is left out of the row's sum ({@code 0 · w} adds nothing, exactly, in
 *       int32 as in int64): after ReLU most of pdl2's features are zero for the whole tile (the positions before
 *       the pulse, dead channels; 55 % of conv1d's outputs, 29 % of conv1d_1's), which skips 40 % of its MACs.
 *       And a requantised row whose accumulator provably stays at or below the activation's lower clamp in every
 *       window of the tile (its upper bound from each input row's range over the tile, {@code bias + Σ max(w·lo,
 *       w·hi)}, requantises to {@code act_min}; requantisation is monotone) is filled with {@code act_min} without
 *       computing it: a ReLU unit that is off for the whole tile. The input ranges are scanned for the first such
 *       layer and then carried from layer to layer as bounds ({@code [requant(lower bound), requant(upper
 *       bound)]} per row), so no activation is read twice; on pdl2's simulated windows they prove 95 of the 140
 *       rows that are zero for the whole tile (67 of conv1d's 70, 28 of conv1d_1's 37; the dense layers' bounds
 *       are too wide).</li>
 *   <li>The accumulator is int32 whenever the bound of docs/qmodel.md §2 proves it exact: always for int8 inputs
 *       (the validator bounds the accumulator to int32, and int32 wrap-around is exact modulo 2^32), and for int16
 *       inputs when {@code Σ|w|·32768 + |bias| ≤ 2^31 − 1}; otherwise the products are summed in int32 and the
 *       int64 bias added in the requantisation ({@code Σ|w|·32768 ≤ 2^31 − 1}), or, failing that, summed in int64.</li>
 *   <li>Requantisation of an int16-input layer whose results provably stay within int32 uses the all-int32 form
 *       {@link FastMbqm#int64ViaInt32} (vectorised); int8-input layers use branch-free row forms of the DOUBLE and
 *       SINGLE routines; the int64-bias and int64-accumulator cases evaluate {@link FastMbqm} per element (all
 *       tested equal to {@code MultiplyByQuantizedMultiplier}).</li>
 *   <li>Pools become precomputed window ranges; a bias_add runs the golden model's per-element routine with each
 *       channel's rescaled bias computed once ({@link BiasAddStep}); Flatten and Reshape disappear (the layout is the
 *       same).</li>
 *   <li>An input stage becomes one table per channel, {@code code → q}, built with the reference routine.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; each thread reuses its own scratch buffers. The parallel methods split the batch
 * into contiguous chunks, and each window's result depends only on that window, so results never depend on
 * scheduling.
 */
public final class FastGoldenModel {
    /**
     * Largest tile {@link #compile(QuantizedModel)} chooses. Long tiles matter: every row pass has a fixed cost
     * (C2's scalar pre- and post-loops around the vector loop), so the pass should cover many windows; measured on
     * pdl2, 64 → 1,024 windows per tile roughly doubles the throughput although the tile then lives in L2.
     */
    public static final int MAX_AUTO_TILE = 1024;
    /** Activation bytes per scratch buffer {@link #compile(QuantizedModel)} aims for. */
    private static final long AUTO_TILE_BYTES = 1 << 20;
    /** Smallest share of a batch worth a thread of its own. */
    private static final int MIN_PARALLEL_CHUNK = 64;

    private final QuantizedModel model;
    private final int tile;
    private final MacOp[] macs;       // ops in order; exactly one of macs[i] / steps[i] is non-null
    private final TileStep[] steps;
    private final int inSize;
    private final int outSize;
    private final int maxFeatures;
    private final boolean rawOutput;
    private final int inMin;
    private final int inMax;
    private final int[][] adcTable;   // [channel][code] → model input, or null without an input stage
    private final ThreadLocal<Scratch> scratch;

    private FastGoldenModel(QuantizedModel model, int tile) {
        if (tile < 1) {
            throw new IllegalArgumentException("tile must be >= 1, got " + tile);
        }
        this.model = model;
        this.tile = tile;
        this.inSize = model.inputShape().size();
        this.outSize = model.outputShape().size();
        this.rawOutput = model.rawOutput();
        this.inMin = model.input().width().min();
        this.inMax = model.input().width().max();
        List<MacOp> m = new ArrayList<>();
        List<TileStep> p = new ArrayList<>();
        int maxF = inSize;
        List<QLayer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            QLayer l = layers.get(i);
            maxF = Math.max(maxF, l.outputShape().size());
            if (l instanceof QConv1D c) {
                m.add(MacOp.conv(c, model.rounding(), model.mBits()));
                p.add(null);
            } else if (l instanceof QDense d) {
                m.add(MacOp.dense(d, model.rounding(), model.mBits()));
                p.add(null);
            } else if (l instanceof QMaxPool1D mp) {
                m.add(null);
                p.add(new PoolOp(mp.name(), mp.inputShape().length(), mp.inputShape().channels(), mp.poolSize(),
                        mp.stride(), mp.padding(), true));
            } else if (l instanceof QAvgPool1D ap) {
                m.add(null);
                p.add(new PoolOp(ap.name(), ap.inputShape().length(), ap.inputShape().channels(), ap.poolSize(),
                        ap.stride(), ap.padding(), false));
            } else if (l instanceof QBiasAdd b) {
                m.add(null);
                p.add(new BiasAddStep(b));
            } else if (!(l instanceof QFlatten || l instanceof QReshape)) {
                throw new IllegalArgumentException("layer '" + l.name() + "': unsupported type " + l.type());
            }
        }
        this.macs = m.toArray(new MacOp[0]);
        this.steps = p.toArray(new TileStep[0]);
        this.maxFeatures = maxF;
        this.adcTable = model.inputStage() == null ? null : adcTables(model);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(maxFeatures, outSize, tile));
    }

    /**
     * Compiles {@code model} with the largest power-of-two tile up to {@link #MAX_AUTO_TILE} whose activation
     * buffer (widest layer × tile ints) stays within 1 MiB.
     */
    public static FastGoldenModel compile(QuantizedModel model) {
        int widest = model.inputShape().size();
        for (QLayer l : model.layers()) {
            widest = Math.max(widest, l.outputShape().size());
        }
        int tile = MAX_AUTO_TILE;
        while (tile > 16 && (long) widest * tile * Integer.BYTES > AUTO_TILE_BYTES) {
            tile /= 2;
        }
        return new FastGoldenModel(model, tile);
    }

    /** Compiles {@code model} with {@code tile} windows per tile (results do not depend on it). */
    public static FastGoldenModel compile(QuantizedModel model, int tile) {
        return new FastGoldenModel(model, tile);
    }

    public QuantizedModel model() { return model; }

    public int tileSize() { return tile; }

    public int inputSize() { return inSize; }

    public int outputSize() { return outSize; }

    /** The compiled plan, one line per arithmetic layer (accumulator and requantisation kinds). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < macs.length; i++) {
            sb.append(macs[i] != null ? macs[i].describe() : steps[i].describe()).append('\n');
        }
        return sb.toString();
    }

    /** One window, like {@link GoldenModel#run}. */
    public long[] run(int[] inputQ) {
        return runBatch(new int[][] {inputQ})[0];
    }

    /** Many quantised windows on the calling thread; {@code result[i]} equals {@code GoldenModel.run(inputsQ[i])}. */
    public long[][] runBatch(int[][] inputsQ) {
        long[][] out = new long[inputsQ.length][];
        runRange(inputsQ, null, 0, inputsQ.length, out);
        return out;
    }

    /** Many quantised windows, tiles spread over the common fork-join pool. */
    public long[][] runBatchParallel(int[][] inputsQ) {
        long[][] out = new long[inputsQ.length][];
        parallel(inputsQ, null, inputsQ.length, out);
        return out;
    }

    /** ADC windows {@code [window][channel][sample]} through the input stage; equals {@code GoldenModel.runFromAdc}. */
    public long[][] runBatchFromAdc(short[][][] adc) {
        requireInputStage();
        long[][] out = new long[adc.length][];
        runRange(null, adc, 0, adc.length, out);
        return out;
    }

    /** {@link #runBatchFromAdc} with tiles spread over the common fork-join pool. */
    public long[][] runBatchFromAdcParallel(short[][][] adc) {
        requireInputStage();
        long[][] out = new long[adc.length][];
        parallel(null, adc, adc.length, out);
        return out;
    }

    /**
     * Windows {@code [from, to)} of either {@code inputsQ} or {@code adc} (the other null) into {@code out[from..to)},
     * on the calling thread.
     */
    public void runRange(int[][] inputsQ, short[][][] adc, int from, int to, long[][] out) {
        Scratch s = scratch.get();
        for (int start = from; start < to; start += tile) {
            runTile(inputsQ, adc, start, Math.min(tile, to - start), out, s);
        }
    }

    /**
     * ADC windows stored flat, window after window ({@code codes[(w · channels + c) · samples + l]} is window
     * {@code w}, channel {@code c}, sample {@code l}), windows {@code [from, to)} on the calling thread: output
     * {@code j} of window {@code w} goes to {@code out[w · outputSize() + j]}, equal to
     * {@code GoldenModel.runFromAdc(window w)[j]}. Allocates nothing once the thread's scratch exists (the
     * emulated board's path: no per-window arrays, no boxing).
     */
    public void runFromAdcFlat(short[] codes, int from, int to, long[] out) {
        requireInputStage();
        if (from < 0 || to < from || (long) to * inSize > codes.length || (long) to * outSize > out.length) {
            throw new IllegalArgumentException("windows [" + from + ", " + to + ") do not fit " + codes.length
                    + " codes of " + inSize + " per window and " + out.length + " outputs of " + outSize + " per window");
        }
        Scratch s = scratch.get();
        for (int start = from; start < to; start += tile) {
            int n = Math.min(tile, to - start);
            loadAdcFlat(codes, start, n, s.a);
            int[][] x = compute(n, s);
            for (int j = 0; j < outSize; j++) {
                if (x != null) {
                    int[] row = x[j];
                    for (int t = 0; t < n; t++) out[(start + t) * outSize + j] = row[t];
                } else {
                    long[] row = s.out[j];
                    for (int t = 0; t < n; t++) out[(start + t) * outSize + j] = row[t];
                }
            }
        }
    }

    /**
     * Splits {@code [0, n)} into one contiguous chunk per available processor (at least {@link #MIN_PARALLEL_CHUNK}
     * windows each, and at least as many chunks as tiles), each run by {@link #runRange} on a pool thread.
     */
    private void parallel(int[][] inputsQ, short[][][] adc, int n, long[][] out) {
        if (n == 0) {
            return;
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        int chunks = Math.max(1, Math.min(cpus, n / MIN_PARALLEL_CHUNK));
        chunks = Math.max(chunks, (n + tile - 1) / tile);
        int per = (n + chunks - 1) / chunks;
        int count = (n + per - 1) / per;
        IntStream.range(0, count).parallel().forEach(i -> runRange(inputsQ, adc, i * per, Math.min(n, (i + 1) * per), out));
    }

    private void requireInputStage() {
        if (adcTable == null) {
            throw new IllegalStateException("model '" + model.name() + "' has no input stage");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // One tile

    private void runTile(int[][] inputsQ, short[][][] adc, int start, int n, long[][] out, Scratch s) {
        if (inputsQ != null) {
            loadQuantised(inputsQ, start, n, s.a);
        } else {
            loadAdc(adc, start, n, s.a);
        }
        int[][] x = compute(n, s);
        for (int t = 0; t < n; t++) {
            long[] r = new long[outSize];
            for (int j = 0; j < outSize; j++) {
                r[j] = x != null ? x[j][t] : s.out[j][t];
            }
            out[start + t] = r;
        }
    }

    /**
     * Runs every layer on the tile of {@code n} windows loaded into {@code s.a}. Returns the activation buffer holding
     * the outputs ({@code [output][window]}), or null when the last layer is raw and they are in {@code s.out}.
     */
    private int[][] compute(int n, Scratch s) {
        int[][] x = s.a;
        int[][] y = s.b;
        int last = macs.length - 1;
        boolean ranges = false;   // s.xMin / s.xMax bound x's rows (and s.live says which may be non-zero)
        for (int i = 0; i <= last; i++) {
            if (macs[i] != null) {
                MacOp op = macs[i];
                if (!ranges) {
                    scanInputs(x, op.inputs, n, op.carriesRanges(), s);
                }
                if (i == last && rawOutput) {
                    op.runRaw(x, y, n, s);
                    return null;
                }
                op.run(x, y, n, op.carriesRanges(), s);
                ranges = op.carriesRanges();
                if (ranges) {
                    int[] t = s.xMin;
                    s.xMin = s.yMin;
                    s.yMin = t;
                    t = s.xMax;
                    s.xMax = s.yMax;
                    s.yMax = t;
                    for (int f = 0; f < op.rows; f++) {
                        s.live[f] = s.xMin[f] != 0 || s.xMax[f] != 0;
                    }
                }
            } else {
                steps[i].run(x, y, n);
                ranges = false;
            }
            int[][] tmp = x;
            x = y;
            y = tmp;
        }
        return x;
    }

    /**
     * Whether each input row is non-zero in any of the tile's {@code n} windows ({@code s.live}), and with
     * {@code ranges} its range over them ({@code s.xMin}, {@code s.xMax}; a slower scan, as C2 does not vectorise
     * the min/max reduction).
     */
    static void scanInputs(int[][] x, int features, int n, boolean ranges, Scratch s) {
        for (int f = 0; f < features; f++) {
            int[] row = x[f];
            if (ranges) {
                int lo = Integer.MAX_VALUE;
                int hi = Integer.MIN_VALUE;
                for (int t = 0; t < n; t++) {
                    int v = row[t];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                s.xMin[f] = lo;
                s.xMax[f] = hi;
                s.live[f] = lo != 0 || hi != 0;
            } else {
                int any = 0;
                for (int t = 0; t < n; t++) {
                    any |= row[t];
                }
                s.live[f] = any != 0;
            }
        }
    }

    private void loadQuantised(int[][] in, int start, int n, int[][] x) {
        for (int t = 0; t < n; t++) {
            int[] w = in[start + t];
            if (w.length != inSize) {
                throw new IllegalArgumentException("model '" + model.name() + "' expects " + inSize
                        + " input values, got " + w.length);
            }
            for (int i = 0; i < inSize; i++) {
                int v = w[i];
                if (v < inMin || v > inMax) {
                    throw new IllegalArgumentException("input value " + v + " at " + i + " outside the "
                            + model.input().width().label() + " range");
                }
                x[i][t] = v;
            }
        }
    }

    private void loadAdc(short[][][] adc, int start, int n, int[][] x) {
        InputStage st = model.inputStage();
        int channels = st.channels();
        int samples = inSize / channels;
        int mask = (1 << st.adcBits()) - 1;
        boolean unsigned16 = st.adcBits() == 16;
        for (int t = 0; t < n; t++) {
            short[][] w = adc[start + t];
            if (w.length != channels) {
                throw new IllegalArgumentException("expected " + channels + " ADC channels, got " + w.length);
            }
            for (int c = 0; c < channels; c++) {
                short[] codes = w[c];
                if (codes.length != samples) {
                    throw new IllegalArgumentException("ADC channel " + c + " has " + codes.length
                            + " samples, expected " + samples);
                }
                int[] table = adcTable[c];
                for (int l = 0; l < samples; l++) {
                    int code = unsigned16 ? codes[l] & 0xFFFF : codes[l];
                    if (code < 0 || code > mask) {
                        throw new IllegalArgumentException("ADC code " + code + " (channel " + c + ", sample " + l
                                + ") outside [0, " + mask + "]");
                    }
                    x[l * channels + c][t] = table[code];
                }
            }
        }
    }

    /** {@link #loadAdc} for the flat layout of {@link #runFromAdcFlat}. */
    private void loadAdcFlat(short[] codes, int start, int n, int[][] x) {
        InputStage st = model.inputStage();
        int channels = st.channels();
        int samples = inSize / channels;
        int mask = (1 << st.adcBits()) - 1;
        boolean unsigned16 = st.adcBits() == 16;
        for (int t = 0; t < n; t++) {
            int base = (start + t) * inSize;
            for (int c = 0; c < channels; c++) {
                int[] table = adcTable[c];
                int off = base + c * samples;
                for (int l = 0; l < samples; l++) {
                    int code = unsigned16 ? codes[off + l] & 0xFFFF : codes[off + l];
                    if (code < 0 || code > mask) {
                        throw new IllegalArgumentException("ADC code " + code + " (window " + (start + t) + ", channel "
                                + c + ", sample " + l + ") outside [0, " + mask + "]");
                    }
                    x[l * channels + c][t] = table[code];
                }
            }
        }
    }

    /** {@code code → q} per channel, each entry computed by the reference routine of {@code InputStageKernel}. */
    private static int[][] adcTables(QuantizedModel model) {
        InputStage s = model.inputStage();
        int codes = 1 << s.adcBits();
        int z = model.input().zeroPoint();
        Width w = model.input().width();
        int[][] tables = new int[s.channels()][codes];
        for (int c = 0; c < s.channels(); c++) {
            for (int code = 0; code < codes; code++) {
                int d = code - s.baseline()[c];
                int scaled = model.rounding() == RoundingMode.DOUBLE
                        ? MultiplyByQuantizedMultiplier.multiplyDouble(d, s.m0()[c], s.shift()[c], model.mBits())
                        : MultiplyByQuantizedMultiplier.multiplySingle(d, s.m0()[c], s.shift()[c], model.mBits());
                tables[c][code] = w.clamp((long) z + scaled);
            }
        }
        return tables;
    }

    /**
     * Per-thread buffers: two activation tiles, an int64 row, the raw output tile, which input rows of the layer
     * being computed are non-zero somewhere in the tile, and the live offsets of one row group.
     */
    private static final class Scratch {
        final int[][] a;
        final int[][] b;
        final long[] accL;
        final long[][] out;
        final boolean[] live;
        final int[] liveIdx;
        int[] xMin;                // range of each input row over the tile (when known)
        int[] xMax;
        int[] yMin;                // bounds of each output row, written by a layer that carries ranges
        int[] yMax;
        final int[] rowList;

        Scratch(int maxFeatures, int outSize, int tile) {
            a = new int[maxFeatures][tile];
            b = new int[maxFeatures][tile];
            accL = new long[tile];
            out = new long[outSize][tile];
            live = new boolean[maxFeatures];
            liveIdx = new int[maxFeatures];
            xMin = new int[maxFeatures];
            xMax = new int[maxFeatures];
            yMin = new int[maxFeatures];
            yMax = new int[maxFeatures];
            rowList = new int[maxFeatures];
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Conv1D / Dense

    /** Accumulator kinds. */
    static final int ACC_INT = 0;        // whole accumulator (bias folded in) in int32
    static final int ACC_INT_SUM = 1;    // products in int32, int64 bias added per element
    static final int ACC_LONG = 2;       // products in int64
    /** Requantisation kinds. */
    static final int RQ_RAW = 0;
    static final int RQ_I64_INT32 = 1;   // int16 input, FastMbqm.int64ViaInt32 (vectorised)
    static final int RQ_SCALAR = 2;      // per element through FastMbqm

    private static final long X_MAX_INT16 = 32768;
    /** Output rows per group in {@link #macGroup}: four rows of a 1,024-window tile and four input rows fill 32 KiB. */
    static final int GROUP = 4;

    static final class MacOp {
        final String name;
        final int channels;        // filters / units
        final int rows;            // output features
        final int inputs;          // input features
        final int[] w;             // [channels][fanIn]
        final int[] rowX;          // first input feature of each row
        final int[] rowW;          // first weight of each row
        final int[] rowN;          // length of each row
        final int[] rowC;          // output channel of each row
        final int[] biasI;         // ACC_INT: effective bias (mod 2^32)
        final long[] biasL;        // ACC_INT_SUM / ACC_LONG: effective bias
        final int[] groups;        // row groups sharing one input range: rows [groups[g], groups[g + 1])
        final int[] rowBias;       // biasI for ACC_INT, zeros for ACC_INT_SUM (the int64 bias comes later)
        final int acc;
        final int rq;
        // requantisation constants per channel
        final boolean int16In;
        final RoundingMode mode;
        final int mBits;
        final int[] m0;
        final int[] shift;
        final int[] mRed;          // int64 path multiplier
        final int[] k;             // int64 path: 15 − shift (resp. mBits − shift); SINGLE: mBits − shift
        final int zOut;
        final int actMin;
        final int actMax;

        private MacOp(String name, int channels, int outLen, int inLen, int inCh, int kernel, int stride, int pad,
                      byte[][] weights, long[] bias, Width inW, int zIn, Requant requant, RoundingMode mode, int mBits) {
            this.name = name;
            this.channels = channels;
            this.rows = outLen * channels;
            this.inputs = inLen * inCh;
            int fanIn = kernel * inCh;
            w = new int[channels * fanIn];
            long[] sumAbsW = new long[channels];
            for (int f = 0; f < channels; f++) {
                for (int i = 0; i < fanIn; i++) {
                    w[f * fanIn + i] = weights[f][i];
                    sumAbsW[f] += Math.abs(weights[f][i]);
                }
            }
            int accKind = ACC_INT;
            if (inW == Width.INT16) {
                for (int f = 0; f < channels; f++) {
                    long products = sumAbsW[f] * X_MAX_INT16;
                    if (products > Integer.MAX_VALUE) {
                        accKind = ACC_LONG;
                    } else if (accKind == ACC_INT && products + Math.abs(bias[f]) > Integer.MAX_VALUE) {
                        accKind = ACC_INT_SUM;
                    }
                }
            }
            this.acc = accKind;
            rowX = new int[rows];
            rowW = new int[rows];
            rowN = new int[rows];
            rowC = new int[rows];
            biasI = new int[rows];
            biasL = new long[rows];
            for (int o = 0; o < outLen; o++) {
                int start = o * stride - pad;
                int kLo = Math.max(0, -start);
                int kHi = Math.min(kernel, inLen - start);
                if (kHi < kLo) {
                    kHi = kLo;
                }
                for (int f = 0; f < channels; f++) {
                    int r = o * channels + f;
                    rowC[r] = f;
                    rowN[r] = (kHi - kLo) * inCh;
                    rowX[r] = rowN[r] == 0 ? 0 : (start + kLo) * inCh;
                    rowW[r] = f * fanIn + kLo * inCh;
                    long sumW = 0;
                    for (int u = 0; u < rowN[r]; u++) {
                        sumW += w[rowW[r] + u];
                    }
                    long b = bias[f] - (long) zIn * sumW;      // Σ(x − z)w = Σxw − zΣw
                    biasL[r] = b;
                    biasI[r] = (int) b;                         // exact modulo 2^32
                }
            }
            List<Integer> g = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (r == 0 || r - g.get(g.size() - 1) == GROUP || rowX[r] != rowX[r - 1] || rowN[r] != rowN[r - 1]) {
                    g.add(r);
                }
            }
            g.add(rows);
            groups = g.stream().mapToInt(Integer::intValue).toArray();
            rowBias = accKind == ACC_INT ? biasI : new int[rows];
            this.int16In = inW == Width.INT16;
            this.mode = mode;
            this.mBits = mBits;
            if (requant == null) {
                rq = RQ_RAW;
                m0 = shift = mRed = k = null;
                zOut = actMin = actMax = 0;
                return;
            }
            m0 = requant.m0().clone();
            shift = requant.shift().clone();
            mRed = new int[channels];
            k = new int[channels];
            zOut = requant.output().zeroPoint();
            actMin = requant.actMin();
            actMax = requant.actMax();
            boolean vec = int16In && accKind == ACC_INT;
            for (int f = 0; f < channels; f++) {
                if (int16In) {
                    mRed[f] = FastMbqm.reducedMultiplier(m0[f], mBits);
                    k[f] = FastMbqm.int64Shift(shift[f], mBits);
                    // |acc| ≤ A; |result| ≤ A·m / 2^k + 1; result + z_out − act_min/act_max must not wrap in int32
                    long a = sumAbsW[f] * X_MAX_INT16 + Math.abs(bias[f]);
                    long bound = ((a * mRed[f]) >> k[f]) + 2 + Math.abs(zOut) + 65536;
                    if (a > Integer.MAX_VALUE || bound > Integer.MAX_VALUE || k[f] < 1 || k[f] > 47 || mRed[f] < 0
                            || mRed[f] > 0x7FFF) {
                        vec = false;
                    }
                } else {
                    k[f] = mBits - shift[f];
                }
            }
            rq = vec ? RQ_I64_INT32 : RQ_SCALAR;
        }

        static MacOp conv(QConv1D c, RoundingMode mode, int mBits) {
            return new MacOp(c.name(), c.filters(), c.outLength(), c.inLength(), c.inChannels(), c.kernelSize(),
                    c.stride(), c.padLeft(), c.weights(), c.bias(), c.input().width(), c.input().zeroPoint(),
                    c.requant(), mode, mBits);
        }

        static MacOp dense(QDense d, RoundingMode mode, int mBits) {
            return new MacOp(d.name(), d.units(), 1, 1, d.inputs(), 1, 1, 0, d.weights(), d.bias(),
                    d.input().width(), d.input().zeroPoint(), d.requant(), mode, mBits);
        }

        String describe() {
            String[] a = {"int32", "int32 sum + int64 bias", "int64"};
            String[] r = {"raw", "int64 path in int32 (vector)", "scalar " + (int16In ? "int64 path" : mode.name())};
            return name + ": " + rows + " rows, accumulator " + a[acc] + ", requantisation " + r[rq];
        }

        /**
         * Whether this layer proves rows off and bounds its outputs from its input ranges: the vectorised int16
         * path, whose accumulator is exact in int32, so a bound computed as a long is the true sum's.
         */
        boolean carriesRanges() {
            return rq == RQ_I64_INT32;
        }

        /**
         * Requantised output rows {@code y[row][t]}; with {@code ranges} (the input ranges in {@code s} are known
         * and {@link #carriesRanges}), rows proven off are filled with {@code act_min} and every row's output bounds
         * go to {@code s.yMin}, {@code s.yMax}.
         */
        void run(int[][] x, int[][] y, int n, boolean ranges, Scratch s) {
            if (acc == ACC_LONG) {
                for (int r = 0; r < rows; r++) {
                    int[] yr = y[r];
                    long[] a = s.accL;
                    macRowLong(x, n, rowX[r], w, rowW[r], rowN[r], biasL[r], a);
                    for (int t = 0; t < n; t++) {
                        yr[t] = requant(a[t], rowC[r]);
                    }
                }
                return;
            }
            int[] list = s.rowList;
            for (int g = 0; g + 1 < groups.length; g++) {
                int r0 = groups[g];
                int r1 = groups[g + 1];
                int nr = 0;
                for (int r = r0; r < r1; r++) {
                    if (ranges && bound(r, s)) {
                        java.util.Arrays.fill(y[r], 0, n, actMin);
                    } else {
                        list[nr++] = r;
                    }
                }
                macGroup(x, n, rowX[r0], rowN[r0], w, rowW, rowBias, y, list, nr, s.live, s.liveIdx);
                for (int i = 0; i < nr; i++) {
                    requantRow(y[list[i]], n, list[i]);
                }
            }
        }

        /**
         * Row {@code r}'s output bounds over the tile into {@code s.yMin[r]}, {@code s.yMax[r]}: its accumulator lies
         * within {@code bias + Σ min(w·lo, w·hi)} and {@code bias + Σ max(w·lo, w·hi)} over the input ranges in
         * {@code s}, and requantisation is monotone non-decreasing in the accumulator (the multiplier is
         * non-negative). Returns whether the row is {@code act_min} in every window: off for the tile.
         */
        private boolean bound(int r, Scratch s) {
            long lb = biasL[r];
            long ub = lb;
            int xs = rowX[r];
            int ws = rowW[r];
            for (int u = 0; u < rowN[r]; u++) {
                long wu = w[ws + u];
                long a = wu * s.xMin[xs + u];
                long b = wu * s.xMax[xs + u];
                lb += Math.min(a, b);
                ub += Math.max(a, b);
            }
            s.yMin[r] = requant(lb, rowC[r]);
            s.yMax[r] = requant(ub, rowC[r]);
            return s.yMax[r] == actMin;
        }

        private void requantRow(int[] yr, int n, int r) {
            int c = rowC[r];
            if (rq == RQ_I64_INT32) {
                int kc = k[c];
                if (kc <= 16) {
                    requantRowSmallK(yr, n, mRed[c], kc, zOut, actMin, actMax);
                } else {
                    requantRowLargeK(yr, n, mRed[c], kc, zOut, actMin, actMax);
                }
            } else if (acc == ACC_INT && !int16In && mode == RoundingMode.DOUBLE) {
                requantRowDouble(yr, n, m0[c], shift[c], mBits, zOut, actMin, actMax);
            } else if (acc == ACC_INT && !int16In) {
                requantRowSingle(yr, n, m0[c], k[c], zOut, actMin, actMax);
            } else if (acc == ACC_INT) {
                for (int t = 0; t < n; t++) {
                    yr[t] = requant(yr[t], c);
                }
            } else {
                long b = biasL[r];
                for (int t = 0; t < n; t++) {
                    yr[t] = requant(b + yr[t], c);
                }
            }
        }

        /** Raw accumulators {@code s.out[row][t]}; {@code tmp} is the free activation buffer. */
        void runRaw(int[][] x, int[][] tmp, int n, Scratch s) {
            if (acc == ACC_LONG) {
                for (int r = 0; r < rows; r++) {
                    macRowLong(x, n, rowX[r], w, rowW[r], rowN[r], biasL[r], s.out[r]);
                }
                return;
            }
            int[] list = s.rowList;
            for (int g = 0; g + 1 < groups.length; g++) {
                int nr = 0;
                for (int r = groups[g]; r < groups[g + 1]; r++) {
                    list[nr++] = r;
                }
                macGroup(x, n, rowX[groups[g]], rowN[groups[g]], w, rowW, rowBias, tmp, list, nr, s.live, s.liveIdx);
            }
            for (int r = 0; r < rows; r++) {
                long[] o = s.out[r];
                int[] row = tmp[r];
                long b = acc == ACC_INT ? 0 : biasL[r];
                for (int t = 0; t < n; t++) {
                    o[t] = b + row[t];
                }
            }
        }

        /** {@code clamp(z_out + MBQM(acc))} for channel {@code c}, per element (the reference's routine). */
        private int requant(long a, int c) {
            int s;
            if (int16In) {
                s = FastMbqm.int64(a, mRed[c], k[c]);
            } else if (mode == RoundingMode.DOUBLE) {
                s = FastMbqm.doubleRounding((int) a, m0[c], shift[c], mBits);
            } else {
                s = FastMbqm.single(a, m0[c], k[c]);
            }
            long v = (long) zOut + s;
            return (int) Math.max(actMin, Math.min(actMax, v));
        }
    }

    /**
     * Rows {@code rows[0..nr)} sharing the input range {@code xs..xs+len}: {@code y[r][t] = bias[r] + Σ_u x[xs + u][t] ·
     * w[rowW[r] + u]} for {@code t < n}, summed over the inputs marked {@code live} only (the others are zero in
     * every window, so their products are). Four input rows per pass, and each group of four input rows is applied
     * to every row of the group before moving on, so those inputs are read from L2 once and then hit L1 (the last
     * two or three live inputs in one pass, not one pass each). Every
     * access in a pass uses the same index {@code t} on distinct row arrays, the shape C2's superword pass
     * vectorises. {@code idx} is scratch for the live offsets.
     */
    static void macGroup(int[][] x, int n, int xs, int len, int[] w, int[] rowW, int[] bias, int[][] y, int[] rows, int nr,
                         boolean[] live, int[] idx) {
        int m = 0;
        for (int u = 0; u < len; u++) {
            if (live[xs + u]) {
                idx[m++] = u;
            }
        }
        int j = 0;
        if (m >= 4) {
            int u0 = idx[0];
            int u1 = idx[1];
            int u2 = idx[2];
            int u3 = idx[3];
            int[] x0 = x[xs + u0];
            int[] x1 = x[xs + u1];
            int[] x2 = x[xs + u2];
            int[] x3 = x[xs + u3];
            for (int i = 0; i < nr; i++) {
                int r = rows[i];
                int ws = rowW[r];
                setPass4(y[r], n, bias[r], x0, x1, x2, x3, w[ws + u0], w[ws + u1], w[ws + u2], w[ws + u3]);
            }
            j = 4;
        } else {
            for (int i = 0; i < nr; i++) {
                int r = rows[i];
                java.util.Arrays.fill(y[r], 0, n, bias[r]);
            }
        }
        for (; j + 4 <= m; j += 4) {
            int u0 = idx[j];
            int u1 = idx[j + 1];
            int u2 = idx[j + 2];
            int u3 = idx[j + 3];
            int[] x0 = x[xs + u0];
            int[] x1 = x[xs + u1];
            int[] x2 = x[xs + u2];
            int[] x3 = x[xs + u3];
            for (int i = 0; i < nr; i++) {
                int r = rows[i];
                int ws = rowW[r];
                addPass4(y[r], n, x0, x1, x2, x3, w[ws + u0], w[ws + u1], w[ws + u2], w[ws + u3]);
            }
        }
        if (m - j == 3) {
            int u0 = idx[j];
            int u1 = idx[j + 1];
            int u2 = idx[j + 2];
            int[] x0 = x[xs + u0];
            int[] x1 = x[xs + u1];
            int[] x2 = x[xs + u2];
            for (int i = 0; i < nr; i++) {
                int r = rows[i];
                int ws = rowW[r];
                addPass3(y[r], n, x0, x1, x2, w[ws + u0], w[ws + u1], w[ws + u2]);
            }
            return;
        }
        if (m - j == 2) {
            int u0 = idx[j];
            int u1 = idx[j + 1];
            int[] x0 = x[xs + u0];
            int[] x1 = x[xs + u1];
            for (int i = 0; i < nr; i++) {
                int r = rows[i];
                int ws = rowW[r];
                addPass2(y[r], n, x0, x1, w[ws + u0], w[ws + u1]);
            }
            return;
        }
        for (; j < m; j++) {
            int u = idx[j];
            int[] x0 = x[xs + u];
            for (int i = 0; i < nr; i++) {
                int r = rows[i];
                addPass1(y[r], n, x0, w[rowW[r] + u]);
            }
        }
    }

    private static void setPass4(int[] y, int n, int bias, int[] x0, int[] x1, int[] x2, int[] x3,
                                 int w0, int w1, int w2, int w3) {
        for (int t = 0; t < n; t++) {
            y[t] = bias + x0[t] * w0 + x1[t] * w1 + x2[t] * w2 + x3[t] * w3;
        }
    }

    private static void addPass4(int[] y, int n, int[] x0, int[] x1, int[] x2, int[] x3, int w0, int w1, int w2, int w3) {
        for (int t = 0; t < n; t++) {
            y[t] += x0[t] * w0 + x1[t] * w1 + x2[t] * w2 + x3[t] * w3;
        }
    }

    private static void addPass3(int[] y, int n, int[] x0, int[] x1, int[] x2, int w0, int w1, int w2) {
        for (int t = 0; t < n; t++) {
            y[t] += x0[t] * w0 + x1[t] * w1 + x2[t] * w2;
        }
    }

    private static void addPass2(int[] y, int n, int[] x0, int[] x1, int w0, int w1) {
        for (int t = 0; t < n; t++) {
            y[t] += x0[t] * w0 + x1[t] * w1;
        }
    }

    private static void addPass1(int[] y, int n, int[] x0, int w0) {
        for (int t = 0; t < n; t++) {
            y[t] += x0[t] * w0;
        }
    }

    /** One row with an int64 accumulator: {@code acc[t] = bias + Σ_u x[xs + u][t] · w[ws + u]}. */
    static void macRowLong(int[][] x, int n, int xs, int[] w, int ws, int len, long bias, long[] acc) {
        for (int t = 0; t < n; t++) {
            acc[t] = bias;
        }
        for (int u = 0; u < len; u++) {
            int[] x0 = x[xs + u];
            long w0 = w[ws + u];
            for (int t = 0; t < n; t++) {
                acc[t] += x0[t] * w0;
            }
        }
    }

    /**
     * {@link FastMbqm#int64ViaInt32} for {@code k ≤ 16}, then zero point and clamp, in place. The clamp is written
     * with shifts and masks ({@code Math.min/max} kept C2 from vectorising the loop); it equals
     * {@code min(max(v, lo), hi)} because the plan guarantees {@code |v| + 65536 < 2^31}.
     */
    static void requantRowSmallK(int[] y, int n, int m, int k, int z, int lo, int hi) {
        int up = 16 - k;
        int half = 1 << (k - 1);
        for (int t = 0; t < n; t++) {
            int a = y[t];
            int v = (((a >> 16) * m) << up) + (((a & 0xFFFF) * m + half) >> k) + z;
            int d = v - lo;
            v = lo + (d & ~(d >> 31));      // max(v, lo) without a branch
            int e = v - hi;
            y[t] = hi + (e & (e >> 31));    // min(v, hi)
        }
    }

    /** {@link FastMbqm#int64ViaInt32} for {@code k > 16}, then zero point and clamp, in place. */
    static void requantRowLargeK(int[] y, int n, int m, int k, int z, int lo, int hi) {
        int down = k - 16;
        int half = 1 << (k - 17);
        for (int t = 0; t < n; t++) {
            int a = y[t];
            int v = (((a >> 16) * m + (((a & 0xFFFF) * m) >> 16) + half) >> down) + z;
            int d = v - lo;
            v = lo + (d & ~(d >> 31));
            int e = v - hi;
            y[t] = hi + (e & (e >> 31));
        }
    }

    /**
     * {@code clamp(z + multiplyDouble(y[t], m0, shift, mBits), lo, hi)} in place, for a validated multiplier
     * ({@code 0 ≤ m0 < 2^mBits}, so SRDHM cannot saturate and the {@code INT32_MIN · INT32_MIN} case cannot occur),
     * with the nudge, the truncating division and the RoundingDivideByPOT increment written without branches.
     */
    static void requantRowDouble(int[] y, int n, int m0, int shift, int mBits, int z, int lo, int hi) {
        int left = Math.max(shift, 0);
        int right = Math.max(-shift, 0);
        long half = 1L << (mBits - 1);
        long twoHalfMinus1 = 2 * half - 1;
        long divMask = (1L << mBits) - 1;
        int rMask = (int) ((1L << right) - 1);
        int rHalf = rMask >> 1;
        long m = m0;
        for (int t = 0; t < n; t++) {
            long ab = (long) (y[t] << left) * m;
            long x = ab + half - ((ab >> 63) & twoHalfMinus1);        // ab ≥ 0 ? ab + 2^(m−1) : ab + 1 − 2^(m−1)
            int h = (int) ((x + ((x >> 63) & divMask)) >> mBits);     // x / 2^mBits, truncated toward zero
            int r = (h >> right) + (((rHalf + (h >>> 31)) - (h & rMask)) >>> 31);
            long v = (long) r + z;
            y[t] = (int) Math.max(lo, Math.min(hi, v));
        }
    }

    /**
     * {@code clamp(z + multiplySingle(y[t], m0, mBits − k, mBits), lo, hi)} in place: {@code (acc · m0 + 2^(k−1)) >> k};
     * the int32 saturation of the reference is absorbed by the clamp ({@code lo, hi} lie within int16).
     */
    static void requantRowSingle(int[] y, int n, int m0, int k, int z, int lo, int hi) {
        long round = 1L << (k - 1);
        long m = m0;
        for (int t = 0; t < n; t++) {
            long v = ((y[t] * m + round) >> k) + z;
            y[t] = (int) Math.max(lo, Math.min(hi, v));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pools

    static final class PoolOp implements TileStep {
        final String name;
        final int ch;
        final int outLen;
        final int[] start;
        final int[] end;
        final boolean max;
        final boolean longSum;

        PoolOp(String name, int len, int ch, int pool, int stride, org.pulsedl.quantizer.model.Padding padding,
               boolean max) {
            this.name = name;
            this.ch = ch;
            this.max = max;
            outLen = padding.outputLength(len, pool, stride);
            int pad = padding.padLeft(len, pool, stride);
            start = new int[outLen];
            end = new int[outLen];
            for (int o = 0; o < outLen; o++) {
                start[o] = Math.max(o * stride - pad, 0);
                end[o] = Math.min(o * stride - pad + pool, len);
            }
            longSum = (long) pool * 32768 > Integer.MAX_VALUE;
        }

        @Override
        public String describe() {
            return name + ": " + (max ? "max" : "average") + " pool, " + outLen + " positions";
        }

        @Override
        public void run(int[][] x, int[][] y, int n) {
            for (int o = 0; o < outLen; o++) {
                int s = start[o];
                int e = end[o];
                int count = e - s;
                for (int c = 0; c < ch; c++) {
                    int[] yr = y[o * ch + c];
                    if (count <= 0) {
                        emptyWindow(yr, n);
                        continue;
                    }
                    if (max) {
                        System.arraycopy(x[s * ch + c], 0, yr, 0, n);
                        for (int p = s + 1; p < e; p++) {
                            int[] xr = x[p * ch + c];
                            for (int t = 0; t < n; t++) {
                                yr[t] = Math.max(yr[t], xr[t]);
                            }
                        }
                    } else if (!longSum) {
                        System.arraycopy(x[s * ch + c], 0, yr, 0, n);
                        for (int p = s + 1; p < e; p++) {
                            int[] xr = x[p * ch + c];
                            for (int t = 0; t < n; t++) {
                                yr[t] += xr[t];
                            }
                        }
                        int h = count / 2;
                        for (int t = 0; t < n; t++) {
                            int sum = yr[t];
                            yr[t] = sum > 0 ? (sum + h) / count : (sum - h) / count;
                        }
                    } else {
                        for (int t = 0; t < n; t++) {
                            long sum = 0;
                            for (int p = s; p < e; p++) {
                                sum += x[p * ch + c][t];
                            }
                            yr[t] = (int) (sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count);
                        }
                    }
                }
            }
        }

        /** What the reference does for a window without real samples (TensorFlow's padding never makes one). */
        private void emptyWindow(int[] y, int n) {
            if (!max) {
                throw new ArithmeticException("layer '" + name + "': average over an empty window");
            }
            for (int t = 0; t < n; t++) {
                y[t] = (int) Long.MIN_VALUE;
            }
        }
    }
}
