package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.ResultHeader;
import org.pulsedl.hls.rtl.PeripheralBench.Output;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The accelerator's bus side under Verilator (docs/accelerator.md, "The accelerator as a peripheral"): exact decode
 * with bus errors and no aliasing, the interrupt causes, and the CPU's INPUT_PUSH / RESULT_POP used in the same cycles
 * as the streams, after which every window's results are there once and bit-exact.
 */
class PeripheralBusRtlTest {
    private static final int CTRL = 0x000;
    private static final int STATUS = 0x004;
    private static final int CAPS = 0x008;
    private static final int IRQ_STATUS = 0x090;
    private static final int IRQ_ENABLE = 0x094;
    private static final int BUS_ERROR_ADDR = 0x098;
    private static final int RESULTS = 1;
    private static final int ERROR = 2;
    private static final int DROP = 4;
    private static final int IDLE = 8;
    private static final int BUS_ERROR = 16;
    private static final int LIMIT = 400_000;

    @Test
    void exactDecodeBusErrorsAndInterrupts() throws Exception {
        long seed = TestSeed.of("PeripheralBusRtlTest.decode", 1204);
        PeripheralBench b = new PeripheralBench(new SplittableRandom(seed), 6);
        AcceleratorConfig c = PeripheralBench.CONFIG;
        long aperture = AcceleratorRegisters.apertureBytes(c);
        long[] unmapped = {0x0FC, 0xFFC, AcceleratorRegisters.DESCRIPTOR_WINDOW + AcceleratorRegisters.descriptorBytes(c),
            AcceleratorRegisters.PARAMETER_WINDOW + AcceleratorRegisters.parameterBytes(c),
            AcceleratorRegisters.WEIGHT_WINDOW + AcceleratorRegisters.weightBytes(c), aperture - 4};
        b.line("W %x 1f", IRQ_ENABLE);
        b.line("R %x", CAPS);
        b.line("R %x", AcceleratorRegisters.DESCRIPTOR_WINDOW);
        for (long a : unmapped) {
            if (a < aperture) {
                b.line("R %x", a);
                // A write there would land in a program memory if the decode aliased (same low address bits).
                b.line("W %x ffffffff", a);
            }
        }
        b.line("R %x", BUS_ERROR_ADDR);
        b.line("MARK errors").line("IRQ").line("R %x", IRQ_STATUS);
        b.line("W %x %x", IRQ_STATUS, BUS_ERROR).line("IRQ").line("R %x", IRQ_STATUS);
        b.line("MARK run").line("W %x 1", CTRL);
        List<Integer> good = new ArrayList<>();
        for (int w = 0; w < b.inputs.size(); w++) {
            b.line("PUSH %d %d", w, w == 2 ? b.n - 1 : b.n);
            if (w != 2) {
                good.add(w);
            }
        }
        b.line("WORDS %d %d", good.size() * b.perWindow, LIMIT).line("TICK 50");
        b.line("W %x 0", AcceleratorRegisters.WEIGHT_WINDOW);   // refused while running: STATUS.error = 4
        b.line("R %x", STATUS).line("R %x", IRQ_STATUS);
        b.line("W %x %x", IRQ_STATUS, RESULTS | ERROR | DROP).line("R %x", IRQ_STATUS).line("IRQ");
        b.line("W %x 0", CTRL).line("STOPPED %d", LIMIT).line("R %x", IRQ_STATUS).line("IRQ");
        Output out = b.run("decode");

        assertFalse(out.readError(CAPS), "CAPS is mapped");
        assertFalse(out.readError(AcceleratorRegisters.DESCRIPTOR_WINDOW), "the descriptor window is mapped");
        int expectedErrors = 0;
        long last = 0;
        for (long a : unmapped) {
            if (a < aperture) {
                assertTrue(out.readError((int) a), String.format("a read at 0x%x ends with a bus error", a));
                assertEquals(0, out.reg((int) a), String.format("a read at 0x%x returns 0", a));
                expectedErrors++;
                last = a;
            }
        }
        assertEquals(expectedErrors, out.writeErrors().size(), "writes to unmapped addresses end with a bus error");
        assertEquals(last, out.regs().get(BUS_ERROR_ADDR).get(0), "BUS_ERROR_ADDR holds the last one");
        List<Long> irqStatus = out.regs().get(IRQ_STATUS);
        List<Boolean> irq = out.irqs();
        assertEquals(BUS_ERROR, irqStatus.get(0), "IRQ_STATUS after the bus errors");
        assertTrue(irq.get(0), "o_irq for an enabled bus error");
        assertEquals(0, irqStatus.get(1), "IRQ_STATUS after writing 1 to clear it");
        assertFalse(irq.get(1), "o_irq after the clear");
        assertEquals(4, (out.reg(STATUS) >> 8) & 0xFF, "a weight write while running is an error");
        assertEquals(RESULTS | ERROR | DROP, irqStatus.get(2), "results, error and drop causes");
        assertEquals(0, irqStatus.get(3), "all cleared");
        assertFalse(irq.get(2), "o_irq low after the clear");
        assertEquals(IDLE, irqStatus.get(4), "the clean stop sets idle");
        assertTrue(irq.get(3), "o_irq for idle");
        int[] expected = b.expected(good, good.stream().mapToInt(Integer::intValue).toArray());
        assertArrayEquals(expected, PeripheralBench.words(out.sections().get("run")),
                "seed " + seed + ": results after writes to unmapped addresses (programs unchanged)");
        System.out.println("PeripheralBusRtlTest: seed " + seed + ", " + expectedErrors + " unmapped addresses (aperture 0x"
                + Long.toHexString(aperture) + ") give bus errors, interrupts set and clear, " + good.size()
                + " windows bit-exact");
    }

    /**
     * The harness writes the model image (descriptors, parameter table, weights) over the bus; every word reads back
     * as written while stopped, reads 0 while running (the read ports belong to the datapath then), and the reads
     * change nothing: the windows after them are bit-exact.
     */
    @Test
    void programMemoriesReadBackWhileStopped() throws Exception {
        long seed = TestSeed.of("PeripheralBusRtlTest.readBack", 1206);
        PeripheralBench b = new PeripheralBench(new SplittableRandom(seed), 6);
        Map<Long, Integer> image = new LinkedHashMap<>();
        put(image, AcceleratorRegisters.DESCRIPTOR_WINDOW, b.program.descriptorWords());
        put(image, AcceleratorRegisters.PARAMETER_WINDOW, b.program.paramWords());
        put(image, AcceleratorRegisters.WEIGHT_WINDOW, b.program.weightWords());
        image.keySet().forEach(a -> b.line("R %x", a));
        long[] probes = {AcceleratorRegisters.DESCRIPTOR_WINDOW + 4, AcceleratorRegisters.PARAMETER_WINDOW + 8,
            AcceleratorRegisters.WEIGHT_WINDOW + 4L * (b.program.weightWords().length - 1)};
        b.line("MARK run").line("W %x 1", CTRL);
        for (int w = 0; w < b.inputs.size(); w++) {
            b.line("PUSH %d %d", w, b.n);
        }
        b.line("TICK %d", 2 * b.n);
        for (long a : probes) {
            b.line("R %x", a);   // while running
        }
        b.line("WORDS %d %d", b.inputs.size() * b.perWindow, LIMIT);
        b.line("W %x 0", CTRL).line("STOPPED %d", LIMIT);
        for (long a : probes) {
            b.line("R %x", a);   // stopped again
        }
        Output out = b.run("readback");
        for (Map.Entry<Long, Integer> e : image.entrySet()) {
            int offset = (int) (long) e.getKey();
            assertFalse(out.regErr().get(offset).get(0), String.format("0x%x is mapped", offset));
            assertEquals(e.getValue() & 0xFFFF_FFFFL, out.regs().get(offset).get(0),
                    String.format("seed %d: the word at 0x%x reads back as written", seed, offset));
        }
        for (long a : probes) {
            List<Long> reads = out.regs().get((int) a);
            assertEquals(0L, reads.get(1), String.format("seed %d: 0x%x reads 0 while running", seed, a));
            assertEquals(image.get(a) & 0xFFFF_FFFFL, reads.get(2), String.format("seed %d: 0x%x after the run", seed,
                    a));
        }
        int[] expected = b.expected(PeripheralBench.range(0, b.inputs.size()), PeripheralBench.count(0, b.inputs.size()));
        assertArrayEquals(expected, PeripheralBench.words(out.sections().get("run")),
                "seed " + seed + ": the windows after the read-back");
        System.out.println("PeripheralBusRtlTest: seed " + seed + ", " + image.size() + " program words (descriptors,"
                + " parameters, weights) read back as written; 0 while running; " + b.inputs.size()
                + " windows bit-exact after");
    }

    private static void put(Map<Long, Integer> image, long base, int[] words) {
        for (int i = 0; i < words.length; i++) {
            image.put(base + 4L * i, words[i]);
        }
    }

    @Test
    void cpuAndStreamsInTheSameCyclesLoseAndDuplicateNothing() throws Exception {
        long seed = TestSeed.of("PeripheralBusRtlTest.concurrent", 1205);
        SplittableRandom rnd = new SplittableRandom(seed);
        PeripheralBench b = new PeripheralBench(rnd, 24);
        for (int i = 0; i < b.tags.length; i++) {
            b.tags[i] = i;   // each window's header names it
        }
        b.line("W %x 1", CTRL).line("READYP 40");
        for (int w = 0; w < b.inputs.size(); w++) {
            if (w % 3 == 2) {
                b.line("TICK %d", 1 + rnd.nextInt(b.n));   // the port's window has begun: the CPU must wait
                b.line("CPUPUSH %d %d", w, b.n);
                b.line("POP %d %d", 1 + rnd.nextInt(2 * b.perWindow), LIMIT);
            } else {
                b.line("PUSH %d %d", w, b.n);
            }
        }
        b.line("DRAIN %d", LIMIT);
        b.line("WORDS %d %d", b.inputs.size() * b.perWindow, LIMIT).line("TICK 100");
        Output out = b.run("concurrent");
        List<Integer> words = out.sections().get("");
        int[] stamps = RtlBench.stamps(b.tags);
        // The windows in the order they came out; the sequence numbers say the order they went in.
        List<Integer> order = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k + b.perWindow <= words.size(); k += b.perWindow) {
            int header = words.get(k);
            assertEquals(0xA5, header >>> 24, "seed " + seed + ": word " + k + " is a header");
            int w = header >>> 16 & 0xFF;
            assertEquals(order.size(), header & 0xFFFF, "seed " + seed + ": window " + w + " sequence number");
            assertTrue(seen.add(w), "seed " + seed + ": window " + w + " came out twice");
            assertEquals(stamps[w], words.get(k + ResultHeader.TIMESTAMP_WORD), "seed " + seed + ": window " + w
                    + " carries the capture timestamp injected with it (" + (w % 3 == 2 ? "INPUT_TIME" : "i_in_time")
                    + ")");
            order.add(w);
        }
        assertEquals(b.inputs.size(), order.size(), "seed " + seed + ": every window came out once");
        int[] expected = b.expected(order, PeripheralBench.count(0, order.size()));
        assertArrayEquals(expected, PeripheralBench.words(words), "seed " + seed + ": words taken by the stream and"
                + " RESULT_POP together");
        assertTrue(out.pops().size() > 0 && out.pops().size() < words.size(), "both consumers took words");
        assertTrue(out.stalls() > 0, "some INPUT_PUSH writes waited for the stream's window");
        System.out.println("PeripheralBusRtlTest: seed " + seed + ", " + b.inputs.size() + " windows from the stream and"
                + " INPUT_PUSH (" + out.stalls() + " stall cycles), " + out.pops().size() + " of " + words.size()
                + " words by RESULT_POP: bit-exact, none lost or twice");
    }
}
