package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.ArraySimulator;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.accel.ProgramException;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.testing.RandomQModels;
import org.pulsedl.quantizer.testing.RandomQModels.Profile;

/**
 * One random model on the generated accelerator under the script harness {@code testbenches/accel/periph_main.cpp}:
 * the test writes a script of bus accesses, window pushes and waits; the words the result stream took are split at
 * the script's marks and compared with {@link ArraySimulator} runs of the windows expected there (whose outputs are
 * checked against {@link GoldenModel}).
 */
final class PeripheralBench {
    /** The configuration of the peripheral tests: two PEs, so rounds hold four windows. */
    static final AcceleratorConfig CONFIG = ArrayBitExactTest.roomy(AcceleratorConfig.small()).toBuilder().pes(2)
            .build();

    /** The configuration simulated: {@link #CONFIG} unless given. */
    final AcceleratorConfig cfg;
    final QuantizedModel model;
    final LayerProgram program;
    final List<int[]> inputs;
    final int[] tags;
    /** Samples per window (N) and result words per window. */
    final int n;
    final int perWindow;
    private final StringBuilder script = new StringBuilder();

    /**
     * What the harness printed: per mark section the words taken (by the stream or RESULT_POP, in order), register
     * reads (value, bus error), the words RESULT_POP took, writes that ended with a bus error, o_irq samples, and the
     * cycles bus writes waited.
     */
    record Output(Map<String, List<Integer>> sections, Map<Integer, List<Long>> regs, Map<Integer, List<Boolean>> regErr,
                  List<Integer> pops, List<Integer> writeErrors, List<Boolean> irqs, long stalls) {
        long reg(int offset) {
            List<Long> v = regs.get(offset);
            return v.get(v.size() - 1);
        }

        boolean readError(int offset) {
            List<Boolean> v = regErr.get(offset);
            return v.get(v.size() - 1);
        }
    }

    PeripheralBench(SplittableRandom rnd, int windows) {
        this(rnd, windows, CONFIG);
    }

    PeripheralBench(SplittableRandom rnd, int windows, AcceleratorConfig cfg) {
        this.cfg = cfg;
        QuantizedModel m;
        LayerProgram p;
        do {
            m = RandomQModels.make(rnd, "periph", Profile.rtl(), RoundingMode.DOUBLE, 31, false);
            try {
                p = LayerProgram.compile(m, cfg);
            } catch (ProgramException e) {
                p = null;
            }
        } while (p == null);
        model = m;
        program = p;
        inputs = RandomQModels.inputs(rnd, model, windows);
        tags = RtlBench.tags(rnd, windows);
        n = inputs.get(0).length;
        perWindow = program.header().resultWordsPerWindow();
    }

    PeripheralBench line(String format, Object... args) {
        script.append(String.format(format, args)).append('\n');
        return this;
    }

    /** Runs the script; a harness timeout fails with the script line. */
    Output run(String name) throws IOException {
        Path exe = RtlBench.verilator(cfg, "periph_main.cpp");
        Path dir = RtlBench.dir("periph-" + name);
        RtlBench.writeInputs(dir, program, inputs, tags);
        Files.writeString(dir.resolve("script.txt"), script.toString());
        Process p = new ProcessBuilder(exe.toString(), "+desc=desc.hex", "+params=params.hex", "+weights=weights.hex",
                "+windows=windows.hex", "+n=" + n, "+script=script.txt", "+out=out.txt")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("sim.log").toFile())
                .start();
        try {
            if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(name + ": the harness did not finish in 300 s (" + dir + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        Map<String, List<Integer>> sections = new LinkedHashMap<>();
        Map<Integer, List<Long>> regs = new LinkedHashMap<>();
        Map<Integer, List<Boolean>> regErr = new LinkedHashMap<>();
        List<Integer> pops = new ArrayList<>();
        List<Integer> writeErrors = new ArrayList<>();
        List<Boolean> irqs = new ArrayList<>();
        long stalls = -1;
        List<Integer> current = new ArrayList<>();
        sections.put("", current);
        List<String> lines = Files.readAllLines(dir.resolve("out.txt"));
        String script = Files.readString(dir.resolve("script.txt"));
        for (String l : lines) {
            String[] f = l.trim().split("\\s+");
            switch (f[0]) {
                case "WORD" -> current.add((int) Long.parseLong(f[1], 16));
                case "MARK" -> {
                    current = new ArrayList<>();
                    sections.put(f[1], current);
                }
                case "REG" -> {
                    regs.computeIfAbsent(Integer.parseInt(f[1], 16), k -> new ArrayList<>()).add(Long.parseLong(f[2], 16));
                    regErr.computeIfAbsent(Integer.parseInt(f[1], 16), k -> new ArrayList<>()).add(f[3].equals("1"));
                }
                case "POP" -> {
                    pops.add((int) Long.parseLong(f[1], 16));
                    current.add((int) Long.parseLong(f[1], 16));
                }
                case "BUSERR" -> writeErrors.add(Integer.parseInt(f[1], 16));
                case "IRQ" -> irqs.add(f[1].equals("1"));
                case "STALLS" -> stalls = Long.parseLong(f[1]);
                case "TIMEOUT" -> fail(name + ": hang, the wait on script line " + f[1] + " ("
                        + script.lines().skip(Integer.parseInt(f[1]) - 1).findFirst().orElse("?")
                        + ") passed its limit; results so far " + sections.keySet() + " (" + dir + ")");
                default -> { }
            }
        }
        if (p.exitValue() != 0) {
            fail(name + ": harness exited with " + p.exitValue() + " (" + dir + "/sim.log)");
        }
        return new Output(sections, regs, regErr, pops, writeErrors, irqs, stalls);
    }

    /**
     * The result words of {@code windows} (indices into {@link #inputs}) entering after a reset with the given
     * sequence numbers and the capture timestamps the harness injected with them ({@link RtlBench#stamps}), from
     * {@link ArraySimulator}; each window's outputs are checked against the golden model.
     */
    int[] expected(List<Integer> windows, int[] sequences) {
        List<int[]> in = new ArrayList<>();
        int[] t = new int[windows.size()];
        int[] stamps = new int[windows.size()];
        int[] injected = RtlBench.stamps(tags);
        for (int i = 0; i < windows.size(); i++) {
            in.add(inputs.get(windows.get(i)));
            t[i] = tags[windows.get(i)];
            stamps[i] = injected[windows.get(i)];
        }
        ArraySimulator.Result ref = new ArraySimulator(program).run(in, t, sequences, stamps);
        GoldenModel golden = new GoldenModel(model);
        for (int i = 0; i < in.size(); i++) {
            assertArrayEquals(golden.run(in.get(i)), ref.outputs()[i], "window " + windows.get(i) + " vs golden");
        }
        return ref.resultWords();
    }

    /** Cycles {@link ArraySimulator} takes for the first {@code windows} windows, from start to the last word. */
    long cycles(int windows) {
        return new ArraySimulator(program).run(inputs.subList(0, windows), Arrays.copyOf(tags, windows)).cycles();
    }

    static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }

    static int[] count(int from, int size) {
        int[] r = new int[size];
        for (int i = 0; i < size; i++) {
            r[i] = from + i;
        }
        return r;
    }

    static int[] words(List<Integer> w) {
        return w.stream().mapToInt(Integer::intValue).toArray();
    }
}
