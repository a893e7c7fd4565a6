package org.pulsedl.hls.accel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Cycle-accurate reference of the array (docs/accelerator.md §3): runs the descriptor, weight and parameter images
 * — not the model — with the RTL's loop order, buffer addressing, pipelines and hand-shakes, one clock cycle per
 * step. Its outputs must equal {@code GoldenModel}'s bit for bit and its cycle count {@link CycleModel}'s; the RTL
 * is verified against both.
 *
 * <p>Within a cycle every decision reads the state left by the previous cycle; register and memory writes land at
 * the end of the cycle, in this order: controller issue (buffer reads), drain reads of the shadow registers, shadow
 * captures, accumulator updates, memory writes.
 */
public final class ArraySimulator {
    private final AcceleratorConfig cfg;
    private final ProgramHeader header;
    private final Descriptor[] desc;
    private final ParamEntry[] params;
    private final int[][] weights;

    /**
     * @param outputs        per window, the last layer's values (requantised, pooled or raw accumulators)
     * @param tags           per window, the tag it entered with (low 8 bits)
     * @param resultWords    the result FIFO's words in push order
     * @param cycles         cycles from the start (input FIFO full) to the last result word, inclusive
     * @param roundStarts    cycle of each round's first issue
     * @param activeLaneMacs AU-cycles doing a real MAC (lanes mapped to an output channel), all PEs
     * @param idleIssueCycles cycles before the last issue in which the controller issued nothing
     */
    public record Result(long[][] outputs, int[] tags, int[] resultWords, long cycles, long[] roundStarts,
                         long activeLaneMacs, long idleIssueCycles) {}

    public ArraySimulator(LayerProgram p) {
        this(p.config(), p.descriptorWords(), p.weightWords(), p.paramWords());
    }

    public ArraySimulator(AcceleratorConfig cfg, int[] descriptorWords, int[] weightWords, int[] paramWords) {
        this.cfg = cfg;
        this.header = ProgramHeader.decode(descriptorWords);
        this.desc = new Descriptor[header.layers()];
        for (int i = 0; i < desc.length; i++) {
            desc[i] = Descriptor.decode(descriptorWords, ProgramHeader.WORDS + i * Descriptor.WORDS);
        }
        this.params = new ParamEntry[paramWords.length / ParamEntry.WORDS];
        for (int i = 0; i < params.length; i++) {
            params[i] = ParamEntry.decode(paramWords, i);
        }
        int per = cfg.cpuWordsPerWeightWord();
        this.weights = new int[weightWords.length / per][cfg.lanes()];
        for (int a = 0; a < weights.length; a++) {
            for (int u = 0; u < cfg.lanes(); u++) {
                weights[a][u] = (byte) (weightWords[a * per + u / 4] >>> (8 * (u % 4)));
            }
        }
    }

    /**
     * Runs {@code windows} (each {@code [length][channels]} row-major: ADC codes when the program has an input stage,
     * else quantised inputs), all present in the input FIFO at cycle 0, numbered from 0, with timestamp 0.
     */
    public Result run(List<int[]> windows, int[] tags) {
        return run(windows, tags, IntStream.range(0, windows.size()).toArray(), new int[windows.size()]);
    }

    /**
     * As {@link #run(List, int[])}, with each window's sequence number and capture timestamp given: the input port
     * numbers every window that starts arriving (dropped ones too) from 0 after a reset, so a window behind drops
     * carries a larger number than its index here; the timestamp is what the port took with the window's first
     * sample ({@link ResultHeader#TIMESTAMP_WORD}).
     */
    public Result run(List<int[]> windows, int[] tags, int[] sequences, int[] stamps) {
        if (sequences.length != windows.size() || stamps.length != windows.size()) {
            throw new IllegalArgumentException(windows.size() + " windows but " + sequences.length
                    + " sequence numbers and " + stamps.length + " timestamps");
        }
        return new Run(windows, tags, sequences, stamps).execute();
    }

    /**
     * Result-FIFO header word of a window: {@code 0xA5 << 24 | tag << 16 | sequence} (docs/accelerator.md, "Result
     * words"; {@link ResultHeader}).
     */
    public static int resultHeader(int sequence, int tag) {
        return ResultHeader.word(sequence, tag);
    }

    /** A MAC or pool tap in flight through the AU pipeline. */
    private record Op(long due, boolean mac, boolean first, boolean last, boolean in16, int[] a, boolean[] real,
                      int[] w, Group group) {}

    /** The identity of a group, carried to its capture and drain. */
    private record Group(int round, int layer, int ctx, int pos, int index, int drains) {}

    /** A value leaving the shadow register at {@code cycle}. */
    private record DrainRead(long cycle, Group group, int channel, int lane) {}

    /** A memory write landing at the end of {@code due}. */
    private record Write(long due, Group group, int addr, long[] perPe) {}

    /** An input sample landing in staging at the end of {@code due}. */
    private record StageWrite(long due, int round, int ctx, int lane, int addr, int value, boolean lastOfWindow) {}

    /** All mutable state of one run. */
    private final class Run {
        private final List<int[]> windows;
        private final int[] tags;
        private final int[] sequences;
        private final int[] stamps;
        private final int p = cfg.pes();
        private final int u = cfg.lanes();
        private final int layers = desc.length;
        private final int rounds;
        private final int n = header.inputSize();
        // memories
        private final int[][][] staging;
        private final int[][][][] act;
        private final long[][][][] results;
        // AU and shadow registers
        private final long[][] acc;
        private final long[][] shadow;
        private final long[] poolAcc;
        private final int[] poolCount;
        private final long[] poolShadow;
        private final int[] poolShadowCount;
        // pipelines
        private final ArrayDeque<Op> ops = new ArrayDeque<>();
        private final ArrayDeque<Op> captures = new ArrayDeque<>();
        private final ArrayDeque<DrainRead> drains = new ArrayDeque<>();
        private final ArrayDeque<Write> writes = new ArrayDeque<>();
        private final ArrayDeque<StageWrite> stageWrites = new ArrayDeque<>();
        // round bookkeeping
        private final int[][][] lanesOf;           // [round][ctx][lane] → window or −1
        private final int[][] visible;             // [round][ctx] windows fully staged
        private final long[][] layer0LastIssue;    // [round][ctx], −1 until issued
        private final int[][][] writesDone;        // [round][layer][ctx]
        private final long[][][] segDone;          // cycle of the last write, −1 until then
        private final long[] roundUnloaded;        // cycle of the round's last result word, −1 until then
        private final long[] roundStarts;
        // controller
        private int cr;
        private int ci;
        private int cx;
        private int co;
        private int cg;
        private int cf;
        private boolean inRound;
        private boolean hasPrev;
        private long prevS;
        private int prevF;
        private int prevN;
        private long groupStart;
        private long lastIssue = -1;
        private long idleCycles;
        private long activeLaneMacs;
        // loader
        private int nextWindow;
        private int feedWindow = -1;
        private long feedStart;
        private int feedRound;
        private int feedCtx;
        private int feedLane;
        private int lr;
        private int lx;
        private int lk;
        // unloader
        private int ur;
        private int ux;
        private int uLane;
        private int uWord;
        private boolean unloading;
        private final List<Integer> resultWords = new ArrayList<>();
        private int pushedWindows;
        private long lastPush = -1;

        Run(List<int[]> windows, int[] tags, int[] sequences, int[] stamps) {
            this.windows = windows;
            this.tags = tags;
            this.sequences = sequences;
            this.stamps = stamps;
            if (tags.length != windows.size()) {
                throw new IllegalArgumentException(windows.size() + " windows but " + tags.length + " tags");
            }
            for (int[] w : windows) {
                if (w.length != n) {
                    throw new IllegalArgumentException("a window has " + w.length + " values, the program expects " + n);
                }
            }
            rounds = (windows.size() + 2 * p - 1) / (2 * p);
            staging = new int[2][p][cfg.stagingDepth()];
            act = new int[2][p][2][cfg.actDepth()];
            results = new long[2][2][p][cfg.maxOutputs()];
            acc = new long[p][u];
            shadow = new long[p][u];
            poolAcc = new long[p];
            poolCount = new int[p];
            poolShadow = new long[p];
            poolShadowCount = new int[p];
            lanesOf = new int[rounds + 1][2][p];
            for (int[][] r : lanesOf) {
                for (int[] c : r) {
                    java.util.Arrays.fill(c, -1);
                }
            }
            visible = new int[rounds + 1][2];
            layer0LastIssue = new long[rounds + 1][2];
            for (long[] l : layer0LastIssue) {
                java.util.Arrays.fill(l, -1);
            }
            writesDone = new int[rounds][layers][2];
            segDone = new long[rounds][layers][2];
            for (long[][] r : segDone) {
                for (long[] l : r) {
                    java.util.Arrays.fill(l, -1);
                }
            }
            roundUnloaded = new long[rounds];
            java.util.Arrays.fill(roundUnloaded, -1);
            roundStarts = new long[rounds];
        }

        Result execute() {
            long limit = 1_000_000L + 100_000L * (windows.size() + 1) * (n + 64L * layers);
            for (long t = 0; pushedWindows < windows.size(); t++) {
                if (t > limit) {
                    throw new IllegalStateException("array simulation did not finish within " + limit + " cycles");
                }
                controller(t);
                loader(t);
                unloader(t);
                drainReads(t);
                capture(t);
                accumulate(t);
                landWrites(t);
            }
            long[][] outputs = decodeResults();
            return new Result(outputs, tags.clone(), resultWords.stream().mapToInt(Integer::intValue).toArray(),
                    windows.isEmpty() ? 0 : lastPush + 1, roundStarts.clone(), activeLaneMacs, idleCycles);
        }

        // ---- controller: walks round → layer → context → position → group → tap -------------------------------

        private int groupCount(Descriptor d) { return d.isMac() ? d.groups() : d.outCh(); }

        private int drainsOf(Descriptor d, int g) {
            if (!d.isMac()) {
                return 1;
            }
            int lanes = cfg.lanesFor(d.in16());
            return Math.min(lanes, d.outCh() - g * lanes);
        }

        private void controller(long t) {
            if (cr >= rounds) {
                return;
            }
            Descriptor d = desc[ci];
            if (cf == 0 && !groupMayStart(t, d)) {
                if (lastIssue >= 0 || inRound) {
                    idleCycles++;
                }
                return;
            }
            if (cf == 0) {
                groupStart = t;
                if (!inRound) {
                    startRound(t);
                }
            }
            issue(t, d);
            lastIssue = t;
            if (++cf < d.fanIn()) {
                return;
            }
            cf = 0;
            hasPrev = true;
            prevS = groupStart;
            prevF = d.fanIn();
            prevN = drainsOf(d, cg);
            if (++cg < groupCount(d)) {
                return;
            }
            cg = 0;
            if (++co < d.outLen()) {
                return;
            }
            co = 0;
            if (ci == 0) {
                layer0LastIssue[cr][cx] = t;
            }
            if (++cx < 2) {
                return;
            }
            cx = 0;
            if (++ci < layers) {
                return;
            }
            ci = 0;
            cr++;
            inRound = false;
        }

        private boolean groupMayStart(long t, Descriptor d) {
            if (hasPrev && t < prevS + prevF + Math.max(0, prevN - d.fanIn())) {
                return false;                                   // shadow register still draining
            }
            if (co == 0 && cg == 0 && ci > 0) {
                if (cx == 0 && t < lastIssue + 1 + cfg.layerDecodeCycles()) {
                    return false;                               // the new layer's decode is not yet registered
                }
                long done = segDone[cr][ci - 1][cx];
                return done >= 0 && done < t;                   // the layer before (same context) fully written
            }
            if (!inRound) {
                if (lastIssue >= 0 && t < lastIssue + 1 + cfg.roundDecodeCycles()) {
                    return false;                               // layer 0's decode is not yet registered
                }
                if (cr >= 2 && !(roundUnloaded[cr - 2] >= 0 && roundUnloaded[cr - 2] < t)) {
                    return false;                               // result buffers of round r−2 not yet unloaded
                }
                boolean full = visible[cr][0] == p && visible[cr][1] == p;
                boolean flush = nextWindow == windows.size() && feedWindow < 0 && stageWrites.isEmpty()
                        && visible[cr][0] >= 1;
                return full || flush;
            }
            return true;
        }

        private void startRound(long t) {
            inRound = true;
            roundStarts[cr] = t;
            if (lr == cr) {                                     // batch closed early (input FIFO empty)
                lr = cr + 1;
                lx = 0;
                lk = 0;
            }
        }

        private void issue(long t, Descriptor d) {
            int[] a = new int[p];
            boolean[] real = new boolean[p];
            int[] w = null;
            int drains = drainsOf(d, cg);
            Group group = new Group(cr, ci, cx, co, cg, drains);
            int pos;
            int addr;
            if (d.isMac()) {
                int k = cf / d.inCh();
                int c = cf % d.inCh();
                pos = co * d.stride() + k - d.padLeft();
                addr = pos * d.inCh() + c;
                w = weights[d.weightBase() + cg * d.fanIn() + cf];
                activeLaneMacs += (long) drains * p;
            } else {
                pos = co * d.stride() + cf - d.padLeft();
                addr = pos * d.inCh() + cg;
            }
            boolean inside = pos >= 0 && pos < d.inLen();
            for (int pe = 0; pe < p; pe++) {
                real[pe] = inside;
                a[pe] = inside ? read(d.src(), cx, pe, addr) : d.zIn();
            }
            ops.add(new Op(t + cfg.macLatency() - 1, d.isMac(), cf == 0, cf == d.fanIn() - 1, d.in16(), a, real, w,
                    group));
        }

        private int read(int src, int ctx, int pe, int addr) {
            return src == Descriptor.BUF_STAGING ? staging[ctx][pe][addr] : act[ctx][pe][src - 1][addr];
        }

        // ---- loader: input FIFO → input stage → staging ------------------------------------------------------

        private void loader(long t) {
            if (feedWindow < 0 && nextWindow < windows.size()
                    && (lr == 0 || (layer0LastIssue[lr - 1][lx] >= 0 && layer0LastIssue[lr - 1][lx] < t))) {
                feedWindow = nextWindow++;
                feedStart = t;
                feedRound = lr;
                feedCtx = lx;
                feedLane = lk;
                lanesOf[lr][lx][lk] = feedWindow;
                if (++lk == p) {
                    lk = 0;
                    if (++lx == 2) {
                        lx = 0;
                        lr++;
                    }
                }
            }
            if (feedWindow < 0) {
                return;
            }
            int j = (int) (t - feedStart);
            int sample = windows.get(feedWindow)[j];
            int value = header.inputStage()
                    ? RequantUnit.inputStage(sample, params[header.inputParamBase() + j % header.inCh()],
                    header.inputSingle(), header.zInput(), header.in16(), cfg.inputMBits())
                    : checkedInput(sample);
            stageWrites.add(new StageWrite(t + cfg.inputLatency() - 1, feedRound, feedCtx, feedLane, j, value, j == n - 1));
            if (j == n - 1) {
                feedWindow = -1;
            }
        }

        private int checkedInput(int v) {
            int lo = header.in16() ? -32768 : -128;
            int hi = header.in16() ? 32767 : 127;
            if (v < lo || v > hi) {
                throw new IllegalArgumentException("input value " + v + " outside [" + lo + ", " + hi + "]");
            }
            return v;
        }

        // ---- unloader: result buffers → result FIFO ----------------------------------------------------------

        private void unloader(long t) {
            if (!unloading) {
                while (ur < rounds && started(ur) && validIn(ur, ux) == 0) {
                    advanceRecord();
                }
                if (ur >= rounds) {
                    return;
                }
                long done = segDone[ur][layers - 1][ux];
                if (done < 0 || done >= t) {
                    return;
                }
                unloading = true;
                uLane = nextValidLane(0);
                uWord = 0;
            }
            int window = lanesOf[ur][ux][uLane];
            int word;
            if (uWord == ResultHeader.HEADER_WORD) {
                word = resultHeader(sequences[window], tags[window]);
            } else if (uWord == ResultHeader.TIMESTAMP_WORD) {
                word = stamps[window];
            } else {
                int k = uWord - ResultHeader.WORDS;
                long v = results[ux][ur % 2][uLane][header.wideOutputs() ? k / 2 : k];
                word = header.wideOutputs() && k % 2 == 1 ? (int) (v >> 32) : (int) v;
            }
            resultWords.add(word);
            lastPush = t;
            if (++uWord < header.resultWordsPerWindow()) {
                return;
            }
            pushedWindows++;
            uLane = nextValidLane(uLane + 1);
            if (uLane < p) {
                uWord = 0;
                return;
            }
            unloading = false;
            int finished = ur;
            advanceRecord();
            if (ur != finished || validIn(ur, ux) == 0) {
                roundUnloaded[finished] = t;
            }
        }

        private boolean started(int r) { return r < cr || (r == cr && inRound); }

        private void advanceRecord() {
            if (++ux == 2) {
                ux = 0;
                ur++;
            }
        }

        private int validIn(int r, int x) {
            int v = 0;
            for (int k = 0; k < p; k++) {
                v += lanesOf[r][x][k] >= 0 ? 1 : 0;
            }
            return v;
        }

        private int nextValidLane(int from) {
            int k = from;
            while (k < p && lanesOf[ur][ux][k] < 0) {
                k++;
            }
            return k;
        }

        // ---- PE datapath --------------------------------------------------------------------------------------

        private void drainReads(long t) {
            while (!drains.isEmpty() && drains.peek().cycle() == t) {
                DrainRead dr = drains.poll();
                Descriptor d = desc[dr.group().layer()];
                long[] v = new long[p];
                for (int pe = 0; pe < p; pe++) {
                    if (d.isMac()) {
                        v[pe] = RequantUnit.drainMac(shadow[pe][dr.lane()], params[d.paramBase() + dr.channel()], d,
                                cfg.accBits(), cfg.mBits());
                    } else if (d.opcode() == Descriptor.OP_MAXPOOL) {
                        v[pe] = poolShadow[pe];
                    } else {
                        v[pe] = RequantUnit.averageDivide(poolShadow[pe], poolShadowCount[pe]);
                    }
                }
                int addr = dr.group().pos() * d.outCh() + dr.channel();
                writes.add(new Write(t + cfg.requantLatency() - 1, dr.group(), addr, v));
            }
        }

        private void capture(long t) {
            while (!captures.isEmpty() && captures.peek().due() + 1 == t) {
                Op op = captures.poll();
                if (!drains.isEmpty()) {
                    throw new IllegalStateException("cycle " + t + ": shadow register captured while "
                            + drains.size() + " values still wait to drain");
                }
                for (int pe = 0; pe < p; pe++) {
                    System.arraycopy(acc[pe], 0, shadow[pe], 0, u);
                    poolShadow[pe] = poolAcc[pe];
                    poolShadowCount[pe] = poolCount[pe];
                }
                Group g = op.group();
                Descriptor d = desc[g.layer()];
                int lanes = cfg.lanesFor(d.in16());
                for (int j = 0; j < g.drains(); j++) {
                    int channel = d.isMac() ? g.index() * lanes + j : g.index();
                    drains.add(new DrainRead(t + 1 + j, g, channel, j * (u / lanes)));
                }
            }
        }

        private void accumulate(long t) {
            if (ops.isEmpty() || ops.peek().due() != t) {
                return;
            }
            Op op = ops.poll();
            if (op.last()) {
                captures.add(op);
            }
            for (int pe = 0; pe < p; pe++) {
                if (op.mac()) {
                    long[] products = products(op.w(), op.a()[pe], op.in16());
                    for (int lane = 0; lane < u; lane++) {
                        acc[pe][lane] = RequantUnit.wrap(op.first() ? products[lane] : acc[pe][lane] + products[lane],
                                cfg.accBits());
                    }
                } else {
                    boolean max = desc[op.group().layer()].opcode() == Descriptor.OP_MAXPOOL;
                    if (op.first()) {
                        poolAcc[pe] = max ? Long.MIN_VALUE : 0;
                        poolCount[pe] = 0;
                    }
                    if (op.real()[pe]) {
                        int v = op.a()[pe];
                        poolAcc[pe] = max ? Math.max(poolAcc[pe], v) : poolAcc[pe] + v;
                        poolCount[pe]++;
                    }
                }
            }
        }

        /**
         * One cycle of a PE's multipliers: packed pairs (docs §2.2); for int16 one lane per DSP, plus the odd lane's
         * fabric multiplier with {@code int16_full_rate}; or plain.
         */
        private long[] products(int[] w, int a, boolean in16) {
            long[] out = new long[u];
            for (int lane = 0; lane < u; lane += 2) {
                if (cfg.twoMacsPerDsp() && !in16) {
                    long prod = PackedMac.product(w[lane], w[lane + 1], a);
                    out[lane] = PackedMac.low(prod);
                    out[lane + 1] = PackedMac.high(prod);
                } else if (cfg.twoMacsPerDsp() && !cfg.int16FullRate()) {
                    out[lane] = (long) w[lane] * a;
                } else {
                    out[lane] = (long) w[lane] * a;
                    out[lane + 1] = (long) w[lane + 1] * a;
                }
            }
            return out;
        }

        private void landWrites(long t) {
            while (!writes.isEmpty() && writes.peek().due() == t) {
                Write w = writes.poll();
                Group g = w.group();
                Descriptor d = desc[g.layer()];
                for (int pe = 0; pe < p; pe++) {
                    if (d.dst() == Descriptor.BUF_RESULT) {
                        results[g.ctx()][g.round() % 2][pe][w.addr()] = w.perPe()[pe];
                    } else {
                        act[g.ctx()][pe][d.dst() - 1][w.addr()] = (int) w.perPe()[pe];
                    }
                }
                if (++writesDone[g.round()][g.layer()][g.ctx()] == d.outLen() * d.outCh()) {
                    segDone[g.round()][g.layer()][g.ctx()] = t;
                }
            }
            while (!stageWrites.isEmpty() && stageWrites.peek().due() == t) {
                StageWrite s = stageWrites.poll();
                staging[s.ctx()][s.lane()][s.addr()] = s.value();
                if (s.lastOfWindow()) {
                    visible[s.round()][s.ctx()]++;
                }
            }
        }

        private long[][] decodeResults() {
            long[][] out = new long[windows.size()][header.outputs()];
            int per = header.resultWordsPerWindow();
            for (int i = 0; i < windows.size(); i++) {
                int base = i * per;
                int hw = resultWords.get(base + ResultHeader.HEADER_WORD);
                int tw = resultWords.get(base + ResultHeader.TIMESTAMP_WORD);
                if (hw != resultHeader(sequences[i], tags[i]) || tw != stamps[i]) {
                    throw new IllegalStateException(String.format("result record %d: header 0x%08X, timestamp 0x%08X,"
                            + " expected 0x%08X, 0x%08X", i, hw, tw, resultHeader(sequences[i], tags[i]), stamps[i]));
                }
                int first = base + ResultHeader.WORDS;
                for (int k = 0; k < header.outputs(); k++) {
                    out[i][k] = header.wideOutputs()
                            ? (resultWords.get(first + 2 * k) & 0xFFFFFFFFL)
                            | (long) resultWords.get(first + 2 * k + 1) << 32
                            : resultWords.get(first + k);
                }
            }
            return out;
        }
    }
}
