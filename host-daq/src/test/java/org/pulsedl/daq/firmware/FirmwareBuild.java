package org.pulsedl.daq.firmware;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pulsedl.daq.cpu.CpuSources;

/**
 * The firmware built with its own Makefile ({@code firmware/Makefile}) into {@code host-daq/target/firmware}: the
 * host build (protocol core on stdin/stdout) and the RISC-V builds. A missing tool fails the test with the fix.
 */
public final class FirmwareBuild {
    private FirmwareBuild() {}

    public static Path root() {
        try {
            return CpuSources.root();
        } catch (IOException e) {
            return fail(e.getMessage());
        }
    }

    public static Path out() {
        try {
            return Path.of(FirmwareBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent().resolve("firmware");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code make TARGET} (host, soc, bench) and returns its output; fails the test when make fails. */
    public static String make(String target) {
        return make(out(), target);
    }

    /** Runs {@code make OUT=out ARGS...} (a target and variables) and returns its output. */
    public static synchronized String make(Path out, String... args) {
        List<String> cmd = new ArrayList<>(List.of("make", "-s", "-C", root().resolve("firmware").toString(), "OUT=" + out));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + ": no result within 300 s");
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", cmd) + " failed (host gcc; for soc/bench gcc-riscv64-unknown-elf and "
                        + "picolibc-riscv64-unknown-elf, which scripts/setup.sh installs):\n" + output);
            }
            return output;
        } catch (IOException e) {
            return fail("make could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** The UART rate of the SoC firmware built for simulation: 8 clock cycles per bit (firmware/soc/main.c). */
    public static final long SIM_LINK_BAUD = 12_500_000;

    /** The SoC firmware built for the simulated SoC behind a pty (faster UART), in its own folder. */
    public static Path socForSimulation() {
        Path dir = out().resolve("sim");
        make(dir, "soc", "LINK_BAUD=" + SIM_LINK_BAUD);
        return dir.resolve("soc/pulsedl-fw.elf");
    }

    /** The host build's executable, built once per test run. */
    public static Path host() {
        make("host");
        return out().resolve("host/pulsedl-fw-host");
    }
}
