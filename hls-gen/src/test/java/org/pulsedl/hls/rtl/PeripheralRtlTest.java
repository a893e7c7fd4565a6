package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The accelerator as a peripheral under Verilator (docs/accelerator.md, "The accelerator as a peripheral"): clean
 * stops and soft resets at random points of a round, windows of the wrong length, and then every result that follows
 * is bit-exact against {@code ArraySimulator} and the golden model, with no hang, no replayed and no lost window.
 */
class PeripheralRtlTest {
    private static final int CTRL = 0x000;
    private static final int STATUS = 0x004;
    private static final int WINDOWS_IN = 0x020;
    private static final int STOPS = 0x044;
    private static final int SOFT_RESETS = 0x048;
    private static final int FRAME_DROPS = 0x04C;
    private static final int START = 0x1;
    private static final int SOFT_RESET = 0x10;
    private static final int LIMIT = 400_000;

    @Test
    void cleanStopsMidWindowLoseAndReplayNothing() throws Exception {
        long seed = TestSeed.of("PeripheralRtlTest.cleanStops", 1201);
        SplittableRandom rnd = new SplittableRandom(seed);
        int stops = 5;
        int perStop = 3;
        PeripheralBench b = new PeripheralBench(rnd, stops * perStop + 4);
        long span = b.cycles(perStop) + (long) perStop * b.n;
        b.line("W %x %x", CTRL, START);
        int next = 0;
        for (int k = 0; k < stops; k++) {
            for (int i = 0; i < perStop; i++) {
                b.line("PUSH %d %d", next++, b.n);
            }
            // The stop lands while windows arrive, load, compute or unload (k = 0 stops before a round starts).
            b.line("TICK %d", k == 0 ? 0 : rnd.nextLong(span));
            b.line("W %x 0", CTRL);
            b.line("STOPPED %d", LIMIT);
            b.line("R %x", STOPS);
            b.line("W %x %x", CTRL, START);
        }
        for (; next < b.inputs.size(); next++) {
            b.line("PUSH %d %d", next, b.n);
        }
        b.line("WORDS %d %d", b.inputs.size() * b.perWindow, LIMIT);
        b.line("TICK 200");
        b.line("R %x", STOPS).line("R %x", WINDOWS_IN).line("R %x", STATUS);
        PeripheralBench.Output out = b.run("stops");
        int[] expected = b.expected(PeripheralBench.range(0, b.inputs.size()), PeripheralBench.count(0, b.inputs.size()));
        assertArrayEquals(expected, PeripheralBench.words(out.sections().get("")),
                "seed " + seed + ": the windows around " + stops + " clean stops give their results once, in order");
        assertEquals(stops, out.reg(STOPS), "seed " + seed + ": STOPS");
        assertEquals(b.inputs.size(), out.reg(WINDOWS_IN), "seed " + seed + ": WINDOWS_IN");
        System.out.println("PeripheralRtlTest: seed " + seed + ", " + stops + " clean stops, " + b.inputs.size()
                + " windows bit-exact");
    }

    @Test
    void softResetMidRoundThenBitExact() throws Exception {
        long seed = TestSeed.of("PeripheralRtlTest.softReset", 1202);
        SplittableRandom rnd = new SplittableRandom(seed);
        int resets = 3;
        int per = 6;
        PeripheralBench b = new PeripheralBench(rnd, (resets + 1) * per);
        long span = b.cycles(per);
        for (int k = 0; k < resets; k++) {
            b.line("MARK run%d", k);
            b.line("W %x %x", CTRL, START);
            for (int i = 0; i < per; i++) {
                b.line("PUSH %d %d", k * per + i, b.n);
            }
            b.line("DRAIN %d", LIMIT);
            b.line("TICK %d", rnd.nextLong(span));
            b.line("W %x %x", CTRL, SOFT_RESET);
            b.line("STOPPED %d", LIMIT);
        }
        b.line("MARK after");
        b.line("W %x %x", CTRL, START);
        for (int i = 0; i < per; i++) {
            b.line("PUSH %d %d", resets * per + i, b.n);
        }
        b.line("WORDS %d %d", per * b.perWindow, LIMIT);
        b.line("TICK 200");
        b.line("R %x", SOFT_RESETS).line("R %x", STATUS);
        PeripheralBench.Output out = b.run("softreset");
        int cut = 0;
        for (int k = 0; k < resets; k++) {
            // Before a soft reset the stream holds a prefix of the run's words (a window may be cut short).
            int[] full = b.expected(PeripheralBench.range(k * per, (k + 1) * per), PeripheralBench.count(0, per));
            int[] got = PeripheralBench.words(out.sections().get("run" + k));
            assertTrue(got.length <= full.length, "seed " + seed + ": run " + k + " gave too many words");
            cut += got.length < full.length ? 1 : 0;
            assertArrayEquals(Arrays.copyOf(full, got.length), got, "seed " + seed + ": run " + k + " before its soft"
                    + " reset");
        }
        int[] after = b.expected(PeripheralBench.range(resets * per, (resets + 1) * per), PeripheralBench.count(0, per));
        assertArrayEquals(after, PeripheralBench.words(out.sections().get("after")),
                "seed " + seed + ": the windows after " + resets + " soft resets (sequence numbers from 0)");
        assertEquals(resets, out.reg(SOFT_RESETS), "seed " + seed + ": SOFT_RESETS");
        assertEquals(0, out.reg(STATUS) & 0xFF00, "seed " + seed + ": no error code");
        System.out.println("PeripheralRtlTest: seed " + seed + ", " + resets + " soft resets (" + cut + " cut a run"
                + " short), then " + per + " windows bit-exact");
    }

    @Test
    void wrongLengthWindowsAreDroppedAndCounted() throws Exception {
        framing(PeripheralBench.CONFIG, "framing");
    }

    /**
     * The same on the fast-clock build, whose input FIFO decides room and a sample's number from registers computed a
     * cycle ahead (LoaderRtl): the FIFO fills (each window waits for o_in_room) and windows of the wrong length end
     * at every point of one.
     */
    @Test
    void wrongLengthWindowsAreDroppedAndCountedOnTheFastClockBuild() throws Exception {
        framing(PeripheralBench.CONFIG.toBuilder().macLatency(6).requantLatency(16).inputLatency(16).build(),
                "framing-fast");
    }

    private static void framing(AcceleratorConfig cfg, String name) throws Exception {
        long seed = TestSeed.of("PeripheralRtlTest.framing", 1203);
        SplittableRandom rnd = new SplittableRandom(seed);
        PeripheralBench b = new PeripheralBench(rnd, 24, cfg);
        b.line("W %x %x", CTRL, START);
        List<Integer> good = new ArrayList<>();
        List<Integer> seqs = new ArrayList<>();
        int arrived = 0;
        int drops = 0;
        for (int w = 0; w < b.inputs.size(); w++) {
            int len = b.n;
            if (w % 3 == 1) {
                int[] wrong = {b.n - 1, b.n + 1, 1, 2 * b.n + 3};
                len = Math.max(1, wrong[rnd.nextInt(wrong.length)]);
            }
            b.line("PUSH %d %d", w, len);
            if (len == b.n) {
                good.add(w);
                seqs.add(arrived);
            } else {
                drops++;
            }
            arrived++;
        }
        b.line("WORDS %d %d", good.size() * b.perWindow, LIMIT);
        b.line("TICK 200");
        b.line("R %x", FRAME_DROPS).line("R %x", WINDOWS_IN);
        PeripheralBench.Output out = b.run(name);
        int[] expected = b.expected(good, seqs.stream().mapToInt(Integer::intValue).toArray());
        assertArrayEquals(expected, PeripheralBench.words(out.sections().get("")),
                "seed " + seed + ": good windows between wrong-length ones (N = " + b.n + ")");
        assertEquals(drops, out.reg(FRAME_DROPS), "seed " + seed + ": FRAME_DROPS");
        assertEquals(good.size(), out.reg(WINDOWS_IN), "seed " + seed + ": WINDOWS_IN");
        System.out.println("PeripheralRtlTest: " + name + ", seed " + seed + ", " + good.size() + " good windows"
                + " bit-exact between " + drops + " dropped ones (N = " + b.n + ")");
    }
}
