package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.accel.DescriptorStorage;
import org.pulsedl.hls.accel.ProgramHeader;
import org.pulsedl.hls.verilog.GenerateFor;
import org.pulsedl.hls.verilog.InstanceSpec;
import org.pulsedl.hls.verilog.MemorySpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;
import org.pulsedl.hls.verilog.Width;

/**
 * The array (docs/accelerator.md §4): program memories, the controller walking the loop nest of §4.4 under the
 * start rules of §5, the tap pipeline broadcast to P {@link ProcessingElementRtl}s, the drain sequencer, the input
 * FIFO with loader and input stage (§4.5), the unloader and result FIFO (§4.6), status and error counters. Every
 * decision mirrors {@code ArraySimulator}: it reads registers set in earlier cycles, so the cycle of every issue,
 * write and push equals the Java reference's.
 */
final class ArrayRtl {
    private final RtlShape s;
    private final List<ModuleItem> it = new ArrayList<>();
    private final Bundle group = new Bundle();
    private final Bundle drainWrite = new Bundle();
    private final Bundle inSide = new Bundle();

    private ArrayRtl(RtlShape s) {
        this.s = s;
        group.add("seglast", 1).add("ctx", 1).add("rpar", 1).add("dst", 2).add("mode", 3).add("spread", 1)
                .add("n", 7).add("pidx", 16).add("waddr", 16).add("zout", 16).add("amin", 16).add("amax", 16);
        drainWrite.add("v", 1).add("seglast", 1).add("ctx", 1).add("rpar", 1).add("dst", 2).add("addr", 16);
        inSide.add("v", 1).add("lastw", 1).add("ctx", 1).add("pe", s.peBits()).add("addr", 16);
    }

    static ModuleSpec module(RtlShape s, ModuleSpec pe, ModuleSpec requantIn) {
        return new ArrayRtl(s).build(pe, requantIn);
    }

    private ModuleSpec build(ModuleSpec pe, ModuleSpec requantIn) {
        String name = s.name("array");
        ModuleSpec.Builder m = ModuleSpec.builder(name)
                .header(name + ": " + s.p() + " PEs x " + s.u() + " lanes, controller, loader, unloader;"
                                + " docs/accelerator.md section 4.",
                        "Loop nest (4.4): round > layer > context A/B > position > group > tap; start rules of section 5.",
                        "Program memories are written only while stopped (i_start low); results leave in arrival order.",
                        "State machines reset while stopped; the input and result FIFOs keep their contents.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_rst", 1, "synchronous reset, active high"))
                .port(V.in("i_start", 1, "CTRL.start: run in stream mode while high"))
                .port(V.in("i_stop", 1, "CTRL.stop: start no new round"))
                .port(V.in("i_clear", 1, "clear counters and the error code (pulse)"))
                .port(V.in("i_prog_we", 1, "program write (32-bit word)"))
                .port(V.in("i_prog_sel", 2, "0 descriptors, 1 parameter table, 2 weight memory"))
                .port(V.in("i_prog_addr", 20, "word index within the selected memory"))
                .port(V.in("i_prog_wdata", 32, "program write data"))
                .port(V.in("i_in_valid", 1, "input port: a window sample"))
                .port(V.in("i_in_data", 16, "input port: ADC code or quantised value"))
                .port(V.in("i_in_tag", 8, "input port: the window's tag (taken with its first sample)"))
                .port(V.in("i_in_last", 1, "input port: last sample of the window"))
                .port(V.out("o_in_room", 1, "the input FIFO has room for a whole window"))
                .port(V.out("o_res_valid", 1, "result FIFO not empty"))
                .port(V.out("o_res_data", 32, "result FIFO head"))
                .port(V.in("i_res_pop", 1, "pop the result FIFO head"))
                .port(V.out("o_res_level", 32, "result FIFO words"))
                .port(V.out("o_running", 1, "streaming"))
                .port(V.out("o_idle", 1, "no round in progress and the unloader idle"))
                .port(V.out("o_in_empty", 1, "no complete window in the input FIFO"))
                .port(V.out("o_error", 8, "error code: 1 BAD_PROGRAM, 2 BAD_OPCODE, 4 WRITE_WHILE_RUNNING"))
                .port(V.out("o_windows_in", 32, "windows accepted by the input FIFO"))
                .port(V.out("o_windows_out", 32, "windows unloaded"))
                .port(V.out("o_rounds", 32, "rounds started"))
                .port(V.out("o_busy_cycles", 32, "cycles with a round in progress"))
                .port(V.out("o_idle_issue", 32, "cycles in a round without an issued tap"))
                .port(V.out("o_input_drops", 32, "windows refused by a full input FIFO"))
                .port(V.out("o_result_stalls", 32, "unloader cycles waiting on a full result FIFO"))
                .port(V.out("o_clamp_low", 32, "write cycles with a value clamped at act_min"))
                .port(V.out("o_clamp_high", 32, "write cycles with a value clamped at act_max"))
                .port(V.out("o_cycle", 32, "cycles since streaming started (trace)"))
                .port(V.out("o_round_start", 1, "a round's first tap issues this cycle (trace)"));
        programMemories();
        decode();
        controller();
        tapPipeline();
        drain();
        loader(requantIn);
        unloader();
        pes(pe);
        counters();
        it.add(V.wire("unused_misc", 1, "bits of wide intermediate values the buffers do not address"));
        it.add(V.assign("unused_misc", "&{1'b0, d_zin, drain_pidx, in_pidx, eff_wa, u_k, res_level}"));
        return m.add(hoistDeclarations(it)).build();
    }

    // ---------------------------------------------------------------------------------------------------------
    private void programMemories() {
        int dl = s.descLines();
        it.add(CommentBlockOf("Program memories (docs 4.1-4.3): written only while stopped."));
        it.add(V.wire("prog_ok", 1, "a program write is accepted"));
        it.add(V.assign("prog_ok", "i_prog_we & ~running_r"));
        List<Stmt> desc = new ArrayList<>();
        Stmt.Case.Builder dc = Stmt.caseOf("i_prog_addr[2:0]");
        for (int k = 0; k < 8; k++) {
            it.add(V.regArray("desc" + k + "_r", 32, dl, "descriptor word w" + k + " (line 0: header h" + k + ")"));
            dc.when(V.lit(3, k), V.nb("desc" + k + "_r[i_prog_addr[" + (s.descAw() + 2) + ":3]]", descStore(k)));
        }
        desc.add(V.when("prog_ok && i_prog_sel == 2'd0", dc.build()));
        it.add(V.ff("Descriptor memory: 8 LUTRAM banks of " + dl + " lines (asynchronous read).",
                desc.toArray(Stmt[]::new)));
        int pa = s.paramAw();
        for (String copy : s.cfg().inputStage() ? new String[] {"pd", "pi"} : new String[] {"pd"}) {
            for (int k = 0; k < 4; k++) {
                it.add(MemorySpec.builder(copy + k, Width.bits(32), s.cfg().paramEntries()).clock("i_clk")
                        .comment("Parameter table word p" + k + (copy.equals("pd") ? ", drain copy" : ", input-stage copy")
                                + " (docs 4.3).")
                        .write("prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == " + V.lit(2, k),
                                "i_prog_addr[" + (pa + 1) + ":2]", "i_prog_wdata")
                        .read(copy.equals("pd") ? "drain_pidx[" + (pa - 1) + ":0]" : "in_pidx[" + (pa - 1) + ":0]")
                        .build());
            }
        }
        int banks = s.u() / 4;
        int wa = s.weightAw();
        boolean pow2 = Integer.bitCount(banks) == 1;
        int bankBits = V.clog2(banks);
        it.add(V.wire("wt_line", 20, "weight-memory word of a CPU write"));
        it.add(V.wire("wt_bank", 20, "32-bit bank of a CPU write"));
        if (pow2 && banks > 1) {
            it.add(V.assign("wt_line", "{" + bankBits + "'d0, i_prog_addr[19:" + bankBits + "]}"));
            it.add(V.assign("wt_bank", "{" + (20 - bankBits) + "'d0, i_prog_addr[" + (bankBits - 1) + ":0]}"));
        } else if (banks == 1) {
            it.add(V.assign("wt_line", "i_prog_addr"));
            it.add(V.assign("wt_bank", "20'd0"));
        } else {
            it.add(V.assign("wt_line", "i_prog_addr / 20'd" + banks));
            it.add(V.assign("wt_bank", "i_prog_addr % 20'd" + banks));
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < banks; k++) {
            it.add(MemorySpec.builder("wt" + k, Width.bits(32), s.cfg().weightWords()).clock("i_clk")
                    .comment("Weight memory lanes " + (4 * k + 3) + ".." + (4 * k) + " (docs 4.3), read at issue (T0).")
                    .write("prog_ok && i_prog_sel == 2'd2 && wt_bank == 20'd" + k, "wt_line[" + (wa - 1) + ":0]",
                            "i_prog_wdata")
                    .read("eff_wa[" + (wa - 1) + ":0]").build());
            parts.add(0, "wt" + k + "_rdata_r");
        }
        it.add(V.wire("unused_prog", 1, "program address bits above the memories"));
        it.add(V.assign("unused_prog", "&{1'b0, wt_line, wt_bank, i_prog_addr}"));
        it.add(V.reg("wb_r", 8 * s.u(), "T1: weight word broadcast register (used at T2)"));
        it.add(V.ff("Weight broadcast register.", V.nb("wb_r", parts.size() == 1 ? parts.get(0)
                : "{" + String.join(", ", parts) + "}")));
    }

    /**
     * Moves wire and reg declarations (with a comment block right above them) in front of everything else, so every
     * signal is declared before any statement uses it; the sections above are written in reading order instead.
     */
    static List<ModuleItem> hoistDeclarations(List<ModuleItem> items) {
        List<ModuleItem> decls = new ArrayList<>();
        List<ModuleItem> rest = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ModuleItem x = items.get(i);
            boolean decl = x instanceof org.pulsedl.hls.verilog.WireSpec || x instanceof org.pulsedl.hls.verilog.RegSpec;
            boolean commentOfDecl = x instanceof org.pulsedl.hls.verilog.CommentBlock && i + 1 < items.size()
                    && (items.get(i + 1) instanceof org.pulsedl.hls.verilog.WireSpec
                    || items.get(i + 1) instanceof org.pulsedl.hls.verilog.RegSpec);
            (decl || commentOfDecl ? decls : rest).add(x);
        }
        decls.addAll(rest);
        return decls;
    }

    private static ModuleItem CommentBlockOf(String line) {
        return org.pulsedl.hls.verilog.CommentBlock.of(line);
    }

    // ---------------------------------------------------------------------------------------------------------
    private void decode() {
        int dlb = s.descAw();
        it.add(CommentBlockOf("Program header (line 0) and the current layer's descriptor (line ci + 1), docs 4.1-4.2."));
        String[][] hdr = {
            {"h_magic_ok", "1", "desc0_r[0] == 32'h" + Integer.toHexString(ProgramHeader.MAGIC), "h0 is the magic word"},
            {"h_layers", "8", "desc1_r[0][7:0]", "descriptors"},
            {"h_instage", "1", "desc1_r[0][8]", "input stage enabled"},
            {"h_in16", "1", "desc1_r[0][9]", "input is int16"},
            {"h_single", "1", "desc1_r[0][10]", "input stage rounds SINGLE"},
            {"h_n", "16", "hn_p", "input values per window"},
            {"h_inch", "16", "desc2_r[0][31:16]", "input channels"},
            {"h_zin", "16", "desc3_r[0][15:0]", "input zero point"},
            {"h_pbase", "16", "desc3_r[0][31:16]", "first input-stage parameter entry"},
            {"h_outputs", "16", "desc4_r[0][15:0]", "outputs per window"},
            {"h_wide", "1", "desc4_r[0][16]", "two words per output"},
        };
        // Products of descriptor fields in fabric (every DSP48 is a MAC): in_len * in_ch of the header here,
        // K * C_in, pad * C_in and S * C_in of the current layer below.
        fabricProduct("hn", "desc2_r[0][31:16]", 16, "desc2_r[0][15:0]", 16, 16, "in_len * in_ch (mod 2^16)");
        for (String[] h : hdr) {
            it.add(V.wire(h[0], Integer.parseInt(h[1]), h[3]));
        }
        for (String[] h : hdr) {
            it.add(V.assign(h[0], h[2]));
        }
        it.add(V.wire("h_words", 17, "result words per window"));
        it.add(V.assign("h_words", "17'd1 + (h_wide ? {h_outputs, 1'b0} : {1'b0, h_outputs})"));
        it.add(V.wire("dline", dlb, "descriptor line of the current layer"));
        it.add(V.assign("dline", V.zext("ci_r", 8, dlb) + " + " + V.lit(dlb, 1)));
        String[][] d = {
            {"d_op", "4", "desc0_r[dline][3:0]", "opcode"},
            {"d_src", "2", "desc0_r[dline][5:4]", "source buffer"},
            {"d_dst", "2", "desc0_r[dline][7:6]", "destination buffer"},
            {"d_in16", "1", "desc0_r[dline][8]", "int16 input"},
            {"d_rq", "2", "desc0_r[dline][11:10]", "requantiser mode"},
            {"d_inlen", "16", "desc1_r[dline][15:0]", "in_len"},
            {"d_inch", "16", "desc1_r[dline][31:16]", "in_ch"},
            {"d_outlen", "16", "desc2_r[dline][15:0]", "out_len"},
            {"d_outch", "16", "desc2_r[dline][31:16]", "out_ch"},
            {"d_k", "8", "desc3_r[dline][7:0]", "kernel / pool size"},
            {"d_s", "8", "desc3_r[dline][15:8]", "stride"},
            {"d_pad", "8", "desc3_r[dline][23:16]", "pad_left"},
            {"d_wbase", "24", "desc4_r[dline][23:0]", "weight base"},
            {"d_pbase", "16", "desc5_r[dline][15:0]", "parameter base"},
            {"d_groups", "16", "desc5_r[dline][31:16]", "lane groups"},
            {"d_zin", "16", "desc6_r[dline][15:0]", "input zero point"},
            {"d_zout", "16", "desc6_r[dline][31:16]", "output zero point"},
            {"d_amin", "16", "desc7_r[dline][15:0]", "act_min"},
            {"d_amax", "16", "desc7_r[dline][31:16]", "act_max"},
        };
        for (String[] x : d) {
            it.add(V.wire(x[0], Integer.parseInt(x[1]), x[3]));
        }
        for (String[] x : d) {
            it.add(V.assign(x[0], x[2]));
        }
        it.add(V.wire("unused_desc", 1, "descriptor bits the controller does not need"));
        it.add(V.assign("unused_desc", "&{1'b0, desc0_r[dline][31:9], desc4_r[dline][31:24], desc3_r[dline][31:24],"
                + " desc1_r[0][31:11], desc4_r[0][31:17], desc5_r[0], desc6_r[0], desc7_r[0], desc0_r[0], desc4_r[dline]}"));
        fabricProduct("kc", "d_inch", 16, "d_k", 8, 16, "K * C_in (mod 2^16)");
        fabricProduct("pc", "d_inch", 16, "d_pad", 8, 24, "pad_left * C_in");
        fabricProduct("sc", "d_inch", 16, "d_s", 8, 24, "S * C_in");
        it.add(V.wire("d_mac", 1, "Conv1D or Dense"));
        it.add(V.wire("d_bad", 1, "opcode is not 1-4"));
        it.add(V.wire("d_f", 16, "taps per group: K * C_in, or the pool size"));
        it.add(V.wire("d_gcount", 16, "groups per position: lane groups, or channels for pools"));
        it.add(V.wire("d_lanes", 7, "lanes used: U, or U/2 for int16 inputs with packing alone"));
        it.add(V.assign("d_mac", "(d_op == 4'd1) | (d_op == 4'd2)"));
        it.add(V.assign("d_bad", "(d_op == 4'd0) | (d_op > 4'd4)"));
        it.add(V.assign("d_f", "d_mac ? kc_p : {8'd0, d_k}"));
        it.add(V.assign("d_gcount", "d_mac ? d_groups : d_outch"));
        it.add(V.assign("d_lanes", s.int16HalfLanes() ? "d_in16 ? " + V.lit(7, s.u() / 2) + " : " + V.lit(7, s.u())
                : V.lit(7, s.u())));
    }

    /**
     * The stored form of descriptor word {@code k} (DescriptorStorage): bits the configuration's limits never use are
     * written as constant 0 (or as copies of a sign bit), so synthesis removes (or merges) their flip-flops.
     */
    private String descStore(int k) {
        if (DescriptorStorage.narrowSignedHalves(s.cfg(), k)) {
            return "{{8{i_prog_wdata[23]}}, i_prog_wdata[23:16], {8{i_prog_wdata[7]}}, i_prog_wdata[7:0]}";
        }
        long mask = DescriptorStorage.mask(s.cfg(), k);
        return mask == 0xFFFF_FFFFL ? "i_prog_wdata" : String.format("i_prog_wdata & 32'h%08X", mask);
    }

    /** {@code P_p = a * b mod 2^pw} for unsigned fields, as a fabric Booth multiplier (wires {@code P_*}). */
    private void fabricProduct(String prefix, String a, int aw, String b, int bw, int pw, String comment) {
        it.add(V.wire(prefix + "_ua", aw + 1, "multiplicand, zero-extended (the Booth rows take it signed)"));
        it.add(V.wire(prefix + "_ub", bw, "multiplier"));
        it.add(V.wire(prefix + "_p", pw, comment));
        it.add(V.assign(prefix + "_ua", "{1'b0, " + a + "}"));
        it.add(V.assign(prefix + "_ub", b));
        it.addAll(BoothMultiplier.rows(prefix, prefix + "_ua", aw + 1, prefix + "_ub", bw, false, prefix + "_p", pw));
    }

    // ---------------------------------------------------------------------------------------------------------
    private void controller() {
        int aa = s.actAw();
        int sa = s.stgAw();
        it.add(CommentBlockOf("Controller state (docs 4.4): counters of the loop nest and the start-rule bookkeeping."));
        Object[][] regs = {
            {"running_r", 1, "streaming"}, {"err_r", 8, "error code"}, {"cyc_r", 32, "cycles since start"},
            {"cr_r", 16, "round"}, {"ci_r", 8, "layer"}, {"cx_r", 1, "context (0 A, 1 B)"},
            {"co_r", 16, "output position"}, {"cg_r", 16, "group (lane group or pool channel)"},
            {"cf_r", 16, "tap within the group"}, {"cc_r", 16, "MAC tap: input channel"},
            {"ck_r", 8, "tap: kernel index"}, {"row_r", 32, "tap: position * C_in"},
            {"posb_r", 32, "o * S - pad_left"}, {"rowb_r", 32, "(o * S - pad_left) * C_in"},
            {"wa_r", 24, "weight address of the next tap"}, {"ch0_r", 16, "first channel of the group"},
            {"obase_r", 16, "o * C_out"}, {"in_round_r", 1, "a round is in progress"},
            {"has_prev_r", 1, "a group has issued before"}, {"since_r", 8, "cycles since the last group's last tap"},
            {"prevn_r", 7, "values the last group drains"}, {"pend0_r", 3, "context A segments issued, not written"},
            {"pend1_r", 3, "context B segments issued, not written"}, {"stg_free_r", 2, "staging of A/B free for the loader"},
            {"unl_rounds_r", 16, "rounds fully unloaded"}, {"res_ready_r", 8, "last-layer segments written"},
        };
        for (Object[] r : regs) {
            it.add(V.reg((String) r[0], (Integer) r[1], (String) r[2]));
        }
        Object[][] wires = {
            {"seg_start", 1, "first tap of a layer segment"}, {"grp_start", 1, "first tap of a group"},
            {"gap_ok", 1, "rule 1: the shadow register has drained far enough"},
            {"dep_ok", 1, "rule 2: the layer before (same context) is written"},
            {"unl_ok", 1, "rule 3b: round r-2 is unloaded"}, {"full", 1, "rule 3a: both contexts hold P windows"},
            {"flush", 1, "rule 3a: partial round"}, {"may", 1, "the next group may start"},
            {"issue", 1, "a tap issues this cycle"}, {"start_round", 1, "the round's first tap issues"},
            {"bad_op", 1, "the next layer has an illegal opcode"},
            {"eff_posb", 32, "o*S - pad of this tap"}, {"eff_rowb", 32, "row base of this tap"},
            {"eff_row", 32, "row of this tap"}, {"eff_cc", 16, "input channel of this tap"},
            {"eff_k", 8, "kernel index of this tap"}, {"eff_wa", 24, "weight address of this tap"},
            {"eff_ch0", 16, "first channel of this group"}, {"eff_obase", 16, "o * C_out of this tap"},
            {"pos", 32, "input position of this tap"}, {"tap_in", 1, "0 <= pos < in_len"},
            {"tap_addr", 32, "buffer index of this tap"}, {"last_tap", 1, "last tap of the group"},
            {"last_grp", 1, "last group of the position"}, {"last_pos", 1, "last position of the segment"},
            {"seg_end", 1, "last tap of the segment"}, {"rem_ch", 16, "channels from ch0 on"},
            {"n_grp", 7, "values this group drains"}, {"last_layer", 1, "ci is the last layer"},
        };
        for (Object[] w : wires) {
            it.add(V.wire((String) w[0], (Integer) w[1], (String) w[2]));
        }
        String p = Integer.toString(s.p());
        int vb = s.peBits() + 1;
        it.add(V.assign("seg_start", "(co_r == 16'd0) & (cg_r == 16'd0) & (cf_r == 16'd0)"));
        it.add(V.assign("grp_start", "cf_r == 16'd0"));
        it.add(V.assign("gap_ok", "~has_prev_r | (({9'd0, since_r} + {1'b0, d_f}) >= {10'd0, prevn_r})"));
        it.add(V.assign("dep_ok", "(cx_r ? pend1_r : pend0_r) == 3'd0"));
        it.add(V.assign("unl_ok", "(cr_r - unl_rounds_r) <= 16'd1"));
        it.add(V.assign("full", "(vis0_r == " + V.lit(vb, s.p()) + ") & (vis1_r == " + V.lit(vb, s.p()) + ")"));
        it.add(V.assign("flush", "in_empty & ~feeding_r & ~in_busy & (vis0_r != " + V.lit(vb, 0) + ")"));
        it.add(V.assign("may", "gap_ok & ((seg_start & (ci_r != 8'd0)) ? dep_ok : (~in_round_r ? (unl_ok & (full | flush)"
                + " & ~i_stop) : 1'b1))"));
        it.add(V.assign("bad_op", "running_r & seg_start & d_bad & may"));
        it.add(V.assign("issue", "running_r & ((cf_r != 16'd0) | may) & ~(seg_start & d_bad)"));
        it.add(V.assign("start_round", "issue & ~in_round_r"));
        it.add(V.assign("eff_posb", "seg_start ? 32'd0 - {24'd0, d_pad} : posb_r"));
        it.add(V.assign("eff_rowb", "seg_start ? 32'd0 - {8'd0, pc_p} : rowb_r"));
        it.add(V.assign("eff_row", "grp_start ? eff_rowb : row_r"));
        it.add(V.assign("eff_cc", "grp_start ? 16'd0 : cc_r"));
        it.add(V.assign("eff_k", "grp_start ? 8'd0 : ck_r"));
        it.add(V.assign("eff_wa", "seg_start ? d_wbase : wa_r"));
        it.add(V.assign("eff_ch0", "(cg_r == 16'd0) ? 16'd0 : ch0_r"));
        it.add(V.assign("eff_obase", "seg_start ? 16'd0 : obase_r"));
        it.add(V.assign("pos", "eff_posb + {24'd0, eff_k}"));
        it.add(V.assign("tap_in", "~pos[31] & (pos < {16'd0, d_inlen})"));
        it.add(V.assign("tap_addr", "eff_row + {16'd0, d_mac ? eff_cc : cg_r}"));
        it.add(V.assign("last_tap", "cf_r == d_f - 16'd1"));
        it.add(V.assign("last_grp", "cg_r == d_gcount - 16'd1"));
        it.add(V.assign("last_pos", "co_r == d_outlen - 16'd1"));
        it.add(V.assign("seg_end", "last_tap & last_grp & last_pos"));
        it.add(V.assign("rem_ch", "d_outch - eff_ch0"));
        it.add(V.assign("n_grp", "~d_mac ? 7'd1 : (rem_ch < {9'd0, d_lanes}) ? rem_ch[6:0] : d_lanes"));
        it.add(V.assign("last_layer", "ci_r == h_layers - 8'd1"));
        it.add(V.wire("stg_raddr", sa + 1, "T0: staging read address"));
        it.add(V.wire("act_raddr", aa + 2, "T0: activation read address"));
        it.add(V.assign("stg_raddr", "{cx_r, tap_addr[" + (sa - 1) + ":0]}"));
        it.add(V.assign("act_raddr", "{cx_r, d_src == 2'd2, tap_addr[" + (aa - 1) + ":0]}"));
        it.add(V.wire("unused_ctl", 1, "address bits above the buffers"));
        it.add(V.assign("unused_ctl", "&{1'b0, tap_addr}"));

        List<Stmt> rst = List.of(
                V.nb("cr_r", "16'd0"), V.nb("ci_r", "8'd0"), V.nb("cx_r", "1'b0"), V.nb("co_r", "16'd0"),
                V.nb("cg_r", "16'd0"), V.nb("cf_r", "16'd0"), V.nb("cc_r", "16'd0"), V.nb("ck_r", "8'd0"),
                V.nb("row_r", "32'd0"), V.nb("posb_r", "32'd0"), V.nb("rowb_r", "32'd0"), V.nb("wa_r", "24'd0"),
                V.nb("ch0_r", "16'd0"), V.nb("obase_r", "16'd0"), V.nb("in_round_r", "1'b0"),
                V.nb("has_prev_r", "1'b0"), V.nb("since_r", "8'hff"), V.nb("prevn_r", "7'd0"),
                V.nb("stg_free_r", "2'b11"), V.nb("cyc_r", "32'd0"));
        Stmt tapAdvance = V.when("d_mac",
                V.when("eff_cc == d_inch - 16'd1", V.nb("cc_r", "16'd0"), V.nb("ck_r", "eff_k + 8'd1"),
                        V.nb("row_r", "eff_row + {16'd0, d_inch}"))
                        .orElse(V.nb("cc_r", "eff_cc + 16'd1"), V.nb("ck_r", "eff_k"), V.nb("row_r", "eff_row")))
                .orElse(V.nb("cc_r", "16'd0"), V.nb("ck_r", "eff_k + 8'd1"), V.nb("row_r", "eff_row + {16'd0, d_inch}"));
        Stmt segEnd = V.when("last_pos",
                        V.nb("co_r", "16'd0"), V.nb("cx_r", "~cx_r"),
                        V.when("cx_r", V.nb("ci_r", "last_layer ? 8'd0 : ci_r + 8'd1")),
                        V.when("cx_r & last_layer", V.nb("cr_r", "cr_r + 16'd1"), V.nb("in_round_r", "1'b0")))
                .orElse(V.nb("co_r", "co_r + 16'd1"), V.nb("posb_r", "eff_posb + {24'd0, d_s}"),
                        V.nb("rowb_r", "eff_rowb + {8'd0, sc_p}"),
                        V.nb("obase_r", "eff_obase + d_outch"));
        Stmt groupEnd = V.when("last_grp", V.nb("cg_r", "16'd0"), V.nb("wa_r", "d_wbase"), segEnd)
                .orElse(V.nb("cg_r", "cg_r + 16'd1"), V.nb("ch0_r", "eff_ch0 + {9'd0, d_lanes}"));
        Stmt onIssue = V.when("issue",
                V.nb("cf_r", "last_tap ? 16'd0 : cf_r + 16'd1"),
                V.nb("posb_r", "eff_posb"), V.nb("rowb_r", "eff_rowb"), V.nb("obase_r", "eff_obase"),
                V.nb("ch0_r", "eff_ch0"), V.nb("wa_r", "eff_wa + 24'd1"), tapAdvance,
                V.when("start_round", V.nb("in_round_r", "1'b1")),
                V.when("last_tap", V.nb("since_r", "8'd0"), V.nb("prevn_r", "n_grp"), V.nb("has_prev_r", "1'b1"),
                        groupEnd)
                        .orElse(V.nb("since_r", "(since_r == 8'hff) ? since_r : since_r + 8'd1")))
                .orElse(V.nb("since_r", "(since_r == 8'hff) ? since_r : since_r + 8'd1"));
        List<Stmt> run = new ArrayList<>();
        run.add(V.nb("cyc_r", "cyc_r + 32'd1"));
        run.add(onIssue);
        run.add(V.when("issue & seg_end & (ci_r == 8'd0)",
                V.nb("stg_free_r[cx_r]", "1'b1")));
        run.add(V.when("start_round & (lr_r == cr_r)", V.nb("stg_free_r", "2'b00")));
        run.add(V.when("lstart & (lk_r == " + V.lit(s.peBits(), s.p() - 1) + ")", V.nb("stg_free_r[lx_r]", "1'b0")));
        it.add(AlwaysBlock("Controller: walks the loop nest, one tap per cycle when the start rules allow.",
                V.when("i_rst | ~running_r", rst.toArray(Stmt[]::new)).orElse(run.toArray(Stmt[]::new))));
        // run control and pending counters
        it.add(V.wire("pend_inc0", 1, "a context-A segment finishes issuing"));
        it.add(V.wire("pend_inc1", 1, "a context-B segment finishes issuing"));
        it.add(V.wire("pend_dec0", 1, "a context-A segment's last write lands"));
        it.add(V.wire("pend_dec1", 1, "a context-B segment's last write lands"));
        it.add(V.wire("seg_written", 1, "a segment's last write lands"));
        it.add(V.assign("pend_inc0", "issue & seg_end & ~cx_r"));
        it.add(V.assign("pend_inc1", "issue & seg_end & cx_r"));
        it.add(V.assign("seg_written", wf("v") + " & " + wf("seglast")));
        it.add(V.assign("pend_dec0", "seg_written & ~" + wf("ctx")));
        it.add(V.assign("pend_dec1", "seg_written & " + wf("ctx")));
        it.add(AlwaysBlock("Run control, errors, pending segments, unload progress.",
                V.when("i_rst",
                        V.nb("running_r", "1'b0"), V.nb("err_r", "8'd0"), V.nb("pend0_r", "3'd0"),
                        V.nb("pend1_r", "3'd0"), V.nb("unl_rounds_r", "16'd0"), V.nb("res_ready_r", "8'd0"))
                .orElse(
                        V.when("~running_r",
                                V.nb("pend0_r", "3'd0"), V.nb("pend1_r", "3'd0"), V.nb("unl_rounds_r", "16'd0"),
                                V.nb("res_ready_r", "8'd0"),
                                V.when("i_start & (err_r == 8'd0)",
                                        V.when("h_magic_ok & (h_layers != 8'd0)", V.nb("running_r", "1'b1"))
                                                .orElse(V.nb("err_r", "8'd1")))),
                        V.when("running_r",
                                V.when("~i_start", V.nb("running_r", "1'b0")),
                                V.when("bad_op", V.nb("err_r", "8'd2"), V.nb("running_r", "1'b0")),
                                V.nb("pend0_r", "pend0_r + {2'd0, pend_inc0} - {2'd0, pend_dec0}"),
                                V.nb("pend1_r", "pend1_r + {2'd0, pend_inc1} - {2'd0, pend_dec1}"),
                                V.when("seg_written & (" + wf("dst") + " == 2'd3)",
                                        V.nb("res_ready_r", "res_ready_r + 8'd1")),
                                V.when("u_round_done", V.nb("unl_rounds_r", "unl_rounds_r + 16'd1"))),
                        V.when("i_prog_we & running_r", V.nb("err_r", "8'd4")),
                        V.when("i_clear & ~running_r", V.nb("err_r", "8'd0")))));
        it.add(V.assign("o_running", "running_r"));
        it.add(V.assign("o_error", "err_r"));
        it.add(V.assign("o_cycle", "cyc_r"));
        it.add(V.assign("o_round_start", "start_round"));
        it.add(V.assign("o_idle", "~in_round_r & ~u_active_r"));
    }

    private static ModuleItem AlwaysBlock(String comment, Stmt... body) {
        return V.ff(comment, body);
    }

    /** A field of the drain write sideband in the write cycle. */
    private String wf(String field) {
        return drainWrite.field("dwr", field);
    }

    // ---------------------------------------------------------------------------------------------------------
    private void tapPipeline() {
        it.add(CommentBlockOf("Tap pipeline (docs 3.2, 3.3): T1 operand select, T2 multiply, T3 accumulate, capture."));
        Map<String, String> g = new LinkedHashMap<>();
        g.put("seglast", "seg_end");
        g.put("ctx", "cx_r");
        g.put("rpar", "cr_r[0]");
        g.put("dst", "d_dst");
        g.put("mode", "d_mac ? {1'b0, d_rq} : (d_op == 4'd3) ? 3'd4 : 3'd5");
        g.put("spread", s.int16HalfLanes() ? "d_in16" : "1'b0");
        g.put("n", "n_grp");
        g.put("pidx", "d_pbase + eff_ch0");
        g.put("waddr", "eff_obase + (d_mac ? eff_ch0 : cg_r)");
        g.put("zout", "d_zout");
        g.put("amin", "d_amin");
        g.put("amax", "d_amax");
        int gw = group.width();
        it.add(V.reg("t1_ctl_r", 8, "T1: {valid, mac, first, last, in16, inside, src_stg, max}"));
        it.add(V.reg("t1_zin_r", s.ab(), "T1: zero point of padded taps"));
        it.add(V.reg("t1_grp_r", gw, "T1: group information for the drain"));
        it.add(V.reg("t2_ctl_r", 8, "T2: control"));
        it.add(V.reg("t2_grp_r", gw, "T2: group information"));
        it.add(V.ff("Tap pipeline registers.",
                V.nb("t1_ctl_r", "{issue, d_mac, grp_start, last_tap, d_in16, tap_in, d_src == 2'd0, d_op == 4'd3}"),
                V.nb("t1_zin_r", "d_zin[" + (s.ab() - 1) + ":0]"),
                V.nb("t1_grp_r", group.pack(g)),
                V.nb("t2_ctl_r", "t1_ctl_r"), V.nb("t2_grp_r", "t1_grp_r")));
        it.addAll(V.delay("t3_ctl", 8, "t2_ctl_r", 1 + s.macExtra(), "control at the accumulate stage T3"));
        it.addAll(V.delay("cap_grp", gw, "t2_grp_r", 2 + s.macExtra(), "group information at the capture"));
        it.add(V.reg("cap_r", 1, "capture: the last tap accumulated in the previous cycle"));
        it.add(V.ff("Capture strobe (docs 3.3): the cycle after the last tap's accumulate.",
                V.nb("cap_r", "t3_ctl[7] & t3_ctl[4]")));
        it.add(V.wire("unused_t3", 1, "control bits not used at T3"));
        it.add(V.assign("unused_t3", "&{1'b0, t3_ctl[3], t3_ctl[1], t2_ctl_r[7:4], t2_ctl_r[2:0], t1_ctl_r[7:3], t1_ctl_r[0]}"));
    }

    // ---------------------------------------------------------------------------------------------------------
    private void drain() {
        it.add(CommentBlockOf("Drain sequencer (docs 3.3): one value per cycle from the shadow registers (S1)."));
        it.add(V.reg("dr_active_r", 1, "draining"));
        it.add(V.reg("dr_j_r", 7, "value index j"));
        it.add(V.reg("dr_grp_r", group.width(), "the drained group"));
        it.add(V.ff("Drain sequencer.",
                V.when("i_rst", V.nb("dr_active_r", "1'b0"))
                        .orElse(V.when("cap_r", V.nb("dr_active_r", "1'b1"), V.nb("dr_j_r", "7'd0"),
                                V.nb("dr_grp_r", "cap_grp"))
                        .orElse(V.when("dr_active_r",
                                V.nb("dr_j_r", "dr_j_r + 7'd1"),
                                V.when("dr_j_r == " + gf("n") + " - 7'd1", V.nb("dr_active_r", "1'b0")))))));
        it.add(V.wire("drain_pidx", 16, "S1: parameter entry of the drained channel"));
        it.add(V.wire("drain_lane", s.laneBits(), "S1: lane of value j"));
        it.add(V.wire("drain_pool", 1, "S1: the group is a pool"));
        it.add(V.assign("drain_pidx", gf("pidx") + " + {9'd0, dr_j_r}"));
        String lane = s.int16HalfLanes() ? "(" + gf("spread") + " ? {dr_j_r[5:0], 1'b0} : dr_j_r)" : "dr_j_r";
        it.add(V.wire("drain_lane7", 7, "lane of value j, 7 bits"));
        it.add(V.assign("drain_lane7", lane));
        it.add(V.assign("drain_lane", V.zext("drain_lane7", 7, s.laneBits())));
        if (s.laneBits() < 7) {
            it.add(V.wire("unused_lane", 1, "lane bits above U"));
            it.add(V.assign("unused_lane", "&{1'b0, drain_lane7[6:" + s.laneBits() + "]}"));
        }
        it.add(V.assign("drain_pool", gf("mode") + " >= 3'd4"));
        Map<String, String> w = new LinkedHashMap<>();
        w.put("v", "dr_active_r");
        w.put("seglast", gf("seglast") + " & (dr_j_r == " + gf("n") + " - 7'd1)");
        w.put("ctx", gf("ctx"));
        w.put("rpar", gf("rpar"));
        w.put("dst", gf("dst"));
        w.put("addr", gf("waddr") + " + {9'd0, dr_j_r}");
        it.add(V.reg("r1_wr_r", drainWrite.width(), "R1: write sideband"));
        it.add(V.reg("r1_mode_r", 3, "R1: requantiser mode"));
        it.add(V.reg("r1_zout_r", 16, "R1: z_out"));
        it.add(V.reg("r1_min_r", 16, "R1: act_min"));
        it.add(V.reg("r1_max_r", 16, "R1: act_max"));
        it.add(V.ff("Drain sideband into the requantiser stage R1.", V.nb("r1_wr_r", drainWrite.pack(w)),
                V.nb("r1_mode_r", gf("mode")), V.nb("r1_zout_r", gf("zout")), V.nb("r1_min_r", gf("amin")),
                V.nb("r1_max_r", gf("amax"))));
        it.addAll(V.delay("dwr", drainWrite.width(), "r1_wr_r", 2 + s.rqExtra(), "write sideband in the write cycle"));
        it.add(V.wire("act_we", 1, "write cycle: activation write"));
        it.add(V.wire("res_we", 1, "write cycle: result write"));
        it.add(V.wire("act_waddr", s.actAw() + 2, "activation write address"));
        it.add(V.wire("res_waddr", s.resAw() + 2, "result write address"));
        it.add(V.assign("act_we", wf("v") + " & (" + wf("dst") + " != 2'd3)"));
        it.add(V.assign("res_we", wf("v") + " & (" + wf("dst") + " == 2'd3)"));
        it.add(V.assign("act_waddr", "{" + wf("ctx") + ", " + wf("dst") + " == 2'd2, " + V.slice(wf("addr"), s.actAw() - 1, 0) + "}"));
        it.add(V.assign("res_waddr", "{" + wf("ctx") + ", " + wf("rpar") + ", " + V.slice(wf("addr"), s.resAw() - 1, 0) + "}"));
        it.add(V.wire("unused_dwr", 1, "write address bits above the buffers"));
        it.add(V.assign("unused_dwr", "&{1'b0, dwr, dr_grp_r}"));
    }

    private String gf(String field) {
        return group.field("dr_grp_r", field);
    }

    // ---------------------------------------------------------------------------------------------------------
    private void loader(ModuleSpec requantIn) {
        int fa = s.inFifoAw();
        int ta = s.inTagAw();
        int pb = s.peBits();
        int vb = pb + 1;
        it.add(CommentBlockOf("Input FIFO (docs 4.5): whole windows of samples, with a tag FIFO beside it."));
        it.add(V.reg("in_wp_r", fa + 1, "sample write pointer"));
        it.add(V.reg("in_rp_r", fa + 1, "sample read pointer"));
        it.add(V.reg("in_twp_r", ta + 1, "tag write pointer"));
        it.add(V.reg("in_trp_r", ta + 1, "tag read pointer"));
        it.add(V.reg("in_cnt_r", ta + 1, "complete windows waiting"));
        it.add(V.reg("in_first_r", 1, "the next sample starts a window"));
        it.add(V.reg("in_drop_r", 1, "dropping the current window"));
        it.add(V.wire("in_used", fa + 1, "samples in the FIFO"));
        it.add(V.wire("in_room", 1, "room for a whole window (samples and tag)"));
        it.add(V.wire("in_accept", 1, "the sample is stored"));
        it.add(V.wire("in_empty", 1, "no complete window waiting"));
        it.add(V.assign("in_used", "in_wp_r - in_rp_r"));
        int rw = Math.max(fa + 2, 18);
        it.add(V.assign("in_room", "((" + V.zext("in_used", fa + 1, rw) + " + " + V.zext("h_n", 16, rw) + ") <= "
                + V.lit(rw, 1L << fa) + ") & ((in_twp_r - in_trp_r) < " + V.lit(ta + 1, s.cfg().inputFifoWindows())
                + ")"));
        it.add(V.assign("in_accept", "i_in_valid & (in_first_r ? in_room : ~in_drop_r)"));
        it.add(V.assign("in_empty", "in_cnt_r == " + V.lit(ta + 1, 0)));
        it.add(V.assign("o_in_room", "in_room"));
        it.add(V.assign("o_in_empty", "in_empty"));
        it.add(MemorySpec.builder("inq", Width.bits(16), 1 << fa).clock("i_clk")
                .comment("Input FIFO samples.")
                .write("in_accept", "in_wp_r[" + (fa - 1) + ":0]", "i_in_data")
                .read("in_rp_r[" + (fa - 1) + ":0]").build());
        it.add(MemorySpec.builder("intag", Width.bits(8), 1 << ta).clock("i_clk")
                .comment("Input FIFO tags, one per window.")
                .write("in_accept & in_first_r", "in_twp_r[" + (ta - 1) + ":0]", "i_in_tag")
                .read("in_trp_r[" + (ta - 1) + ":0]").build());
        it.add(V.ff("Input FIFO push side and pointers.",
                V.when("i_rst",
                        V.nb("in_wp_r", V.lit(fa + 1, 0)), V.nb("in_rp_r", V.lit(fa + 1, 0)),
                        V.nb("in_twp_r", V.lit(ta + 1, 0)), V.nb("in_trp_r", V.lit(ta + 1, 0)),
                        V.nb("in_cnt_r", V.lit(ta + 1, 0)), V.nb("in_first_r", "1'b1"), V.nb("in_drop_r", "1'b0"))
                        .orElse(
                                V.when("i_in_valid",
                                        V.nb("in_first_r", "i_in_last"),
                                        V.when("in_first_r", V.nb("in_drop_r", "~in_room & ~i_in_last"))),
                                V.when("in_accept", V.nb("in_wp_r", "in_wp_r + " + V.lit(fa + 1, 1))),
                                V.when("in_accept & in_first_r", V.nb("in_twp_r", "in_twp_r + " + V.lit(ta + 1, 1))),
                                V.when("feed", V.nb("in_rp_r", "in_rp_r + " + V.lit(fa + 1, 1))),
                                V.when("lstart", V.nb("in_trp_r", "in_trp_r + " + V.lit(ta + 1, 1))),
                                V.nb("in_cnt_r", "in_cnt_r + {" + ta + "'d0, in_accept & i_in_last} - {" + ta
                                        + "'d0, lstart}"))));
        it.add(CommentBlockOf("Loader (docs 4.5, section 5 rule 4): windows to slots (round, context, PE) in arrival order."));
        it.add(V.reg("feeding_r", 1, "feeding a window through the input stage"));
        it.add(V.reg("fj_r", 16, "sample index"));
        it.add(V.reg("fch_r", 16, "channel of the sample"));
        it.add(V.reg("fctx_r", 1, "context of the slot"));
        it.add(V.reg("fpe_r", pb, "PE of the slot"));
        it.add(V.reg("lr_r", 16, "round the loader fills"));
        it.add(V.reg("lx_r", 1, "context the loader fills"));
        it.add(V.reg("lk_r", pb, "next PE the loader fills"));
        it.add(V.reg("vis0_r", vb, "context A windows staged for the next round"));
        it.add(V.reg("vis1_r", vb, "context B windows staged for the next round"));
        it.add(V.reg("slot_push_r", 1, "push the started window's tag into the slot-tag FIFO"));
        it.add(V.regArray("slotcnt_r", vb, 8, "windows per (round mod 4, context)"));
        it.add(V.wire("lstart", 1, "the loader starts a window"));
        it.add(V.wire("feed", 1, "a sample enters the input stage"));
        it.add(V.wire("f_j", 16, "sample index fed"));
        it.add(V.wire("f_ch", 16, "its channel"));
        it.add(V.wire("f_ctx", 1, "its context"));
        it.add(V.wire("f_pe", pb, "its PE"));
        it.add(V.wire("f_lastw", 1, "last sample of the window"));
        it.add(V.wire("in_pidx", 16, "input-stage parameter entry"));
        it.add(V.wire("lr_next", 16, "round after lr"));
        it.add(V.assign("lstart", "running_r & ~feeding_r & ~in_empty & stg_free_r[lx_r]"));
        it.add(V.assign("feed", "lstart | feeding_r"));
        it.add(V.assign("f_j", "lstart ? 16'd0 : fj_r"));
        it.add(V.assign("f_ch", "lstart ? 16'd0 : fch_r"));
        it.add(V.assign("f_ctx", "lstart ? lx_r : fctx_r"));
        it.add(V.assign("f_pe", "lstart ? lk_r : fpe_r"));
        it.add(V.assign("f_lastw", "f_j == h_n - 16'd1"));
        it.add(V.assign("in_pidx", "h_pbase + f_ch"));
        it.add(V.assign("lr_next", "lr_r + 16'd1"));
        String lastPe = V.lit(pb, s.p() - 1);
        it.add(V.ff("Loader state, slot counts and staged-window counts.",
                V.when("i_rst | ~running_r",
                        V.nb("feeding_r", "1'b0"), V.nb("fj_r", "16'd0"), V.nb("fch_r", "16'd0"),
                        V.nb("fctx_r", "1'b0"), V.nb("fpe_r", V.lit(pb, 0)), V.nb("lr_r", "16'd0"),
                        V.nb("lx_r", "1'b0"), V.nb("lk_r", V.lit(pb, 0)), V.nb("vis0_r", V.lit(vb, 0)),
                        V.nb("vis1_r", V.lit(vb, 0)), V.nb("slot_push_r", "1'b0"),
                        V.nb("slotcnt_r[0]", V.lit(vb, 0)), V.nb("slotcnt_r[1]", V.lit(vb, 0)),
                        V.nb("slotcnt_r[2]", V.lit(vb, 0)), V.nb("slotcnt_r[3]", V.lit(vb, 0)),
                        V.nb("slotcnt_r[4]", V.lit(vb, 0)), V.nb("slotcnt_r[5]", V.lit(vb, 0)),
                        V.nb("slotcnt_r[6]", V.lit(vb, 0)), V.nb("slotcnt_r[7]", V.lit(vb, 0)))
                        .orElse(
                                V.nb("slot_push_r", "lstart"),
                                V.when("feed",
                                        V.nb("feeding_r", "~f_lastw"), V.nb("fj_r", "f_j + 16'd1"),
                                        V.nb("fch_r", "(f_ch == h_inch - 16'd1) ? 16'd0 : f_ch + 16'd1"),
                                        V.nb("fctx_r", "f_ctx"), V.nb("fpe_r", "f_pe")),
                                V.when("lstart",
                                        V.nb("slotcnt_r[{lr_r[1:0], lx_r}]", V.zext("lk_r", pb, vb) + " + "
                                                + V.lit(vb, 1)),
                                        V.when("lk_r == " + lastPe,
                                                V.nb("lk_r", V.lit(pb, 0)), V.nb("lx_r", "~lx_r"),
                                                V.when("lx_r", V.nb("lr_r", "lr_next"),
                                                        V.nb("slotcnt_r[{lr_next[1:0], 1'b0}]", V.lit(vb, 0)),
                                                        V.nb("slotcnt_r[{lr_next[1:0], 1'b1}]", V.lit(vb, 0))))
                                                .orElse(V.nb("lk_r", "lk_r + " + V.lit(pb, 1)))),
                                V.when("start_round & (lr_r == cr_r)",
                                        V.nb("lr_r", "lr_next"), V.nb("lx_r", "1'b0"), V.nb("lk_r", V.lit(pb, 0)),
                                        V.nb("slotcnt_r[{lr_next[1:0], 1'b0}]", V.lit(vb, 0)),
                                        V.nb("slotcnt_r[{lr_next[1:0], 1'b1}]", V.lit(vb, 0))),
                                V.when("start_round", V.nb("vis0_r", V.lit(vb, 0)), V.nb("vis1_r", V.lit(vb, 0)))
                                        .orElse(V.when(isf("w") + " & " + isf("lastw"),
                                                V.when(isf("ctx"), V.nb("vis1_r", "vis1_r + " + V.lit(vb, 1)))
                                                        .orElse(V.nb("vis0_r", "vis0_r + " + V.lit(vb, 1))))))));
        // input stage
        Map<String, String> sb = new LinkedHashMap<>();
        sb.put("v", "feed");
        sb.put("lastw", "f_lastw");
        sb.put("ctx", "f_ctx");
        sb.put("pe", "f_pe");
        sb.put("addr", "f_j");
        it.add(V.reg("in1_r", inSide.width(), "R1: sideband of the sample in the input stage"));
        it.add(V.ff("Input-stage sideband, stage R1.", V.nb("in1_r", inSide.pack(sb))));
        int stages = 2 + s.inExtra();
        it.addAll(V.delay("insb", inSide.width(), "in1_r", stages, "input-stage sideband in the staging write cycle"));
        StringBuilder busy = new StringBuilder(inSide.field("in1_r", "v"));
        for (int k = 0; k < stages; k++) {
            busy.append(" | ").append(inSide.field("insb_d" + k + "_r", "v"));
        }
        it.add(V.wire("in_busy", 1, "samples in the input stage (their staging writes have not landed)"));
        it.add(V.assign("in_busy", busy.toString()));
        if (requantIn == null) {
            // No input stage (input_stage = false): windows arrive quantised and pass with the same latency.
            it.addAll(V.delay("stg_wdata", s.ab(), "inq_rdata_r[" + (s.ab() - 1) + ":0]", stages,
                    "quantised input sample in the staging write cycle"));
            it.add(V.wire("unused_in", 1, "header fields only the input stage reads"));
            it.add(V.assign("unused_in", "&{1'b0, h_instage, h_single, h_zin, h_pbase, h_in16"
                    + (s.ab() < 16 ? ", inq_rdata_r[15:" + s.ab() + "]" : "") + "}"));
            return;
        }
        it.add(V.wire("in_value", 64, "input-stage output"));
        it.add(V.wire("unused_in", 1, "input-stage bits not stored"));
        it.add(V.wire("in_clamp_lo", 1, "input stage clamped low"));
        it.add(V.wire("in_clamp_hi", 1, "input stage clamped high"));
        it.add(V.reg("in_mode_r", 3, "R1: input-stage mode"));
        it.add(V.ff("Input-stage mode: DOUBLE or SINGLE with an input stage, else RAW (values pass unchanged).",
                V.nb("in_mode_r", "~h_instage ? 3'd3 : h_single ? 3'd1 : 3'd0")));
        it.add(InstanceSpec.of(requantIn, "u_input_stage")
                .connect("i_clk", "i_clk")
                .connect("i_mode", "in_mode_r")
                .connect("i_value", V.sext("inq_rdata_r", 16, 64))
                .connect("i_bias", "(in_mode_r == 3'd3) ? 64'd0 : {pi1_rdata_r, pi0_rdata_r}")
                .connect("i_m", "pi2_rdata_r")
                .connect("i_shr", "pi3_rdata_r[5:0]")
                .connect("i_shl", "pi3_rdata_r[12:8]")
                .connect("i_count", "5'd0")
                .connect("i_zout", "h_zin")
                .connect("i_min", "h_in16 ? 16'h8000 : 16'hff80")
                .connect("i_max", "h_in16 ? 16'h7fff : 16'h007f")
                .connect("o_value", "in_value")
                .connect("o_clamp_lo", "in_clamp_lo")
                .connect("o_clamp_hi", "in_clamp_hi")
                .comment("Input stage (docs 3.5, 4.5): clamp(z_in + MBQM(code - baseline)) to the input width.")
                .build());
        it.addAll(V.delay("stg_wdata", s.ab(), "in_value[" + (s.ab() - 1) + ":0]", s.inExtra() - s.inCuts(),
                "input-stage value in the staging write cycle"));
        it.add(V.assign("unused_in", "&{1'b0, in_value, in_clamp_lo, in_clamp_hi, pi3_rdata_r[31:13], pi3_rdata_r[7:6]}"));
    }

    /** A field of the input-stage sideband in the staging write cycle. */
    private String isf(String field) {
        if (field.equals("w")) {
            return inSide.field("insb", "v");
        }
        return inSide.field("insb", field);
    }

    // ---------------------------------------------------------------------------------------------------------
    private void unloader() {
        int vb = s.peBits() + 1;
        int pb = s.peBits();
        int sa = s.slotTagAw();
        int ra = s.resFifoAw();
        it.add(CommentBlockOf("Unloader (docs 4.6, section 5 rule 5): result buffers to the result FIFO in slot order."));
        it.add(V.reg("u_active_r", 1, "unloading a record (round, context)"));
        it.add(V.reg("urec_r", 8, "record: {round mod 128, context}"));
        it.add(V.reg("ulane_r", pb, "PE being unloaded"));
        it.add(V.reg("uw_r", 17, "word within the window's record"));
        it.add(V.reg("useq_r", 16, "window sequence number"));
        it.add(V.reg("st_wp_r", sa + 1, "slot-tag FIFO write pointer"));
        it.add(V.reg("st_rp_r", sa + 1, "slot-tag FIFO read pointer"));
        it.add(V.reg("rq_wp_r", ra + 1, "result FIFO write pointer"));
        it.add(V.reg("rq_rp_r", ra + 1, "result FIFO read pointer"));
        String[][] w = {
            {"u_ready", "1", "the record's last layer is written"}, {"u_go", "1", "the unloader works this cycle"},
            {"u_push", "1", "a word is pushed"}, {"u_w", "17", "word index this cycle"},
            {"u_lane", Integer.toString(pb), "PE this cycle"}, {"u_cnt", Integer.toString(vb), "windows in the record"},
            {"u_cnt_b", Integer.toString(vb), "windows in context B of the round"},
            {"u_win_done", "1", "last word of a window"}, {"u_rec_done", "1", "last word of the record"},
            {"u_round_done", "1", "last word of the round"}, {"u_next_w", "17", "word whose data to read"},
            {"u_k", "17", "output index of u_next_w"}, {"u_word", "32", "the pushed word"},
            {"u_data", "64", "result of the PE being unloaded"}, {"res_full", "1", "result FIFO full"},
            {"res_level", String.valueOf(ra + 1), "result FIFO words"}, {"res_pop", "1", "result FIFO pop"},
            {"rec_diff", "8", "records written minus record being unloaded"},
        };
        for (String[] x : w) {
            it.add(V.wire(x[0], Integer.parseInt(x[1]), x[2]));
        }
        it.add(V.assign("rec_diff", "res_ready_r - urec_r"));
        it.add(V.assign("u_ready", "~rec_diff[7] & (rec_diff != 8'd0)"));
        it.add(V.assign("u_go", "u_active_r | (running_r & u_ready)"));
        it.add(V.assign("u_push", "u_go & ~res_full"));
        it.add(V.assign("u_w", "u_active_r ? uw_r : 17'd0"));
        it.add(V.assign("u_lane", "u_active_r ? ulane_r : " + V.lit(pb, 0)));
        it.add(V.assign("u_cnt", "slotcnt_r[urec_r[2:0]]"));
        it.add(V.assign("u_cnt_b", "slotcnt_r[{urec_r[2:1], 1'b1}]"));
        it.add(V.assign("u_win_done", "u_push & (u_w == h_words - 17'd1)"));
        it.add(V.assign("u_rec_done", "u_win_done & (" + V.zext("u_lane", pb, vb) + " == u_cnt - " + V.lit(vb, 1) + ")"));
        it.add(V.assign("u_round_done", "u_rec_done & (urec_r[0] | (u_cnt_b == " + V.lit(vb, 0) + "))"));
        it.add(V.assign("u_next_w", "u_push ? u_w + 17'd1 : u_w"));
        it.add(V.assign("u_k", "h_wide ? (u_next_w - 17'd1) >> 1 : u_next_w - 17'd1"));
        it.add(V.wire("res_raddr", s.resAw() + 2, "result read address to the PEs"));
        it.add(V.assign("res_raddr", "{urec_r[0], urec_r[1], u_k[" + (s.resAw() - 1) + ":0]}"));
        it.add(V.wire("pe_res_all", 64 * s.p(), "result read data of all PEs"));
        Stmt.Case.Builder mux = Stmt.caseOf("u_lane");
        for (int k = 0; k < s.p(); k++) {
            mux.when(V.lit(pb, k), V.bl("u_data_sel", "pe_res_all[" + (64 * k + 63) + ":" + (64 * k) + "]"));
        }
        if ((1 << pb) != s.p()) {
            mux.otherwise(V.bl("u_data_sel", "64'd0"));
        }
        it.add(V.comb("u_data_sel", 64, "result of PE u_lane"));
        it.add(V.comb("PE select of the unloader.", mux.build()));
        it.add(V.assign("u_data", "u_data_sel"));
        it.add(MemorySpec.builder("slottag", Width.bits(8), 1 << sa).clock("i_clk")
                .comment("Slot tags: the tag of each loaded window, in arrival order, for its result header.")
                .readStyle(MemorySpec.ReadStyle.REGISTERED_ADDRESS)
                .write("slot_push_r", "st_wp_r[" + (sa - 1) + ":0]", "intag_rdata_r")
                .read("u_win_done ? st_rp_r[" + (sa - 1) + ":0] + " + V.lit(sa, 1) + " : st_rp_r[" + (sa - 1) + ":0]")
                .build());
        it.add(V.assign("u_word", "(u_w == 17'd0) ? {8'ha5, slottag_rdata, useq_r} : (h_wide & ~u_w[0]) ? "
                + "u_data[63:32] : u_data[31:0]"));
        it.add(V.ff("Unloader state.",
                V.when("i_rst | ~running_r",
                        V.nb("u_active_r", "1'b0"), V.nb("urec_r", "8'd0"), V.nb("ulane_r", V.lit(pb, 0)),
                        V.nb("uw_r", "17'd0"), V.nb("useq_r", "16'd0"))
                        .orElse(
                                V.when("u_go",
                                        V.nb("u_active_r", "~u_rec_done"),
                                        V.nb("uw_r", "u_win_done ? 17'd0 : u_next_w"),
                                        V.nb("ulane_r", "u_rec_done ? " + V.lit(pb, 0) + " : u_win_done ? u_lane + "
                                                + V.lit(pb, 1) + " : u_lane"),
                                        V.when("u_win_done", V.nb("useq_r", "useq_r + 16'd1")),
                                        V.when("u_rec_done", V.nb("urec_r", "(~urec_r[0] & (u_cnt_b == " + V.lit(vb, 0)
                                                + ")) ? urec_r + 8'd2 : urec_r + 8'd1"))))));
        it.add(V.ff("Slot-tag FIFO pointers (kept while stopped, reset with the state).",
                V.when("i_rst | ~running_r", V.nb("st_wp_r", V.lit(sa + 1, 0)), V.nb("st_rp_r", V.lit(sa + 1, 0)))
                        .orElse(V.when("slot_push_r", V.nb("st_wp_r", "st_wp_r + " + V.lit(sa + 1, 1))),
                                V.when("u_win_done", V.nb("st_rp_r", "st_rp_r + " + V.lit(sa + 1, 1))))));
        // result FIFO
        it.add(V.assign("res_level", "rq_wp_r - rq_rp_r"));
        it.add(V.assign("res_full", "res_level >= " + V.lit(ra + 1, s.cfg().resultFifoWords())));
        it.add(V.assign("res_pop", "i_res_pop & (res_level != " + V.lit(ra + 1, 0) + ")"));
        it.add(MemorySpec.builder("resq", Width.bits(32), 1 << ra).clock("i_clk")
                .comment("Result FIFO (first word falls through: the read address follows the read pointer).")
                .readStyle(MemorySpec.ReadStyle.REGISTERED_ADDRESS)
                .write("u_push", "rq_wp_r[" + (ra - 1) + ":0]", "u_word")
                .read("res_pop ? rq_rp_r[" + (ra - 1) + ":0] + " + V.lit(ra, 1) + " : rq_rp_r[" + (ra - 1) + ":0]")
                .build());
        it.add(V.ff("Result FIFO pointers.",
                V.when("i_rst", V.nb("rq_wp_r", V.lit(ra + 1, 0)), V.nb("rq_rp_r", V.lit(ra + 1, 0)))
                        .orElse(V.when("u_push", V.nb("rq_wp_r", "rq_wp_r + " + V.lit(ra + 1, 1))),
                                V.when("res_pop", V.nb("rq_rp_r", "rq_rp_r + " + V.lit(ra + 1, 1))))));
        it.add(V.assign("o_res_valid", "res_level != " + V.lit(ra + 1, 0)));
        it.add(V.assign("o_res_data", "resq_rdata"));
        it.add(V.assign("o_res_level", V.zext("res_level", ra + 1, 32)));
    }

    // ---------------------------------------------------------------------------------------------------------
    private void pes(ModuleSpec pe) {
        int p = s.p();
        it.add(V.wire("pe_clamp_lo", p, "per PE: clamped low in the write cycle"));
        it.add(V.wire("pe_clamp_hi", p, "per PE: clamped high in the write cycle"));
        it.add(V.wire("stg_we", 1, "staging write cycle"));
        it.add(V.assign("stg_we", isf("w")));
        it.add(V.wire("stg_waddr", s.stgAw() + 1, "staging write address"));
        it.add(V.assign("stg_waddr", "{" + isf("ctx") + ", " + V.slice(isf("addr"), s.stgAw() - 1, 0) + "}"));
        it.add(V.wire("unused_sb", 1, "sideband bits not used"));
        it.add(V.assign("unused_sb", "&{1'b0, insb}"));
        it.add(GenerateFor.builder("g_pe", "g", "0", Integer.toString(p))
                .comment("P processing elements, one window each, in lockstep.")
                .add(InstanceSpec.of(pe, "u_pe")
                        .connect("i_clk", "i_clk")
                        .connect("i_stg_raddr", "stg_raddr")
                        .connect("i_act_raddr", "act_raddr")
                        .connect("i_t1_inside", "t1_ctl_r[2]")
                        .connect("i_t1_src_stg", "t1_ctl_r[1]")
                        .connect("i_t1_zin", "t1_zin_r")
                        .connect("i_w", "wb_r")
                        .connect("i_t2_in16", "t2_ctl_r[3]")
                        .connect("i_acc_mac", "t3_ctl[7] & t3_ctl[6]")
                        .connect("i_acc_pool", "t3_ctl[7] & ~t3_ctl[6]")
                        .connect("i_acc_first", "t3_ctl[5]")
                        .connect("i_acc_real", "t3_ctl[2]")
                        .connect("i_pool_max", "t3_ctl[0]")
                        .connect("i_capture", "cap_r")
                        .connect("i_drain_lane", "drain_lane")
                        .connect("i_drain_pool", "drain_pool")
                        .connect("i_rq_mode", "r1_mode_r")
                        .connect("i_rq_bias", "{pd1_rdata_r, pd0_rdata_r}")
                        .connect("i_rq_m", "pd2_rdata_r")
                        .connect("i_rq_shr", "pd3_rdata_r[5:0]")
                        .connect("i_rq_shl", "pd3_rdata_r[12:8]")
                        .connect("i_rq_zout", "r1_zout_r")
                        .connect("i_rq_min", "r1_min_r")
                        .connect("i_rq_max", "r1_max_r")
                        .connect("i_act_we", "act_we")
                        .connect("i_act_waddr", "act_waddr")
                        .connect("i_res_we", "res_we")
                        .connect("i_res_waddr", "res_waddr")
                        .connect("i_stg_we", "stg_we & (" + isf("pe") + " == g)")
                        .connect("i_stg_waddr", "stg_waddr")
                        .connect("i_stg_wdata", "stg_wdata")
                        .connect("i_res_raddr", "res_raddr")
                        .connect("o_res_rdata", "pe_res_all[64*g +: 64]")
                        .connect("o_clamp_lo", p == 1 ? "pe_clamp_lo" : "pe_clamp_lo[g]")   // P = 1: a scalar
                        .connect("o_clamp_hi", p == 1 ? "pe_clamp_hi" : "pe_clamp_hi[g]")
                        .build())
                .build());
        it.add(V.wire("unused_pd", 1, "parameter bits the drain does not use"));
        it.add(V.assign("unused_pd", "&{1'b0, pd3_rdata_r[31:13], pd3_rdata_r[7:6]}"));
    }

    // ---------------------------------------------------------------------------------------------------------
    private void counters() {
        String[][] c = {
            {"cnt_win_in_r", "in_accept & i_in_last", "o_windows_in"},
            {"cnt_win_out_r", "u_win_done", "o_windows_out"},
            {"cnt_rounds_r", "start_round", "o_rounds"},
            {"cnt_busy_r", "in_round_r", "o_busy_cycles"},
            {"cnt_idle_r", "in_round_r & ~issue", "o_idle_issue"},
            {"cnt_drops_r", "i_in_valid & in_first_r & ~in_room", "o_input_drops"},
            {"cnt_stalls_r", "u_go & res_full", "o_result_stalls"},
            {"cnt_clamp_lo_r", wf("v") + " & (|pe_clamp_lo)", "o_clamp_low"},
            {"cnt_clamp_hi_r", wf("v") + " & (|pe_clamp_hi)", "o_clamp_high"},
        };
        List<Stmt> rst = new ArrayList<>();
        List<Stmt> inc = new ArrayList<>();
        for (String[] x : c) {
            it.add(V.reg(x[0], 32, "counter behind " + x[2]));
            rst.add(V.nb(x[0], "32'd0"));
            inc.add(V.when(x[1], V.nb(x[0], x[0] + " + 32'd1")));
        }
        it.add(V.ff("Status and error counters (docs 4.7); CTRL.clear resets them.",
                V.when("i_rst | i_clear", rst.toArray(Stmt[]::new)).orElse(inc.toArray(Stmt[]::new))));
        for (String[] x : c) {
            it.add(V.assign(x[2], x[0]));
        }
    }
}
