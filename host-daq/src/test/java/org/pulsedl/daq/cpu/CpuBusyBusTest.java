package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The core behind a slow data bus: the CPU harness raises {@code i_dmem_busy} in the cycle after a seeded share of the
 * data requests (the core's bus contract, rv32_core.v "Memory ports": a request held back for a cycle right after a
 * memory access), so the next load or store waits in E while the register file holds its read ({@code rf_hold}).
 * The SoC's bus does this only after a peripheral access, so its tests reach few of these cases; here it follows
 * RAM accesses too, under every instruction mix of the tests and the random programs. Every self-checking program
 * must still pass, the random programs' signatures must still equal QEMU's, and the harness fails a run in which a
 * request leaves while held.
 */
class CpuBusyBusTest {
    static final int BUSY_PERCENT = 35;
    static final Pattern HELD = Pattern.compile("i_dmem_busy high after (\\d+) of (\\d+) data requests");

    @TestFactory
    Stream<DynamicTest> selfCheckingProgramsPassWhileTheBusStalls() {
        long seed = TestSeed.of("selfCheckingProgramsPassWhileTheBusStalls", 35L);
        return Stream.concat(CpuPrograms.elfs("asm").stream(), CpuPrograms.elfs("c").stream())
                .map(elf -> DynamicTest.dynamicTest(elf.getFileName().toString(), () -> {
                    CpuSimulator.Run r = busy(elf, 40_000_000, seed);
                    assertEquals(CpuSimulator.PASS, r.exitCode(),
                            () -> elf + " with --dmem-busy " + BUSY_PERCENT + " --seed " + seed + "\n" + r.output() + r.status());
                    assertHeld(r);
                }));
    }

    @Test
    void randomProgramsStillMatchQemuWhileTheBusStalls() throws IOException {
        int programs = Integer.getInteger("pulsedl.cpu.busyPrograms", 100);
        long seed = TestSeed.of("randomProgramsStillMatchQemuWhileTheBusStalls", 35_000L);
        Path dir = Files.createDirectories(CpuPrograms.targetDir().resolve("cpu-busy"));
        for (int first = 0; first < programs; first += CpuDifferentialTest.PER_ELF) {
            int count = Math.min(CpuDifferentialTest.PER_ELF, programs - first);
            long firstSeed = seed + first;
            Path src = dir.resolve("busy-" + firstSeed + ".S");
            Path elf = CpuDifferentialTest.assembleSuite(src, firstSeed, count);
            CpuSimulator.Run ours = busy(elf, 100_000_000, firstSeed);
            CpuSimulator.Run qemu = CpuPrograms.qemu(elf);
            assertEquals(0, qemu.exitCode(), () -> "QEMU did not pass " + elf + ":\n" + qemu.status());
            assertEquals(CpuSimulator.PASS, ours.exitCode(), () -> "our core did not pass " + elf + " with --dmem-busy "
                    + BUSY_PERCENT + " --seed " + firstSeed + ":\n" + ours.status());
            assertHeld(ours);
            CpuDifferentialTest.compare(firstSeed, count, ours.output(), qemu.output().replace("\r", ""), src);
        }
        System.out.printf("randomProgramsStillMatchQemuWhileTheBusStalls: %d programs identical to QEMU with the bus busy"
                + " after %d %% of the data requests%n", programs, BUSY_PERCENT);
    }

    private static CpuSimulator.Run busy(Path elf, long maxCycles, long seed) {
        try {
            return CpuPrograms.simulator().runWithBusyBus(elf, maxCycles, 300, BUSY_PERCENT, seed);
        } catch (IOException e) {
            return fail(e.getMessage());
        }
    }

    /** The harness reports how often it held the bus: after about BUSY_PERCENT of the requests, so stalls happened. */
    private static void assertHeld(CpuSimulator.Run r) {
        Matcher m = HELD.matcher(r.status());
        assertTrue(m.find(), () -> "no busy report from the harness:\n" + r.status());
        long held = Long.parseLong(m.group(1));
        long requests = Long.parseLong(m.group(2));
        double share = 100.0 * held / requests;
        // programs with a handful of requests (the tohost store alone) may see no stall; 0.65^50 < 1e-9
        assertTrue(requests < 50 || held > 0, m.group());
        // 10 points is over 9 standard deviations of the share at 2,000 requests: a broken generator, not chance
        assertTrue(requests < 2_000 || Math.abs(share - BUSY_PERCENT) < 10,
                () -> "the bus was busy after " + share + " % of the requests: " + m.group());
    }
}
