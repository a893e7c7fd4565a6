package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;

/**
 * The registered layer decode of the pipelined controller (docs/accelerator.md, "Timing"; only when
 * {@link AcceleratorConfig#layerDecodeCycles()} is not 0): the current layer's descriptor fields and the products the
 * loop nest needs (K·C_in, pad·C_in, S·C_in) come from registers, so the descriptor memory's read and the fabric
 * multipliers are off the controller's one-cycle decision path. Stage 1 registers the descriptor line, stage 2 the
 * products: after a layer change the decode is valid {@value #CYCLES} cycles later, and {@code o_ld_ok} tells the
 * controller's start rule when (CycleModel: a layer's first group starts no earlier). Layer 0 follows a round's last
 * layer at once, so its decode is kept in a third copy, refreshed whenever the pipeline holds it; the program changes
 * only while stopped, when the layer index rests at 0.
 */
final class LayerDecodeRtl {
    /** Cycles from a layer change to a valid decode (AcceleratorConfig.layerDecodeCycles). */
    static final int CYCLES = 2;

    private LayerDecodeRtl() {}

    /** The products the controller takes from here: {name, bits, the field multiplying C_in, meaning}. */
    private static final String[][] PRODUCTS = {
        {"kc", "16", "k", "K * C_in (mod 2^16)"},
        {"pc", "24", "pad", "pad_left * C_in"},
        {"sc", "24", "s", "S * C_in"}};

    /** Product ports of the controller in the pipelined build: {@code i_desc_<name>}, driven by {@code o_ld_<name>}. */
    static List<String[]> products() {
        List<String[]> out = new ArrayList<>();
        for (String[] p : PRODUCTS) {
            out.add(new String[] {p[0], p[1], p[3]});
        }
        return out;
    }

    static ModuleSpec module(RtlShape s) {
        if (s.cfg().layerDecodeCycles() != CYCLES) {
            throw new IllegalStateException("layer decode of " + CYCLES + " cycles, the cycle model has "
                    + s.cfg().layerDecodeCycles());
        }
        String name = s.name("layer_decode");
        ModuleSpec.Builder m = ModuleSpec.builder(name)
                .header(name + ": the current layer's descriptor and its products from registers (pipelined"
                                + " controller); docs/accelerator.md, timing.",
                        "Valid " + CYCLES + " cycles after a layer change (o_ld_ok); layer 0 from a kept copy.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_layer", 8, "controller: the current layer"));
        List<ModuleItem> it = new ArrayList<>();
        it.add(V.reg("l1_r", 8, "layer a cycle ago"));
        it.add(V.reg("l2_r", 8, "layer two cycles ago (the one stage 2 holds)"));
        List<Stmt> s1 = new ArrayList<>(List.of(V.nb("l1_r", "i_layer"), V.nb("l2_r", "l1_r")));
        List<Stmt> s2 = new ArrayList<>();
        List<Stmt> keep0 = new ArrayList<>();
        it.add(V.wire("is0", 1, "the current layer is layer 0"));
        it.add(V.assign("is0", "i_layer == 8'd0"));
        for (ProgramRtl.LayerField f : ProgramRtl.LAYER_FIELDS) {
            String n = f.name();
            m.port(V.in("i_desc_" + n, f.bits(), "program memory: " + f.meaning() + " of the current layer"));
            m.port(V.out("o_ld_" + n, f.bits(), "registered " + f.meaning()));
            it.add(V.reg("raw_" + n + "_r", f.bits(), "stage 1: " + f.meaning()));
            it.add(V.reg("cur_" + n + "_r", f.bits(), "stage 2: " + f.meaning()));
            it.add(V.reg("z_" + n + "_r", f.bits(), "layer 0: " + f.meaning()));
            s1.add(V.nb("raw_" + n + "_r", "i_desc_" + n));
            s2.add(V.nb("cur_" + n + "_r", "raw_" + n + "_r"));
            keep0.add(V.nb("z_" + n + "_r", "cur_" + n + "_r"));
            it.add(V.assign("o_ld_" + n, "is0 ? z_" + n + "_r : cur_" + n + "_r"));
        }
        for (String[] p : PRODUCTS) {
            int bits = Integer.parseInt(p[1]);
            ProgramRtl.LayerField b = ProgramRtl.LAYER_FIELDS.stream().filter(f -> f.name().equals(p[2])).findFirst()
                    .orElseThrow();
            it.addAll(BoothMultiplier.unsignedProduct(p[0], "raw_inch_r", 16, "raw_" + p[2] + "_r", b.bits(), bits,
                    p[3]));
            m.port(V.out("o_ld_" + p[0], bits, "registered " + p[3]));
            it.add(V.reg("cur_" + p[0] + "_r", bits, "stage 2: " + p[3]));
            it.add(V.reg("z_" + p[0] + "_r", bits, "layer 0: " + p[3]));
            s2.add(V.nb("cur_" + p[0] + "_r", p[0] + "_p"));
            keep0.add(V.nb("z_" + p[0] + "_r", "cur_" + p[0] + "_r"));
            it.add(V.assign("o_ld_" + p[0], "is0 ? z_" + p[0] + "_r : cur_" + p[0] + "_r"));
        }
        m.port(V.out("o_ld_ok", 1, "the outputs belong to the current layer"));
        it.add(V.assign("o_ld_ok", "is0 | ((l1_r == i_layer) & (l2_r == i_layer))"));
        s1.addAll(s2);
        it.add(V.ff("Decode stages 1 (descriptor line) and 2 (products).", s1.toArray(new Stmt[0])));
        it.add(V.ff("Layer 0's decode, kept for the round that follows the last layer.",
                V.when("l2_r == 8'd0", keep0.toArray(new Stmt[0]))));
        return m.add(V.declarationsFirst(it)).build();
    }
}
