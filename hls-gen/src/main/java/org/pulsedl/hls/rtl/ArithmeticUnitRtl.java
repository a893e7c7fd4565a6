package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;

/**
 * The arithmetic unit pair (docs/accelerator.md §2): lanes 2j and 2j+1 of a PE share the broadcast activation. With
 * {@code two_macs_per_dsp} one multiplier computes both int8 products from the packed operand
 * {@code A = w_hi·2^17 + w_lo} exactly as {@code PackedMac}; an int16-input layer feeds {@code A = w_lo} and uses only
 * the low lane, or also the high lane through a fabric multiplier ({@code int16_full_rate}). Without
 * packing each lane has its own multiplier. Product register, optional extra stages, then the wrapping accumulator
 * and the shadow register the drain reads.
 */
final class ArithmeticUnitRtl {
    private ArithmeticUnitRtl() {}

    /**
     * The formal proof that the fabric lane's Booth rows (without a pipeline cut) equal a multiply, named next to their
     * Verilator twin.
     */
    static final String FABRIC_PROOF = "the fabric rows' proof (hls-gen AuFabricFormalCiTest, testbenches/formal)";

    static ModuleSpec module(RtlShape s) {
        int ab = s.ab();
        int acc = s.auAcc();
        int prod = RtlShape.PROD;
        ModuleSpec.Builder m = ModuleSpec.builder(s.name("au"))
                .header(s.name("au") + ": two arithmetic units (lanes 2j, 2j+1) sharing one activation operand.",
                        "docs/accelerator.md section 2: " + (s.packed()
                                ? "two int8 MACs per DSP48 (A = w_hi*2^17 + w_lo, B = a; lo = P[16:0], hi = (P>>>17) + P[16])"
                                : "one multiplier per lane") + ", " + acc + "-bit wrapping accumulators.",
                        "Timing: weights and activation arrive registered (stage T2), the product is registered,",
                        (s.productExtra() > 0 ? s.productExtra() + " extra product stage(s), " : "")
                                + "the accumulator updates in stage T3; i_capture copies it to the shadow register.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_w_lo", 8, "weight of lane 2j (int8), stage T2"))
                .port(V.in("i_w_hi", 8, "weight of lane 2j+1 (int8), stage T2"))
                .port(V.in("i_a", ab, "activation code (broadcast operand), stage T2"))
                .port(V.in("i_in16", 1, "the layer's input is int16 (no packing), stage T2"))
                .port(V.in("i_acc_en", 1, "accumulate this cycle (a MAC tap reaches stage T3)"))
                .port(V.in("i_acc_first", 1, "first tap of a group: load instead of add"))
                .port(V.in("i_capture", 1, "copy the accumulators into the shadow registers"))
                .port(V.out("o_shadow_lo", acc, "shadow register of lane 2j"))
                .port(V.out("o_shadow_hi", acc, "shadow register of lane 2j+1"));
        List<ModuleItem> items = new ArrayList<>();
        items.add(V.wire("prod_lo", prod, "product of lane 2j"));
        items.add(V.wire("prod_hi", prod, "product of lane 2j+1"));
        // productExtra >= 1 (a fast clock): the raw DSP product and the fabric rows' first half are registered, the
        // packed split, the int16 select and the rows' second half follow; one product stage fewer is a delay
        boolean split = s.packed() && s.productExtra() >= 1;
        // productExtra >= 2 (mac_latency >= 7): the packed operand, the activation and the fabric lane's weight are
        // registered in front of the multiply too (the DSP's input registers), so the 25-bit operand add gets a cycle
        boolean operandReg = split && s.productExtra() >= 2;
        String a = operandReg ? "a_r" : "i_a";
        String wHi = operandReg ? "w_hi_r" : "i_w_hi";
        if (s.packed()) {
            int pw = 25 + ab;
            items.add(V.wire("packed_w", 25, "A port: w_hi * 2^17 + w_lo (fits 25 bits: |A| < 2^24); w_lo for int16"));
            items.add(V.wire("packed_p", pw, "P = A * a"));
            // One DSP multiplier serves both cases: an int16 layer feeds w_lo alone (its 24-bit product fits P).
            items.add(V.assign("packed_w", "i_in16 ? " + V.sext("i_w_lo", 8, 25) + " : {i_w_hi, 17'd0} + "
                    + V.sext("i_w_lo", 8, 25)));
            String in16 = "i_in16";
            String operand = "packed_w";
            if (operandReg) {
                items.add(V.reg("packed_w_r", 25, "DSP input register: the packed operand A"));
                items.add(V.reg("a_r", ab, "DSP input register: the activation"));
                items.add(V.reg("in16_op_r", 1, "int16 input, with the operands"));
                List<Stmt> regs = new ArrayList<>(List.of(V.nb("packed_w_r", "packed_w"),
                        V.nb("a_r", "i_a"), V.nb("in16_op_r", "i_in16")));
                if (s.int16FullRate()) {
                    items.add(V.reg("w_hi_r", 8, "the fabric lane's weight, with the operands"));
                    regs.add(V.nb("w_hi_r", "i_w_hi"));
                }
                items.add(V.ff("DSP input registers: the packed operand and the activation.",
                        regs.toArray(new Stmt[0])));
                operand = "packed_w_r";
                in16 = "in16_op_r";
            }
            if (split) {
                items.add(V.wire("packed_m", pw, "A * a, the DSP's multiply"));
                items.add(V.assign("packed_m", V.smul(operand, 25, a, ab, pw)));
                items.add(V.reg("packed_m_r", pw, "DSP output register (MREG)"));
                items.add(V.reg("in16_r", 1, "int16 input, with the registered product"));
                items.add(V.ff("DSP output register: the raw product, split into lanes a cycle later.",
                        V.nb("packed_m_r", "packed_m"), V.nb("in16_r", in16)));
                items.add(V.assign("packed_p", "packed_m_r"));
                in16 = "in16_r";
            } else {
                items.add(V.assign("packed_p", V.smul("packed_w", 25, "i_a", ab, pw)));
            }
            items.add(V.assign("prod_lo", in16 + " ? " + V.sext("packed_p[" + (7 + ab) + ":0]", 8 + ab, prod) + " : "
                    + V.sext("packed_p[16:0]", 17, prod)));
            int hiw = Math.min(prod, pw - 17);
            String hiField = V.sext("packed_p[" + (16 + hiw) + ":17]", hiw, prod) + " + "
                    + V.zext("packed_p[16]", 1, prod);
            if (s.int16FullRate()) {
                // The odd lane's int16 product in fabric: a signed radix-4 Booth multiplier (4 rows for 8 bits).
                items.add(V.wire("fab_p", 8 + ab, "w_hi * a (fabric)"));
                // a Verilator twin only where the proof covers the rows: without the cut (the shipped pipeline)
                items.addAll(split ? BoothMultiplier.rows("fab", a, ab, wHi, 8, true, "fab_p", 8 + ab, 1)
                        : BoothMultiplier.rows("fab", a, ab, wHi, 8, true, "fab_p", 8 + ab, new int[0], FABRIC_PROOF));
                items.add(V.assign("prod_hi", in16 + " ? " + V.sext("fab_p", 8 + ab, prod) + " : " + hiField));
            } else {
                items.add(V.assign("prod_hi", in16 + " ? " + V.lit(prod, 0) + " : " + hiField));
            }
            if (pw - 1 > 16 + hiw) {
                items.add(V.wire("unused_p", 1, "high product bits (always sign copies)"));
                items.add(V.assign("unused_p", "&{1'b0, packed_p[" + (pw - 1) + ":" + (17 + hiw) + "]}"));
            }
        } else {
            items.add(V.wire("unused_in16", 1, "int16 inputs need no special case without packing"));
            items.add(V.assign("unused_in16", "i_in16"));
            items.add(V.wire("plain_lo", 8 + ab, "w_lo * a"));
            items.add(V.wire("plain_hi", 8 + ab, "w_hi * a"));
            items.add(V.assign("plain_lo", V.smul("i_w_lo", 8, "i_a", ab, 8 + ab)));
            items.add(V.assign("plain_hi", V.smul("i_w_hi", 8, "i_a", ab, 8 + ab)));
            items.add(V.assign("prod_lo", V.sext("plain_lo", 8 + ab, prod)));
            items.add(V.assign("prod_hi", V.sext("plain_hi", 8 + ab, prod)));
        }
        items.add(V.reg("prod_lo_r", prod, "product register, lane 2j"));
        items.add(V.reg("prod_hi_r", prod, "product register, lane 2j+1"));
        items.add(V.ff("Multiplier output register (DSP MREG).", V.nb("prod_lo_r", "prod_lo"),
                V.nb("prod_hi_r", "prod_hi")));
        int delay = s.productExtra() - (split ? 1 : 0) - (operandReg ? 1 : 0);
        items.addAll(V.delay("mac_lo", prod, "prod_lo_r", delay, "product of lane 2j at stage T3"));
        items.addAll(V.delay("mac_hi", prod, "prod_hi_r", delay, "product of lane 2j+1 at stage T3"));
        items.add(V.reg("acc_lo_r", acc, "accumulator, lane 2j"));
        items.add(V.reg("acc_hi_r", acc, "accumulator, lane 2j+1"));
        items.add(V.reg("shadow_lo_r", acc, "shadow register, lane 2j"));
        items.add(V.reg("shadow_hi_r", acc, "shadow register, lane 2j+1"));
        String lo = V.sext("mac_lo", prod, acc);
        String hi = V.sext("mac_hi", prod, acc);
        items.add(V.ff("Accumulate (wrapping mod 2^" + acc + ", docs 2.1) and capture into the shadow registers.",
                V.when("i_acc_en", V.nb("acc_lo_r", "i_acc_first ? " + lo + " : acc_lo_r + " + lo),
                        V.nb("acc_hi_r", "i_acc_first ? " + hi + " : acc_hi_r + " + hi)),
                V.when("i_capture", V.nb("shadow_lo_r", "acc_lo_r"), V.nb("shadow_hi_r", "acc_hi_r"))));
        items.add(V.assign("o_shadow_lo", "shadow_lo_r"));
        items.add(V.assign("o_shadow_hi", "shadow_hi_r"));
        return m.add(items).build();
    }
}
