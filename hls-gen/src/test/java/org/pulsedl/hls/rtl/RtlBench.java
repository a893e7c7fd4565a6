package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.ArraySimulator;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * Runs the generated accelerator in the simulators: writes the RTL and the program/window hex files under the build
 * directory ({@code <module>/<buildDir>/rtl-sim}), builds the Verilator harness ({@code testbenches/accel}) once per
 * RTL text, runs it or the Icarus testbench, and parses the trace. A missing tool fails with the fix.
 */
final class RtlBench {
    static final Provenance PROVENANCE = new Provenance("pulsedl generate (test)", "pulsedl hls-gen test");

    /** What a simulation printed: result words with the cycle each was popped, round starts, total, registers. */
    record Trace(int[] words, long[] wordCycles, long[] roundStarts, long cycles, Map<Integer, Long> regs,
                 double seconds) {}

    private RtlBench() {}

    static Path buildDir() {
        try {
            Path classes = Path.of(RtlBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path repoRoot() {
        Path p = buildDir().toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("testbenches"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("testbenches/ not found above " + buildDir());
        }
        return p;
    }

    static Path dir(String name) throws IOException {
        Path d = buildDir().resolve("rtl-sim").resolve(name);
        Files.createDirectories(d);
        return d;
    }

    /** Writes the RTL of {@code cfg} into {@code dir}; returns the files in compile order. */
    static List<Path> writeRtl(AcceleratorConfig cfg, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (VerilogFile f : AcceleratorRtl.files(cfg, PROVENANCE)) {
            Path p = dir.resolve(f.fileName());
            Files.writeString(p, f.text(), StandardCharsets.UTF_8);
            out.add(p);
        }
        return out;
    }

    static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Verilator executable for {@code cfg}, built once per RTL and harness text. */
    static Path verilator(AcceleratorConfig cfg) throws IOException {
        return verilator(cfg, "verilator_main.cpp");
    }

    /** The Verilator executable of {@code cfg} with the harness {@code testbenches/accel/<harnessFile>}. */
    static synchronized Path verilator(AcceleratorConfig cfg, String harnessFile) throws IOException {
        StringBuilder all = new StringBuilder();
        for (VerilogFile f : AcceleratorRtl.files(cfg, PROVENANCE)) {
            all.append(f.text());
        }
        Path harness = repoRoot().resolve("testbenches/accel").resolve(harnessFile);
        all.append(Files.readString(harness));
        Path dir = dir("verilator-" + sha(all.toString()));
        Path exe = dir.resolve("obj/Vaccel");
        // The module's test classes run in parallel JVMs (hls-gen/pom.xml): a file lock lets one of them build a
        // configuration they share while the others wait for it (synchronized covers the threads of one JVM).
        try (FileChannel lock = FileChannel.open(dir.resolve("build.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lock.lock()) {
            if (Files.isExecutable(exe)) {
                return exe;
            }
            List<Path> files = writeRtl(cfg, dir);
            List<String> cmd = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build", "-O3", "--x-assign",
                    "fast", "--x-initial", "fast", "--no-assert", "-Wall", "--top-module", AcceleratorRtl.TOP,
                    "-Mdir", "obj", "-o", "Vaccel", "-CFLAGS", "-O1", "-j", "4"));
            files.forEach(f -> cmd.add(f.toString()));
            cmd.add(harness.toString());
            run(dir, cmd, 900);
            return exe;
        }
    }

    /** Random 8-bit result tags for {@code count} windows. */
    static int[] tags(SplittableRandom rnd, int count) {
        int[] t = new int[count];
        for (int i = 0; i < count; i++) {
            t[i] = rnd.nextInt(256);
        }
        return t;
    }

    /**
     * The capture timestamps the harnesses inject with the windows of {@code tags} (i_in_time, all 32 bits random):
     * a fixed function of the tags, so the tests' own random streams are not disturbed.
     */
    static int[] stamps(int[] tags) {
        SplittableRandom r = new SplittableRandom(0x7135_7A3DL ^ Arrays.hashCode(tags));
        int[] s = new int[tags.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt();
        }
        return s;
    }

    /** {@link ArraySimulator}'s run of the windows as the harnesses inject them: numbered from 0, {@link #stamps}. */
    static ArraySimulator.Result reference(LayerProgram program, List<int[]> windows, int[] tags) {
        return new ArraySimulator(program).run(windows, tags, IntStream.range(0, windows.size()).toArray(),
                stamps(tags));
    }

    /**
     * {@code $readmemh} words of the windows: per window its tag, its capture timestamp ({@link #stamps}), then its
     * samples (16-bit two's complement).
     */
    static String windowHex(List<int[]> windows, int[] tags) {
        int[] stamps = stamps(tags);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < windows.size(); i++) {
            sb.append(String.format("%08x%n", tags[i] & 0xFF));
            sb.append(String.format("%08x%n", stamps[i]));
            for (int v : windows.get(i)) {
                sb.append(String.format("%08x%n", v & 0xFFFF));
            }
        }
        return sb.toString();
    }

    /** Writes program and window files into {@code dir}. */
    static void writeInputs(Path dir, LayerProgram program, List<int[]> windows, int[] tags) throws IOException {
        Files.writeString(dir.resolve("desc.hex"), program.descriptorHex());
        Files.writeString(dir.resolve("params.hex"), program.paramHex().isEmpty() ? "0\n" : program.paramHex());
        Files.writeString(dir.resolve("weights.hex"), program.weightHex().isEmpty() ? "0\n" : program.weightHex());
        Files.writeString(dir.resolve("windows.hex"), windowHex(windows, tags));
    }

    static Trace runVerilator(AcceleratorConfig cfg, Path dir, LayerProgram program, List<int[]> windows, int[] tags,
                              long cycleLimit) throws IOException {
        Path exe = verilator(cfg);
        writeInputs(dir, program, windows, tags);
        long t0 = System.nanoTime();
        run(dir, List.of(exe.toString(), "+desc=desc.hex", "+params=params.hex", "+weights=weights.hex",
                "+windows=windows.hex", "+count=" + windows.size(), "+words=" + program.header().resultWordsPerWindow(),
                "+out=trace.txt", "+limit=" + cycleLimit), 600);
        return parse(dir.resolve("trace.txt"), (System.nanoTime() - t0) / 1e9);
    }

    /** Compiles the Icarus testbench with the RTL of {@code cfg} and runs it. */
    static Trace runIcarus(AcceleratorConfig cfg, Path dir, LayerProgram program, List<int[]> windows, int[] tags,
                           long cycleLimit) throws IOException {
        List<Path> files = writeRtl(cfg, dir);
        writeInputs(dir, program, windows, tags);
        List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2005", "-Wall", "-o", "tb.vvp", "-s", "tb_accel",
                "-Ptb_accel.LANES=" + cfg.lanes()));
        files.forEach(f -> cmd.add(f.toString()));
        cmd.add(repoRoot().resolve("testbenches/accel/tb_accel.v").toString());
        run(dir, cmd, 300);
        long t0 = System.nanoTime();
        run(dir, List.of("vvp", "-n", "tb.vvp", "+desc=desc.hex", "+params=params.hex", "+weights=weights.hex",
                "+ndesc=" + (1 + program.descriptors().size()), "+nparams=" + program.paramTableEntries(),
                "+nweights=" + program.weightMemoryWords(),
                "+windows=windows.hex", "+count=" + windows.size(), "+words=" + program.header().resultWordsPerWindow(),
                "+out=trace.txt", "+limit=" + cycleLimit), 600);
        return parse(dir.resolve("trace.txt"), (System.nanoTime() - t0) / 1e9);
    }

    static Trace parse(Path file, double seconds) throws IOException {
        List<Integer> words = new ArrayList<>();
        List<Long> wordCycles = new ArrayList<>();
        List<Long> rounds = new ArrayList<>();
        Map<Integer, Long> regs = new LinkedHashMap<>();
        long cycles = -1;
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            switch (f[0]) {
                case "WORD" -> {
                    words.add((int) Long.parseLong(f[1], 16));
                    wordCycles.add(Long.parseLong(f[2]));
                }
                case "ROUND" -> rounds.add(Long.parseLong(f[1]));
                case "CYCLES" -> cycles = Long.parseLong(f[1]);
                case "REG" -> regs.put(Integer.parseInt(f[1], 16), Long.parseLong(f[2], 16));
                case "TIMEOUT" -> fail("simulation hit its cycle limit " + f[1] + " (" + file + ")");
                default -> { }
            }
        }
        return new Trace(words.stream().mapToInt(Integer::intValue).toArray(),
                wordCycles.stream().mapToLong(Long::longValue).toArray(),
                rounds.stream().mapToLong(Long::longValue).toArray(), cycles, regs, seconds);
    }

    /** Runs {@code cmd} in {@code dir}; fails with its output (or the install hint) unless it exits 0. */
    static String run(Path dir, List<String> cmd, long timeoutSeconds) throws IOException {
        Path log = dir.resolve(Path.of(cmd.get(0)).getFileName() + ".log");
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            fail(cmd.get(0) + " could not be started (" + e.getMessage() + "): install the RTL tools with"
                    + " scripts/setup.sh (verilator 5.006, iverilog 11, yosys 0.23, g++)");
            return "";
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + ": timed out after " + timeoutSeconds + " s (log " + log + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            fail(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n"
                    + (out.length() > 6000 ? out.substring(0, 6000) + "\n..." : out));
        }
        return out;
    }
}
