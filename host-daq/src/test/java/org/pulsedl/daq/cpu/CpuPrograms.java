package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CPU test programs of {@code testbenches/cpu} built with their Makefile (DESIGN §6 flags) into
 * {@code host-daq/target/cpu-programs}, the cached simulator, and QEMU (the outside reference). A missing tool fails
 * the test with the fix, never skips it.
 */
final class CpuPrograms {
    /** QEMU's spike machine with our ISA: no C extension (so misaligned jump targets trap as on our core). */
    static final List<String> QEMU = List.of("qemu-system-riscv32", "-machine", "spike", "-cpu", "rv32,c=false",
            "-bios", "none", "-nographic", "-monitor", "none", "-kernel");

    private static Path built;
    private static final Map<CpuSimulator.Target, CpuSimulator> simulators = new EnumMap<>(CpuSimulator.Target.class);

    private CpuPrograms() {}

    static synchronized Path root() {
        try {
            return CpuSources.root();
        } catch (IOException e) {
            return fail(e.getMessage());
        }
    }

    static Path targetDir() {
        try {
            return Path.of(CpuPrograms.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The build folder of the programs (asm/*.elf, c/*.elf), made once per test run. */
    static synchronized Path programs() {
        if (built == null) {
            Path out = targetDir().resolve("cpu-programs");
            run(List.of("make", "-s", "-C", root().resolve("testbenches/cpu").toString(), "OUT=" + out, "all"), 600,
                    "make (gcc-riscv64-unknown-elf, picolibc-riscv64-unknown-elf: scripts/setup.sh installs them)");
            built = out;
        }
        return built;
    }

    static List<Path> elfs(String kind) {
        try (Stream<Path> s = Files.list(programs().resolve(kind))) {
            return s.filter(p -> p.toString().endsWith(".elf")).sorted().toList();
        } catch (IOException e) {
            return fail(e.getMessage());
        }
    }

    static synchronized CpuSimulator simulator() {
        return simulator(CpuSimulator.Target.CORE);
    }

    /** The core's simulator for {@code target} (built once per source change and cached). */
    static synchronized CpuSimulator simulator(CpuSimulator.Target target) {
        try {
            return simulators.computeIfAbsent(target, t -> {
                try {
                    return CpuSimulator.build(root(), t, System.out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            return fail(e.getCause().getMessage());
        }
    }

    static CpuSimulator.Run simulate(Path elf, long maxCycles) {
        return simulate(CpuSimulator.Target.CORE, elf, maxCycles);
    }

    static CpuSimulator.Run simulate(CpuSimulator.Target target, Path elf, long maxCycles) {
        try {
            return simulator(target).run(elf, maxCycles, 120);
        } catch (IOException e) {
            return fail(e.getMessage());
        }
    }

    /** Runs {@code elf} on QEMU's spike machine; returns its exit code and stdout (HTIF console). */
    static CpuSimulator.Run qemu(Path elf) {
        List<String> cmd = new ArrayList<>(QEMU);
        cmd.add(elf.toString());
        return run(cmd, 60, "qemu-system-riscv32 (Debian qemu-system-misc: scripts/setup.sh installs it)");
    }

    /** Runs {@code cmd}; returns exit code and output. Fails when it cannot start or exceeds {@code seconds}. */
    static CpuSimulator.Run run(List<String> cmd, long seconds, String what) {
        try {
            Path out = Files.createTempFile("cpu-tool", ".out");
            Path err = Files.createTempFile("cpu-tool", ".err");
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                return fail(cmd.get(0) + " could not be started: install " + what);
            }
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + ": no result within " + seconds + " s");
            }
            CpuSimulator.Run r = new CpuSimulator.Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            if (cmd.get(0).equals("make") && r.exitCode() != 0) {
                fail(String.join(" ", cmd) + " failed:\n" + r.output() + r.status());
            }
            return r;
        } catch (IOException e) {
            return fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
