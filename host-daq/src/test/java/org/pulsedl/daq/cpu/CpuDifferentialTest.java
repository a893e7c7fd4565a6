package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * Differential testing against QEMU (issue 12): seeded random RV32IM programs ({@link RandomProgram}) run on our core
 * in Verilator and on {@code qemu-system-riscv32 -machine spike}; every program's signature (x1..x29 and its data
 * region) must be identical. {@code -Dpulsedl.cpu.diffPrograms=N} runs more (a benchmark); a mismatch names the
 * program's seed, and {@code -Dpulsedl.seed=S -Dpulsedl.cpu.diffPrograms=1} replays it.
 */
class CpuDifferentialTest {
    static final int PER_ELF = 25;
    static final int BODY = 120;

    @Test
    void randomProgramsMatchQemu() throws IOException {
        int programs = Integer.getInteger("pulsedl.cpu.diffPrograms", 300);
        long seed = TestSeed.of("randomProgramsMatchQemu", 12_000L);
        matchQemu(CpuSimulator.Target.CORE, programs, seed, "randomProgramsMatchQemu");
    }

    /** The iCE40 build's multiplier (FAST_MUL=0: shift-add, which nothing else simulates) on other programs. */
    @Test
    void randomProgramsMatchQemuWithTheIterativeMultiplier() throws IOException {
        int programs = Integer.getInteger("pulsedl.cpu.diffProgramsIterative", 100);
        long seed = TestSeed.of("randomProgramsMatchQemuWithTheIterativeMultiplier", 14_000L);
        matchQemu(CpuSimulator.Target.CORE_ITERATIVE_MUL, programs, seed, "randomProgramsMatchQemuWithTheIterativeMultiplier");
    }

    private static void matchQemu(CpuSimulator.Target target, int programs, long seed, String name) throws IOException {
        Path dir = Files.createDirectories(CpuPrograms.targetDir().resolve("cpu-diff"));
        long t0 = System.nanoTime();
        for (int first = 0; first < programs; first += PER_ELF) {
            int count = Math.min(PER_ELF, programs - first);
            long firstSeed = seed + first;
            Path src = dir.resolve("diff-" + firstSeed + ".S");
            Path elf = assembleSuite(src, firstSeed, count);
            CpuSimulator.Run ours = CpuPrograms.simulate(target, elf, 50_000_000);
            CpuSimulator.Run qemu = CpuPrograms.qemu(elf);
            assertEquals(0, qemu.exitCode(), () -> "QEMU did not pass " + elf + ":\n" + qemu.status());
            assertEquals(CpuSimulator.PASS, ours.exitCode(), () -> "our core did not pass " + elf + ":\n" + ours.status());
            compare(firstSeed, count, ours.output(), qemu.output().replace("\r", ""), src);
        }
        System.out.printf("%s: %d programs of %d items identical on rv32_core (%s) and QEMU in %.1f s%n",
                name, programs, BODY, target.name(), (System.nanoTime() - t0) / 1e9);
    }

    /** Writes {@code count} random programs from {@code firstSeed} to {@code src} and assembles them; the ELF's path. */
    static Path assembleSuite(Path src, long firstSeed, int count) throws IOException {
        Path env = CpuPrograms.root().resolve("testbenches/cpu/env");
        Files.writeString(src, RandomProgram.suite(firstSeed, count, BODY));
        Path elf = src.resolveSibling(src.getFileName().toString().replaceFirst("\\.S$", ".elf"));
        CpuSimulator.Run cc = CpuPrograms.run(List.of("riscv64-unknown-elf-gcc", "-march=rv32im_zicsr_zifencei",
                "-mabi=ilp32", "-static", "-nostdlib", "-nostartfiles", "-I" + env, "-T" + env.resolve("link.ld"),
                "-o", elf.toString(), src.toString()), 120, "gcc-riscv64-unknown-elf");
        assertEquals(0, cc.exitCode(), () -> src + " does not assemble:\n" + cc.status());
        return elf;
    }

    static void compare(long firstSeed, int count, String ours, String qemu, Path src) {
        List<String> a = ours.lines().toList();
        List<String> b = qemu.lines().toList();
        for (int i = 0; i < count; i++) {
            String x = i < a.size() ? a.get(i) : "(missing)";
            String y = i < b.size() ? b.get(i) : "(missing)";
            if (!x.equals(y)) {
                fail("program with seed " + (firstSeed + i) + " (p" + i + " in " + src + ") differs from QEMU: "
                        + describe(x, y) + "\nreplay: -Dpulsedl.seed=" + (firstSeed + i)
                        + " -Dpulsedl.cpu.diffPrograms=1");
            }
        }
        assertEquals(count, a.size(), "signature lines from our core");
    }

    /** The first differing register or data word, decoded from the even-character hex. */
    static String describe(String ours, String qemu) {
        for (int w = 0; w * 8 + 8 <= Math.min(ours.length(), qemu.length()); w++) {
            String x = ours.substring(w * 8, w * 8 + 8);
            String y = qemu.substring(w * 8, w * 8 + 8);
            if (!x.equals(y)) {
                String where = w < 29 ? "x" + (w + 1) : "data word " + (w - 29);
                return where + ": ours 0x" + hex(x) + ", QEMU 0x" + hex(y);
            }
        }
        return "lengths " + ours.length() + " and " + qemu.length();
    }

    private static String hex(String even) {
        StringBuilder s = new StringBuilder();
        for (char c : even.toCharArray()) {
            s.append(Character.forDigit((c - '0') / 2, 16));
        }
        return s.toString();
    }
}
