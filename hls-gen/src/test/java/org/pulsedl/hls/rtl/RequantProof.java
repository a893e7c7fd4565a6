package org.pulsedl.hls.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *   <li>{@code booth}: the module's Booth rows on their own equal a plain multiply modulo 2^pw — each row adds
 *       {@code digit · a · 2^offset} to the partial sum before it, the digits recode {@code b}, and the product is the
 *       last partial sum (the checker below states this from the radix-4 Booth definition, not from the generator);
 *       the operands are cut ({@code expose -cut}: free inputs) and the pipeline registers inside the multiplier
 *       must hold, one cycle later, the values before them (two unrolled steps).</li>
 * </ol>
 * The pipeline has no feedback, so the requantiser's obligation is a bounded run of LATENCY + 1 steps that starts
 * from any state: complete, not a sample.
 */
final class RequantProof {
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

    /** Steps from the operands to the cut product, and from the inputs to {@code o_value}: the variant's cuts. */
    int productStep() {
        return variant().cuts() >= 1 ? 1 : 0;
    }

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

    /** Outcome of the requantiser's case split: every case proven, or the first that failed. */
    record Outcome(boolean proven, int casesRun, String failedCase, String log, double yosysSeconds,
                   double abcSeconds) {}

    /**
     * Proves the requantiser {@code text} (the generated one, or a deliberately broken copy) against the contract:
     * one Yosys run writes the miter as an AIG with the mode and shifts as free inputs, then ABC proves each case
     * with those inputs fixed ({@code cof}), unrolled over LATENCY + 1 steps from the zero step counter and any other
     * state ({@code frames -i}), by SAT sweeping ({@code &cec -m}: every output constant 0). Stops at the first case
     * that fails.
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
            StringBuilder cmd = new StringBuilder("read_aiger requant.aig; logic");
            for (int i = 0; i < c.fixed().size(); i++) {
                long[] f = c.fixed().get(i);
                for (int b = 0; b < f[1]; b++) {
                    Integer idx = inputs.get(c.names().get(i) + " " + (f[0] + b));
                    if (idx == null) {
                        throw new IllegalStateException("requant.map has no input " + c.names().get(i) + "[" + (f[0] + b) + "]");
                    }
                    cmd.append("; cof pi").append(String.format("%0" + digits + "d", idx)).append(' ')
                            .append((f[2] >> b) & 1);
                }
            }
            cmd.append("; strash; frames -F ").append(latency() + 1).append(" -i; &get; &cec -m");
            String log = RtlBench.run(dir, List.of("yosys-abc", "-c", cmd.toString()), 1800);
            all.append("== ").append(c.label()).append('\n').append(log);
            boolean ok = log.contains("Networks are equivalent");
            if (!ok) {
                Files.writeString(dir.resolve("requant-abc.log"), all);
                return new Outcome(false, run, c.label(), log, yosysSeconds, (System.nanoTime() - t1) / 1e9);
            }
        }
        Files.writeString(dir.resolve("requant-abc.log"), all);
        return new Outcome(true, run, null, all.toString(), yosysSeconds, (System.nanoTime() - t1) / 1e9);
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
        Path checker = write("booth_check.v", boothChecker(text, aw, bw, pw));
        String script = String.join("\n",
                "read_verilog " + impl,
                "hierarchy -top " + v.name(),
                "proc -noopt",
                // the operands become free inputs; the multiplier's registers stay and are checked by booth_check
                // -cut, not -input: every reader of the operands, the cut registers too, reads the free inputs
                "expose -cut w:mul_a w:mul_b",
                // the multiplier's cut registers stay registers; the checker compares them with the values before
                "expose w:product w:mul_s* w:mul_c*_r",
                "rename " + v.name() + " rq_impl",
                "read_verilog -formal " + checker,
                "hierarchy -top booth_check",
                "proc; flatten; memory; opt -fast",
                "miter -assert booth_check proof",
                "hierarchy -top proof",
                "flatten; opt -fast; techmap; opt -fast; dffunmap; aigmap",
                "setundef -undriven -anyseq; setundef -anyseq; opt_clean",
                "write_aiger -zinit booth.aig", "");
        return prove("booth", script, "booth.aig", "frames -F 2 -i; &get; &cec -m");
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

    private static final Pattern WIRE = Pattern.compile("wire \\[(\\d+):0\\] +(mul_s\\d+);");
    private static final Pattern CUT = Pattern.compile("reg +\\[(\\d+):0\\] +mul_cs_r;.*after digit (\\d+)");

    /**
     * The Booth checker for an unsigned multiplier {@code b} (the requantiser's): radix-4 digits
     * {@code d_j = -2 b[o+1] + b[o] + b[o-1]} at offset {@code o = 2j + 1} (without {@code b[0]} in digit 0, which is row
     * 0: {@code b[0] · a}). Row {@code n = j + 1} must satisfy {@code sext(s_n) = sext(s_(n-1)) + d_j · a · 2^o
     * (mod 2^pw)}; rows after a pipeline cut read the registered partial sum and operands.
     */
    static String boothChecker(String module, int aw, int bw, int pw) {
        List<int[]> rows = new ArrayList<>();                   // {n, width}
        Matcher w = WIRE.matcher(module);
        while (w.find()) {
            rows.add(new int[] {Integer.parseInt(w.group(2).substring(5)), Integer.parseInt(w.group(1)) + 1});
        }
        rows.sort((x, y) -> Integer.compare(x[0], y[0]));
        Matcher c = CUT.matcher(module);
        int cutDigit = c.find() ? Integer.parseInt(c.group(2)) : -1;
        int cutWidth = cutDigit >= 0 ? Integer.parseInt(c.group(1)) + 1 : 0;
        boolean cutKeepsOperands = module.contains("mul_ca_r");
        StringBuilder v = new StringBuilder();
        v.append("module booth_check(input i_clk, input signed [").append(aw - 1).append(":0] a, input [")
                .append(bw - 1).append(":0] b");
        if (cutDigit >= 0) {
        }
        v.append(");\n");
        v.append("  wire [").append(pw - 1).append(":0] p;\n");
        StringBuilder ports = new StringBuilder(".i_clk(i_clk), .i_mode(3'd0), .i_value(64'd0), .i_bias(64'd0), "
                + ".i_m(32'd0), .i_shr(6'd0), .i_shl(5'd0), .i_count(5'd0), .i_zout(16'd0), .i_min(16'd0), "
                + ".i_max(16'd0), .\\mul_a.i (a), .\\mul_b.i (b), .product(p)");
        for (int[] r : rows) {
            v.append("  wire [").append(r[1] - 1).append(":0] s").append(r[0]).append(";\n");
            ports.append(", .mul_s").append(r[0]).append("(s").append(r[0]).append(")");
        }
        if (cutDigit >= 0) {
            // the cut registers' values (cs_q, ca_q, cb_q) against the checker's copies of the values before them
            v.append("  wire [").append(cutWidth - 1).append(":0] cs_q;\n  reg [").append(cutWidth - 1)
                    .append(":0] cs_d;\n  reg started = 1'b0;\n  always @(posedge i_clk) started <= 1'b1;\n");
            ports.append(", .mul_cs_r(cs_q)");
            if (cutKeepsOperands) {
                v.append("  wire [").append(aw - 1).append(":0] ca_q;\n  wire [").append(bw - 1).append(":0] cb_q;\n");
                v.append("  reg [").append(aw - 1).append(":0] ca_d;\n  reg [").append(bw - 1).append(":0] cb_d;\n");
                v.append("  always @(posedge i_clk) begin ca_d <= a; cb_d <= b; end\n");
                v.append("  always @* assert(!started || (ca_q == ca_d && cb_q == cb_d));\n");
                ports.append(", .mul_ca_r(ca_q), .mul_cb_r(cb_q)");
            }
        }
        v.append("  rq_impl dut(").append(ports).append(");\n");
        v.append("  wire [").append(bw + 1).append(":0] bx = {2'b00, b};\n");
        v.append("  wire signed [").append(pw - 1).append(":0] ax = a;\n");
        if (cutKeepsOperands) {
            v.append("  wire [").append(bw + 1).append(":0] bq = {2'b00, cb_q};\n");
            v.append("  wire signed [").append(pw - 1).append(":0] aq = ca_q;\n");
        }
        v.append("  wire signed [").append(bw + 3).append(":0] recoded;\n");
        v.append("  always @* assert($signed(s0) == (b[0] ? ").append("$signed(ax[").append(rows.get(0)[1] - 1)
                .append(":0]) : ").append(rows.get(0)[1]).append("'sd0));\n");
        StringBuilder terms = new StringBuilder("$signed({").append(bw + 3).append("'d0, b[0]})");
        String prev = "s0";
        for (int[] r : rows) {
            int n = r[0];
            if (n == 0) {
                continue;
            }
            int j = n - 1;
            int o = 2 * j + 1;
            boolean after = cutDigit >= 0 && j > cutDigit;
            String bb = after && cutKeepsOperands ? "bq" : "bx";
            String aa = after && cutKeepsOperands ? "aq" : "ax";
            String lo = j == 0 ? "1'b0" : bb + "[" + (o - 1) + "]";
            if (cutDigit >= 0 && j == cutDigit + 1) {
                prev = "cs_q";                                  // the row after the cut reads the register
            }
            v.append("  wire signed [2:0] d").append(n).append(" = $signed({2'b00, ").append(lo).append("}) + $signed({2'b00, ")
                    .append(bb).append("[").append(o).append("]}) - $signed({1'b0, ").append(bb).append("[")
                    .append(o + 1).append("], 1'b0});\n");
            // the digit recodes the b this row reads; the same b before and after the cut (checked below)
            if (!after || !cutKeepsOperands) {
                terms.append(" + (d").append(n).append(" <<< ").append(o).append(")");
            } else {
                v.append("  wire signed [2:0] dd").append(n).append(" = $signed({2'b00, ").append(j == 0 ? "1'b0" : "bx[" + (o - 1) + "]")
                        .append("}) + $signed({2'b00, bx[").append(o).append("]}) - $signed({1'b0, bx[").append(o + 1)
                        .append("], 1'b0});\n");
                terms.append(" + (dd").append(n).append(" <<< ").append(o).append(")");
            }
            v.append("  wire signed [").append(pw - 1).append(":0] t").append(n).append(" = d").append(n)
                    .append(" == 3'sd1 ? ").append(aa).append(" : d").append(n).append(" == 3'sd2 ? ").append(aa)
                    .append(" <<< 1 : d").append(n).append(" == -3'sd1 ? -").append(aa).append(" : d").append(n)
                    .append(" == -3'sd2 ? -(").append(aa).append(" <<< 1) : ").append(pw).append("'sd0;\n");
            v.append("  wire signed [").append(pw - 1).append(":0] e").append(n).append(" = $signed(").append(prev)
                    .append(") + (t").append(n).append(" <<< ").append(o).append(");\n");
            v.append("  wire signed [").append(pw - 1).append(":0] g").append(n).append(" = $signed(s").append(n)
                    .append(");\n");
            v.append("  always @* assert(g").append(n).append(" == e").append(n).append(");\n");
            prev = "s" + n;
            if (cutDigit >= 0 && j == cutDigit) {
                v.append("  always @(posedge i_clk) cs_d <= s").append(n).append(";\n");
                v.append("  always @* assert(!started || cs_q == cs_d);\n");
            }
        }
        v.append("  assign recoded = ").append(terms).append(";\n");
        v.append("  always @* assert(recoded == $signed({4'b0000, b}));\n");
        String last = cutDigit >= 0 && !cutKeepsOperands ? "cs_q" : prev;
        v.append("  wire signed [").append(pw - 1).append(":0] last = $signed(").append(last).append(");\n");
        v.append("  always @* assert($signed(p) == last);\n");
        if (cutDigit >= 0 && !cutKeepsOperands) {
            v.append("  always @(posedge i_clk) cs_d <= ").append(prev).append(";\n");
            v.append("  always @* assert(!started || cs_q == cs_d);\n");
        }
        v.append("endmodule\n");
        return v.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
