package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.pulsedl.hls.accel.RequantUnit;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;

/**
 * The pipelined requantiser (docs/accelerator.md §3.5–3.6), bit for bit {@code RequantUnit} for every input the
 * compiler and the model validator allow. Stage R1 adds the bias, wraps to acc_bits and multiplies (one fabric
 * radix-4 Booth multiplier shared by all modes, written as adder rows so no tool maps it to DSPs: Yosys 0.23 ignores
 * {@code use_dsp = "no"}); stage R2 rounds and shifts with one 33-bit-output shifter shared by all modes; the output
 * offsets by z_out and clamps combinationally, so a value presented in cycle t leaves in cycle t+2 — or t+2+cuts when
 * the latency budget allows pipeline cuts inside (the multiplier's rows, then R2 after its shifter, then a register on
 * every input, then the rows again, split more finely: {@link #multiplierCuts}).
 *
 * <p>Two variants: the PE's ({@link #pe}: all modes, the hardware's m_bits) and the input stage's ({@link #input}:
 * DOUBLE, SINGLE and RAW with {@code input_m_bits}, by default {@value RequantUnit#INPUT_M_BITS} so any model's input
 * stage runs on a narrow PE multiplier build).
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

    /**
     * What one requantiser module implements.
     *
     * @param m      the multiplier bits M (SRDHM divisor 2^M)
     * @param layers the PE variant: INT64, MAX, AVG, and the layer validator's guarantees (an int16 accumulator fits
     *               48 bits; DOUBLE's {@code acc << shl} does not overflow int32, and shl > 0 implies shr = 0)
     * @param cuts   extra pipeline registers inside (0 to {@link #maxCuts}, from the latency budget): 1 splits the
     *               multiplier's rows, 2 also splits stage R2 after its shifter, 3 also registers the inputs, more
     *               split the rows more finely; the output then leaves 2 + cuts cycles after the inputs
     */
    record Variant(String name, int m, boolean layers, int cuts) {}

    static Variant pe(RtlShape s) {
        return new Variant(s.name("requant"), s.m(), true, s.rqCuts());
    }

    static Variant input(RtlShape s) {
        return new Variant(s.name("requant_in"), s.cfg().inputMBits(), false, s.inCuts());
    }

    private RequantRtl() {}

    /** The formal proof that the multiplier's Booth rows equal a multiply (named next to their Verilator twin). */
    static final String BOOTH_PROOF = "the Booth proof, row by row (hls-gen RequantFormalCiTest for the shipped depths,"
            + " RequantFormalTest for every depth; testbenches/formal)";

    /** INT64 exists: int16 layers (their accumulators fit 48 bits, model validator's 2^47 bound). */
    private static boolean int64(RtlShape s, Variant v) {
        return v.layers() && s.ab() == 16;
    }

    /** Signed multiplicand width: 32 for DOUBLE/SINGLE ({@code acc[31:0]}), 48 for INT64; the reciprocal fits. */
    static int mulAWidth(RtlShape s, Variant v) {
        return int64(s, v) ? 48 : 32;
    }

    /** Bits of the average divider's {@code |sum| + n/2 <= max_pool * 2^(a_bits-1) + max_pool/2} (docs §3.6). */
    static int avgBits(RtlShape s) {
        return 64 - Long.numberOfLeadingZeros(((long) s.cfg().maxPool() << (s.ab() - 1)) + s.cfg().maxPool() / 2);
    }

    /**
     * Unsigned multiplier width: M (DOUBLE/SINGLE store {@code m < 2^M}), 15 (INT64's m), and the average divider's
     * {@code |sum| + n/2} (the 25-bit reciprocal goes on the wide operand).
     */
    static int mulBWidth(RtlShape s, Variant v) {
        return mulBWidth(s, v.m(), v.layers());
    }

    private static int mulBWidth(RtlShape s, int m, boolean layers) {
        int bw = m;
        if (layers && s.ab() == 16) {
            bw = Math.max(bw, 15);
        }
        return layers ? Math.max(bw, avgBits(s)) : bw;
    }

    /** Product bits that can be non-trivial: 32 + M (DOUBLE/SINGLE), 48 + 15 (INT64), 26 + avgBits (AVG). */
    static int productWidth(RtlShape s, Variant v) {
        int pw = 32 + v.m();
        if (int64(s, v)) {
            pw = Math.max(pw, 48 + 15);
        }
        return v.layers() ? Math.max(pw, RECIP_BITS + 1 + avgBits(s)) : pw;
    }

    /**
     * Pipeline cuts a requantiser takes at most: the R2 cut, the input register and one multiplier cut fewer than its
     * Booth rows (so every run of rows keeps at least one row).
     */
    static int maxCuts(RtlShape s, boolean layers, int m) {
        return 3 + BoothMultiplier.digits(mulBWidth(s, m, layers), false);
    }

    /**
     * Multiplier cuts for {@code cuts} pipeline cuts in all. The order cuts are added in: 1 splits the multiplier's
     * rows, 2 splits R2 after its shifter, 3 registers every input (the block-RAM outputs and broadcast nets that
     * feed R1), 4 splits R2 before its shifter, each further one splits the multiplier once more: the first of
     * several cuts registers its operands before the rows (the bias add and DOUBLE's left shift get a cycle), the
     * others split the rows evenly ({@link #multiplierCutPoints}).
     */
    static int multiplierCuts(int cuts) {
        return cuts == 0 ? 0 : cuts <= 4 ? 1 : cuts - 3;
    }

    /** R2 is split before its shifter too (cut 4). */
    static boolean preShiftCut(int cuts) {
        return cuts >= 4;
    }

    /** Where the multiplier's cuts go ({@code BoothMultiplier.rows}: -1 is before the rows). */
    static int[] multiplierCutPoints(int digits, int mulCuts) {
        if (mulCuts <= 1) {
            return BoothMultiplier.evenCuts(digits, mulCuts);
        }
        int[] rows = BoothMultiplier.evenCuts(digits, mulCuts - 1);
        int[] all = new int[mulCuts];
        all[0] = -1;
        System.arraycopy(rows, 0, all, 1, rows.length);
        return all;
    }

    static ModuleSpec module(RtlShape s, Variant v) {
        int acc = s.acc();
        int mb = v.m();
        boolean layers = v.layers();
        boolean i64 = int64(s, v);
        int aw = mulAWidth(s, v);
        int bw = mulBWidth(s, v);
        int pw = productWidth(s, v);
        int yw = Math.max(32, acc);
        int vw = avgBits(s);
        String name = v.name();
        ModuleSpec.Builder m = ModuleSpec.builder(name)
                .header(name + ": requantiser, docs/accelerator.md sections 3.5 and 3.6 (RequantUnit in Java).",
                        layers ? "Modes: 0 DOUBLE (SRDHM with 2^" + mb + ", then RoundingDivideByPOT), 1 SINGLE"
                                + (i64 ? ", 2 INT64 (16x8)" : "") + ","
                                : "Input-stage variant: 0 DOUBLE (SRDHM with 2^" + mb + "), 1 SINGLE, 3 RAW.",
                        layers
                                ? "3 RAW (wrap(value + bias)), 4 MAX (pass), "
                                        + "5 AVG (((|sum| + n/2) * ceil(2^24/n)) >> 24)."
                                : "Exact for any 16-bit code and 64-bit bias.",
                        "Stage R1: bias add, wrap to " + acc + " bits, multiply (" + aw + "x" + bw
                                + " radix-4 Booth rows in fabric). Stage R2: round and shift.",
                        (v.cuts() > 0 ? "Pipeline cuts: " + (v.cuts() >= 3 ? "the inputs, " : "")
                                + (multiplierCuts(v.cuts()) > 1 ? multiplierCuts(v.cuts()) + " in the " : "")
                                + (v.cuts() >= 2 ? "multiplier rows and R2 after the shifter. "
                                : "multiplier rows. ") : "") + "Output (combinational, cycle t+" + (2 + v.cuts())
                                + "): clamp(z_out + y, act_min, act_max) for modes 0-2.")
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
                .port(V.out("o_value", 64, "result, " + (2 + v.cuts()) + " cycles after the inputs"))
                .port(V.out("o_clamp_lo", 1, "the result was clamped at act_min"))
                .port(V.out("o_clamp_hi", 1, "the result was clamped at act_max"));
        List<ModuleItem> it = new ArrayList<>();
        // cuts >= 3: every input is registered first (block-RAM outputs and broadcast nets end in a flip-flop)
        boolean inReg = v.cuts() >= 3;
        UnaryOperator<String> in = f -> inReg ? "q_" + f + "_r" : "i_" + f;
        String mode = in.apply("mode");
        if (inReg) {
            String[][] ins = {{"mode", "3"}, {"value", "64"}, {"bias", "64"}, {"m", "32"}, {"shr", "6"}, {"shl", "5"},
                {"count", "5"}, {"zout", "16"}, {"min", "16"}, {"max", "16"}};
            List<Stmt> st = new ArrayList<>();
            for (String[] f : ins) {
                if (f[0].equals("count") && !layers) {
                    continue;
                }
                it.add(V.reg(in.apply(f[0]), Integer.parseInt(f[1]), "input register (cut): i_" + f[0]));
                st.add(V.nb(in.apply(f[0]), "i_" + f[0]));
            }
            it.add(V.ff("Input register (pipeline cut before stage R1).", st.toArray(new Stmt[0])));
        }
        // ---- stage R1 ----
        it.add(V.wire("acc", acc, "wrap(value + bias, acc_bits)"));
        it.add(V.assign("acc", in.apply("value") + "[" + (acc - 1) + ":0] + " + in.apply("bias") + "[" + (acc - 1)
                + ":0]"));
        it.add(V.wire("acc32", 32, "acc[31:0] (int32 paths)"));
        it.add(V.assign("acc32", V.sext("acc", acc, 32)));
        it.add(V.comb("mul_a", aw, "multiplicand, signed"));
        it.add(V.wire("mul_b", bw, "multiplier, unsigned"));
        it.add(V.wire("product", pw, "mul_a * mul_b (fits " + pw + " bits signed)"));
        Stmt.Case.Builder ma = Stmt.caseOf(mode);
        if (layers) {
            // DOUBLE folds shl into the rounding shift (R2), exact as acc << shl fits int32
            ma.when(V.lit(3, DOUBLE), V.bl("mul_a", V.sext("acc32", 32, aw)));
        } else {
            it.add(V.wire("acc_shl", 32, "DOUBLE: acc[31:0] << shl (wraps like Java's int)"));
            it.add(V.assign("acc_shl", "acc32 << " + in.apply("shl")));
            ma.when(V.lit(3, DOUBLE), V.bl("mul_a", V.sext("acc_shl", 32, aw)));
        }
        ma.when(V.lit(3, SINGLE), V.bl("mul_a", V.sext("acc32", 32, aw)));
        if (i64) {
            ma.when(V.lit(3, INT64), V.bl("mul_a", V.sext("acc", acc, aw)));
        }
        String mulB = V.zext(in.apply("m") , 32, bw);
        if (layers) {
            it.add(V.wire("avg_neg", 1, "AVG: the sum is negative"));
            it.add(V.wire("avg_v", vw, "AVG: |sum| + n/2 = (sum ^ -neg) + (n/2 + neg)"));
            it.add(V.comb("recip", RECIP_BITS, "AVG: ceil(2^24 / n), docs 3.6"));
            it.add(V.assign("avg_neg", in.apply("value") + "[63]"));
            it.add(V.assign("avg_v", "(" + in.apply("value") + "[" + (vw - 1) + ":0] ^ {" + vw + "{avg_neg}}) + "
                    + V.zext("({1'b0, " + in.apply("count") + "[4:1]} + {4'd0, avg_neg})", 5, vw)));
            Stmt.Case.Builder rc = Stmt.caseOf(in.apply("count"));
            for (int n = 1; n <= 16; n++) {
                rc.when(V.lit(5, n), V.bl("recip", V.lit(RECIP_BITS, RequantUnit.reciprocal(n))));
            }
            rc.otherwise(V.bl("recip", V.lit(RECIP_BITS, 0)));
            it.add(V.comb("Reciprocal ROM of the average divider.", rc.build()));
            ma.when(V.lit(3, AVG), V.bl("mul_a", V.zext("recip", RECIP_BITS, aw)));
            mulB = "(" + mode + " == " + V.lit(3, AVG) + ") ? " + V.zext("avg_v", vw, bw) + " : " + mulB;
        }
        it.add(V.comb("Multiplicand by mode: the reciprocal for AVG.",
                ma.otherwise(V.bl("mul_a", aw + "'d0")).build()));
        it.add(V.assign("mul_b", mulB));
        int mulCuts = multiplierCuts(v.cuts());
        it.addAll(BoothMultiplier.rows("mul", "mul_a", aw, "mul_b", bw, false, "product", pw,
                multiplierCutPoints(BoothMultiplier.digits(bw, false), mulCuts), BOOTH_PROOF));
        // R2's shifter: a = xx >>> sh, y = (a + 1) >> 1 = (xx + 2^sh) >> (sh + 1)
        it.add(V.wire("sh", 6, "R2 shift: SINGLE/INT64 shr - 1; DOUBLE shr (after the first rounding)"
                + (layers ? " or M - 1 - shl; AVG 23" : "")));
        it.add(V.wire("two", 1, "DOUBLE with two roundings (SRDHM, then RoundingDivideByPOT)"));
        String dbl = "(" + mode + " == " + V.lit(3, DOUBLE) + ")";
        if (layers) {
            // shl > 0 (then shr = 0): SRDHM(acc << shl) = (acc*m + 2^(M-1-shl)) >> (M - shl), one rounding
            it.add(V.assign("two", dbl + " && (" + in.apply("shl") + " == 5'd0)"));
            it.add(V.assign("sh", dbl + " ? (two ? " + in.apply("shr") + " : " + V.lit(6, mb - 1) + " - {1'b0, "
                    + in.apply("shl") + "}) : (" + mode + " == " + V.lit(3, AVG) + ") ? "
                    + V.lit(6, RequantUnit.AVG_SHIFT - 1) + " : " + in.apply("shr") + " - 6'd1"));
        } else {
            it.add(V.assign("two", dbl));
            it.add(V.assign("sh", "two ? " + in.apply("shr") + " : " + in.apply("shr") + " - 6'd1"));
        }
        // R1 sideband: {register, width, comment, value from the inputs}. With multiplier cuts each passes as many
        // registers more, like the product, so it meets x_r.
        List<String[]> side = new ArrayList<>();
        side.add(new String[] {"keep", Integer.toString(acc), "RAW accumulator" + (layers ? " or MAX value" : ""),
                layers ? "(" + mode + " == " + V.lit(3, MAX) + ") ? " + in.apply("value") + "[" + (acc - 1)
                        + ":0] : acc" : "acc"});
        side.add(new String[] {"sh", "6", "R2 shift", "sh"});
        side.add(new String[] {"two", "1", "DOUBLE, two roundings", "two"});
        side.add(new String[] {"sat", "1", "SINGLE (saturates)", mode + " == " + V.lit(3, SINGLE)});
        side.add(new String[] {"pass", "1", "RAW or MAX (keep_r passes)", layers
                ? "(" + mode + " == " + V.lit(3, RAW) + ") || (" + mode + " == " + V.lit(3, MAX) + ")"
                : mode + " == " + V.lit(3, RAW)});
        side.add(new String[] {"scaled1", "1", "modes 0-2 (offset and clamp apply)", mode + " < " + V.lit(3, RAW)});
        side.add(new String[] {"zout", "16", "z_out", in.apply("zout") });
        side.add(new String[] {"min", "16", "act_min", in.apply("min") });
        side.add(new String[] {"max", "16", "act_max", in.apply("max") });
        if (layers) {
            side.add(new String[] {"avg", "1", "AVG", mode + " == " + V.lit(3, AVG)});
            side.add(new String[] {"inv", "1", "AVG of a negative sum (the quotient is negated)",
                    "(" + mode + " == " + V.lit(3, AVG) + ") && avg_neg"});
        }
        it.add(V.reg("x_r", pw, "R1: product"));
        List<Stmt> r1 = new ArrayList<>(List.of(V.nb("x_r", "product")));
        List<Stmt> r1c = new ArrayList<>();
        for (String[] f : side) {
            String src = f[3];
            for (int k = 1; k <= mulCuts; k++) {
                String r = f[0] + "_c" + (k == 1 ? "" : Integer.toString(k)) + "_r";
                it.add(V.reg(r, Integer.parseInt(f[1]), "R1 (cut" + (mulCuts == 1 ? "" : " " + k) + "): " + f[2]));
                r1c.add(V.nb(r, src));
                src = r;
            }
            it.add(V.reg(f[0] + "_r", Integer.parseInt(f[1]), "R1: " + f[2]));
            r1.add(V.nb(f[0] + "_r", src));
        }
        if (mulCuts >= 1) {
            it.add(V.ff(mulCuts == 1 ? "Stage R1 sideband, first half (the multiplier's rows are cut here too)."
                    : "Stage R1 sideband through the multiplier's " + mulCuts + " cuts.",
                    r1c.toArray(new Stmt[0])));
        }
        it.add(V.ff("Stage R1 registers.", r1.toArray(new Stmt[0])));
        // ---- stage R2 ----
        // DOUBLE's SRDHM: q = (x + 2^(M-1)) >> M (the nudge and truncation toward zero give exactly this); q' = q -
        // (q < 0) for shr > 0 turns RoundingDivideByPOT's ties-away into (q' + 2^(shr-1)) >> shr, and 2q' >>> shr
        // feeds the common rounded shift (shr = 0: 2q >>> 0, then (2q + 1) >> 1 = q).
        it.add(V.wire("xs", 34, "DOUBLE: x >> (M - 1)"));
        it.add(V.wire("xs_dn", 1, "DOUBLE: q < 0 (xs <= -2) and shr > 0"));
        it.add(V.wire("xt", 34, "DOUBLE: 2q' + (0 or 1) = xs +- 1"));
        it.add(V.wire("xd", 34, "DOUBLE: 2q'"));
        it.add(V.wire("xx", pw, "shifter input: 2q' (DOUBLE, two roundings), else the product"
                + (layers ? " (AVG: bit 23 cleared, inverted for a negative sum)" : "")));
        it.add(V.wire("sa", 33, "xx >>> sh"));
        it.add(V.wire("sb", 34, "sa + 1"));
        it.add(V.wire("ovf", 1, "SINGLE: xx >>> sh does not fit 33 bits (saturate)"));
        it.add(V.wire("y32", 32, "stage R2 result of modes 0-2" + (layers ? " and AVG" : "")));
        it.add(V.comb("y", yw, "stage R2 result by mode"));
        it.add(V.assign("xs", mb + 32 < pw ? "x_r[" + (mb + 32) + ":" + (mb - 1) + "]"
                : V.sext("x_r[" + (pw - 1) + ":" + (mb - 1) + "]", pw - mb + 1, 34)));
        it.add(V.assign("xs_dn", "xs[33] & ~(&xs) & (sh_r != 6'd0)"));
        it.add(V.assign("xt", "xs + {{33{xs_dn}}, 1'b1}"));
        it.add(V.assign("xd", "{xt[33:1], 1'b0}"));
        // AVG: sh = 23 with bit 23 cleared gives a = {q, 0}, inverted ~{q, 0}: then (a + 1) >> 1 = +-q
        String other = layers ? "({x_r[" + (pw - 1) + ":24], x_r[23] & ~avg_r, x_r[22:0]} ^ {" + pw + "{inv_r}})"
                : "x_r";
        it.add(V.assign("xx", "two_r ? " + V.sext("xd", 34, pw) + " : " + other));
        // SINGLE: sa fits 33 bits iff xx[pw-1 : sh+32] are all sign bits (thermometer of sh over bits 32..pw-2)
        // (SINGLE's product has 32 + M bits: the ones above are sign copies)
        int sgn = Math.min(pw, 32 + mb) - 1;
        StringBuilder ovf = new StringBuilder("1'b0");
        for (int j = 32; j < sgn; j++) {
            ovf.append(" | ((x_r[").append(j).append("] ^ x_r[").append(sgn).append("]) & (sh_r <= ")
                    .append(V.lit(6, j - 32)).append("))");
        }
        boolean preShift = preShiftCut(v.cuts());
        if (preShift) {
            it.add(V.assign("ovf", ovf.toString()));
        }
        String xxN = "xx";
        String shN = "sh_r";
        String ovfN = "ovf";
        String sgnN = "x_r[" + sgn + "]";
        String satN = "sat_r";
        String passN = "pass_r";
        String keepN = "keep_r";
        String scaledN = "scaled1_r";
        String zoutN = "zout_r";
        String minN = "min_r";
        String maxN = "max_r";
        if (preShift) {
            // cuts >= 4: R2 is also split before its shifter (the DOUBLE correction add, then the shift)
            String[][] r2p = {{"xx_p_r", Integer.toString(pw), xxN, "shifter input"}, {"sh_p_r", "6", shN, "shift"},
                {"ovf_p_r", "1", ovfN, "SINGLE overflow"}, {"sgn_p_r", "1", sgnN, "sign of the product"},
                {"sat_p_r", "1", satN, "SINGLE"}, {"pass_p_r", "1", passN, "RAW or MAX"},
                {"keep_p_r", Integer.toString(acc), keepN, "kept value"}, {"scaled_p_r", "1", scaledN, "modes 0-2"},
                {"zout_p_r", "16", zoutN, "z_out"}, {"min_p_r", "16", minN, "act_min"},
                {"max_p_r", "16", maxN, "act_max"}};
            List<Stmt> st = new ArrayList<>();
            for (String[] f : r2p) {
                it.add(V.reg(f[0], Integer.parseInt(f[1]), "R2 (cut before the shifter): " + f[3]));
                st.add(V.nb(f[0], f[2]));
            }
            it.add(V.ff("Stage R2 pipeline cut before the shifter.", st.toArray(new Stmt[0])));
            xxN = "xx_p_r";
            shN = "sh_p_r";
            ovfN = "ovf_p_r";
            sgnN = "sgn_p_r";
            satN = "sat_p_r";
            passN = "pass_p_r";
            keepN = "keep_p_r";
            scaledN = "scaled_p_r";
            zoutN = "zout_p_r";
            minN = "min_p_r";
            maxN = "max_p_r";
        }
        it.add(V.wire("xx_sh", pw, "xx >>> sh (upper bits unused)"));
        it.add(V.assign("xx_sh", "$signed(" + xxN + ") >>> " + shN));
        it.add(V.assign("sa", "xx_sh[32:0]"));
        if (!preShift) {
            it.add(V.assign("ovf", ovf.toString()));
        }
        // cuts >= 2: R2 is split after the shifter; the rounding add, saturation and mode select come a cycle later.
        String saN = "sa";
        if (v.cuts() >= 2) {
            String[][] r2a = {{"sa_b_r", "33", saN, "shifted value"}, {"ovf_b_r", "1", ovfN, "SINGLE overflow"},
                {"sgn_b_r", "1", sgnN, "sign of the product"}, {"sat_b_r", "1", satN, "SINGLE"},
                {"pass_b_r", "1", passN, "RAW or MAX"}, {"keep_b_r", Integer.toString(acc), keepN, "kept value"},
                {"scaled_b_r", "1", scaledN, "modes 0-2"}, {"zout_b_r", "16", zoutN, "z_out"},
                {"min_b_r", "16", minN, "act_min"}, {"max_b_r", "16", maxN, "act_max"}};
            List<Stmt> st = new ArrayList<>();
            for (String[] f : r2a) {
                it.add(V.reg(f[0], Integer.parseInt(f[1]), "R2 (cut): " + f[3]));
                st.add(V.nb(f[0], f[2]));
            }
            it.add(V.ff("Stage R2 pipeline cut after the shifter.", st.toArray(new Stmt[0])));
            saN = "sa_b_r";
            ovfN = "ovf_b_r";
            sgnN = "sgn_b_r";
            satN = "sat_b_r";
            passN = "pass_b_r";
            keepN = "keep_b_r";
            scaledN = "scaled_b_r";
            zoutN = "zout_b_r";
            minN = "min_b_r";
            maxN = "max_b_r";
        }
        it.add(V.assign("sb", "{" + saN + "[32], " + saN + "} + 34'd1"));
        it.add(V.assign("y32", "(" + satN + " && (" + ovfN + " || (sb[33] != sb[32]))) ? ((" + ovfN + " && " + sgnN
                + ") ? 32'h80000000 : 32'h7fffffff) : sb[32:1]"));
        it.add(V.comb("Result by mode: kept value or the rounded shift.",
                V.bl("y", passN + " ? " + V.sext(keepN, acc, yw) + " : " + V.sext("y32", 32, yw))));
        it.add(V.reg("y_r", yw, "R2: result before offset and clamp"));
        it.add(V.reg("scaled_r", 1, "R2: modes 0-2 (offset and clamp apply)"));
        it.add(V.reg("zout2_r", 16, "R2: z_out"));
        it.add(V.reg("min2_r", 16, "R2: act_min"));
        it.add(V.reg("max2_r", 16, "R2: act_max"));
        it.add(V.ff("Stage R2 registers.", V.nb("y_r", "y"), V.nb("scaled_r", scaledN),
                V.nb("zout2_r", zoutN), V.nb("min2_r", minN), V.nb("max2_r", maxN)));
        // ---- output: y is int32, z_out + y needs 33 bits, the clamp result fits act_min/act_max's 16 ----
        it.add(V.wire("offset", 33, "z_out + y"));
        it.add(V.wire("below", 1, "offset < act_min"));
        it.add(V.wire("above", 1, "offset > act_max"));
        it.add(V.wire("clamped", 16, "clamp(offset, act_min, act_max)"));
        it.add(V.assign("offset", V.sext("zout2_r", 16, 33) + " + " + V.sext("y_r[31:0]", 32, 33)));
        it.add(V.assign("below", "$signed(offset) < $signed(" + V.sext("min2_r", 16, 33) + ")"));
        it.add(V.assign("above", "$signed(offset) > $signed(" + V.sext("max2_r", 16, 33) + ")"));
        it.add(V.assign("clamped", "below ? min2_r : above ? max2_r : offset[15:0]"));
        it.add(V.assign("o_value", "scaled_r ? " + V.sext("clamped", 16, 64) + " : " + V.sext("y_r", yw, 64)));
        it.add(V.assign("o_clamp_lo", "scaled_r & below"));
        it.add(V.assign("o_clamp_hi", "scaled_r & above"));
        // bits the valid inputs leave unused (lint)
        StringBuilder un = new StringBuilder("&{1'b0, " + in.apply("m") + "[31:" + bw + "], xx_sh[" + (pw - 1)
                + ":33], sb[0], xt[0]");
        if (acc < 64) {
            un.append(", ").append(in.apply("bias")).append("[63:").append(acc).append("]");
        }
        int usedValue = layers ? Math.max(acc, vw) : acc;
        if (usedValue < (layers ? 63 : 64)) {
            un.append(", ").append(in.apply("value")).append("[").append(layers ? 62 : 63).append(":")
                    .append(usedValue).append("]");
        }
        if (!layers) {
            un.append(", i_count");
        }
        it.add(V.wire("unused_rq", 1, "input bits above the widths the modes use"));
        it.add(V.assign("unused_rq", un.append("}").toString()));
        return m.add(it).build();
    }
}
