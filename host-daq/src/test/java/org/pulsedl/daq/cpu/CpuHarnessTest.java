package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's contract (DESIGN §4, issue 12 part 5): exit codes, the failing test number, output channels. */
class CpuHarnessTest {
    @TempDir
    Path dir;

    /** Assembles {@code body} in our `p` environment into an ELF. */
    Path program(String name, String body) throws IOException {
        Path src = dir.resolve(name + ".S");
        Files.writeString(src, "#include \"riscv_test.h\"\n#include \"test_macros.h\"\nRVTEST_RV32M\nRVTEST_CODE_BEGIN\n"
                + body + "\nTEST_PASSFAIL\nRVTEST_CODE_END\n.data\nRVTEST_DATA_BEGIN\nRVTEST_DATA_END\n");
        Path env = CpuPrograms.root().resolve("testbenches/cpu/env");
        Path elf = dir.resolve(name + ".elf");
        CpuSimulator.Run r = CpuPrograms.run(List.of("riscv64-unknown-elf-gcc", "-march=rv32im_zicsr_zifencei",
                "-mabi=ilp32", "-static", "-nostdlib", "-nostartfiles", "-I" + env, "-T" + env.resolve("link.ld"),
                "-o", elf.toString(), src.toString()), 60, "gcc-riscv64-unknown-elf");
        assertEquals(0, r.exitCode(), r.output() + r.status());
        return elf;
    }

    @Test
    void failingTestNumberAndExitCodeOne() throws IOException {
        Path elf = program("fail5", "TEST_CASE(4, x14, 1, li x14, 1)\nTEST_CASE(5, x14, 2, li x14, 3)");
        CpuSimulator.Run r = CpuPrograms.simulate(elf, 100_000);
        assertEquals(CpuSimulator.FAIL, r.exitCode(), r.status());
        assertTrue(r.status().contains("FAIL: test 5"), r.status());
        assertEquals(5, CpuPrograms.qemu(elf).exitCode(), "QEMU's exit code is the failing test number");
    }

    @Test
    void cycleLimitIsExitCodeThree() throws IOException {
        Path elf = program("spin", "1: j 1b");
        CpuSimulator.Run r = CpuPrograms.simulate(elf, 5_000);
        assertEquals(CpuSimulator.TIMEOUT, r.exitCode(), r.status());
        assertTrue(r.status().contains("5000 cycles"), r.status());
    }

    @Test
    void notAnElfIsExitCodeTwo() throws IOException {
        Path text = dir.resolve("notes.elf");
        Files.writeString(text, "this is not a program");
        CpuSimulator.Run r = CpuPrograms.simulate(text, 1000);
        assertEquals(CpuSimulator.USAGE, r.exitCode(), r.status());
        assertEquals("pulsedl sim: error: " + text + ": not an ELF file", r.status().strip());
    }

    @Test
    void rv64ElfIsRefusedByName() throws IOException {
        Path src = dir.resolve("r.S");
        Files.writeString(src, ".globl _start\n_start: j _start\n");
        Path elf = dir.resolve("rv64.elf");
        CpuPrograms.run(List.of("riscv64-unknown-elf-gcc", "-nostdlib", "-nostartfiles", "-Wl,-Ttext=0x80000000",
                "-o", elf.toString(), src.toString()), 60, "gcc-riscv64-unknown-elf");
        CpuSimulator.Run r = CpuPrograms.simulate(elf, 1000);
        assertEquals(CpuSimulator.USAGE, r.exitCode(), r.status());
        assertTrue(r.status().contains("not a 32-bit ELF file"), r.status());
    }

    @Test
    void putcharAndHtifConsoleReachStdout() throws IOException {
        // "Hi" through the simulation-control putchar, then "J" (even code) through the HTIF console as QEMU has it.
        Path elf = program("hello", """
                li x11, 0x10002000
                li x12, 'H'
                sw x12, 0(x11)
                li x12, 'i'
                sw x12, 0(x11)
                la x11, tohost
                li x12, 'J'
                sw x12, 0(x11)
                li x12, 0x01010000
                sw x12, 4(x11)
                1: lw x13, 0(x11)
                bnez x13, 1b
                la x11, fromhost
                lw x13, 0(x11)
                li x7, 0x100 + 'J'
                li TESTNUM, 2
                bne x13, x7, fail
                sw x0, 0(x11)
                sw x0, 4(x11)
                """);
        CpuSimulator.Run r = CpuPrograms.simulate(elf, 100_000);
        assertEquals(CpuSimulator.PASS, r.exitCode(), r.status());
        assertEquals("HiJ", r.output());
    }
}
