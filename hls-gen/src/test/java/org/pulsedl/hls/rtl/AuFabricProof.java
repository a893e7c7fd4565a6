package org.pulsedl.hls.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * The formal proof that the arithmetic unit's fabric lane (the {@code int16_full_rate} lane 2j+1: a signed radix-4
 * Booth multiplier, {@code fab_p}) equals {@code w_hi · a} for every int8 weight and every activation code, in the
 * pipeline without a cut (the shipped one): Yosys 0.23 writes a miter of the generated module (its {@code fab_p}
 * exposed) against the product stated from the weight's two's-complement bits ({@code Σ w[i]·a·2^i − w[7]·a·2^7},
 * not from Booth's digits and not from the generator) as an and-inverter graph; ABC (yosys-abc) proves it constant 0
 * once per weight, the weight's 8 inputs fixed ({@code cof}) and the activation free, by SAT sweeping. The 256 cases
 * together are every input. Splitting on the weight is what makes it fast: the whole 8 × 16 multiplier at once did not
 * finish in ABC within 95 s of CPU, the 256 constant-weight cases take about 30 s together.
 */
final class AuFabricProof {
    /** Weights of the fabric lane (int8). */
    static final int WEIGHT_BITS = 8;

    /** Outcome: proven for every weight, or the first weight whose case failed, with ABC's log. */
    record Result(boolean proven, int casesRun, Integer failedWeight, String log, double seconds) {}

    private final AcceleratorConfig cfg;
    private final Path dir;

    AuFabricProof(AcceleratorConfig cfg, Path dir) {
        this.cfg = cfg;
        this.dir = dir;
    }

    RtlShape shape() {
        return new RtlShape(cfg, AcceleratorRtl.TOP);
    }

    /** The generated arithmetic unit's text, as {@code pulsedl generate} writes it. */
    String generated() {
        String name = shape().name("au");
        for (VerilogFile f : AcceleratorRtl.files(cfg, RtlBench.PROVENANCE)) {
            if (f.module().name().equals(name)) {
                return f.text();
            }
        }
        throw new IllegalStateException("the generator wrote no module " + name);
    }

    /** The miter's checker: the module (renamed {@code au_impl}) with free inputs, its {@code fab_p} against w·a. */
    String checker() {
        RtlShape s = shape();
        int ab = s.ab();
        int pw = WEIGHT_BITS + ab;
        int acc = s.auAcc();
        StringBuilder v = new StringBuilder();
        v.append("module au_fabric_check(input i_clk, input [7:0] w, input [").append(ab - 1)
                .append(":0] a, input [7:0] w_lo, input in16, input acc_en, input first, input capture);\n");
        v.append("  wire [").append(pw - 1).append(":0] p;\n");
        v.append("  wire [").append(acc - 1).append(":0] lo, hi;\n");
        v.append("  au_impl dut(.i_clk(i_clk), .i_w_lo(w_lo), .i_w_hi(w), .i_a(a), .i_in16(in16), .i_acc_en(acc_en),"
                + " .i_acc_first(first), .i_capture(capture), .o_shadow_lo(lo), .o_shadow_hi(hi), .fab_p(p));\n");
        v.append("  wire [").append(pw - 1).append(":0] ax = {{").append(WEIGHT_BITS).append("{a[").append(ab - 1)
                .append("]}}, a};\n");
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < WEIGHT_BITS; i++) {
            want.append(i == 0 ? "" : i == WEIGHT_BITS - 1 ? " - " : " + ").append("(w[").append(i).append("] ? ax << ")
                    .append(i).append(" : ").append(pw).append("'d0)");
        }
        v.append("  // w · a from the weight's two's-complement bits: bit 7 weighs -2^7\n");
        v.append("  wire [").append(pw - 1).append(":0] want = ").append(want).append(";\n");
        v.append("  always @* assert(p == want);\n");
        v.append("endmodule\n");
        return v.toString();
    }

    /** Every weight: the proof. */
    static int[] allWeights() {
        int[] w = new int[1 << WEIGHT_BITS];
        for (int i = 0; i < w.length; i++) {
            w[i] = i;
        }
        return w;
    }

    /**
     * Checks the arithmetic unit {@code text} (the generated one, or a broken copy) for each weight in {@code weights}
     * (8-bit patterns; all of them make the proof); reports the first weight whose case failed.
     */
    Result prove(String text, int[] weights) throws IOException {
        long t0 = System.nanoTime();
        Path impl = write("impl.v", text);
        Path check = write("au_fabric_check.v", checker());
        String name = shape().name("au");
        String script = String.join("\n",
                "read_verilog " + impl,
                "hierarchy -top " + name,
                "proc -noopt",
                "expose w:fab_p",
                "rename " + name + " au_impl",
                "read_verilog -formal " + check,
                "hierarchy -top au_fabric_check",
                "proc; flatten; memory; opt -fast",
                "miter -assert au_fabric_check proof",
                "hierarchy -top proof",
                "flatten; opt -fast; techmap; opt -fast; dffunmap; aigmap",
                "setundef -undriven -anyseq; setundef -anyseq; opt_clean",
                "write_aiger -zinit -map fabric.map fabric.aig", "");
        Path ys = write("fabric.ys", script);
        RtlBench.run(dir, List.of("yosys", "-q", "-l", "fabric-yosys.log", "-s", ys.toString()), 1800);
        CaseSplitProof.Result r = CaseSplitProof.prove(dir, "fabric.aig", "fabric.map", "w", WEIGHT_BITS, weights);
        return new Result(r.proven(), r.casesRun(), r.failedValue(), r.log(), (System.nanoTime() - t0) / 1e9);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
