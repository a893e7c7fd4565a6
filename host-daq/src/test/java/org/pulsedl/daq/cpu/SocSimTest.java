package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The SoC (rtl/soc) in Verilator through its harness (testbenches/soc): the CPU's self-checking tests still pass with
 * the bus, RAM and simulation control of the SoC; the timer interrupts; unmapped addresses fault; the UART echoes
 * over a real pseudo-terminal; the harness's exit codes.
 */
class SocSimTest {
    private static Path programs;
    private static CpuSimulator simulator;
    private static final ExecutorService IO = Executors.newCachedThreadPool();

    @AfterAll
    static void stopIo() {
        IO.shutdownNow();
    }

    static synchronized CpuSimulator soc() {
        if (simulator == null) {
            try {
                simulator = CpuSimulator.build(CpuPrograms.root(), CpuSimulator.Target.SOC, System.out);
            } catch (IOException e) {
                return fail(e.getMessage());
            }
        }
        return simulator;
    }

    static synchronized Path program(String name) {
        if (programs == null) {
            Path out = CpuPrograms.targetDir().resolve("soc-programs");
            CpuPrograms.run(List.of("make", "-s", "-C", CpuPrograms.root().resolve("testbenches/soc").toString(),
                    "OUT=" + out, "all"), 600, "make (gcc-riscv64-unknown-elf: scripts/setup.sh installs it)");
            programs = out;
        }
        return programs.resolve(name + ".elf");
    }

    static CpuSimulator.Run run(Path elf, long maxCycles) {
        try {
            return soc().run(elf, maxCycles, 120);
        } catch (IOException e) {
            return fail(e.getMessage());
        }
    }

    @TestFactory
    Stream<DynamicTest> cpuSelfCheckingTestsPassOnTheSoc() {
        List<Path> elfs = CpuPrograms.elfs("asm");
        assertTrue(elfs.size() >= 18, "expected the assembly tests, found " + elfs);
        return elfs.stream().map(elf -> DynamicTest.dynamicTest(elf.getFileName().toString(), () -> {
            CpuSimulator.Run r = run(elf, 1_000_000);
            assertEquals(CpuSimulator.PASS, r.exitCode(), () -> elf + "\n" + r.output() + r.status());
        }));
    }

    @Test
    void timerInterruptArrivesAfterMtimecmp() {
        CpuSimulator.Run r = run(program("timer_irq"), 2_000_000);
        assertEquals(CpuSimulator.PASS, r.exitCode(), r.status());
    }

    @Test
    void unmappedAddressesRaiseAccessFaults() {
        CpuSimulator.Run r = run(program("bus_error"), 1_000_000);
        assertEquals(CpuSimulator.PASS, r.exitCode(), r.status());
    }

    @Test
    void exitCodesOfTheHarness() throws IOException {
        CpuSimulator.Run failed = run(program("fail7"), 1_000_000);
        assertEquals(CpuSimulator.FAIL, failed.exitCode(), failed.status());
        assertTrue(failed.status().contains("FAIL: test 7"), failed.status());
        CpuSimulator.Run timeout = run(program("uart_echo"), 20_000);
        assertEquals(CpuSimulator.TIMEOUT, timeout.exitCode(), timeout.status());
        CpuSimulator.Run missing = run(Path.of("/nonexistent/program.elf"), 1000);
        assertEquals(CpuSimulator.USAGE, missing.exitCode(), missing.status());
    }

    /** The harness puts the UART on a pty; this test opens the path it prints, as a user's terminal would. */
    @Test
    void uartEchoesOverAPseudoTerminal() throws Exception {
        List<String> cmd = soc().command(program("uart_echo"), 20_000_000, null, true, null);
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader status = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String line = IO.submit(status::readLine).get(60, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("pulsedl sim: uart on /dev/"), "harness said: " + line);
            String device = line.substring("pulsedl sim: uart on ".length()).strip();
            try (InputStream in = new FileInputStream(device); OutputStream out = new FileOutputStream(device)) {
                assertEquals("ready\n", read(in, 6));
                String message = "hello over the pty: 0123456789 ~!\n";
                out.write(message.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals(message, read(in, message.length()));
                out.write(0x04);
                out.flush();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the program did not end after EOT");
            }
            assertEquals(CpuSimulator.PASS, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    private static String read(InputStream in, int n) throws Exception {
        Future<String> f = IO.submit(() -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (b.size() < n) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                b.write(c);
            }
            return b.toString(StandardCharsets.US_ASCII);
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
