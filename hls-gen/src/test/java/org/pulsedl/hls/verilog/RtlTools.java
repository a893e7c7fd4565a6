package org.pulsedl.hls.verilog;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real RTL tools (Verilator 5.006, Icarus 11, Yosys 0.23; DESIGN §4) on generated files. A missing
 * tool fails the test with the fix, never skips it: a green run must mean the RTL was checked.
 */
public final class RtlTools {
    private RtlTools() {
    }

    /** {@code verilator --lint-only -Wall} on {@code files} (first file's module is the top). */
    public static void lint(Path dir, String top, Path... files) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
        for (Path f : files) {
            cmd.add(f.toString());
        }
        run(dir, cmd);
    }

    /** {@code iverilog -g2005} compile of {@code files} into {@code out} (a vvp program). */
    public static void icarusCompile(Path dir, Path out, Path... files) {
        List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2005", "-Wall", "-o", out.toString()));
        for (Path f : files) {
            cmd.add(f.toString());
        }
        run(dir, cmd);
    }

    /** Runs a compiled Icarus program and returns its output. */
    public static String vvp(Path dir, Path program) {
        return run(dir, List.of("vvp", "-n", program.toString()));
    }

    /** Yosys: {@code read_verilog} then {@code script} (e.g. {@code synth -top X}); returns the log. */
    public static String yosys(Path dir, String script, Path... files) {
        StringBuilder s = new StringBuilder();
        for (Path f : files) {
            s.append("read_verilog ").append(f).append("; ");
        }
        s.append(script);
        return run(dir, List.of("yosys", "-p", s.toString()));
    }

    /** Runs {@code cmd} in {@code dir}; fails with the tool's output unless it exits 0. */
    public static String run(Path dir, List<String> cmd) {
        Process p;
        Path log;
        try {
            log = Files.createTempFile(dir, "tool", ".log");
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return fail(cmd.get(0) + " could not be started (" + e.getMessage() + "): install the RTL tools with "
                    + "scripts/setup.sh (PULSEDL_RTL_PACKAGES: verilator 5.006, iverilog 11, yosys 0.23)");
        }
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + ": timed out after 300 s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                fail(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n" + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted running " + cmd.get(0));
        } catch (IOException e) {
            return fail("cannot read the output of " + cmd.get(0) + ": " + e.getMessage());
        }
    }

    /** Lint, Icarus compile and Yosys synthesis of one generated file whose top module is {@code top}. */
    public static void checkAll(Path dir, String top, Path file) {
        lint(dir, top, file);
        icarusCompile(dir, dir.resolve(top + ".vvp"), file);
        yosys(dir, "synth -top " + top, file);
    }
}
