package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * The formal proof that a generated requantiser equals the arithmetic contract (docs/accelerator.md, "Formal proof"):
 * Yosys 0.23 turns a miter into an and-inverter graph, ABC (yosys-abc, part of Debian's yosys) proves its
 * "mismatch" output constant 0 for every input. Two obligations per requantiser:
 * <ol>
 *   <li>{@code requant}: testbenches/formal/requant_miter.v — the module against the hand-written
 *       requant_contract.v for one value through the pipeline, the Booth product a cut point (a free input in the
 *       operands' range), the compiler's guarantees as assumptions;</li>
 *   <li>{@code booth}: the module's Booth rows on their own equal a plain multiply modulo 2^pw, row by row (every
 *       partial sum a cut point): each row adds {@code digit · a · 2^offset} to any partial sum before it, the digits
 *       recode {@code b}, the product is the last partial sum, and the pipeline registers inside the multiplier hold,
 *       one cycle later, the values before them (two unrolled steps); {@link BoothRowsChecker} states this from the
 *       radix-4 Booth definition, not from the generator.</li>
 * </ol>
 * The pipeline has no feedback, so the requantiser's obligation is a bounded run of LATENCY + 1 steps that starts
 * from any state: complete, not a sample. Each of its cases is also covered (not vacuous), see {@link #requant}.
 */
final class RequantProof {
    /**
     * ABC's proof that the unrolled miter's one output is constant 0. {@code orpos} first: on the unrolled network
     * (one output per step) yosys-abc's {@code &cec -m}, when its new engine is undecided, falls back to the old one,
     * which answered "Networks are equivalent" although the output of a later step could be 1 ({@code iprove} and
     * {@code sat} found the counterexample): the result check at step LATENCY went unchecked. Found by the cover
     * (2026-12-05).
     */
    static final String ZERO_OUTPUT = "orpos; &get; &cec -m";

    /** Which of the generator's requantisers. */
    enum Unit { PE, INPUT }

    /** Outcome of one obligation: proven, or the solver's counterexample or failure text. */
    record Result(boolean proven, String log, double seconds) {}

    private final AcceleratorConfig cfg;
    private final Unit unit;
    private final Path dir;

    RequantProof(AcceleratorConfig cfg, Unit unit, Path dir) {
        this.cfg = cfg;
        this.unit = unit;
        this.dir = dir;
    }

    /** The tools the proof runs: Debian's yosys package brings both (scripts/setup.sh, PULSEDL_RTL_PACKAGES). */
    static final List<List<String>> TOOLS = List.of(List.of("yosys", "-V"), List.of("yosys-abc", "-c", "quit"));

    /**
     * Fails, with one message naming the tool and how to install it, unless every tool in {@link #TOOLS} runs: CI must
     * not skip the proof because a tool is missing.
     */
    static void requireTools() {
        for (List<String> cmd : TOOLS) {
            String problem;
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                problem = p.waitFor() == 0 ? null : "exits with " + p.exitValue();
            } catch (IOException e) {
                problem = "is not installed (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = "was interrupted";
            }
            if (problem != null) {
                fail("the requantiser's formal proof needs " + cmd.get(0) + ", which "
                        + problem + ": install Debian's yosys package (scripts/setup.sh does: source it and run"
                        + " ensure_packages yosys, or run scripts/test)");
            }
        }
    }

    RtlShape shape() {
        return new RtlShape(cfg, AcceleratorRtl.TOP);
    }

    RequantRtl.Variant variant() {
        return unit == Unit.PE ? RequantRtl.pe(shape()) : RequantRtl.input(shape());
    }

    /** The generated module's text, as {@code pulsedl generate} writes it. */
    String generated() {
        String name = variant().name();
        for (VerilogFile f : AcceleratorRtl.files(cfg, RtlBench.PROVENANCE)) {
            if (f.module().name().equals(name)) {
                return f.text();
            }
        }
        throw new IllegalStateException("the generator wrote no module " + name);
    }

    /**
     * Steps from the inputs to the multiplier's operands: 1 when the module registers its inputs (three or more cuts,
     * RequantRtl's order of cuts).
     */
    int operandStep() {
        return variant().cuts() >= 3 ? 1 : 0;
    }

    /** Steps from the inputs to the cut product: the operand step and one per multiplier cut. */
    int productStep() {
        return operandStep() + RequantRtl.multiplierCuts(variant().cuts());
    }

    /** Steps from the inputs to {@code o_value}. */
    int latency() {
        return 2 + variant().cuts();
    }

    /**
     * One proof of the case split: the mode and some bits of the shifts fixed ({name, low bit, width, value}), the
     * rest free. The union of the cases covers every input the compiler's guarantees allow (see {@link #cases}).
     */
    record Case(String label, List<long[]> fixed, List<String> names) {
        static Case of(String label, Object... fields) {
            List<long[]> f = new ArrayList<>();
            List<String> n = new ArrayList<>();
            for (int i = 0; i < fields.length; i += 4) {
                n.add((String) fields[i]);
                f.add(new long[] {(Integer) fields[i + 1], (Integer) fields[i + 2], (Integer) fields[i + 3]});
            }
            return new Case(label, f, n);
        }
    }

    /**
     * The case split. DOUBLE is guaranteed {@code shr <= 31}, {@code shl <= 30} and {@code shl = 0 or shr = 0}:
     * shl = 0 with shr[5:4] = 0 or 1, and shr = 0 with any shl. SINGLE, INT64 (PE with 16-bit activations) and RAW
     * leave both shifts free. Fixing the high shift bits keeps the shifters small for ABC (a free DOUBLE shr takes
     * about 10 times as long as the two halves together).
     */
    List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(Case.of("DOUBLE, shl 0, shr 0-15", "mode_in", 0, 3, RequantRtl.DOUBLE, "shl_in", 0, 5, 0,
                "shr_in", 4, 2, 0));
        c.add(Case.of("DOUBLE, shl 0, shr 16-31", "mode_in", 0, 3, RequantRtl.DOUBLE, "shl_in", 0, 5, 0,
                "shr_in", 4, 2, 1));
        c.add(Case.of("DOUBLE, shr 0, any shl", "mode_in", 0, 3, RequantRtl.DOUBLE, "shr_in", 0, 6, 0));
        c.add(Case.of("SINGLE, any shr", "mode_in", 0, 3, RequantRtl.SINGLE));
        if (unit == Unit.PE && shape().ab() == 16) {
            c.add(Case.of("INT64, any shr", "mode_in", 0, 3, RequantRtl.INT64));
        }
        c.add(Case.of("RAW", "mode_in", 0, 3, RequantRtl.RAW));
        return c;
    }

    /**
     * Outcome of the requantiser's case split: every case proven and reached (the cover), or the first case that
     * failed; {@code vacuous} when it failed because no run reaches the result check with the assumptions holding.
     */
    record Outcome(boolean proven, boolean vacuous, int casesRun, String failedCase, String log, double yosysSeconds,
                   double abcSeconds) {}

    /**
     * Proves the requantiser {@code text} (the generated one, or a deliberately broken copy) against the contract:
     * one Yosys run writes the miter as an AIG with the mode and shifts as free inputs, then ABC proves each case
     * with those inputs fixed ({@code cof}), unrolled over LATENCY + 1 steps from the zero step counter and any other
     * state ({@code frames -i}), by SAT sweeping ({@code &cec -m}: every output constant 0). Each proven case is
     * then covered: with the miter's {@code probe} set, the result check fails whenever it is reached, so ABC must
     * find a counterexample — a run in which the case's assumptions hold and the output step comes (an
     * unsatisfiable assumption or a step the unrolling never reaches would make the proof vacuous). Stops at the
     * first case that fails.
     */
    Outcome requant(String text) throws IOException {
        RtlShape s = shape();
        RequantRtl.Variant v = variant();
        long t0 = System.nanoTime();
        Path impl = write("impl.v", text);
        Path formal = RtlBench.repoRoot().resolve("testbenches/formal");
        String params = String.join(" ", "-set PE", unit == Unit.PE ? "1" : "0",
                "-set INT64", unit == Unit.PE && s.ab() == 16 ? "1" : "0",
                "-set ACC_BITS", Integer.toString(s.acc()), "-set M_BITS", Integer.toString(v.m()),
                "-set AW", Integer.toString(RequantRtl.mulAWidth(s, v)),
                "-set BW", Integer.toString(RequantRtl.mulBWidth(s, v)),
                "-set PW", Integer.toString(RequantRtl.productWidth(s, v)),
                "-set LATENCY", Integer.toString(latency()),
                "-set OPERAND_STEP", Integer.toString(operandStep()),
                "-set PRODUCT_STEP", Integer.toString(productStep()));
        String script = String.join("\n",
                "read_verilog " + impl,
                "hierarchy -top " + v.name(),
                // no opt_expr yet: it would merge mul_a/mul_b into their drivers before they are exposed
                "proc -noopt",
                "expose w:mul_a w:mul_b",
                "expose -cut w:product",
                "rename " + v.name() + " rq_impl",
                "read_verilog -formal " + formal.resolve("requant_contract.v") + " " + formal.resolve("requant_miter.v"),
                "chparam " + params + " requant_miter",
                "hierarchy -top requant_miter",
                "proc; flatten; memory; opt -fast; dffunmap",      // memory: the AVG reciprocal ROM becomes logic
                "miter -assert requant_miter proof",
                "hierarchy -top proof",
                "flatten; opt -fast; techmap; opt -fast; dffunmap; aigmap",
                "setundef -undriven -anyseq; setundef -anyseq; opt_clean",
                "write_aiger -zinit -map requant.map requant.aig", "");
        Path ys = write("requant.ys", script);
        RtlBench.run(dir, List.of("yosys", "-q", "-l", "requant-yosys.log", "-s", ys.toString()), 1800);
        double yosysSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> inputs = new HashMap<>();      // "name bit" -> AIG input index
        for (String line : Files.readAllLines(dir.resolve("requant.map"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && f[0].equals("input")) {
                inputs.put(f[3] + " " + f[2], Integer.parseInt(f[1]));
            }
        }
        int pis = aigInputs(dir.resolve("requant.aig"));
        int digits = 1;                                      // ABC names inputs pi<index>, padded to log10(#inputs)
        for (long p = 10; p < pis; p *= 10) {
            digits++;
        }
        int run = 0;
        StringBuilder all = new StringBuilder();
        long t1 = System.nanoTime();
        for (Case c : cases()) {
            run++;
            StringBuilder fix = new StringBuilder();
            for (int i = 0; i < c.fixed().size(); i++) {
                long[] f = c.fixed().get(i);
                for (int b = 0; b < f[1]; b++) {
                    fix.append(cof(inputs, digits, c.names().get(i), (int) (f[0] + b), (f[2] >> b) & 1));
                }
            }
            String unroll = "; strash; frames -F " + (latency() + 1) + " -i; " + ZERO_OUTPUT;
            String proof = RtlBench.run(dir, List.of("yosys-abc", "-c",
                    "read_aiger requant.aig; logic" + fix + cof(inputs, digits, "probe", 0, 0) + unroll), 1800);
            all.append("== ").append(c.label()).append('\n').append(proof);
            if (!proof.contains("Networks are equivalent")) {
                Files.writeString(dir.resolve("requant-abc.log"), all);
                return new Outcome(false, false, run, c.label(), proof, yosysSeconds, (System.nanoTime() - t1) / 1e9);
            }
            String cover = RtlBench.run(dir, List.of("yosys-abc", "-c",
                    "read_aiger requant.aig; logic" + fix + cof(inputs, digits, "probe", 0, 1) + unroll), 1800);
            all.append("== ").append(c.label()).append(", cover (probe = 1: must fail)\n").append(cover);
            if (!cover.contains("Networks are NOT EQUIVALENT")) {
                Files.writeString(dir.resolve("requant-abc.log"), all);
                return new Outcome(false, true, run, c.label(), cover, yosysSeconds, (System.nanoTime() - t1) / 1e9);
            }
        }
        Files.writeString(dir.resolve("requant-abc.log"), all);
        return new Outcome(true, false, run, null, all.toString(), yosysSeconds, (System.nanoTime() - t1) / 1e9);
    }

    /** ABC's command fixing bit {@code bit} of the miter input {@code name} to {@code value}. */
    private static String cof(Map<String, Integer> inputs, int digits, String name, int bit, long value) {
        Integer idx = inputs.get(name + " " + bit);
        if (idx == null) {
            throw new IllegalStateException("requant.map has no input " + name + "[" + bit + "]");
        }
        return "; cof pi" + String.format("%0" + digits + "d", idx) + " " + (value & 1);
    }

    /** Inputs of a binary AIGER file (header {@code aig M I L O A}). */
    private static int aigInputs(Path aig) throws IOException {
        byte[] head = new byte[200];
        try (var in = Files.newInputStream(aig)) {
            int n = in.read(head);
            String line = new String(head, 0, Math.max(0, n), StandardCharsets.US_ASCII).split("\n", 2)[0];
            return Integer.parseInt(line.split(" ")[2]);
        }
    }

    /** Proves the Booth rows of the requantiser {@code text} (generated, or broken) equal a plain multiply (modulo 2^pw). */
    Result booth(String text) throws IOException {
        RtlShape s = shape();
        RequantRtl.Variant v = variant();
        Path impl = write("impl.v", text);
        int aw = RequantRtl.mulAWidth(s, v);
        int bw = RequantRtl.mulBWidth(s, v);
        int pw = RequantRtl.productWidth(s, v);
        Path checker = write("booth_check.v", BoothRowsChecker.checker(text, aw, bw, pw));
        String script = String.join("\n",
                "read_verilog " + impl,
                "hierarchy -top " + v.name(),
                "proc -noopt",
                // a buffer on every wire-to-wire connection: a row's low bits are its predecessor's (assign s_n =
                // {d_n, s_(n-1)[o-1:0]}), and without buffers cutting s_(n-1) would cut those bits of s_n too
                "insbuf",
                // every partial sum a cut point: each row is checked on its own (BoothRowsChecker)
                "expose -cut w:mul_s*",
                // the operands as the requantiser computes them from free inputs (not cut: the multiplier's
                // registers load their drivers), the product, and the multiplier's registers, for the checker
                "expose w:mul_a w:mul_b w:product w:mul_c*_r",
                "rename " + v.name() + " rq_impl",
                "read_verilog -formal " + checker,
                "hierarchy -top booth_check",
                "proc; flatten; memory; opt -fast",
                "miter -assert booth_check proof",
                "hierarchy -top proof",
                "flatten; opt -fast; techmap; opt -fast; dffunmap; aigmap",
                "setundef -undriven -anyseq; setundef -anyseq; opt_clean",
                "write_aiger -zinit booth.aig", "");
        return prove("booth", script, "booth.aig", "frames -F 2 -i; " + ZERO_OUTPUT);
    }

    private Result prove(String name, String script, String aig, String abcCommand) throws IOException {
        long t0 = System.nanoTime();
        Path ys = write(name + ".ys", script);
        RtlBench.run(dir, List.of("yosys", "-q", "-l", name + "-yosys.log", "-s", ys.toString()), 1800);
        String log = RtlBench.run(dir, List.of("yosys-abc", "-c", "read_aiger " + aig + "; strash; " + abcCommand),
                1800);
        Files.writeString(dir.resolve(name + "-abc.log"), log);
        double seconds = (System.nanoTime() - t0) / 1e9;
        boolean proven = log.contains("Networks are equivalent");
        return new Result(proven, log, seconds);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
