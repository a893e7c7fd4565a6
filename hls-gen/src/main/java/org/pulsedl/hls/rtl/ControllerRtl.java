package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.verilog.CommentBlock;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;

/**
 * The controller (docs/accelerator.md §4.4, {@code ArraySimulator.controller}): walks round > layer > context A/B >
 * position > group > tap, one tap per cycle when the start rules of §5 allow, computes each tap's buffer and weight
 * addresses, and sends the tap down the T1-T3 pipeline broadcast to the PEs. Also run control, the error code and the
 * bookkeeping of the start rules (pending segments, staging free, rounds unloaded).
 */
final class ControllerRtl {
    /** The layer decode's products of the unpipelined controller. */
    static final List<DescriptorProduct> DESCRIPTOR_PRODUCTS = List.of(
            new DescriptorProduct("kc", "i_desc_inch", 16, "i_desc_k", 8, 16, "K * C_in (mod 2^16)"),
            new DescriptorProduct("pc", "i_desc_inch", 16, "i_desc_pad", 8, 24, "pad_left * C_in"),
            new DescriptorProduct("sc", "i_desc_inch", 16, "i_desc_s", 8, 24, "S * C_in"));

    private final RtlShape s;
    private final ModuleSpec.Builder m;
    private final List<ModuleItem> it = new ArrayList<>();
    /** Compare values of the loop nest: computed here, or registered by the layer decode (pipelined). */
    private String tapsM1 = "taps - 16'd1";
    private String groupsM1 = "groups - 16'd1";
    private String outlenM1 = "i_desc_outlen - 16'd1";
    private String inchM1 = "i_desc_inch - 16'd1";
    private String gapOk = "~has_prev_r | (({9'd0, since_last_r} + {1'b0, taps}) >= {10'd0, prev_drains_r})";

    private ControllerRtl(RtlShape s) {
        this.s = s;
        this.m = ModuleSpec.builder(s.name("controller"));
    }

    static ModuleSpec module(RtlShape s) {
        return new ControllerRtl(s).build();
    }

    private ModuleSpec build() {
        int vb = s.peBits() + 1;
        m.header(s.name("controller") + ": the loop nest of docs/accelerator.md section 4.4 under the start rules of"
                        + " section 5, and the tap pipeline.",
                "Mirrors ArraySimulator.controller; state resets while stopped.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_rst", 1, "synchronous reset, active high"))
                .port(V.in("i_start", 1, "CTRL.start: run in stream mode while high"))
                .port(V.in("i_stop", 1, "CTRL.stop: start no new round"))
                .port(V.in("i_clear", 1, "clear the error code (pulse)"))
                .port(V.in("i_prog_we", 1, "program write (an error while running)"))
                .port(V.in("i_hdr_magic_ok", 1, "header: h0 is the magic word"))
                .port(V.in("i_hdr_layers", 8, "header: descriptors"));
        for (ProgramRtl.LayerField f : ProgramRtl.LAYER_FIELDS) {
            m.port(V.in("i_desc_" + f.name(), f.bits(), "layer: " + f.meaning()));
        }
        m.port(V.in("i_staged_a", vb, "loader: context A windows staged for the next round"))
                .port(V.in("i_staged_b", vb, "loader: context B windows staged for the next round"))
                .port(V.in("i_in_empty", 1, "loader: no complete window in the input FIFO"))
                .port(V.in("i_feeding", 1, "loader: a window is entering the input stage"))
                .port(V.in("i_in_busy", 1, "loader: samples in the input stage"))
                .port(V.in("i_window_start", 1, "loader: starts filling a slot"))
                .port(V.in("i_fill_round", 16, "loader: round it fills"))
                .port(V.in("i_fill_ctx", 1, "loader: context it fills"))
                .port(V.in("i_fill_pe", s.peBits(), "loader: PE it fills"))
                .port(V.in("i_seg_written", 1, "drain: a segment's last write lands"))
                .port(V.in("i_seg_ctx", 1, "drain: context of that segment"))
                .port(V.in("i_seg_to_results", 1, "drain: that segment is the last layer's"))
                .port(V.in("i_round_unloaded", 1, "unloader: the last word of a round is pushed"))
                .port(V.out("o_running", 1, "streaming"))
                .port(V.out("o_error", 8, "error code: 1 BAD_PROGRAM, 2 BAD_OPCODE, 4 WRITE_WHILE_RUNNING"))
                .port(V.out("o_cycle", 32, "cycles since streaming started (trace)"))
                .port(V.out("o_round_start", 1, "a round's first tap issues this cycle"))
                .port(V.out("o_in_round", 1, "a round is in progress"))
                .port(V.out("o_all_unloaded", 1, "no round in progress and every started round unloaded (a stop may"
                        + " complete)"))
                .port(s.pipelinedControl()
                        ? V.out("o_idle_tap", 1, "a cycle ago: a round was in progress and no tap issued (counter)")
                        : V.out("o_issue", 1, "a tap issues this cycle"))
                .port(V.out("o_round", 16, "the round being computed"))
                .port(V.out("o_layer", 8, "the layer being computed"))
                .port(V.out("o_stg_free", 2, "staging buffer of context A/B free for the loader"))
                .port(V.out("o_results_ready", 8, "last-layer segments written (result records complete)"))
                .port(V.out("o_weight_addr", s.weightAw(), "T0: weight word of the tap"))
                .port(V.out("o_stg_raddr", s.stgAw() + 1, "T0: staging read address {context, index}"))
                .port(V.out("o_act_raddr", s.actAw() + 2, "T0: activation read address {context, region, index}"));
        decode();
        loopNest();
        runControl();
        tapPipeline();
        return m.add(V.declarationsFirst(it)).build();
    }

    // ---------------------------------------------------------------------------------------------------------
    /** Quantities of the current layer derived from its descriptor. */
    private void decode() {
        if (s.pipelinedControl()) {
            decodeFromRegisters();
        } else {
            it.add(CommentBlock.of("Layer decode: products of descriptor fields in fabric (every DSP48 is a MAC)."));
            DESCRIPTOR_PRODUCTS.forEach(d -> it.addAll(d.rows()));
            it.add(V.wire("is_mac", 1, "Conv1D or Dense"));
            it.add(V.wire("bad_opcode", 1, "opcode is not 1-4"));
            it.add(V.wire("taps", 16, "F, taps per group: K * C_in, or the pool size"));
            it.add(V.wire("groups", 16, "groups per position: lane groups, or channels for pools"));
            it.add(V.wire("lanes_used", 7, "lanes used: U, or U/2 for int16 inputs with packing alone"));
            it.add(V.assign("is_mac", "(i_desc_op == 4'd1) | (i_desc_op == 4'd2)"));
            it.add(V.assign("bad_opcode", "(i_desc_op == 4'd0) | (i_desc_op > 4'd4)"));
            it.add(V.assign("taps", "is_mac ? kc_p : {8'd0, i_desc_k}"));
            it.add(V.assign("groups", "is_mac ? i_desc_groups : i_desc_outch"));
        }
        if (s.pipelinedControl()) {
            it.add(V.wire("lanes_used", 7, "lanes used: U, or U/2 for int16 inputs with packing alone"));
        }
        it.add(V.assign("lanes_used", s.int16HalfLanes()
                ? "i_desc_in16 ? " + V.lit(7, s.u() / 2) + " : " + V.lit(7, s.u()) : V.lit(7, s.u())));
    }

    /**
     * The pipelined controller's decode: fields, products and compare values arrive registered (LayerDecodeRtl), so
     * the loop nest's decisions start from registers; i_desc_ok gates a new layer's first group and a round's start.
     */
    private void decodeFromRegisters() {
        it.add(CommentBlock.of("Layer decode: registered fields, products and compare values from the layer-decode"
                + " unit."));
        m.port(V.in("i_desc_ok", 1, "layer decode: the fields belong to the current layer"));
        for (String[] p : LayerDecodeRtl.products()) {
            m.port(V.in("i_desc_" + p[0], Integer.parseInt(p[1]), "layer decode: " + p[2]));
        }
        it.add(V.wire("pc_p", 24, "pad_left * C_in"));
        it.add(V.wire("sc_p", 24, "S * C_in"));
        it.add(V.wire("is_mac", 1, "Conv1D or Dense"));
        it.add(V.wire("bad_opcode", 1, "opcode is not 1-4"));
        it.add(V.wire("unused_desc", 1, "fields only the layer decode's compare values use"));
        it.add(V.assign("pc_p", "i_desc_pc"));
        it.add(V.assign("sc_p", "i_desc_sc"));
        it.add(V.assign("is_mac", "i_desc_is_mac"));
        it.add(V.assign("bad_opcode", "i_desc_bad_op"));
        it.add(V.assign("unused_desc", "&{1'b0, i_desc_k, i_desc_groups, i_desc_outlen}"));
        tapsM1 = "i_desc_taps_m1";
        groupsM1 = "i_desc_groups_m1";
        outlenM1 = "i_desc_outlen_m1";
        inchM1 = "i_desc_inch_m1";
        // rule 1 from a register (rulesAhead): the gap test's add and compare are off the issue path
        gapOk = "gap_r";
    }

    // ---------------------------------------------------------------------------------------------------------
    private void loopNest() {
        int aa = s.actAw();
        int sa = s.stgAw();
        int vb = s.peBits() + 1;
        it.add(CommentBlock.of("Loop nest (docs 4.4): the counters, as in ArraySimulator (cr, ci, cx, co, cg, cf)."));
        it.add(V.reg("running_r", 1, "streaming"));
        it.add(V.reg("cycle_r", 32, "cycles since start"));
        it.add(V.reg("round_r", 16, "round (cr)"));
        it.add(V.reg("layer_r", 8, "layer (ci)"));
        it.add(V.reg("ctx_r", 1, "context, 0 A, 1 B (cx)"));
        it.add(V.reg("pos_r", 16, "output position (co)"));
        it.add(V.reg("group_r", 16, "group: lane group or pool channel (cg)"));
        it.add(V.reg("tap_r", 16, "tap within the group (cf)"));
        it.add(V.reg("chan_r", 16, "MAC tap: input channel"));
        it.add(V.reg("kidx_r", 8, "tap: kernel index"));
        it.add(V.reg("row_r", 32, "tap: input position * C_in"));
        it.add(V.reg("pos_base_r", 32, "o * S - pad_left"));
        it.add(V.reg("row_base_r", 32, "(o * S - pad_left) * C_in"));
        it.add(V.reg("waddr_r", 24, "weight address of the next tap"));
        it.add(V.reg("ch0_r", 16, "first output channel of the group"));
        it.add(V.reg("out_base_r", 16, "o * C_out"));
        it.add(V.reg("in_round_r", 1, "a round is in progress"));
        it.add(V.reg("has_prev_r", 1, "a group has issued before"));
        it.add(V.reg("since_last_r", 8, "cycles since the last group's last tap (saturates)"));
        it.add(V.reg("prev_drains_r", 7, "values the last group drains"));
        it.add(V.reg("stg_free_r", 2, "staging of A/B free for the loader"));
        it.add(CommentBlock.of("Start rules (section 5) and this cycle's tap."));
        it.add(V.wire("seg_start", 1, "first tap of a layer segment"));
        it.add(V.wire("grp_start", 1, "first tap of a group"));
        it.add(V.wire("gap_ok", 1, "rule 1: the shadow register has drained far enough"));
        it.add(V.wire("dep_ok", 1, "rule 2: the layer before (same context) is written"));
        it.add(V.wire("unl_ok", 1, "rule 3b: round r-2 is unloaded"));
        it.add(V.wire("full", 1, "rule 3a: both contexts hold P windows"));
        it.add(V.wire("flush", 1, "rule 3a: partial round"));
        it.add(V.wire("may_start", 1, "the next group may start"));
        it.add(V.wire("issue", 1, "a tap issues this cycle"));
        it.add(V.wire("start_round", 1, "the round's first tap issues"));
        it.add(V.wire("bad_op", 1, "the next layer has an illegal opcode"));
        it.add(V.wire("eff_pos_base", 32, "o*S - pad of this tap"));
        it.add(V.wire("eff_row_base", 32, "row base of this tap"));
        it.add(V.wire("eff_row", 32, "row of this tap"));
        it.add(V.wire("eff_chan", 16, "input channel of this tap"));
        it.add(V.wire("eff_kidx", 8, "kernel index of this tap"));
        it.add(V.wire("eff_waddr", 24, "weight address of this tap"));
        it.add(V.wire("eff_ch0", 16, "first channel of this group"));
        it.add(V.wire("eff_out_base", 16, "o * C_out of this tap"));
        it.add(V.wire("tap_pos", 32, "input position of this tap"));
        if (!s.pipelinedControl()) {
            it.add(V.wire("tap_in", 1, "0 <= tap_pos < in_len"));   // pipelined: at T1 (tapPipeline)
        }
        it.add(V.wire("tap_addr", 32, "buffer index of this tap"));
        it.add(V.wire("last_tap", 1, "last tap of the group"));
        it.add(V.wire("last_group", 1, "last group of the position"));
        it.add(V.wire("last_pos", 1, "last position of the segment"));
        it.add(V.wire("seg_end", 1, "last tap of the segment"));
        if (!s.pipelinedControl()) {           // pipelined: kept in rem_r (rulesAhead)
            it.add(V.wire("rem_ch", 16, "channels from ch0 on"));
        }
        it.add(V.wire("group_drains", 7, "values this group drains"));
        it.add(V.wire("last_layer", 1, "the layer is the last"));
        it.add(V.assign("seg_start", s.pipelinedControl() ? "seg0_r"
                : "(pos_r == 16'd0) & (group_r == 16'd0) & (tap_r == 16'd0)"));
        it.add(V.assign("grp_start", s.pipelinedControl() ? "tap0_r" : "tap_r == 16'd0"));
        it.add(V.assign("gap_ok", gapOk));
        it.add(V.assign("dep_ok", "(ctx_r ? pending_b_r : pending_a_r) == 3'd0"));
        it.add(V.assign("unl_ok", s.pipelinedControl() ? "unl_ok_r" : "(round_r - rounds_unloaded_r) <= 16'd1"));
        it.add(V.assign("full", "(i_staged_a == " + V.lit(vb, s.p()) + ") & (i_staged_b == " + V.lit(vb, s.p())
                + ")"));
        it.add(V.assign("flush", "i_in_empty & ~i_feeding & ~i_in_busy & (i_staged_a != " + V.lit(vb, 0) + ")"));
        it.add(V.assign("may_start", "gap_ok & ((seg_start & (layer_r != 8'd0)) ? "
                + (s.pipelinedControl() ? "(dep_ok & i_desc_ok)" : "dep_ok") + " : (~in_round_r ? (unl_ok"
                + " & (full | flush) & ~i_stop" + (s.pipelinedControl() ? " & i_desc_ok" : "") + ") : 1'b1))"));
        it.add(V.assign("bad_op", "running_r & seg_start & bad_opcode & may_start"));
        it.add(V.assign("issue", "running_r & (" + (s.pipelinedControl() ? "~tap0_r" : "(tap_r != 16'd0)")
                + " | may_start) & ~(seg_start & bad_opcode)"));
        it.add(V.assign("start_round", "issue & ~in_round_r"));
        it.add(V.assign("eff_pos_base", "seg_start ? 32'd0 - {24'd0, i_desc_pad} : pos_base_r"));
        it.add(V.assign("eff_row_base", "seg_start ? 32'd0 - {8'd0, pc_p} : row_base_r"));
        it.add(V.assign("eff_row", "grp_start ? eff_row_base : row_r"));
        it.add(V.assign("eff_chan", "grp_start ? 16'd0 : chan_r"));
        it.add(V.assign("eff_kidx", "grp_start ? 8'd0 : kidx_r"));
        it.add(V.assign("eff_waddr", "seg_start ? i_desc_wbase : waddr_r"));
        it.add(V.assign("eff_ch0", "(group_r == 16'd0) ? 16'd0 : ch0_r"));
        it.add(V.assign("eff_out_base", "seg_start ? 16'd0 : out_base_r"));
        it.add(V.assign("tap_pos", "eff_pos_base + {24'd0, eff_kidx}"));
        if (!s.pipelinedControl()) {
            it.add(V.assign("tap_in", "~tap_pos[31] & (tap_pos < {16'd0, i_desc_inlen})"));
        }
        it.add(V.assign("tap_addr", "eff_row + {16'd0, is_mac ? eff_chan : group_r}"));
        it.add(V.assign("last_tap", "tap_r == " + tapsM1));
        it.add(V.assign("last_group", "group_r == " + groupsM1));
        it.add(V.assign("last_pos", "pos_r == " + outlenM1));
        it.add(V.assign("seg_end", "last_tap & last_group & last_pos"));
        if (!s.pipelinedControl()) {           // pipelined: from a register (rulesAhead)
            it.add(V.assign("rem_ch", "i_desc_outch - eff_ch0"));
            it.add(V.assign("group_drains", "~is_mac ? 7'd1 : (rem_ch < {9'd0, lanes_used}) ? rem_ch[6:0]"
                    + " : lanes_used"));
        }
        it.add(V.assign("last_layer", "layer_r == i_hdr_layers - 8'd1"));
        tapAddress("o_stg_raddr", sa + 1, "{ctx_r, tap_addr[" + (sa - 1) + ":0]}", "staging read address");
        tapAddress("o_act_raddr", aa + 2, "{ctx_r, i_desc_src == 2'd2, tap_addr[" + (aa - 1) + ":0]}",
                "activation read address");
        tapAddress("o_weight_addr", s.weightAw(), V.slice("eff_waddr", s.weightAw() - 1, 0), "weight address");
        it.add(V.wire("unused_addr", 1, "address bits above the buffers and the weight memory"));
        it.add(V.assign("unused_addr", "&{1'b0, tap_addr, eff_waddr}"));

        List<Stmt> rst = List.of(
                V.nb("round_r", "16'd0"), V.nb("layer_r", "8'd0"), V.nb("ctx_r", "1'b0"), V.nb("pos_r", "16'd0"),
                V.nb("group_r", "16'd0"), V.nb("tap_r", "16'd0"), V.nb("chan_r", "16'd0"), V.nb("kidx_r", "8'd0"),
                V.nb("row_r", "32'd0"), V.nb("pos_base_r", "32'd0"), V.nb("row_base_r", "32'd0"),
                V.nb("waddr_r", "24'd0"), V.nb("ch0_r", "16'd0"), V.nb("out_base_r", "16'd0"),
                V.nb("in_round_r", "1'b0"), V.nb("has_prev_r", "1'b0"), V.nb("since_last_r", "8'hff"),
                V.nb("prev_drains_r", "7'd0"), V.nb("stg_free_r", "2'b11"), V.nb("cycle_r", "32'd0"));
        Stmt tapAdvance = V.when("is_mac",
                V.when("eff_chan == " + inchM1, V.nb("chan_r", "16'd0"), V.nb("kidx_r", "eff_kidx + 8'd1"),
                        V.nb("row_r", "eff_row + {16'd0, i_desc_inch}"))
                        .orElse(V.nb("chan_r", "eff_chan + 16'd1"), V.nb("kidx_r", "eff_kidx"), V.nb("row_r", "eff_row")))
                .orElse(V.nb("chan_r", "16'd0"), V.nb("kidx_r", "eff_kidx + 8'd1"),
                        V.nb("row_r", "eff_row + {16'd0, i_desc_inch}"));
        Stmt segEnd = V.when("last_pos",
                        V.nb("pos_r", "16'd0"), V.nb("ctx_r", "~ctx_r"),
                        V.when("ctx_r", V.nb("layer_r", "last_layer ? 8'd0 : layer_r + 8'd1")),
                        V.when("ctx_r & last_layer", V.nb("round_r", "round_r + 16'd1"), V.nb("in_round_r", "1'b0")))
                .orElse(V.nb("pos_r", "pos_r + 16'd1"), V.nb("pos_base_r", "eff_pos_base + {24'd0, i_desc_s}"),
                        V.nb("row_base_r", "eff_row_base + {8'd0, sc_p}"),
                        V.nb("out_base_r", "eff_out_base + i_desc_outch"));
        Stmt groupEnd = V.when("last_group", V.nb("group_r", "16'd0"), V.nb("waddr_r", "i_desc_wbase"), segEnd)
                .orElse(V.nb("group_r", "group_r + 16'd1"), V.nb("ch0_r", "eff_ch0 + {9'd0, lanes_used}"));
        String sinceNext = "(since_last_r == 8'hff) ? since_last_r : since_last_r + 8'd1";
        Stmt onIssue = V.when("issue",
                V.nb("tap_r", "last_tap ? 16'd0 : tap_r + 16'd1"),
                V.nb("pos_base_r", "eff_pos_base"), V.nb("row_base_r", "eff_row_base"),
                V.nb("out_base_r", "eff_out_base"), V.nb("ch0_r", "eff_ch0"), V.nb("waddr_r", "eff_waddr + 24'd1"),
                tapAdvance,
                V.when("start_round", V.nb("in_round_r", "1'b1")),
                V.when("last_tap", V.nb("since_last_r", "8'd0"), V.nb("prev_drains_r", "group_drains"),
                        V.nb("has_prev_r", "1'b1"), groupEnd)
                        .orElse(V.nb("since_last_r", sinceNext)))
                .orElse(V.nb("since_last_r", sinceNext));
        List<Stmt> run = new ArrayList<>();
        if (s.pipelinedControl()) {
            rst = new ArrayList<>(rst);
            rulesAhead(rst, run, sinceNext);
        }
        run.add(V.nb("cycle_r", "cycle_r + 32'd1"));
        run.add(onIssue);
        run.add(V.when("issue & seg_end & (layer_r == 8'd0)", V.nb("stg_free_r[ctx_r]", "1'b1")));
        run.add(V.when("start_round & (i_fill_round == round_r)", V.nb("stg_free_r", "2'b00")));
        run.add(V.when("i_window_start & (i_fill_pe == " + V.lit(s.peBits(), s.p() - 1) + ")",
                V.nb("stg_free_r[i_fill_ctx]", "1'b0")));
        it.add(V.ff("Controller: walks the loop nest, one tap per cycle when the start rules allow.",
                V.when("i_rst | ~running_r", rst.toArray(Stmt[]::new)).orElse(run.toArray(Stmt[]::new))));
        it.add(V.assign("o_round_start", "start_round"));
        it.add(V.assign("o_in_round", "in_round_r"));
        if (s.pipelinedControl()) {
            // the events other units act on leave from registers: the nets to the loader and the counters are long
            m.port(V.out("o_round_started", 1, "a round's first tap issued in the previous cycle"));
            it.add(V.reg("round_started_r", 1, "a round's first tap issued in the previous cycle"));
            it.add(V.reg("idle_tap_r", 1, "a round was in progress and no tap issued, a cycle ago"));
            it.add(V.ff("Registered events for the loader and the counters.",
                    V.nb("round_started_r", "start_round & ~i_rst"), V.nb("idle_tap_r", "in_round_r & ~issue & ~i_rst")));
            it.add(V.assign("o_round_started", "round_started_r"));
            it.add(V.assign("o_idle_tap", "idle_tap_r"));
        } else {
            it.add(V.assign("o_issue", "issue"));
        }
        it.add(V.assign("o_round", "round_r"));
        it.add(V.assign("o_layer", "layer_r"));
        it.add(V.assign("o_stg_free", "stg_free_r"));
        it.add(V.assign("o_cycle", "cycle_r"));
    }

    /**
     * The pipelined controller's rules 1 and 3b and the drain count from registers, each computed a cycle early from
     * the values the loop nest and the layer decode will hold then ({@code i_desc_next_*}, the decode's stage-4
     * inputs), so the gap test's add and compare, the rounds' subtract and the group's channel subtract are off the
     * may_start → issue path. {@code gap_r} equals {@code ~has_prev | since_last + F >= prev_drains}, {@code unl_ok_r}
     * {@code round - rounds_unloaded <= 1}, and {@code rem_r} the head group's {@code out_ch - ch0} (kept by
     * subtracting the lanes at each group's end, reloaded with {@code out_ch} at group 0), in every cycle a tap may
     * issue; while the decode is not valid the first and last may differ (no group starts then). Each is chosen among
     * candidates by this cycle's events at the end, so issue's logic does not run in front of the arithmetic.
     */
    private void rulesAhead(List<Stmt> rst, List<Stmt> run, String sinceNext) {
        // the loop position's zero tests (48 bits) as flags: tap, group and position only count up from 0 to their
        // last value, so the next flags follow from this cycle's issue and last-tap/group/position decisions
        it.add(V.reg("tap0_r", 1, "tap_r == 0: the head tap starts a group"));
        it.add(V.reg("seg0_r", 1, "pos_r, group_r and tap_r all 0: the head tap starts a segment"));
        rst.add(V.nb("tap0_r", "1'b1"));
        rst.add(V.nb("seg0_r", "1'b1"));
        run.add(V.when("issue", V.nb("tap0_r", "last_tap"), V.nb("seg0_r", "seg_end")));
        it.add(V.reg("unl_ok_r", 1, "rule 3b: round - rounds_unloaded <= 1"));
        it.add(V.wire("round_inc", 1, "the round's last tap issues: round_r counts"));
        it.add(V.wire("unl_same", 1, "rule 3b next cycle: both counts move or neither"));
        it.add(V.wire("unl_round", 1, "rule 3b next cycle: only the round counts"));
        it.add(V.wire("unl_unloaded", 1, "rule 3b next cycle: only a round is unloaded"));
        it.add(V.assign("round_inc", "issue & seg_end & ctx_r & last_layer"));
        it.add(V.assign("unl_same", "(round_r - rounds_unloaded_r) <= 16'd1"));
        it.add(V.assign("unl_round", "(round_r + 16'd1 - rounds_unloaded_r) <= 16'd1"));
        it.add(V.assign("unl_unloaded", "(round_r - rounds_unloaded_r - 16'd1) <= 16'd1"));
        rst.add(V.nb("unl_ok_r", "1'b1"));
        run.add(V.nb("unl_ok_r", "round_inc ? (i_round_unloaded ? unl_same : unl_round)"
                + " : (i_round_unloaded ? unl_unloaded : unl_same)"));
        it.add(V.reg("gap_r", 1, "rule 1 holds: ~has_prev | since_last + F >= prev_drains"));
        it.add(V.reg("rem_r", 16, "channels from the head group's ch0 on: out_ch - ch0"));
        it.add(V.reg("g0_r", 1, "the head group is a position's first (group_r == 0)"));
        it.add(V.wire("gap_after", 1, "rule 1 in the cycle after a group's last tap"));
        it.add(V.wire("gap_hold", 1, "rule 1 in the next cycle, no group ending"));
        it.add(V.assign("group_drains", "~is_mac ? 7'd1 : ((rem_r[15:7] == 9'd0) & (rem_r[6:0] < lanes_used))"
                + " ? rem_r[6:0] : lanes_used"));
        // F saturated at 128, more than any group drains: the 9-bit sum decides as the 17-bit one does
        it.add(V.assign("gap_after", "{1'b0, i_desc_next_gap_taps} >= {2'd0, group_drains}"));
        it.add(V.assign("gap_hold", "~has_prev_r | (({1'b0, (" + sinceNext + ")} + {1'b0, i_desc_next_gap_taps})"
                + " >= {2'd0, prev_drains_r})"));
        rst.add(V.nb("gap_r", "1'b1"));
        rst.add(V.nb("g0_r", "1'b1"));
        rst.add(V.nb("rem_r", "i_desc_next_outch"));
        run.add(V.nb("gap_r", "(issue & last_tap) ? gap_after : gap_hold"));
        run.add(V.when("issue & last_tap",
                        V.nb("g0_r", "last_group"),
                        V.nb("rem_r", "last_group ? i_desc_next_outch : rem_r - {9'd0, lanes_used}"))
                .orElse(V.when("g0_r", V.nb("rem_r", "i_desc_next_outch"))));
    }

    /**
     * A T0 address to the memories: combinational, or with the pipelined controller from a register (the T0
     * register), so the address arithmetic and the nets fanning out to P PEs' block RAMs get a cycle each.
     */
    private void tapAddress(String port, int bits, String expr, String what) {
        if (s.tapFront() == 0) {
            it.add(V.assign(port, expr));
            return;
        }
        String r = "t0" + port.substring(1) + "_r";
        it.add(V.reg(r, bits, "T0 register: " + what));
        it.add(V.ff("T0 register: " + what + ".", V.nb(r, expr)));
        it.add(V.assign(port, r));
    }

    // ---------------------------------------------------------------------------------------------------------
    private void runControl() {
        it.add(CommentBlock.of("Run control, error code, pending segments (rule 2), unload progress (rule 3b)."));
        it.add(V.reg("err_r", 8, "error code"));
        it.add(V.reg("pending_a_r", 3, "context A segments issued, not written"));
        it.add(V.reg("pending_b_r", 3, "context B segments issued, not written"));
        it.add(V.reg("rounds_unloaded_r", 16, "rounds fully unloaded"));
        it.add(V.reg("results_ready_r", 8, "last-layer segments written"));
        it.add(V.wire("pend_inc_a", 1, "a context-A segment finishes issuing"));
        it.add(V.wire("pend_inc_b", 1, "a context-B segment finishes issuing"));
        it.add(V.wire("pend_dec_a", 1, "a context-A segment's last write lands"));
        it.add(V.wire("pend_dec_b", 1, "a context-B segment's last write lands"));
        it.add(V.assign("pend_inc_a", "issue & seg_end & ~ctx_r"));
        it.add(V.assign("pend_inc_b", "issue & seg_end & ctx_r"));
        it.add(V.assign("pend_dec_a", "i_seg_written & ~i_seg_ctx"));
        it.add(V.assign("pend_dec_b", "i_seg_written & i_seg_ctx"));
        it.add(V.ff("Run control, errors, pending segments, unload progress.",
                V.when("i_rst",
                        V.nb("running_r", "1'b0"), V.nb("err_r", "8'd0"), V.nb("pending_a_r", "3'd0"),
                        V.nb("pending_b_r", "3'd0"), V.nb("rounds_unloaded_r", "16'd0"),
                        V.nb("results_ready_r", "8'd0"))
                .orElse(
                        V.when("~running_r",
                                V.nb("pending_a_r", "3'd0"), V.nb("pending_b_r", "3'd0"),
                                V.nb("rounds_unloaded_r", "16'd0"), V.nb("results_ready_r", "8'd0"),
                                V.when("i_start & (err_r == 8'd0)",
                                        V.when("i_hdr_magic_ok & (i_hdr_layers != 8'd0)", V.nb("running_r", "1'b1"))
                                                .orElse(V.nb("err_r", "8'd1")))),
                        V.when("running_r",
                                V.when("~i_start", V.nb("running_r", "1'b0")),
                                V.when("bad_op", V.nb("err_r", "8'd2"), V.nb("running_r", "1'b0")),
                                V.nb("pending_a_r", "pending_a_r + {2'd0, pend_inc_a} - {2'd0, pend_dec_a}"),
                                V.nb("pending_b_r", "pending_b_r + {2'd0, pend_inc_b} - {2'd0, pend_dec_b}"),
                                V.when("i_seg_written & i_seg_to_results",
                                        V.nb("results_ready_r", "results_ready_r + 8'd1")),
                                V.when("i_round_unloaded", V.nb("rounds_unloaded_r", "rounds_unloaded_r + 16'd1"))),
                        V.when("i_prog_we & running_r", V.nb("err_r", "8'd4")),
                        V.when("i_clear & ~running_r", V.nb("err_r", "8'd0")))));
        it.add(V.assign("o_running", "running_r"));
        it.add(V.assign("o_error", "err_r"));
        it.add(V.assign("o_results_ready", "results_ready_r"));
        it.add(V.assign("o_all_unloaded", "~in_round_r & (round_r == rounds_unloaded_r)"));
    }

    // ---------------------------------------------------------------------------------------------------------
    /** T1 operand select, T2 multiply, T3 accumulate, capture (docs 3.2, 3.3); the group's identity rides along. */
    private void tapPipeline() {
        Bundle group = GroupInfo.layout();
        int gw = group.width();
        m.port(V.out("o_t1_inside", 1, "T1: the tap is inside the input (else the zero point)"))
                .port(V.out("o_t1_src_stg", 1, "T1: the layer reads the staging buffer"))
                .port(V.out("o_t1_zin", s.ab(), "T1: input zero point (padded taps)"))
                .port(V.out("o_t2_in16", 1, "T2: int16 input layer"))
                .port(V.out("o_acc_mac", 1, "T3: a MAC tap accumulates"))
                .port(V.out("o_acc_pool", 1, "T3: a pool tap updates the pool unit"))
                .port(V.out("o_acc_first", 1, "T3: first tap of the group"))
                .port(V.out("o_acc_real", 1, "T3: pool tap inside the input (counts)"))
                .port(V.out("o_pool_max", 1, "T3: max pool (else average)"))
                .port(V.out("o_capture", 1, "capture: the last tap accumulated in the previous cycle"))
                .port(V.out("o_cap_group", gw, "the captured group (GroupInfo) for the drain"));
        it.add(CommentBlock.of("Tap pipeline (docs 3.2, 3.3): T1 operand select, T2 multiply, T3 accumulate, capture."));
        Map<String, String> g = new LinkedHashMap<>();
        g.put("seglast", "seg_end");
        g.put("ctx", "ctx_r");
        g.put("rpar", "round_r[0]");
        g.put("dst", "i_desc_dst");
        g.put("mode", "is_mac ? {1'b0, i_desc_rq} : (i_desc_op == 4'd3) ? 3'd4 : 3'd5");
        g.put("spread", s.int16HalfLanes() ? "i_desc_in16" : "1'b0");
        g.put("n", "group_drains");
        g.put("pidx", "i_desc_pbase + eff_ch0");
        g.put("waddr", "eff_out_base + (is_mac ? eff_ch0 : group_r)");
        g.put("zout", "i_desc_zout");
        g.put("amin", "i_desc_amin");
        g.put("amax", "i_desc_amax");
        it.add(V.reg("t1_ctl_r", 8, "T1: {valid, mac, first, last, in16, inside, src_stg, max}"));
        it.add(V.reg("t1_zin_r", s.ab(), "T1: zero point of padded taps"));
        it.add(V.reg("t1_grp_r", gw, "T1: group information for the drain"));
        it.add(V.reg("t2_ctl_r", 8, "T2: control"));
        it.add(V.reg("t2_grp_r", gw, "T2: group information"));
        String ctl = "{issue, is_mac, grp_start, last_tap, i_desc_in16, tap_in, i_desc_src == 2'd0, i_desc_op == 4'd3}";
        String zin = "i_desc_zin[" + (s.ab() - 1) + ":0]";
        String grp = group.pack(g);
        if (s.tapFront() > 0) {
            // the T0 register: the tap's controls wait a cycle with its addresses (tapAddress)
            it.add(V.reg("t0_ctl_r", 7, "T0 register: control but the inside test"));
            it.add(V.reg("t0_pos_r", 32, "T0 register: input position of the tap"));
            it.add(V.reg("t0_zin_r", s.ab(), "T0 register: zero point"));
            it.add(V.reg("t0_grp_r", gw, "T0 register: group information"));
            // the inside test (a 32-bit compare after the position's add) waits for T1: the decode still holds the
            // tap's layer then (its outputs follow the layer index a cycle later)
            it.add(V.ff("T0 register: the tap's controls.",
                    V.nb("t0_ctl_r", "{issue, is_mac, grp_start, last_tap, i_desc_in16, i_desc_src == 2'd0,"
                            + " i_desc_op == 4'd3}"),
                    V.nb("t0_pos_r", "tap_pos"), V.nb("t0_zin_r", zin),
                    V.nb("t0_grp_r", grp)));
            ctl = "{t0_ctl_r[6:2], ~t0_pos_r[31] & (t0_pos_r < {16'd0, i_desc_inlen}), t0_ctl_r[1:0]}";
            zin = "t0_zin_r";
            grp = "t0_grp_r";
        }
        it.add(V.ff("Tap pipeline registers.",
                V.nb("t1_ctl_r", ctl),
                V.nb("t1_zin_r", zin),
                V.nb("t1_grp_r", grp),
                V.nb("t2_ctl_r", "t1_ctl_r"), V.nb("t2_grp_r", "t1_grp_r")));
        it.addAll(V.delay("t3_ctl", 8, "t2_ctl_r", 1 + s.productExtra(), "control at the accumulate stage T3"));
        it.addAll(V.delay("cap_grp", gw, "t2_grp_r", 2 + s.productExtra(), "group information at the capture"));
        it.add(V.reg("cap_r", 1, "capture: the last tap accumulated in the previous cycle"));
        it.add(V.ff("Capture strobe (docs 3.3): the cycle after the last tap's accumulate.",
                V.nb("cap_r", "t3_ctl[7] & t3_ctl[4]")));
        it.add(V.assign("o_t1_inside", "t1_ctl_r[2]"));
        it.add(V.assign("o_t1_src_stg", "t1_ctl_r[1]"));
        it.add(V.assign("o_t1_zin", "t1_zin_r"));
        it.add(V.assign("o_t2_in16", "t2_ctl_r[3]"));
        it.add(V.assign("o_acc_mac", "t3_ctl[7] & t3_ctl[6]"));
        it.add(V.assign("o_acc_pool", "t3_ctl[7] & ~t3_ctl[6]"));
        it.add(V.assign("o_acc_first", "t3_ctl[5]"));
        it.add(V.assign("o_acc_real", "t3_ctl[2]"));
        it.add(V.assign("o_pool_max", "t3_ctl[0]"));
        it.add(V.assign("o_capture", "cap_r"));
        it.add(V.assign("o_cap_group", "cap_grp"));
        it.add(V.wire("unused_t3", 1, "control bits not used at T3"));
        it.add(V.assign("unused_t3", "&{1'b0, t3_ctl[3], t3_ctl[1], t2_ctl_r[7:4], t2_ctl_r[2:0], t1_ctl_r[7:3],"
                + " t1_ctl_r[0]" + (s.ab() < 16 ? ", i_desc_zin[15:" + s.ab() + "]" : "") + "}"));
    }
}
