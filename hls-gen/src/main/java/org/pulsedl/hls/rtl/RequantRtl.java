package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.accel.RequantUnit;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;

/**
 * The pipelined requantiser of a PE's drain path and of the input stage (docs/accelerator.md §3.5–3.6), bit for bit
 * {@code RequantUnit}: stage R1 adds the bias, wraps to acc_bits and multiplies (one fabric multiplier of
 * {@link #mulAWidth} signed × {@link #mulBWidth} unsigned bits shared by DOUBLE, SINGLE, INT64 and the average divider,
 * written as shift-and-add rows so no synthesis tool maps it to DSPs: Yosys 0.23 ignores {@code use_dsp = "no"} on
 * {@code $mul}); stage R2 rounds and shifts; the output offsets by z_out and
 * clamps combinationally, so a value presented in cycle t leaves in cycle t+2.
 */
final class RequantRtl {
    /** Mode codes on {@code i_mode}: the descriptor's rq_mode, then the pools. */
    static final int DOUBLE = 0;
    static final int SINGLE = 1;
    static final int INT64 = 2;
    static final int RAW = 3;
    static final int MAX = 4;
    static final int AVG = 5;

    /** Bits of the AVG reciprocal {@code ceil(2^24 / n)}. */
    static final int RECIP_BITS = 25;

    private RequantRtl() {}

    /**
     * Signed multiplicand width: 32 for DOUBLE/SINGLE ({@code acc[31:0]}, {@code acc[31:0] << shl}), acc_bits for
     * INT64 (the product is taken mod 2^64 as Java's {@code long}), and the average divider's {@code |sum| + n/2 <
     * 16·2^15 + 8} fits in 32.
     */
    static int mulAWidth(RtlShape s) {
        return Math.max(32, s.acc());
    }

    /**
     * Unsigned multiplier width: m_bits (the compiler stores {@code m < 2^m_bits}; INT64's m is at most 15 bits) and
     * the 25-bit reciprocal of the average divider.
     */
    static int mulBWidth(RtlShape s) {
        return Math.max(Math.max(s.m(), 15), RECIP_BITS);
    }

    /**
     * {@code product = sext(mul_a) * zext(mul_b) mod 2^64} as rows {@code mul_b[i] ? mul_a << i : 0} added one per
     * bit of {@code mul_b} (ripple adders of aw+1 bits; bits below i are final after row i). The product needs at most
     * {@code aw + bw} bits, so it is sign-extended to 64 when narrower. Each row is written {@code u + r} =
     * {@code ({u, 0} - {~r, 1}) >> 1}: a subtraction keeps the partial sum as the carry chain's first operand, so
     * Yosys maps a row bit to one LUT3 and CARRY4 (an addition puts the AND on the carry input: two LUTs a bit).
     */
    private static List<ModuleItem> fabricMultiplier(int aw, int bw) {
        List<ModuleItem> it = new ArrayList<>();
        int pw = Math.min(64, aw + bw);
        int prev = Math.min(pw, aw + 1);
        it.add(V.wire("mul_s0", prev, "multiplier row 0"));
        it.add(V.assign("mul_s0", "{" + prev + "{mul_b[0]}} & " + V.sext("mul_a", aw, prev)));
        StringBuilder unused = new StringBuilder("&{1'b0");
        for (int i = 1; i < bw; i++) {
            int w = Math.min(pw, aw + i + 1);
            int hw = w - i;
            String hi = "mul_u" + i;
            String diff = "mul_d" + i;
            String row = "mul_s" + i;
            it.add(V.wire(hi, prev - i, "row " + (i - 1) + " bits " + (prev - 1) + ":" + i));
            it.add(V.wire(diff, hw + 1, "row " + i + ": 2 * (upper sum) + 1"));
            it.add(V.wire(row, w, "partial product after mul_b[" + i + "]"));
            it.add(V.assign(hi, "mul_s" + (i - 1) + "[" + (prev - 1) + ":" + i + "]"));
            it.add(V.assign(diff, "{" + V.sext(hi, prev - i, hw) + ", 1'b0} - {~({" + hw + "{mul_b[" + i + "]}} & "
                    + V.sext("mul_a", aw, hw) + "), 1'b1}"));
            it.add(V.assign(row, "{" + diff + "[" + hw + ":1], mul_s" + (i - 1) + "[" + (i - 1) + ":0]}"));
            unused.append(", ").append(diff).append("[0]");
            prev = w;
        }
        it.add(V.assign("product", V.sext("mul_s" + (bw - 1), prev, 64)));
        it.add(V.wire("unused_mul_rows", 1, "row LSBs (always 1)"));
        it.add(V.assign("unused_mul_rows", unused.append("}").toString()));
        return it;
    }

    static ModuleSpec module(RtlShape s) {
        int acc = s.acc();
        int mb = s.m();
        String name = s.name("requant");
        ModuleSpec.Builder m = ModuleSpec.builder(name)
                .header(name + ": requantiser, docs/accelerator.md sections 3.5 and 3.6 (RequantUnit in Java).",
                        "Modes: 0 DOUBLE (SRDHM with 2^" + mb + ", then RoundingDivideByPOT), 1 SINGLE, 2 INT64 (16x8),",
                        "3 RAW (wrap(value + bias)), 4 MAX (pass), 5 AVG (((|sum| + n/2) * ceil(2^24/n)) >> 24).",
                        "Stage R1: bias add, wrap to " + acc + " bits, multiply (" + mulAWidth(s) + "x" + mulBWidth(s)
                                + " fabric shift-and-add rows). Stage R2: round and shift.",
                        "Output (combinational, cycle t+2): clamp(z_out + y, act_min, act_max) for modes 0-2.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_mode", 3, "mode, see header (stage R1)"))
                .port(V.in("i_value", 64, "accumulator, pool value or ADC code, sign-extended (stage R1)"))
                .port(V.in("i_bias", 64, "folded bias (parameter entry p1:p0)"))
                .port(V.in("i_m", 32, "multiplier m (parameter entry p2), unsigned"))
                .port(V.in("i_shr", 6, "right shift (p3[5:0])"))
                .port(V.in("i_shl", 5, "left shift, DOUBLE only (p3[12:8])"))
                .port(V.in("i_count", 5, "real samples of an average pool (1..16)"))
                .port(V.in("i_zout", 16, "output zero point (signed)"))
                .port(V.in("i_min", 16, "act_min (signed)"))
                .port(V.in("i_max", 16, "act_max (signed)"))
                .port(V.out("o_value", 64, "result, two cycles after the inputs"))
                .port(V.out("o_clamp_lo", 1, "the result was clamped at act_min"))
                .port(V.out("o_clamp_hi", 1, "the result was clamped at act_max"));
        List<ModuleItem> it = new ArrayList<>();
        // ---- stage R1 ----
        it.add(V.wire("sum", 64, "value + bias"));
        it.add(V.wire("acc", 64, "wrap(value + bias, acc_bits), sign-extended"));
        it.add(V.wire("acc_shl", 32, "DOUBLE: acc[31:0] << shl"));
        it.add(V.wire("abs_value", 64, "AVG: |sum|"));
        it.add(V.wire("avg_a", 64, "AVG: |sum| + n/2"));
        it.add(V.comb("recip", 25, "AVG: ceil(2^24 / n), docs 3.6"));
        int aw = mulAWidth(s);
        int bw = mulBWidth(s);
        it.add(V.comb("mul_a", aw, "multiplicand, signed"));
        it.add(V.wire("mul_b", bw, "multiplier, unsigned"));
        it.add(V.wire("product", 64, "mul_a * mul_b mod 2^64 (as Java's long arithmetic)"));
        it.add(V.assign("sum", "i_value + i_bias"));
        it.add(V.assign("acc", acc >= 64 ? "sum" : V.sext("sum[" + (acc - 1) + ":0]", acc, 64)));
        if (acc < 64) {
            it.add(V.wire("unused_sum", 1, "sum bits above acc_bits (wrapped away)"));
            it.add(V.assign("unused_sum", "&{1'b0, sum[63:" + acc + "]}"));
        }
        it.add(V.assign("acc_shl", "acc[31:0] << i_shl"));
        it.add(V.assign("abs_value", "i_value[63] ? 64'd0 - i_value : i_value"));
        it.add(V.assign("avg_a", "abs_value + {60'd0, i_count[4:1]}"));
        Stmt.Case.Builder rc = Stmt.caseOf("i_count");
        for (int n = 1; n <= 16; n++) {
            rc.when(V.lit(5, n), V.bl("recip", V.lit(25, RequantUnit.reciprocal(n))));
        }
        rc.otherwise(V.bl("recip", V.lit(25, 0)));
        it.add(V.comb("Reciprocal ROM of the average divider.", rc.build()));
        it.add(V.comb("Multiplicand by mode.", Stmt.caseOf("i_mode")
                .when(V.lit(3, DOUBLE), V.bl("mul_a", V.sext("acc_shl", 32, aw)))
                .when(V.lit(3, SINGLE), V.bl("mul_a", V.sext("acc[31:0]", 32, aw)))
                .when(V.lit(3, INT64), V.bl("mul_a", V.sext("acc", 64, aw)))
                .when(V.lit(3, AVG), V.bl("mul_a", V.zext("avg_a", 64, aw)))
                .otherwise(V.bl("mul_a", aw + "'d0")).build()));
        it.add(V.assign("mul_b", "(i_mode == " + V.lit(3, AVG) + ") ? " + V.zext("recip", 25, bw) + " : "
                + V.zext("i_m", 32, bw)));
        if (aw < 64 || bw < 32) {
            it.add(V.wire("unused_mul", 1, "operand bits above the multiplier widths (zero for valid parameters)"));
            it.add(V.assign("unused_mul", "&{1'b0" + (aw < 64 ? ", avg_a[63:" + aw + "]" : "")
                    + (bw < 32 ? ", i_m[31:" + bw + "]" : "") + "}"));
        }
        it.addAll(fabricMultiplier(aw, bw));
        it.add(V.reg("x_r", 64, "R1: product"));
        it.add(V.reg("keep_r", 64, "R1: RAW accumulator or pool value"));
        it.add(V.reg("neg_r", 1, "R1: AVG sum is negative"));
        it.add(V.reg("mode_r", 3, "R1: mode"));
        it.add(V.reg("shr_r", 6, "R1: right shift"));
        it.add(V.reg("zout_r", 16, "R1: z_out"));
        it.add(V.reg("min_r", 16, "R1: act_min"));
        it.add(V.reg("max_r", 16, "R1: act_max"));
        it.add(V.ff("Stage R1 registers.", V.nb("x_r", "product"),
                V.nb("keep_r", "(i_mode == " + V.lit(3, MAX) + " || i_mode == " + V.lit(3, AVG) + ") ? i_value : acc"),
                V.nb("neg_r", "i_value[63]"), V.nb("mode_r", "i_mode"), V.nb("shr_r", "i_shr"),
                V.nb("zout_r", "i_zout"), V.nb("min_r", "i_min"), V.nb("max_r", "i_max")));
        // ---- stage R2 ----
        long half = 1L << (mb - 1);
        it.add(V.wire("nudge", 64, "SRDHM nudge: 2^(M-1), or 1 - 2^(M-1) for a negative product"));
        it.add(V.wire("xn", 64, "product + nudge"));
        it.add(V.wire("xn_neg", 64, "-(product + nudge)"));
        it.add(V.wire("q64", 64, "(product + nudge) / 2^" + mb + ", truncated toward zero"));
        it.add(V.wire("q", 32, "SRDHM result (int32)"));
        it.add(V.wire("rd_mask", 32, "2^shr - 1"));
        it.add(V.wire("rd_rem", 32, "q & mask"));
        it.add(V.wire("rd_thr", 32, "(mask >> 1) + (q < 0)"));
        it.add(V.wire("q_sh", 32, "q >>> shr (arithmetic)"));
        it.add(V.wire("y_double", 32, "RoundingDivideByPOT(q, shr): ties away from zero"));
        it.add(V.wire("rnd", 64, "2^(shr-1) (2^63 for shr = 0, as Java's 1L << -1)"));
        it.add(V.wire("xr", 64, "(product + rnd) >>> shr"));
        it.add(V.wire("y_single", 32, "sat32(xr)"));
        it.add(V.wire("avg_q", 64, "(|sum| + n/2) * R >> 24"));
        it.add(V.comb("y", 64, "stage R2 result by mode"));
        it.add(V.assign("nudge", "x_r[63] ? 64'd1 - 64'd" + half + " : 64'd" + half));
        it.add(V.assign("xn", "x_r + nudge"));
        it.add(V.assign("xn_neg", "64'd0 - xn"));
        it.add(V.assign("q64", "xn[63] ? 64'd0 - (xn_neg >> " + mb + ") : (xn >> " + mb + ")"));
        it.add(V.assign("q", "q64[31:0]"));
        it.add(V.assign("rd_mask", "(32'd1 << shr_r[4:0]) - 32'd1"));
        it.add(V.assign("rd_rem", "q & rd_mask"));
        it.add(V.assign("rd_thr", "(rd_mask >> 1) + {31'd0, q[31]}"));
        it.add(V.assign("q_sh", "$signed(q) >>> shr_r[4:0]"));
        it.add(V.assign("y_double", "q_sh + {31'd0, rd_rem > rd_thr}"));
        it.add(V.assign("rnd", "(shr_r == 6'd0) ? 64'h8000000000000000 : (64'd1 << (shr_r - 6'd1))"));
        it.add(V.assign("xr", "$signed(x_r + rnd) >>> shr_r"));
        it.add(V.assign("y_single", "($signed(xr) > $signed(64'h000000007fffffff)) ? 32'h7fffffff"
                + " : ($signed(xr) < $signed(64'hffffffff80000000)) ? 32'h80000000 : xr[31:0]"));
        it.add(V.assign("avg_q", "x_r >> " + RequantUnit.AVG_SHIFT));
        it.add(V.comb("Rounding and shift by mode.", Stmt.caseOf("mode_r")
                .when(V.lit(3, DOUBLE), V.bl("y", V.sext("y_double", 32, 64)))
                .when(V.lit(3, SINGLE), V.bl("y", V.sext("y_single", 32, 64)))
                .when(V.lit(3, INT64), V.bl("y", V.sext("xr[31:0]", 32, 64)))
                .when(V.lit(3, AVG), V.bl("y", "neg_r ? 64'd0 - avg_q : avg_q"))
                .otherwise(V.bl("y", "keep_r")).build()));
        it.add(V.reg("y_r", 64, "R2: result before offset and clamp"));
        it.add(V.reg("scaled_r", 1, "R2: modes 0-2 (offset and clamp apply)"));
        it.add(V.reg("zout2_r", 16, "R2: z_out"));
        it.add(V.reg("min2_r", 16, "R2: act_min"));
        it.add(V.reg("max2_r", 16, "R2: act_max"));
        it.add(V.ff("Stage R2 registers.", V.nb("y_r", "y"), V.nb("scaled_r", "mode_r < " + V.lit(3, RAW)),
                V.nb("zout2_r", "zout_r"), V.nb("min2_r", "min_r"), V.nb("max2_r", "max_r")));
        it.add(V.wire("unused_r2", 1, "x bits the modes do not use"));
        it.add(V.assign("unused_r2", "&{1'b0, q64[63:32], xr[63:32]}"));
        // ---- output ----
        it.add(V.wire("offset", 64, "z_out + y"));
        it.add(V.wire("lo", 64, "act_min, sign-extended"));
        it.add(V.wire("hi", 64, "act_max, sign-extended"));
        it.add(V.wire("below", 1, "offset < act_min"));
        it.add(V.wire("above", 1, "offset > act_max"));
        it.add(V.assign("offset", V.sext("zout2_r", 16, 64) + " + y_r"));
        it.add(V.assign("lo", V.sext("min2_r", 16, 64)));
        it.add(V.assign("hi", V.sext("max2_r", 16, 64)));
        it.add(V.assign("below", "$signed(offset) < $signed(lo)"));
        it.add(V.assign("above", "$signed(offset) > $signed(hi)"));
        it.add(V.assign("o_value", "!scaled_r ? y_r : below ? lo : above ? hi : offset"));
        it.add(V.assign("o_clamp_lo", "scaled_r & below"));
        it.add(V.assign("o_clamp_hi", "scaled_r & above"));
        return m.add(it).build();
    }
}
