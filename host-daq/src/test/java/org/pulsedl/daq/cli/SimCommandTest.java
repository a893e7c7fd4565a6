package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.cpu.CpuSources;

/** {@code pulsedl sim}: the exit codes of the harness pass through; bad options are one line, exit 2. */
class SimCommandTest {
    @TempDir
    Path dir;

    @Test
    void missingElfIsOneLine() {
        CliRun.of("sim", "--elf", dir.resolve("nope.elf").toString()).assertUserError("nope.elf", "no such file");
    }

    @Test
    void aFileThatIsNoRv32ExecutableIsRefusedBeforeTheSimulatorIsBuilt() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.elf"), "x".repeat(100));
        CliRun.of("sim", "--elf", junk.toString()).assertUserError("junk.elf", "not an ELF file");
        byte[] rv64 = new byte[64];
        rv64[0] = 0x7f; rv64[1] = 'E'; rv64[2] = 'L'; rv64[3] = 'F'; rv64[4] = 2; rv64[5] = 1;
        Path wide = Files.write(dir.resolve("rv64.elf"), rv64);
        CliRun.of("sim", "--elf", wide.toString()).assertUserError("rv64.elf", "not a 32-bit ELF file");
        byte[] x86 = new byte[52];
        x86[0] = 0x7f; x86[1] = 'E'; x86[2] = 'L'; x86[3] = 'F'; x86[4] = 1; x86[5] = 1; x86[16] = 2; x86[18] = 3;
        Path intel = Files.write(dir.resolve("x86.elf"), x86);
        CliRun.of("sim", "--core", "--elf", intel.toString()).assertUserError("x86.elf", "not a RISC-V ELF file (e_machine 3)");
    }

    @Test
    void nonPositiveCycleLimitIsRefused() throws IOException {
        Path elf = Files.writeString(dir.resolve("x.elf"), "x");
        CliRun.of("sim", "--elf", elf.toString(), "--max-cycles", "0").assertUserError("--max-cycles");
    }

    @Test
    void socOptionsNeedTheSoc() throws IOException {
        Path elf = Files.writeString(dir.resolve("x.elf"), "x");
        CliRun.of("sim", "--core", "--pty", "--elf", elf.toString()).assertUserError("--pty", "--core");
    }

    @Test
    void helpNamesTheExitCodesAndWhatComesLater() {
        CliRun r = CliRun.of("sim", "--help").assertSuccess();
        assertTrue(r.out().contains("3 timeout"), r.out());
        assertTrue(r.out().contains("--pty"), r.out());
    }

    @Test
    void passAndFailExitCodes() throws IOException {
        Path env = CpuSources.root().resolve("testbenches/cpu/env");
        assertEquals(0, CliRun.of("sim", "--elf", build(env, "pass", "TEST_CASE(2, x14, 3, li x14, 3)").toString()).exitCode());
        assertEquals(1, CliRun.of("sim", "--elf", build(env, "fail", "TEST_CASE(9, x14, 3, li x14, 4)").toString()).exitCode());
        Path vcd = dir.resolve("t.vcd");
        assertEquals(3, CliRun.of("sim", "--elf", build(env, "spin", "1: j 1b").toString(), "--max-cycles", "200",
                "--trace", vcd.toString()).exitCode());
        try (Stream<String> lines = Files.lines(vcd)) {
            assertTrue(lines.anyMatch(l -> l.contains("o_imem_addr")), "the VCD names the core's ports");
        }
    }

    private Path build(Path env, String name, String body) throws IOException {
        Path src = Files.writeString(dir.resolve(name + ".S"), "#include \"riscv_test.h\"\n#include \"test_macros.h\"\n"
                + "RVTEST_RV32U\nRVTEST_CODE_BEGIN\n" + body + "\nTEST_PASSFAIL\nRVTEST_CODE_END\n.data\n"
                + "RVTEST_DATA_BEGIN\nRVTEST_DATA_END\n");
        Path elf = dir.resolve(name + ".elf");
        try {
            Process p = new ProcessBuilder(List.of("riscv64-unknown-elf-gcc", "-march=rv32im_zicsr_zifencei", "-mabi=ilp32",
                    "-static", "-nostdlib", "-nostartfiles", "-I" + env, "-T" + env.resolve("link.ld"), "-o", elf.toString(),
                    src.toString())).inheritIO().start();
            assertEquals(0, p.waitFor());
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        return elf;
    }
}
