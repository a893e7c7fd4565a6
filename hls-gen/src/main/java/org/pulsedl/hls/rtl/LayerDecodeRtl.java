package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;

/**
 * The registered layer decode of the pipelined controller (docs/accelerator.md, "Timing"; only when
 * {@link AcceleratorConfig#layerDecodeCycles()} is not 0): the current layer's descriptor fields, the products the
 * loop nest needs (K·C_in, pad·C_in, S·C_in) and the quantities its decisions compare against (taps − 1, groups − 1,
 * …) come from registers, so the descriptor memory's read, the fabric multipliers and the layer-0 select are off the
 * controller's one-cycle decision path. Stage 1 registers the descriptor line, stages 2 and 3 the products (their
 * Booth rows cut in two: one 8 × 16 product in a cycle was the unit's slowest path on ECP5) with the fields beside
 * them, stage 4 the outputs (the layer-0 select and the derived quantities): after a change to a layer other than 0
 * the decode is valid {@value #CYCLES} cycles later, and {@code o_ld_ok} tells the controller's start rules when
 * (CycleModel: a layer's first group starts no earlier). Layer 0 follows a round's last layer, so its decode is kept
 * in a copy refreshed whenever the pipeline holds it and reaches the outputs {@value #LAYER0_CYCLES} cycle after the
 * change (CycleModel: a round starts no earlier); the program changes only while stopped, when the layer index rests
 * at 0. The two values the controller's registered gap test and channel count need a cycle early also leave as the
 * stage-4 inputs ({@code o_ld_next_*}: what the outputs hold in the next cycle).
 */
final class LayerDecodeRtl {
    /** Cycles from a change to a layer other than 0 to a valid decode (AcceleratorConfig.layerDecodeCycles). */
    static final int CYCLES = 4;
    /** Cycles from a change to layer 0 to a valid decode (AcceleratorConfig.roundDecodeCycles). */
    static final int LAYER0_CYCLES = 1;

    private LayerDecodeRtl() {}

    /** The products: {name, bits, the field multiplying C_in, meaning}. */
    private static final String[][] PRODUCTS = {
        {"kc", "16", "k", "K * C_in (mod 2^16)"},
        {"pc", "24", "pad", "pad_left * C_in"},
        {"sc", "24", "s", "S * C_in"}};

    /** Products the controller reads itself; K·C_in only enters the derived quantities. */
    private static final List<String> CONTROLLER_PRODUCTS = List.of("pc", "sc");

    /** F saturated at 128 for the rule-1 gap test: computed in stage 3, beside the products. */
    private static final String[] GAP_TAPS = {"gap_taps", "8",
        "F saturated at 128 for the rule-1 gap test (a group drains at most 64 values)"};

    /**
     * Quantities the controller compares against, from the stage-4 select ({@code sel_<field>}, {@code sel_<product>}):
     * {name, bits, expression, meaning}.
     */
    private static final String[][] DERIVED = {
        {"is_mac", "1", "(sel_op == 4'd1) | (sel_op == 4'd2)", "Conv1D or Dense"},
        {"bad_op", "1", "(sel_op == 4'd0) | (sel_op > 4'd4)", "opcode is not 1-4"},
        {"taps_m1", "16", "((sel_op == 4'd1) | (sel_op == 4'd2) ? sel_kc : {8'd0, sel_k}) - 16'd1",
            "F - 1: the last tap of a group"},
        {"groups_m1", "16", "((sel_op == 4'd1) | (sel_op == 4'd2) ? sel_groups : sel_outch) - 16'd1",
            "groups per position - 1: the last group"},
        {"outlen_m1", "16", "sel_outlen - 16'd1", "out_len - 1: the last position"},
        {"inch_m1", "16", "sel_inch - 16'd1", "in_ch - 1: a MAC tap's last input channel"}};

    /**
     * The outputs' next values (the stage-4 inputs) the controller reads a cycle early: {name, bits, expression,
     * meaning}.
     */
    private static final String[][] NEXT = {
        {"next_gap_taps", "8", "sel_gap_taps", "next cycle's F saturated at 128"},
        {"next_outch", "16", "sel_outch", "next cycle's out_ch"}};

    /**
     * Ports of the controller in the pipelined build fed from here, besides the fields: {@code i_desc_<name>}, driven
     * by {@code o_ld_<name>}; {name, bits, meaning}.
     */
    static List<String[]> products() {
        List<String[]> out = new ArrayList<>();
        for (String[] p : PRODUCTS) {
            if (CONTROLLER_PRODUCTS.contains(p[0])) {
                out.add(new String[] {p[0], p[1], p[3]});
            }
        }
        for (String[][] table : List.of(DERIVED, NEXT)) {
            for (String[] d : table) {
                out.add(new String[] {d[0], d[1], d[3]});
            }
        }
        return out;
    }

    static ModuleSpec module(RtlShape s) {
        if (s.cfg().layerDecodeCycles() != CYCLES || s.cfg().roundDecodeCycles() != LAYER0_CYCLES) {
            throw new IllegalStateException("layer decode of " + CYCLES + " cycles (" + LAYER0_CYCLES
                    + " for layer 0), the cycle model has " + s.cfg().layerDecodeCycles() + " ("
                    + s.cfg().roundDecodeCycles() + ")");
        }
        String name = s.name("layer_decode");
        ModuleSpec.Builder m = ModuleSpec.builder(name)
                .header(name + ": the current layer's descriptor, its products and the controller's compare values"
                                + " from registers (pipelined controller); docs/accelerator.md, timing.",
                        "Valid " + CYCLES + " cycles after a change to a layer other than 0, " + LAYER0_CYCLES
                                + " after a change to layer 0 (o_ld_ok); layer 0 from a kept copy.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_layer", 8, "controller: the current layer"));
        List<ModuleItem> it = new ArrayList<>();
        it.add(V.reg("l1_r", 8, "layer a cycle ago"));
        it.add(V.reg("l2_r", 8, "layer two cycles ago (the one stage 2 holds)"));
        it.add(V.reg("l3_r", 8, "layer three cycles ago (the one stage 3 holds)"));
        it.add(V.reg("valid_r", 1, "the stage-4 outputs belong to the layer of a cycle ago"));
        List<Stmt> s1 = new ArrayList<>(List.of(V.nb("l1_r", "i_layer"), V.nb("l2_r", "l1_r"), V.nb("l3_r", "l2_r")));
        List<Stmt> s2 = new ArrayList<>();
        List<Stmt> s3 = new ArrayList<>();
        List<Stmt> s4 = new ArrayList<>();
        List<Stmt> keep0 = new ArrayList<>();
        it.add(V.wire("is0", 1, "the current layer is layer 0"));
        it.add(V.assign("is0", "i_layer == 8'd0"));
        for (ProgramRtl.LayerField f : ProgramRtl.LAYER_FIELDS) {
            String n = f.name();
            m.port(V.in("i_desc_" + n, f.bits(), "program memory: " + f.meaning() + " of the current layer"));
            m.port(V.out("o_ld_" + n, f.bits(), "registered " + f.meaning()));
            it.add(V.reg("raw_" + n + "_r", f.bits(), "stage 1: " + f.meaning()));
            it.add(V.reg("mid_" + n + "_r", f.bits(), "stage 2: " + f.meaning()));
            it.add(V.reg("cur_" + n + "_r", f.bits(), "stage 3: " + f.meaning()));
            it.add(V.reg("z_" + n + "_r", f.bits(), "layer 0: " + f.meaning()));
            it.add(V.wire("sel_" + n, f.bits(), "the current layer's " + f.meaning()));
            it.add(V.reg("out_" + n + "_r", f.bits(), "stage 4: " + f.meaning()));
            s1.add(V.nb("raw_" + n + "_r", "i_desc_" + n));
            s2.add(V.nb("mid_" + n + "_r", "raw_" + n + "_r"));
            s3.add(V.nb("cur_" + n + "_r", "mid_" + n + "_r"));
            keep0.add(V.nb("z_" + n + "_r", "cur_" + n + "_r"));
            it.add(V.assign("sel_" + n, "is0 ? z_" + n + "_r : cur_" + n + "_r"));
            s4.add(V.nb("out_" + n + "_r", "sel_" + n));
            it.add(V.assign("o_ld_" + n, "out_" + n + "_r"));
        }
        for (String[] p : PRODUCTS) {
            int bits = Integer.parseInt(p[1]);
            ProgramRtl.LayerField b = ProgramRtl.LAYER_FIELDS.stream().filter(f -> f.name().equals(p[2])).findFirst()
                    .orElseThrow();
            // stage 2 ends after the first half of the Booth rows (the multiplier's cut registers), stage 3 after
            // the second
            it.add(V.wire(p[0] + "_ua", 17, "stage 1: C_in, zero-extended (the Booth rows take it signed)"));
            it.add(V.assign(p[0] + "_ua", "{1'b0, raw_inch_r}"));
            it.add(V.wire(p[0] + "_p", bits, p[3]));
            it.addAll(BoothMultiplier.rows(p[0], p[0] + "_ua", 17, "raw_" + p[2] + "_r", b.bits(), false,
                    p[0] + "_p", bits, BoothMultiplier.evenCuts(BoothMultiplier.digits(b.bits(), false), 1)));
            it.add(V.reg("cur_" + p[0] + "_r", bits, "stage 3: " + p[3]));
            it.add(V.reg("z_" + p[0] + "_r", bits, "layer 0: " + p[3]));
            it.add(V.wire("sel_" + p[0], bits, "the current layer's " + p[3]));
            s3.add(V.nb("cur_" + p[0] + "_r", p[0] + "_p"));
            keep0.add(V.nb("z_" + p[0] + "_r", "cur_" + p[0] + "_r"));
            it.add(V.assign("sel_" + p[0], "is0 ? z_" + p[0] + "_r : cur_" + p[0] + "_r"));
            if (CONTROLLER_PRODUCTS.contains(p[0])) {
                m.port(V.out("o_ld_" + p[0], bits, "registered " + p[3]));
                it.add(V.reg("out_" + p[0] + "_r", bits, "stage 4: " + p[3]));
                s4.add(V.nb("out_" + p[0] + "_r", "sel_" + p[0]));
                it.add(V.assign("o_ld_" + p[0], "out_" + p[0] + "_r"));
            }
        }
        // F saturated for the gap test: the controller registers the test itself, so it reads the next value
        String g = GAP_TAPS[0];
        it.add(V.reg("cur_" + g + "_r", 8, "stage 3: " + GAP_TAPS[2]));
        it.add(V.reg("z_" + g + "_r", 8, "layer 0: " + GAP_TAPS[2]));
        it.add(V.wire("sel_" + g, 8, "the current layer's " + GAP_TAPS[2]));
        s3.add(V.nb("cur_" + g + "_r", "((mid_op_r == 4'd1) | (mid_op_r == 4'd2)) ? ((kc_p > 16'd127) ? 8'd128"
                + " : kc_p[7:0]) : ((mid_k_r > 8'd127) ? 8'd128 : mid_k_r)"));
        keep0.add(V.nb("z_" + g + "_r", "cur_" + g + "_r"));
        it.add(V.assign("sel_" + g, "is0 ? z_" + g + "_r : cur_" + g + "_r"));
        for (String[] d : DERIVED) {
            int bits = Integer.parseInt(d[1]);
            m.port(V.out("o_ld_" + d[0], bits, "registered " + d[3]));
            it.add(V.reg("out_" + d[0] + "_r", bits, "stage 4: " + d[3]));
            s4.add(V.nb("out_" + d[0] + "_r", d[2]));
            it.add(V.assign("o_ld_" + d[0], "out_" + d[0] + "_r"));
        }
        for (String[] d : NEXT) {
            m.port(V.out("o_ld_" + d[0], Integer.parseInt(d[1]), d[3] + " (the stage-4 input)"));
            it.add(V.assign("o_ld_" + d[0], d[2]));
        }
        s4.add(V.nb("valid_r", "is0 | ((l1_r == i_layer) & (l2_r == i_layer) & (l3_r == i_layer))"));
        m.port(V.out("o_ld_ok", 1, "the outputs belong to the current layer"));
        it.add(V.assign("o_ld_ok", "valid_r & (l1_r == i_layer)"));
        s1.addAll(s2);
        s1.addAll(s3);
        s1.addAll(s4);
        it.add(V.ff("Decode stages 1 (descriptor line), 2 and 3 (products), 4 (layer-0 select, compare values).",
                s1.toArray(new Stmt[0])));
        it.add(V.ff("Layer 0's decode, kept for the round that follows the last layer.",
                V.when("l3_r == 8'd0", keep0.toArray(new Stmt[0]))));
        return m.add(V.declarationsFirst(it)).build();
    }
}
