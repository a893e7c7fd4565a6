package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.verilog.GenerateFor;
import org.pulsedl.hls.verilog.InstanceSpec;
import org.pulsedl.hls.verilog.MemorySpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;
import org.pulsedl.hls.verilog.Width;

/**
 * A processing element (docs/accelerator.md §3): its own staging, activation and result memories, the operand
 * register, U/2 {@link ArithmeticUnitRtl} pairs, the pool unit, the shadow registers and the drain path through its
 * {@link RequantRtl}. All control comes from the array, broadcast and already aligned to the stage it acts in.
 */
final class ProcessingElementRtl {
    private ProcessingElementRtl() {}

    /**
     * The inputs that change a PE's state while high (accumulate, pool, capture, the three memory writes). With them
     * low and every other input unchanged, the PE's state stops changing after a few edges (PeQuiescenceProofTest),
     * which is what the array's simulation clock gate relies on.
     */
    static final List<String> STATE_ENABLES = List.of("i_acc_mac", "i_acc_pool", "i_capture", "i_act_we", "i_res_we",
            "i_stg_we");

    /**
     * Edges of unchanged inputs, {@link #STATE_ENABLES} low, after which the simulation clock gate stops the PEs: a
     * bound on the PE's pipeline depth with room to spare (PeQuiescenceProofTest proves the real depth is below it).
     */
    static int settleBound(RtlShape s) {
        return 16 + 2 * (s.cfg().macLatency() + s.cfg().requantLatency());
    }

    static ModuleSpec module(RtlShape s, ModuleSpec au, ModuleSpec requant) {
        int ab = s.ab();
        int acc = s.auAcc();
        int u = s.u();
        int stgA = s.stgAw() + 1;
        int actA = s.actAw() + 2;
        int resA = s.resAw() + 2;
        String name = s.name("pe");
        ModuleSpec.Builder m = ModuleSpec.builder(name)
                .header(name + ": processing element, docs/accelerator.md section 3 (one window per PE).",
                        "Memories: staging 2 x " + (1 << s.stgAw()) + " (context, index), activations 4 x "
                                + (1 << s.actAw()) + " (context, region, index), results 4 x " + (1 << s.resAw())
                                + " x 64 bit (context, round parity, index).",
                        "Issue (T0) addresses the memories; T1 selects the operand (buffer or zero point); T2 multiplies;",
                        "T3 accumulates / pools; the capture copies into the shadow registers; the drain selects one lane",
                        "per cycle (S1) into the requantiser (R1, R2), whose result is written "
                                + (s.rqExtra() == 0 ? "in the next cycle." : "after " + s.rqExtra() + " more stage(s)."))
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_stg_raddr", stgA, "T0: staging read address {context, index}"))
                .port(V.in("i_act_raddr", actA, "T0: activation read address {context, region, index}"))
                .port(V.in("i_t1_inside", 1, "T1: the tap is inside the input (else the zero point)"))
                .port(V.in("i_t1_src_stg", 1, "T1: the layer reads the staging buffer"))
                .port(V.in("i_t1_zin", ab, "T1: input zero point (padded taps)"))
                .port(V.in("i_w", 8 * u, "T2: weight word, lane u in bits 8u+7:8u"))
                .port(V.in("i_t2_in16", 1, "T2: int16 input layer"))
                .port(V.in("i_acc_mac", 1, "T3: a MAC tap accumulates"))
                .port(V.in("i_acc_pool", 1, "T3: a pool tap updates the pool unit"))
                .port(V.in("i_acc_first", 1, "T3: first tap of the group"))
                .port(V.in("i_acc_real", 1, "T3: pool tap inside the input (counts)"))
                .port(V.in("i_pool_max", 1, "T3: max pool (else average)"))
                .port(V.in("i_capture", 1, "copy accumulators and pool unit into the shadow registers"))
                .port(V.in("i_drain_lane", s.laneBits(), "S1: lane the drain reads"))
                .port(V.in("i_drain_pool", 1, "S1: the drained value comes from the pool unit"))
                .port(V.in("i_rq_mode", 3, "R1: requantiser mode"))
                .port(V.in("i_rq_bias", 64, "R1: folded bias"))
                .port(V.in("i_rq_m", 32, "R1: multiplier"))
                .port(V.in("i_rq_shr", 6, "R1: right shift"))
                .port(V.in("i_rq_shl", 5, "R1: left shift"))
                .port(V.in("i_rq_zout", 16, "R1: output zero point"))
                .port(V.in("i_rq_min", 16, "R1: act_min"))
                .port(V.in("i_rq_max", 16, "R1: act_max"))
                .port(V.in("i_act_we", 1, "write cycle: write the drained value to an activation region"))
                .port(V.in("i_act_waddr", actA, "activation write address {context, region, index}"))
                .port(V.in("i_res_we", 1, "write cycle: write the drained value to the result buffer"))
                .port(V.in("i_res_waddr", resA, "result write address {context, parity, index}"))
                .port(V.in("i_stg_we", 1, "loader: write a staged input sample"))
                .port(V.in("i_stg_waddr", stgA, "loader: staging write address {context, index}"))
                .port(V.in("i_stg_wdata", ab, "loader: the input-stage output"))
                .port(V.in("i_res_raddr", resA, "unloader: result read address {context, parity, index}"))
                .port(V.out("o_res_rdata", 64, "unloader: result read data (one cycle after the address)"))
                .port(V.out("o_clamp_lo", 1, "write cycle: the value was clamped at act_min"))
                .port(V.out("o_clamp_hi", 1, "write cycle: the value was clamped at act_max"));
        List<ModuleItem> it = new ArrayList<>();
        it.add(V.wire("rq_value", 64, "requantiser output"));
        it.add(V.wire("rq_clamp_lo", 1, "requantiser clamped low"));
        it.add(V.wire("rq_clamp_hi", 1, "requantiser clamped high"));
        it.addAll(V.delay("wr_value", 64, "rq_value", s.rqExtra() - s.rqCuts(), "the value written in the write cycle"));
        it.add(MemorySpec.builder("stg", Width.bits(ab), 2 << s.stgAw()).clock("i_clk")
                .comment("Input staging, contexts A and B (docs 3.1).")
                .write("i_stg_we", "i_stg_waddr", "i_stg_wdata").read("i_stg_raddr").build());
        it.add(MemorySpec.builder("act", Width.bits(ab), 4 << s.actAw()).clock("i_clk")
                .comment("Activation memory: regions 0/1 of contexts A/B (docs 3.1).")
                .write("i_act_we", "i_act_waddr", "wr_value[" + (ab - 1) + ":0]").read("i_act_raddr").build());
        it.add(MemorySpec.builder("res", Width.bits(64), 4 << s.resAw()).clock("i_clk")
                .comment("Result buffers: contexts A/B, two banks by round parity (docs 3.1).")
                .write("i_res_we", "i_res_waddr", "wr_value").read("i_res_raddr").build());
        it.add(V.assign("o_res_rdata", "res_rdata_r"));
        // operand
        it.add(V.reg("a_r", ab, "T1: the broadcast operand"));
        it.add(V.reg("a2_r", ab, "T2: operand for the pool unit"));
        it.add(V.ff("Operand select (docs 3.2): buffer value, or the zero point for a padded tap.",
                V.nb("a_r", "i_t1_inside ? (i_t1_src_stg ? stg_rdata_r : act_rdata_r) : i_t1_zin"),
                V.nb("a2_r", "a_r")));
        it.addAll(V.delay("pool_a", ab, "a2_r", s.productExtra(), "operand at stage T3"));
        // AU pairs
        it.add(V.wire("shadow_all", acc * u, "shadow registers, lane u in bits " + acc + "u+" + (acc - 1) + ":" + acc + "u"));
        it.add(GenerateFor.builder("g_pair", "j", "0", Integer.toString(u / 2))
                .comment("U/2 arithmetic-unit pairs sharing the operand.")
                .add(InstanceSpec.of(au, "u_au")
                        .connect("i_clk", "i_clk")
                        .connect("i_w_lo", "i_w[16*j +: 8]")
                        .connect("i_w_hi", "i_w[16*j+8 +: 8]")
                        .connect("i_a", "a_r")
                        .connect("i_in16", "i_t2_in16")
                        .connect("i_acc_en", "i_acc_mac")
                        .connect("i_acc_first", "i_acc_first")
                        .connect("i_capture", "i_capture")
                        .connect("o_shadow_lo", "shadow_all[" + acc + "*(2*j) +: " + acc + "]")
                        .connect("o_shadow_hi", "shadow_all[" + acc + "*(2*j+1) +: " + acc + "]")
                        .build())
                .build());
        // pool unit
        int pw = 24;
        it.add(V.wire("pool_x", pw, "operand, sign-extended"));
        it.add(V.assign("pool_x", V.sext("pool_a", ab, pw)));
        it.add(V.reg("pool_acc_r", pw, "pool unit: running max or sum"));
        it.add(V.reg("pool_cnt_r", 5, "pool unit: real taps"));
        it.add(V.reg("pool_sh_r", pw, "pool shadow: value"));
        it.add(V.reg("pool_shn_r", 5, "pool shadow: real taps"));
        it.add(V.ff("Pool unit (docs 3.4): reset at tap 0, update on real taps; captured with the accumulators.",
                V.when("i_acc_pool",
                        V.when("i_acc_first",
                                V.nb("pool_acc_r", "i_acc_real ? pool_x : i_pool_max ? {1'b1, " + (pw - 1) + "'d0} : "
                                        + V.lit(pw, 0)),
                                V.nb("pool_cnt_r", "{4'd0, i_acc_real}"))
                                .orElse(V.when("i_acc_real",
                                        V.nb("pool_acc_r", "!i_pool_max ? pool_acc_r + pool_x : "
                                                + "($signed(pool_x) > $signed(pool_acc_r)) ? pool_x : pool_acc_r"),
                                        V.nb("pool_cnt_r", "pool_cnt_r + 5'd1")))),
                V.when("i_capture", V.nb("pool_sh_r", "pool_acc_r"), V.nb("pool_shn_r", "pool_cnt_r"))));
        // drain stage S1
        it.add(V.comb("lane_value", acc, "shadow register of the drained lane"));
        Stmt.Case.Builder lane = Stmt.caseOf("i_drain_lane");
        for (int l = 0; l < u; l++) {
            lane.when(V.lit(s.laneBits(), l), V.bl("lane_value", "shadow_all[" + (acc * l + acc - 1) + ":" + (acc * l) + "]"));
        }
        if ((1 << s.laneBits()) != u) {
            lane.otherwise(V.bl("lane_value", V.lit(acc, 0)));
        }
        it.add(V.comb("Drain lane select.", lane.build()));
        it.add(V.reg("drain_v_r", 64, "S1: drained value, sign-extended"));
        it.add(V.reg("drain_n_r", 5, "S1: pool count"));
        it.add(V.ff("Drain stage S1.",
                V.nb("drain_v_r", "i_drain_pool ? " + V.sext("pool_sh_r", pw, 64) + " : " + V.sext("lane_value", acc, 64)),
                V.nb("drain_n_r", "pool_shn_r")));
        it.add(InstanceSpec.of(requant, "u_requant")
                .connect("i_clk", "i_clk")
                .connect("i_mode", "i_rq_mode")
                .connect("i_value", "drain_v_r")
                .connect("i_bias", "i_rq_bias")
                .connect("i_m", "i_rq_m")
                .connect("i_shr", "i_rq_shr")
                .connect("i_shl", "i_rq_shl")
                .connect("i_count", "drain_n_r")
                .connect("i_zout", "i_rq_zout")
                .connect("i_min", "i_rq_min")
                .connect("i_max", "i_rq_max")
                .connect("o_value", "rq_value")
                .connect("o_clamp_lo", "rq_clamp_lo")
                .connect("o_clamp_hi", "rq_clamp_hi")
                .comment("Requantiser of the drain path (docs 3.5).")
                .build());
        it.addAll(V.delay("wr_clamp", 2, "{rq_clamp_hi, rq_clamp_lo}", s.rqExtra() - s.rqCuts(), "clamp flags in the write cycle"));
        it.add(V.assign("o_clamp_lo", "wr_clamp[0]"));
        it.add(V.assign("o_clamp_hi", "wr_clamp[1]"));
        return m.add(it).build();
    }
}
