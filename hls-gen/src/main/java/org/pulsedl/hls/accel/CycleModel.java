package org.pulsedl.hls.accel;

import java.util.ArrayList;
import java.util.List;

/**
 * The timing contract of the array (docs/accelerator.md §5): the cycle at which every group is issued, every
 * layer's last write lands, every window enters the input stage and every result word is pushed, computed from the
 * rules alone — no data. The RTL and {@link ArraySimulator} must reproduce {@link #schedule} exactly.
 *
 * <p>The rules, with {@code L_MAC}, {@code L_RQ}, {@code L_IN} from the configuration:
 * <ol>
 *   <li>A group (one output position × one lane group, or one pooled value) issues {@code F} taps on consecutive
 *       cycles {@code s … s+F−1}. The next group may start at {@code s + F + max(0, n − F_next)}, {@code n} the
 *       values this group drains (the shadow register must be empty before the next capture).</li>
 *   <li>Its shadow capture is at cycle {@code c = s + F − 1 + L_MAC}; value {@code j} is written at
 *       {@code c + j + L_RQ}; the layer's last write is {@code W}. The next layer of the same context may issue from
 *       {@code W + 1}.</li>
 *   <li>Round order: layer 0 of context A, layer 0 of B, layer 1 of A, … . Round {@code r} starts when its
 *       windows are staged (both contexts full, or input FIFO empty and loader idle) and round {@code r−2}'s
 *       results are all pushed.</li>
 *   <li>The loader feeds one sample per cycle; window {@code w} of context X in round {@code r} may start once
 *       the previous window is fed and layer 0 of X in round {@code r−1} has issued its last tap; it is visible
 *       from {@code a + n − 1 + L_IN}.</li>
 *   <li>The unloader pushes one word per cycle, contexts in order, from {@code W_last + 1}.</li>
 * </ol>
 */
public final class CycleModel {
    private final LayerProgram program;
    private final AcceleratorConfig cfg;
    private final List<int[][]> segments = new ArrayList<>();   // per descriptor: {F, n} per group

    /** Steady-state cost of one layer for one round (both contexts). */
    public record LayerCycles(String name, int opcode, int groupsPerWindow, int fanIn, long cyclesPerRound,
                              long macsPerWindow) {}

    /** The full schedule of a run of {@code windows} windows from a preloaded input FIFO. */
    public record Schedule(long totalCycles, long[] roundStarts, long[] segmentFirstIssue, long[] windowLoadStart,
                           long[] windowResultEnd) {}

    public CycleModel(LayerProgram program) {
        this.program = program;
        this.cfg = program.config();
        for (Descriptor d : program.descriptors()) {
            List<int[]> groups = new ArrayList<>();
            if (d.isMac()) {
                int lanes = cfg.lanesFor(d.in16());
                for (int o = 0; o < d.outLen(); o++) {
                    for (int g = 0; g < d.groups(); g++) {
                        groups.add(new int[] {d.fanIn(), Math.min(lanes, d.outCh() - g * lanes)});
                    }
                }
            } else {
                for (int i = 0; i < d.outLen() * d.outCh(); i++) {
                    groups.add(new int[] {d.kernel(), 1});
                }
            }
            segments.add(groups.toArray(new int[0][]));
        }
    }

    public LayerProgram program() { return program; }

    /** Exact cycles to process {@code windows} windows present in the input FIFO at cycle 0, up to the last result word. */
    public long totalCycles(int windows) { return schedule(windows).totalCycles(); }

    public Schedule schedule(int windows) {
        int p = cfg.pes();
        int layers = segments.size();
        int n = program.header().inputSize();
        int wordsPerWindow = program.header().resultWordsPerWindow();
        int rounds = (windows + 2 * p - 1) / (2 * p);
        long[] roundStarts = new long[rounds];
        long[] segFirst = new long[rounds * layers * 2];
        long[] loadStart = new long[windows];
        long[] resultEnd = new long[windows];
        long loaderFree = 0;
        long[] layer0LastIssue = new long[2];
        long[] unloadFreeAfter = new long[rounds];
        long unloaderFree = 0;
        boolean hasPrev = false;
        long prevS = 0;
        int prevF = 0;
        int prevN = 0;
        for (int r = 0; r < rounds; r++) {
            int w0 = 2 * p * r;
            int w1 = Math.min(windows, w0 + 2 * p);
            long ready = 0;
            for (int w = w0; w < w1; w++) {
                int ctx = (w - w0) / p;
                long a = Math.max(loaderFree, r == 0 ? 0 : layer0LastIssue[ctx] + 1);
                loadStart[w] = a;
                loaderFree = a + n;
                ready = a + n - 1 + cfg.inputLatency();
            }
            long[][] lastWrite = new long[layers][2];
            for (int i = 0; i < layers; i++) {
                for (int x = 0; x < 2; x++) {
                    int[][] groups = segments.get(i);
                    for (int g = 0; g < groups.length; g++) {
                        int f = groups[g][0];
                        long s = hasPrev ? prevS + prevF + Math.max(0, prevN - f) : 0;
                        if (g == 0 && i > 0) {
                            s = Math.max(s, lastWrite[i - 1][x] + 1);
                            if (x == 0) {
                                // the layer index changed after the previous tap: its decode needs this long
                                s = Math.max(s, prevS + prevF + cfg.layerDecodeCycles());
                            }
                        }
                        if (g == 0 && i == 0 && x == 0) {
                            s = Math.max(s, ready);
                            if (hasPrev) {
                                // the layer index returned to 0 after the previous round's last tap
                                s = Math.max(s, prevS + prevF + cfg.roundDecodeCycles());
                            }
                            if (r >= 2) {
                                s = Math.max(s, unloadFreeAfter[r - 2]);
                            }
                            roundStarts[r] = s;
                        }
                        if (g == 0) {
                            segFirst[(r * layers + i) * 2 + x] = s;
                        }
                        hasPrev = true;
                        prevS = s;
                        prevF = f;
                        prevN = groups[g][1];
                    }
                    long capture = prevS + prevF - 1 + cfg.macLatency();
                    lastWrite[i][x] = capture + prevN - 1 + cfg.requantLatency();
                    if (i == 0) {
                        layer0LastIssue[x] = prevS + prevF - 1;
                    }
                }
            }
            for (int x = 0; x < 2; x++) {
                int first = w0 + x * p;
                int valid = Math.max(0, Math.min(w1, first + p) - first);
                if (valid > 0) {
                    long start = Math.max(lastWrite[layers - 1][x] + 1, unloaderFree);
                    for (int k = 0; k < valid; k++) {
                        resultEnd[first + k] = start + (long) (k + 1) * wordsPerWindow - 1;
                    }
                    unloaderFree = start + (long) valid * wordsPerWindow;
                }
            }
            unloadFreeAfter[r] = unloaderFree;
        }
        return new Schedule(windows == 0 ? 0 : unloaderFree, roundStarts, segFirst, loadStart, resultEnd);
    }

    /** Rounds simulated to reach the steady state. */
    private static final int STEADY_ROUNDS = 8;

    /** Steady-state cycles between round starts with the input FIFO never empty (2P windows per round). */
    public long roundCycles() {
        long[] starts = schedule(STEADY_ROUNDS * 2 * cfg.pes()).roundStarts();
        return starts[STEADY_ROUNDS - 1] - starts[STEADY_ROUNDS - 2];
    }

    /** Steady-state array cycles per window: round cycles / 2P. */
    public double cyclesPerWindow() { return (double) roundCycles() / (2.0 * cfg.pes()); }

    /** MACs per window / (P·U · cycles per window). */
    public double macUtilization() {
        return program.macsPerWindow() / (cfg.arithmeticUnits() * cyclesPerWindow());
    }

    /** Two windows (one per channel) per pulse. */
    public double twoChannelPulsesPerSecond(double clockMHz) { return clockMHz * 1e6 / (2 * cyclesPerWindow()); }

    /** Cycles from a window's first sample entering the input stage to its last result word, in the steady state. */
    public long latencyCycles() {
        int w = (STEADY_ROUNDS - 2) * 2 * cfg.pes();
        Schedule s = schedule(STEADY_ROUNDS * 2 * cfg.pes());
        return s.windowResultEnd()[w] - s.windowLoadStart()[w] + 1;
    }

    /** Per layer, the steady-state cycles of one round (its A and B segments, including stalls before the next). */
    public List<LayerCycles> layers() {
        int layers = segments.size();
        Schedule s = schedule(STEADY_ROUNDS * 2 * cfg.pes());
        int r = STEADY_ROUNDS - 2;
        List<LayerCycles> out = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            long start = s.segmentFirstIssue()[(r * layers + i) * 2];
            long end = i + 1 < layers ? s.segmentFirstIssue()[(r * layers + i + 1) * 2]
                    : s.roundStarts()[r + 1];
            Descriptor d = program.descriptors().get(i);
            long macs = d.isMac() ? (long) d.outLen() * d.outCh() * d.fanIn() : 0;
            out.add(new LayerCycles(program.layerNames().get(i), d.opcode(), segments.get(i).length, d.fanIn(),
                    end - start, macs));
        }
        return out;
    }
}
