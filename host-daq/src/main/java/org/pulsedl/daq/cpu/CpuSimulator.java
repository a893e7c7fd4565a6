package org.pulsedl.daq.cpu;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Verilator simulation with its ELF-loading harness: the bare core ({@link Target#CORE}, rv32_core and
 * {@code testbenches/cpu/sim_main.cpp}) or the whole SoC ({@link Target#SOC}, pdl_soc and
 * {@code testbenches/soc/sim_main.cpp}), built once per source text and cached under
 * {@code ~/.cache/pulsedl/<target>/<hash>} ({@code $PULSEDL_CACHE} or {@code $XDG_CACHE_HOME/pulsedl} when set),
 * outside the source tree. Exit codes of a run (DESIGN §4): 0 pass, 1 fail, 2 usage or ELF error, 3 timeout.
 */
public final class CpuSimulator {
    public static final int PASS = 0;
    public static final int FAIL = 1;
    public static final int USAGE = 2;
    public static final int TIMEOUT = 3;
    /** What is simulated. */
    public enum Target {
        /** rv32_core alone with a harness RAM of 1 MiB (the CPU's tests; no peripherals). */
        CORE("cpu-sim", "rv32_core", "the CPU simulator"),
        /** As {@link #CORE} with {@code FAST_MUL=0}: the shift-add multiplier of the FPGA builds without DSPs (iCE40). */
        CORE_ITERATIVE_MUL("cpu-sim-iterative-mul", "rv32_core", "the CPU simulator (iterative multiplier)", "-GFAST_MUL=0"),
        /** pdl_soc: core, RAM of the memory map, bus, UART, timer, simulation control, accelerator. */
        SOC("soc-sim", "pdl_soc", "the SoC simulator");

        final String cache;
        final String top;
        final String what;
        final List<String> verilatorArgs;

        Target(String cache, String top, String what, String... verilatorArgs) {
            this.cache = cache;
            this.top = top;
            this.what = what;
            this.verilatorArgs = List.of(verilatorArgs);
        }

        String exe() {
            return "V" + top;
        }
    }
    private static final long BUILD_TIMEOUT_S = 1800;

    private final Path executable;

    private CpuSimulator(Path executable) {
        this.executable = executable;
    }

    public Path executable() {
        return executable;
    }

    /**
     * The simulator for the sources under {@code root}, built now when the cache has none for this source text;
     * {@code progress} hears about a build (it takes a minute or two).
     */
    public static CpuSimulator build(Path root, PrintStream progress) throws IOException {
        return build(root, Target.CORE, progress);
    }

    /** As {@link #build(Path, PrintStream)} for {@code target}, without waveform tracing. */
    public static CpuSimulator build(Path root, Target target, PrintStream progress) throws IOException {
        return build(root, target, false, progress);
    }

    /**
     * As {@link #build(Path, PrintStream)} for {@code target}; {@code traced} builds it with {@code verilator --trace}
     * (a second cached simulator) so that {@code --trace FILE} works. Tracing support costs speed even when no trace
     * is written: 2.5 times at the SoC (docs/performance.md), so the simulator without it is the default.
     */
    public static synchronized CpuSimulator build(Path root, Target target, boolean traced, PrintStream progress)
            throws IOException {
        boolean soc = target == Target.SOC;
        List<Path> verilog = soc ? CpuSources.socVerilog(root) : CpuSources.verilog(root);
        List<Path> harness = soc ? CpuSources.socHarness(root) : CpuSources.harness(root);
        String version = tool(List.of("verilator", "--version"));
        Path dir = cacheDir().resolve(target.cache).resolve(hash(version + (traced ? " --trace" : " untraced")
                + String.join(" ", target.verilatorArgs), verilog, harness));
        String exeName = target.exe();
        Path exe = dir.resolve(exeName);
        if (Files.isExecutable(exe)) {
            return new CpuSimulator(exe);
        }
        progress.println("pulsedl sim: building " + target.what + (traced ? " with tracing" : "") + " with " + version.strip()
                + " (once per source change; a few minutes)…");
        Files.createDirectories(dir.getParent());
        Path work = Files.createTempDirectory(dir.getParent(), "build-");
        try {
            List<String> cmd = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build", "-O3",
                    "--x-assign", "fast", "--x-initial", "fast", "--no-assert", "-Wall",
                    "--top-module", target.top, "-Mdir", "obj", "-o", exeName, "-CFLAGS", "-O2", "-j", "2"));
            if (traced) {
                cmd.add("--trace");
            }
            cmd.addAll(target.verilatorArgs);
            if (soc) {
                cmd.addAll(List.of("-I" + root.resolve("rtl/generated"), "-CFLAGS", "-I" + root.resolve("testbenches/cpu")));
                harness.stream().filter(p -> p.toString().endsWith(".vlt")).forEach(p -> cmd.add(p.toString()));
            }
            verilog.stream().filter(p -> p.toString().endsWith(".v")).forEach(p -> cmd.add(p.toString()));
            harness.stream().filter(p -> p.toString().endsWith(".cpp")).forEach(p -> cmd.add(p.toString()));
            Path log = dir.getParent().resolve("last-build.log");   // kept: a failed build names it
            int code = runTool(cmd, work, log);
            if (code != 0) {
                throw new IOException("building " + target.what + " failed (verilator exit " + code + "); see " + log);
            }
            Files.createDirectories(dir);
            Path built = work.resolve("obj").resolve(exeName);
            try {
                Files.move(built, exe, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(built, exe, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            deleteTree(work);
        }
        return new CpuSimulator(exe);
    }

    /** The command line that runs {@code elf} for at most {@code maxCycles}, with an optional VCD trace. */
    public List<String> command(Path elf, long maxCycles, Path vcd) {
        return command(elf, maxCycles, vcd, false, null);
    }

    /**
     * The command line with the SoC's options: the UART on a pseudo-terminal ({@code pty}; the harness prints
     * "pulsedl sim: uart on PATH" on stderr) and a windows file for the ADC port (SoC only).
     */
    public List<String> command(Path elf, long maxCycles, Path vcd, boolean pty, Path windows) {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--elf", elf.toString(),
                "--max-cycles", Long.toString(maxCycles)));
        if (vcd != null) {
            cmd.add("--trace");
            cmd.add(vcd.toString());
        }
        if (pty) {
            cmd.add("--pty");
        }
        if (windows != null) {
            cmd.add("--windows");
            cmd.add(windows.toString());
        }
        return cmd;
    }

    /** What a run printed: the program's output (stdout), the harness's status lines (stderr), and the exit code. */
    public record Run(int exitCode, String output, String status) {}

    /** Runs {@code elf} and captures its output; gives up (exit {@value #TIMEOUT}) after {@code wallSeconds}. */
    public Run run(Path elf, long maxCycles, long wallSeconds) throws IOException {
        return run(command(elf, maxCycles, null), elf, wallSeconds);
    }

    /**
     * Runs {@code elf} with the CPU harness's hostile bus: {@code i_dmem_busy} high in {@code busyPercent} of the
     * cycles, seeded ({@code testbenches/cpu/sim_main.cpp}). The program's results must not change.
     */
    public Run runWithBusyBus(Path elf, long maxCycles, long wallSeconds, int busyPercent, long seed) throws IOException {
        List<String> cmd = command(elf, maxCycles, null);
        cmd.addAll(List.of("--dmem-busy", Integer.toString(busyPercent), "--seed", Long.toString(seed)));
        return run(cmd, elf, wallSeconds);
    }

    private Run run(List<String> cmd, Path elf, long wallSeconds) throws IOException {
        Path out = Files.createTempFile("pulsedl-sim", ".out");
        Path err = Files.createTempFile("pulsedl-sim", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            int code;
            if (!p.waitFor(wallSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                code = TIMEOUT;
            } else {
                code = p.exitValue();
            }
            return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while simulating " + elf);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Path cacheDir() {
        String own = System.getenv("PULSEDL_CACHE");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("pulsedl");
    }

    private static String hash(String version, List<Path> verilog, List<Path> harness) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(version.getBytes(StandardCharsets.UTF_8));
            for (List<Path> group : List.of(verilog, harness)) {
                for (Path p : group) {
                    md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(p));
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tool(List<String> cmd) throws IOException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new IOException(cmd.get(0) + " is not installed (the CPU simulator needs verilator 5.006 and g++; "
                    + "scripts/setup.sh installs them)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + cmd.get(0));
        }
    }

    private static int runTool(List<String> cmd, Path dir, Path log) throws IOException {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(BUILD_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted building the CPU simulator");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
