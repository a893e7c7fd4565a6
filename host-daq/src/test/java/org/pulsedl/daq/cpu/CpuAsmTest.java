package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every self-checking assembly test of {@code testbenches/cpu/asm} (riscv-tests `p` convention) passes on our core in
 * Verilator; the portable ones also pass on QEMU, so the expected values are checked against an outside reference.
 */
class CpuAsmTest {
    /** Tests of rv32_core specifics QEMU 7.2 does differently (and legally): U-mode MPP, approximate counters,
     *  misaligned loads that do not trap, the harness's interrupt lines. */
    static final Set<String> CORE_ONLY = Set.of("machine.elf", "interrupts.elf", "misaligned.elf");

    @TestFactory
    Stream<DynamicTest> passOnOurCore() {
        List<Path> elfs = CpuPrograms.elfs("asm");
        assertTrue(elfs.size() >= 18, "expected the assembly tests, found " + elfs);
        return elfs.stream().map(elf -> DynamicTest.dynamicTest(elf.getFileName().toString(), () -> {
            CpuSimulator.Run r = CpuPrograms.simulate(elf, 1_000_000);
            assertEquals(CpuSimulator.PASS, r.exitCode(), () -> elf + "\n" + r.output() + r.status());
            assertTrue(r.status().contains("PASS"), r.status());
        }));
    }

    @TestFactory
    Stream<DynamicTest> passOnQemu() {
        return CpuPrograms.elfs("asm").stream().filter(elf -> !CORE_ONLY.contains(elf.getFileName().toString()))
                .map(elf -> DynamicTest.dynamicTest(elf.getFileName().toString(), () -> {
                    CpuSimulator.Run r = CpuPrograms.qemu(elf);
                    // QEMU 7.2's spike machine exits with tohost >> 1: 0 for pass, the test number for a failure.
                    assertEquals(0, r.exitCode(), () -> elf + ": QEMU says test " + r.exitCode() + " failed\n" + r.status());
                }));
    }
}
