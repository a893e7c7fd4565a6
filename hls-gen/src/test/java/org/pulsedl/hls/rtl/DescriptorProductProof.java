package org.pulsedl.hls.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * The formal proof behind the Verilator twins of the descriptor products ({@link ControllerRtl#DESCRIPTOR_PRODUCTS},
 * {@link ProgramRtl#HEADER_PRODUCT}): the Booth rows the generator writes for a product ({@code
 * BoothMultiplier.unsignedProduct}, the same call with the same widths) equal {@code a · b mod 2^pw} — the twin's
 * value — for every {@code a} and {@code b}, proven row by row ({@link #prove}). About a second per product: a case
 * split on the multiplier (as the AU's fabric proof does) took 35–60 s for the 8-bit ones and 30 s per case for the
 * 16-bit header product.
 */
final class DescriptorProductProof {
    private final Path dir;

    DescriptorProductProof(Path dir) {
        this.dir = dir;
    }

    /** The rows alone, as a module {@code prod_rows(i_a, i_b, o_p)}. */
    static String rows(DescriptorProduct d) {
        ModuleSpec m = ModuleSpec.builder("prod_rows")
                .header("prod_rows: the generator's Booth rows of " + d.comment() + " (" + d.prefix() + ")")
                .port(V.in("i_a", d.aw(), "multiplicand"))
                .port(V.in("i_b", d.bw(), "multiplier"))
                .port(V.out("o_p", d.pw(), "a * b mod 2^pw"))
                .add(BoothMultiplier.unsignedProduct(d.prefix(), "i_a", d.aw(), "i_b", d.bw(), d.pw(), d.comment()))
                .add(V.assign("o_p", d.prefix() + "_p"))
                .build();
        return new VerilogFile(Banner.of(RtlBench.PROVENANCE, List.of(d.prefix().getBytes(StandardCharsets.UTF_8))), m)
                .text();
    }

    /**
     * {@code text} (the rows, or a broken copy) row by row: every partial sum {@code P_s<n>} is a cut point (Yosys {@code expose -cut}), so each row is a
     * small combinational check for <em>any</em> partial sum before it, stated from the radix-4 Booth definition of an
     * unsigned multiplier, as {@link BoothRowsChecker} does for the requantisers: row 0 is {@code b[0] · a}; row
     * {@code n ≥ 1} (digit {@code j = n − 1} at offset {@code o = 2j + 1}, {@code d_j = −2 b[o+1] + b[o] + b[o−1]}, no
     * {@code b[0]} in digit 0) gives {@code s_n = s_(n−1) + d_j · a · 2^o (mod 2^pw)}, each sum read as a signed value
     * of its width; the digits recode {@code b} ({@code b[0] + Σ d_j 2^o = b mod 2^pw}); the product is the last sum.
     * By induction over the rows the product is {@code a · b mod 2^pw}. One ABC run proves all the checks at once.
     */
    CaseSplitProof.Result prove(DescriptorProduct d, String text) throws IOException {
        String tag = d.prefix() + "-rows";
        String pfx = d.prefix() + "_s";
        TreeMap<Integer, Integer> rows = new TreeMap<>();       // row -> width of P_s<row>
        Matcher m = Pattern.compile("wire \\[(\\d+):0\\] +" + pfx + "(\\d+);")
                .matcher(text);
        while (m.find()) {
            rows.put(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)) + 1);
        }
        int pw = d.pw();
        int bw = d.bw();
        StringBuilder v = new StringBuilder("module rows_check(input [" + (d.aw() - 1) + ":0] a, input ["
                + (bw - 1) + ":0] b");
        StringBuilder ports = new StringBuilder(".i_a(a), .i_b(b), .o_p(p)");
        for (var r : rows.entrySet()) {
            v.append(", input [").append(r.getValue() - 1).append(":0] si").append(r.getKey());
            ports.append(", .").append(pfx).append(r.getKey()).append("(s").append(r.getKey()).append("), .\\")
                    .append(pfx).append(r.getKey()).append(".i (si").append(r.getKey()).append(")");
        }
        v.append(");\n  wire [").append(pw - 1).append(":0] p;\n");
        for (var r : rows.entrySet()) {
            v.append("  wire [").append(r.getValue() - 1).append(":0] s").append(r.getKey()).append(";\n");
        }
        v.append("  prod_rows dut(").append(ports).append(");\n");
        v.append("  wire [").append(pw - 1).append(":0] am = a;   // a mod 2^pw\n");
        v.append("  wire [").append(bw + 1).append(":0] bx = {2'b00, b};\n");
        StringBuilder recode = new StringBuilder("{" + (pw - 1) + "'d0, b[0]}");
        String prev = null;
        int last = -1;
        for (var r : rows.entrySet()) {
            int n = r.getKey();
            int w = r.getValue();
            v.append("  wire [").append(pw - 1).append(":0] g").append(n).append(" = ").append(sext("s" + n, w, pw))
                    .append(";\n");
            if (n == 0) {
                v.append("  always @* assert(g0 == (b[0] ? am : ").append(pw).append("'d0));\n");
            } else {
                int o = 2 * (n - 1) + 1;
                String lo = n == 1 ? "1'b0" : "bx[" + (o - 1) + "]";
                v.append("  wire signed [2:0] d").append(n).append(" = -$signed({1'b0, bx[").append(o + 1)
                        .append("], 1'b0}) + $signed({2'b00, bx[").append(o).append("]}) + $signed({2'b00, ")
                        .append(lo).append("});\n");
                v.append("  wire [").append(pw - 1).append(":0] t").append(n).append(" = d").append(n)
                        .append(" == 3'sd1 ? am : d").append(n).append(" == 3'sd2 ? am << 1 : d").append(n)
                        .append(" == -3'sd1 ? -am : d").append(n).append(" == -3'sd2 ? -(am << 1) : ").append(pw)
                        .append("'d0;\n");
                v.append("  always @* assert(g").append(n).append(" == ").append(prev).append(" + (t").append(n)
                        .append(" << ").append(o).append("));\n");
                recode.append(" + ({{").append(pw - 3).append("{d").append(n).append("[2]}}, d").append(n)
                        .append("} << ").append(o).append(")");
            }
            prev = "gi" + n;
            v.append("  wire [").append(pw - 1).append(":0] gi").append(n).append(" = ").append(sext("si" + n, w, pw))
                    .append(";\n");
            last = n;
        }
        v.append("  wire [").append(pw - 1).append(":0] recoded = ").append(recode).append(";\n");
        v.append("  always @* assert(recoded == b);   // the digits recode b (mod 2^pw)\n");
        v.append("  always @* assert(p == gi").append(last).append(" || p == g").append(last).append(");\n");
        v.append("endmodule\n");
        Path impl = write(tag + "_impl.v", text);
        Path check = write(tag + "_check.v", v.toString());
        Path ys = write(tag + ".ys", String.join("\n",
                "read_verilog " + impl,
                "hierarchy -top prod_rows",
                "proc -noopt",
                "insbuf",                          // a row's low bits are its predecessor's: cut only the sum itself
                "expose -cut w:" + pfx + "*",
                "read_verilog -formal " + check,
                "hierarchy -top rows_check",
                "proc; flatten; opt -fast",
                "miter -assert rows_check proof",
                "hierarchy -top proof",
                "flatten; opt -fast; techmap; opt -fast; aigmap",
                "setundef -undriven -anyseq; setundef -anyseq; opt_clean",
                "write_aiger -zinit -map " + tag + ".map " + tag + ".aig", ""));
        RtlBench.run(dir, List.of("yosys", "-q", "-l", tag + "-yosys.log", "-s", ys.toString()), 1800);
        return CaseSplitProof.prove(dir, tag + ".aig", tag + ".map", "b", 0, new int[] {0});
    }

    private static String sext(String x, int from, int to) {
        return from >= to ? x + "[" + (to - 1) + ":0]" : "{{" + (to - from) + "{" + x + "[" + (from - 1) + "]}}, " + x + "}";
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
