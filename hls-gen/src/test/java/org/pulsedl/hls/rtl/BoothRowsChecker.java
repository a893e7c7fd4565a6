package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checker of the Booth obligation ({@link RequantProof#booth}): a formal Verilog module {@code booth_check} that
 * instantiates the requantiser ({@code rq_impl}) with its operands {@code mul_a}, {@code mul_b} and every partial sum
 * {@code mul_s<n>} cut (Yosys {@code expose -cut}: each reader of a cut wire reads a free input {@code si<n>}, its
 * driver becomes an output). The arithmetic is stated from the radix-4 Booth definition for an unsigned multiplier
 * {@code b}, not from the generator:
 * <ul>
 *   <li>row 0 is {@code b[0] · a};</li>
 *   <li>row n ≥ 1 (digit j = n − 1 at offset o = 2j + 1, {@code d_j = −2 b[o+1] + b[o] + b[o−1]}, no {@code b[0]} in
 *       digit 0) gives {@code sext(s_n) = sext(s_(n−1)) + d_j · a · 2^o (mod 2^pw)} for <em>any</em> value of the
 *       partial sum before it, so each row is a small combinational check;</li>
 *   <li>the digits recode {@code b}: {@code b[0] + Σ d_j 2^o = b};</li>
 *   <li>the product is the last partial sum;</li>
 *   <li>each multiplier pipeline register ({@code mul_cs<k>_r}, {@code mul_ca<k>_r}, {@code mul_cb<k>_r}) holds, one
 *       cycle later, the value before it (two unrolled steps), and the rows after it read it.</li>
 * </ul>
 * By induction over the rows and the registers, the product equals {@code a · b (mod 2^pw)} of the operands that
 * entered as many cycles earlier as the multiplier has cuts. Which register a row reads is taken from the module's
 * text; a wrong reading makes a row's check fail, it cannot make the proof pass.
 */
final class BoothRowsChecker {
    private BoothRowsChecker() {}

    private static final Pattern ROW = Pattern.compile("wire \\[(\\d+):0\\] +mul_s(\\d+);");
    private static final Pattern REG = Pattern.compile("reg +\\[(\\d+):0\\] +mul_(cs|ca|cb)(\\d*)_r;");
    private static final Pattern LOAD = Pattern.compile("mul_(cs|ca|cb)(\\d*)_r <= (\\w+);");

    /** One pipeline register bank of the multiplier: after row {@code row} (−1: before the rows). */
    private record Cut(String sfx, int row, boolean operands, int csWidth) {}

    static String checker(String module, int aw, int bw, int pw) {
        TreeMap<Integer, Integer> rows = new TreeMap<>();          // row -> width of mul_s<row>
        for (Matcher m = ROW.matcher(module); m.find(); ) {
            rows.put(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)) + 1);
        }
        TreeMap<String, Integer> csWidth = new TreeMap<>();
        for (Matcher m = REG.matcher(module); m.find(); ) {
            if (m.group(2).equals("cs")) {
                csWidth.put(m.group(3), Integer.parseInt(m.group(1)) + 1);
            }
        }
        List<Cut> cuts = new ArrayList<>();                          // in the module's order (= the rows' order)
        TreeMap<String, Integer> csRow = new TreeMap<>();
        List<String> order = new ArrayList<>();
        TreeMap<String, Boolean> ops = new TreeMap<>();
        for (Matcher m = LOAD.matcher(module); m.find(); ) {
            String sfx = m.group(2);
            if (!order.contains(sfx)) {
                order.add(sfx);
            }
            if (m.group(1).equals("cs")) {
                csRow.put(sfx, Integer.parseInt(m.group(3).substring("mul_s".length())));
            } else {
                ops.put(sfx, true);
            }
        }
        for (String sfx : order) {
            cuts.add(new Cut(sfx, csRow.getOrDefault(sfx, -1), ops.getOrDefault(sfx, false),
                    csWidth.getOrDefault(sfx, 0)));
        }
        StringBuilder v = new StringBuilder();
        // the requantiser's inputs free: its operands take every value it can give the multiplier
        StringBuilder ports = new StringBuilder(".i_clk(i_clk), .i_mode(mode), .i_value(value), .i_bias(bias), "
                + ".i_m(m), .i_shr(6'd0), .i_shl(5'd0), .i_count(count), .i_zout(16'd0), .i_min(16'd0), "
                + ".i_max(16'd0), .mul_a(a), .mul_b(b), .product(p)");
        v.append("module booth_check(input i_clk, input [2:0] mode, input [63:0] value, input [63:0] bias, "
                + "input [31:0] m, input [4:0] count");
        for (var r : rows.entrySet()) {
            v.append(",\n  input [").append(r.getValue() - 1).append(":0] si").append(r.getKey());
            ports.append(", .mul_s").append(r.getKey()).append("(s").append(r.getKey()).append("), .\\mul_s")
                    .append(r.getKey()).append(".i (si").append(r.getKey()).append(")");
        }
        v.append(");\n");
        v.append("  wire signed [").append(aw - 1).append(":0] a;\n  wire [").append(bw - 1).append(":0] b;\n");
        v.append("  wire [").append(pw - 1).append(":0] p;\n");
        v.append("  reg started = 1'b0;\n  always @(posedge i_clk) started <= 1'b1;\n");
        for (var r : rows.entrySet()) {
            v.append("  wire [").append(r.getValue() - 1).append(":0] s").append(r.getKey()).append(";\n");
        }
        for (Cut c : cuts) {
            if (c.row() >= 0) {
                v.append("  wire [").append(c.csWidth() - 1).append(":0] cs").append(c.sfx()).append("_q;\n");
                ports.append(", .mul_cs").append(c.sfx()).append("_r(cs").append(c.sfx()).append("_q)");
            }
            if (c.operands()) {
                v.append("  wire [").append(aw - 1).append(":0] ca").append(c.sfx()).append("_q;\n  wire [")
                        .append(bw - 1).append(":0] cb").append(c.sfx()).append("_q;\n");
                ports.append(", .mul_ca").append(c.sfx()).append("_r(ca").append(c.sfx()).append("_q), .mul_cb")
                        .append(c.sfx()).append("_r(cb").append(c.sfx()).append("_q)");
            }
        }
        v.append("  rq_impl dut(").append(ports).append(");\n");
        // the digits of b itself recode b
        v.append("  wire [").append(bw + 1).append(":0] bx = {2'b00, b};\n");
        StringBuilder recode = new StringBuilder("$signed({").append(bw + 3).append("'d0, b[0]})");
        String opA = "a";
        String opB = "b";
        String prev = null;
        String lastDriver = null;                                   // the last partial sum at its driver
        int cut = 0;
        int runStart = 0;                                           // the first row after the last sum register
        String runBase = null;                                      // that register (null: none, row 0 starts)
        for (var r : rows.entrySet()) {
            int n = r.getKey();
            // the banks before this row: operands move to their registers (a bank after row n - 1 also ends the sum)
            while (cut < cuts.size() && cuts.get(cut).row() < n) {
                Cut c = cuts.get(cut++);
                if (c.operands()) {
                    registerHolds(v, "ca" + c.sfx() + "_q", opA, opA, aw);
                    registerHolds(v, "cb" + c.sfx() + "_q", opB, opB, bw);
                    opA = "ca" + c.sfx() + "_q";
                    opB = "cb" + c.sfx() + "_q";
                }
                if (c.row() >= 0) {
                    registerHolds(v, "cs" + c.sfx() + "_q", prev, rowsBits(rows, c.row(), runStart, runBase),
                            c.csWidth());
                    prev = "cs" + c.sfx() + "_q";
                    runStart = c.row() + 1;
                    runBase = prev;
                }
            }
            String an = "a" + n;                                      // this row's multiplicand, pw bits
            v.append("  wire signed [").append(pw - 1).append(":0] ").append(an).append(" = $signed(").append(opA)
                    .append(");\n");
            v.append("  wire signed [").append(pw - 1).append(":0] g").append(n).append(" = $signed(s").append(n)
                    .append(");\n");
            if (n == 0) {
                v.append("  always @* assert(g0 == (").append(opB).append("[0] ? ").append(an).append(" : ")
                        .append(pw).append("'sd0));\n");
            } else {
                int o = 2 * (n - 1) + 1;
                String bb = "b" + n;
                v.append("  wire [").append(bw + 1).append(":0] ").append(bb).append(" = {2'b00, ").append(opB)
                        .append("};\n");
                v.append("  wire signed [2:0] d").append(n).append(" = ").append(digit(bb, n)).append(";\n");
                v.append("  wire signed [2:0] e").append(n).append(" = ").append(digit("bx", n)).append(";\n");
                recode.append(" + (e").append(n).append(" <<< ").append(o).append(")");
                v.append("  wire signed [").append(pw - 1).append(":0] t").append(n).append(" = d").append(n)
                        .append(" == 3'sd1 ? ").append(an).append(" : d").append(n).append(" == 3'sd2 ? ").append(an)
                        .append(" <<< 1 : d").append(n).append(" == -3'sd1 ? -").append(an).append(" : d")
                        .append(n).append(" == -3'sd2 ? -(").append(an).append(" <<< 1) : ").append(pw)
                        .append("'sd0;\n");
                v.append("  always @* assert(g").append(n).append(" == $signed(").append(prev).append(") + (t")
                        .append(n).append(" <<< ").append(o).append("));\n");
            }
            prev = "si" + n;
            lastDriver = "s" + n;
        }
        while (cut < cuts.size()) {                                    // a bank after the last row: the product
            Cut c = cuts.get(cut++);
            registerHolds(v, "cs" + c.sfx() + "_q", prev, rowsBits(rows, c.row(), runStart, runBase), c.csWidth());
            prev = "cs" + c.sfx() + "_q";
            lastDriver = prev;
        }
        v.append("  wire signed [").append(bw + 3).append(":0] recoded = ").append(recode).append(";\n");
        v.append("  always @* assert(recoded == $signed({4'b0000, b}));\n");
        v.append("  wire signed [").append(pw - 1).append(":0] last = $signed(").append(prev).append(");\n");
        v.append("  wire signed [").append(pw - 1).append(":0] last_driver = $signed(").append(lastDriver).append(");\n");
        v.append("  always @* assert($signed(p) == last || $signed(p) == last_driver);\n");
        v.append("endmodule\n");
        return v.toString();
    }

    /**
     * The partial sum after row {@code n} as a pipeline register reads it: each row's own bits, {@code s_k[2k:2k-1]}
     * (row n: all from 2n-1 up), down to the run's first row, below them row 0's bit or the run's base register.
     * Yosys names the adders' outputs in the register's input, not the wires {@code mul_s<k>} (which are cut), so this
     * is the register's real input; each row's bits are checked by that row's assertion.
     */
    private static String rowsBits(TreeMap<Integer, Integer> rows, int n, int runStart, String runBase) {
        StringBuilder b = new StringBuilder("{s").append(n).append("[").append(rows.get(n) - 1).append(":")
                .append(2 * n - 1).append("]");
        for (int k = n - 1; k >= Math.max(runStart, 1); k--) {
            b.append(", s").append(k).append("[").append(2 * k).append(":").append(2 * k - 1).append("]");
        }
        if (runBase == null) {
            b.append(", s0[0:0]");
        } else {
            b.append(", ").append(runBase).append("[").append(2 * runStart - 2).append(":0]");
        }
        return b.append("}").toString();
    }

    /** Booth digit n − 1 of the multiplier {@code b} (bw + 2 bits): {@code −2 b[o+1] + b[o] + b[o−1]}, o = 2n − 1. */
    private static String digit(String b, int n) {
        int o = 2 * (n - 1) + 1;
        String lo = n == 1 ? "1'b0" : b + "[" + (o - 1) + "]";
        return "$signed({2'b00, " + lo + "}) + $signed({2'b00, " + b + "[" + o + "]}) - $signed({1'b0, " + b + "["
                + (o + 1) + "], 1'b0})";
    }

    /**
     * The register {@code q} holds, one cycle later, the value its input had (checked from the second step): the
     * value readers of the cut partial sum see ({@code seen}) or the one its drivers give ({@code driven}) — which of
     * the two nets the register reads is Yosys's choice, and in the real circuit they are one net, so either is sound.
     */
    private static void registerHolds(StringBuilder v, String q, String seen, String driven, int width) {
        v.append("  reg [").append(width - 1).append(":0] ").append(q).append("_seen, ").append(q).append("_driven;\n");
        v.append("  always @(posedge i_clk) begin ").append(q).append("_seen <= ").append(seen).append("; ").append(q)
                .append("_driven <= ").append(driven).append("; end\n");
        v.append("  always @* assert(!started || ").append(q).append(" == ").append(q).append("_seen || ").append(q)
                .append(" == ").append(q).append("_driven);\n");
    }
}
