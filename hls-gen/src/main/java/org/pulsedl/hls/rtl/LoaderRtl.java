package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.accel.ResultHeader;
import org.pulsedl.hls.verilog.CommentBlock;
import org.pulsedl.hls.verilog.InstanceSpec;
import org.pulsedl.hls.verilog.MemorySpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;
import org.pulsedl.hls.verilog.Width;

/**
 * The input side (docs/accelerator.md §4.5, {@code ArraySimulator.loader}): the input FIFO taking whole windows with a
 * tag FIFO beside it, the loader assigning windows to slots (round, context, PE) in arrival order (§5 rule 4), and the
 * input stage quantising each sample on its way into the PE's staging buffer. It also keeps the slot metadata the
 * unloader reads: windows per (round mod 4, context) and the tag of each started window.
 */
final class LoaderRtl {
    /**
     * Bits of a window's slot tag, from the input FIFO to the unloader: {capture timestamp, sequence number, tag}, the
     * fields of its result words ({@link ResultHeader}).
     */
    static final int SLOT_TAG_BITS = ResultHeader.TIMESTAMP_BITS + ResultHeader.SEQUENCE_BITS + ResultHeader.TAG_BITS;

    private final RtlShape s;
    private final ModuleSpec requantIn;
    private final ModuleSpec.Builder m;
    private final Bundle side;
    private final List<ModuleItem> it = new ArrayList<>();

    private LoaderRtl(RtlShape s, ModuleSpec requantIn) {
        this.s = s;
        this.requantIn = requantIn;
        this.m = ModuleSpec.builder(s.name("loader"));
        this.side = new Bundle().add("v", 1).add("lastw", 1).add("ctx", 1).add("pe", s.peBits()).add("addr", 16);
    }

    /** The loader; {@code requantIn} is the input stage's requantiser, null without an input stage. */
    static ModuleSpec module(RtlShape s, ModuleSpec requantIn) {
        return new LoaderRtl(s, requantIn).build();
    }

    private ModuleSpec build() {
        int vb = s.peBits() + 1;
        m.header(s.name("loader") + ": input FIFO, loader and input stage; docs/accelerator.md section 4.5.",
                        "Mirrors ArraySimulator.loader; the FIFO keeps its contents while stopped.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_rst", 1, "synchronous reset, active high"))
                .port(V.in("i_in_valid", 1, "input port: a window sample"))
                .port(V.in("i_in_data", 16, "input port: ADC code or quantised value"))
                .port(V.in("i_in_tag", 8, "input port: the window's tag (taken with its first sample)"))
                .port(V.in("i_in_time", 32, "input port: the window's capture timestamp (taken with its first sample)"))
                .port(V.in("i_in_last", 1, "input port: last sample of the window"))
                .port(V.in("i_running", 1, "controller: streaming"))
                .port(V.in("i_hold", 1, "stopping: start no new window (the one being fed finishes)"))
                .port(s.pipelinedControl()
                        ? V.in("i_round_started", 1, "controller: a round's first tap issued in the previous cycle (no"
                                + " window starts or lands in that cycle: staging is not free and the input stage empty)")
                        : V.in("i_round_start", 1, "controller: a round's first tap issues"))
                .port(V.in("i_round", 16, "controller: the round being computed"))
                .port(V.in("i_stg_free", 2, "controller: staging buffer of context A/B free"))
                .port(V.in("i_hdr_n", 16, "header: input values per window"))
                .port(V.in("i_hdr_inch", 16, "header: input channels"))
                .port(V.in("i_slot_rec", 3, "unloader: record {round mod 4, context} it unloads"))
                .port(V.out("o_in_room", 1, "the input FIFO has room for a whole window"))
                .port(V.out("o_in_empty", 1, "no complete window in the input FIFO"))
                .port(V.out("o_window_in", 1, "a window's last sample is stored"))
                .port(V.out("o_window_drop", 1, "a window is refused (input FIFO full)"))
                .port(V.out("o_frame_drop", 1, "a window ends with the wrong number of samples and is dropped"))
                .port(V.out("o_feeding", 1, "a window is entering the input stage"))
                .port(V.out("o_in_busy", 1, "samples in the input stage (their staging writes have not landed)"))
                .port(V.out("o_window_start", 1, "the loader starts filling a slot"))
                .port(V.out("o_fill_round", 16, "round the loader fills"))
                .port(V.out("o_fill_ctx", 1, "context the loader fills"))
                .port(V.out("o_fill_pe", s.peBits(), "next PE the loader fills"))
                .port(V.out("o_staged_a", vb, "context A windows staged for the next round"))
                .port(V.out("o_staged_b", vb, "context B windows staged for the next round"))
                .port(V.out("o_slot_push", 1, "a window started: push its tag into the slot-tag FIFO"))
                .port(V.out("o_slot_tag", SLOT_TAG_BITS, "the started window's {timestamp, sequence number, tag}"))
                .port(V.out("o_slot_count", vb, "windows in record i_slot_rec"))
                .port(V.out("o_slot_count_b", vb, "windows in context B of i_slot_rec's round"))
                .port(V.out("o_stg_we", 1, "staging write cycle"))
                .port(V.out("o_stg_pe", s.peBits(), "PE whose staging buffer is written"))
                .port(V.out("o_stg_waddr", s.stgAw() + 1, "staging write address {context, index}"))
                .port(V.out("o_stg_wdata", s.ab(), "the quantised input sample"));
        fifo();
        loader();
        inputStage();
        return m.add(V.declarationsFirst(it)).build();
    }

    // ---------------------------------------------------------------------------------------------------------
    private void fifo() {
        int fa = s.inFifoAw();
        int ta = s.inTagAw();
        // fast-clock build: the tests deciding a sample's fate from registers (roomAhead); else combinational
        boolean ahead = s.pipelinedControl();
        String room = ahead ? "in_room_r" : "in_room";
        String eq = ahead ? "in_eq_r" : "(in_n_next == i_hdr_n)";
        String le = ahead ? "in_le_r" : "(in_n_next <= i_hdr_n)";
        it.add(CommentBlock.of("Input FIFO (docs 4.5): whole windows of samples, with a tag FIFO beside it. A window is"
                + " framed by i_in_last: its samples are written behind the committed write pointer and committed only"
                + " when the last one arrives as sample number hdr_n; a shorter or longer window is dropped (counted)"
                + " and the pointer rewinds, so it never shifts the next window." + (ahead ? " The tests that decide a"
                + " sample's fate (room for a window, the sample's number against hdr_n) are registered, computed a"
                + " cycle ahead from the next values of the pointers; they see hdr_n two cycles after the header does"
                + " (in_hdr_n_r)." : "")));
        it.add(V.reg("in_wp_r", fa + 1, "committed sample write pointer (whole windows)"));
        it.add(V.reg("in_sp_r", fa + 1, "speculative write pointer within the arriving window"));
        if (ahead) {
            it.add(V.reg("in_n_r", 16, "number of the next sample within its window, from 1 (saturates)"));
            it.add(V.reg("in_eq_r", 1, "the next sample is number hdr_n"));
            it.add(V.reg("in_le_r", 1, "the next sample is within hdr_n"));
            it.add(V.reg("in_room_r", 1, "room for a whole window (samples and tag)"));
        } else {
            it.add(V.reg("in_n_r", 16, "samples of the arriving window so far (saturates)"));
        }
        it.add(V.reg("in_rp_r", fa + 1, "sample read pointer"));
        it.add(V.reg("in_twp_r", ta + 1, "tag write pointer"));
        it.add(V.reg("in_trp_r", ta + 1, "tag read pointer"));
        it.add(V.reg("in_cnt_r", ta + 1, "complete windows waiting"));
        it.add(V.reg("in_first_r", 1, "the next sample starts a window"));
        it.add(V.reg("in_drop_r", 1, "dropping the current window (no room at its first sample)"));
        it.add(V.reg("in_tag_r", 8, "tag of the arriving window"));
        it.add(V.reg("in_time_r", 32, "capture timestamp of the arriving window"));
        it.add(V.reg("in_seq_r", 16, "sequence number of the next arriving window (every window counts, so a drop"
                + " leaves a gap)"));
        it.add(V.reg("in_wseq_r", 16, "sequence number of the arriving window"));
        if (!ahead) {
            it.add(V.wire("in_used", fa + 1, "samples in the FIFO"));
            it.add(V.wire("in_room", 1, "room for a whole window (samples and tag)"));
        }
        it.add(V.wire("in_accept", 1, "the sample is stored"));
        it.add(V.wire("in_empty", 1, "no complete window waiting"));
        it.add(V.wire("in_refused", 1, "the window is refused: no room at its first sample"));
        if (ahead) {
            it.add(V.wire("in_n_inc", 16, "number of the sample after the next (saturates)"));
            it.add(V.wire("in_n_after", 16, "in_n_r in the next cycle"));
        } else {
            it.add(V.wire("in_n_next", 16, "samples of the arriving window including this one"));
        }
        it.add(V.wire("in_commit", 1, "the last sample arrives as sample hdr_n of a stored window"));
        it.add(V.wire("in_wtag", 8, "tag of the arriving window, this cycle"));
        it.add(V.wire("in_wtime", 32, "capture timestamp of the arriving window, this cycle"));
        it.add(V.wire("in_wseq", 16, "sequence number of the arriving window, this cycle"));
        if (ahead) {
            roomAhead(fa, ta);
        } else {
            it.add(V.assign("in_used", "in_wp_r - in_rp_r"));
            int rw = Math.max(fa + 2, 18);
            it.add(V.assign("in_room", "((" + V.zext("in_used", fa + 1, rw) + " + " + V.zext("i_hdr_n", 16, rw)
                    + ") <= " + V.lit(rw, 1L << fa) + ") & ((in_twp_r - in_trp_r) < "
                    + V.lit(ta + 1, s.cfg().inputFifoWindows()) + ")"));
        }
        it.add(V.assign("in_refused", "in_first_r ? ~" + room + " : in_drop_r"));
        if (ahead) {
            it.add(V.assign("in_n_inc", "(in_n_r == 16'hffff) ? in_n_r : in_n_r + 16'd1"));
            it.add(V.assign("in_n_after", "~i_in_valid ? in_n_r : i_in_last ? 16'd1 : in_n_inc"));
        } else {
            it.add(V.assign("in_n_next", "in_first_r ? 16'd1 : (in_n_r == 16'hffff) ? in_n_r : in_n_r + 16'd1"));
        }
        it.add(V.assign("in_accept", "i_in_valid & ~in_refused & " + le));
        it.add(V.assign("in_commit", "i_in_valid & i_in_last & ~in_refused & " + eq));
        it.add(V.assign("in_wtag", "in_first_r ? i_in_tag : in_tag_r"));
        it.add(V.assign("in_wtime", "in_first_r ? i_in_time : in_time_r"));
        it.add(V.assign("in_wseq", "in_first_r ? in_seq_r : in_wseq_r"));
        it.add(V.assign("in_empty", "in_cnt_r == " + V.lit(ta + 1, 0)));
        it.add(V.assign("o_in_room", room));
        it.add(V.assign("o_in_empty", "in_empty"));
        it.add(V.assign("o_window_in", "in_commit"));
        it.add(V.assign("o_window_drop", "i_in_valid & in_first_r & ~" + room));
        it.add(V.assign("o_frame_drop", "i_in_valid & i_in_last & ~in_refused & "
                + (ahead ? "~in_eq_r" : "(in_n_next != i_hdr_n)")));
        it.add(MemorySpec.builder("inq", Width.bits(16), 1 << fa).clock("i_clk")
                .comment("Input FIFO samples.")
                .write("in_accept", "in_sp_r[" + (fa - 1) + ":0]", "i_in_data")
                .read("in_rp_r[" + (fa - 1) + ":0]").build());
        it.add(MemorySpec.builder("intag", Width.bits(SLOT_TAG_BITS), 1 << ta).clock("i_clk")
                .comment("Input FIFO tags {timestamp, sequence, tag}, one per committed window.")
                .write("in_commit", "in_twp_r[" + (ta - 1) + ":0]", "{in_wtime, in_wseq, in_wtag}")
                .read("in_trp_r[" + (ta - 1) + ":0]").build());
        it.add(V.assign("o_slot_tag", "intag_rdata_r"));
        List<Stmt> reset = new ArrayList<>(List.of(
                V.nb("in_wp_r", V.lit(fa + 1, 0)), V.nb("in_sp_r", V.lit(fa + 1, 0)),
                V.nb("in_n_r", ahead ? "16'd1" : "16'd0")));
        // the tests a cycle ahead: the next number of in_n_r and the pointers' next room
        List<Stmt> tests = new ArrayList<>();
        if (ahead) {
            reset.addAll(List.of(V.nb("in_eq_r", "in_hdr_n_r == 16'd1"), V.nb("in_le_r", "in_hdr_n_r != 16'd0"),
                    V.nb("in_room_r", "room_reset")));
            tests.addAll(List.of(V.nb("in_n_r", "in_n_after"), V.nb("in_eq_r", "in_n_after == in_hdr_n_r"),
                    V.nb("in_le_r", "in_n_after <= in_hdr_n_r"), V.nb("in_room_r", "room_next")));
        }
        reset.addAll(List.of(V.nb("in_rp_r", V.lit(fa + 1, 0)),
                        V.nb("in_twp_r", V.lit(ta + 1, 0)), V.nb("in_trp_r", V.lit(ta + 1, 0)),
                        V.nb("in_cnt_r", V.lit(ta + 1, 0)), V.nb("in_first_r", "1'b1"), V.nb("in_drop_r", "1'b0"),
                        V.nb("in_tag_r", "8'd0"), V.nb("in_time_r", "32'd0"), V.nb("in_seq_r", "16'd0"),
                        V.nb("in_wseq_r", "16'd0")));
        List<Stmt> arrive = new ArrayList<>(List.of(V.nb("in_first_r", "i_in_last")));
        if (!ahead) {
            arrive.add(V.nb("in_n_r", "in_n_next"));
        }
        arrive.addAll(List.of(V.nb("in_tag_r", "in_wtag"), V.nb("in_time_r", "in_wtime"), V.nb("in_wseq_r", "in_wseq"),
                V.when("in_first_r", V.nb("in_seq_r", "in_seq_r + 16'd1")),
                V.when("in_first_r", V.nb("in_drop_r", "~" + room + " & ~i_in_last"))));
        List<Stmt> run = new ArrayList<>(tests);
        run.addAll(List.of(
                V.when("i_in_valid", arrive.toArray(Stmt[]::new)),
                V.when("in_commit", V.nb("in_wp_r", "in_sp_r + " + V.lit(fa + 1, 1)),
                                V.nb("in_sp_r", "in_sp_r + " + V.lit(fa + 1, 1)))
                        .orElse(V.when("i_in_valid & i_in_last", V.nb("in_sp_r", "in_wp_r"))
                                .orElse(V.when("in_accept", V.nb("in_sp_r", "in_sp_r + " + V.lit(fa + 1, 1))))),
                V.when("in_commit", V.nb("in_twp_r", "in_twp_r + " + V.lit(ta + 1, 1))),
                V.when("feed", V.nb("in_rp_r", "in_rp_r + " + V.lit(fa + 1, 1))),
                V.when("lstart", V.nb("in_trp_r", "in_trp_r + " + V.lit(ta + 1, 1))),
                V.nb("in_cnt_r", "in_cnt_r + {" + ta + "'d0, in_commit} - {" + ta + "'d0, lstart}")));
        it.add(V.ff("Input FIFO push side (framing) and pointers.",
                V.when("i_rst", reset.toArray(Stmt[]::new)).orElse(run.toArray(Stmt[]::new))));
    }

    /**
     * The room test a cycle ahead ({@code room_next}: {@code used + n <= depth} and a free tag entry, for the pointers
     * of the next cycle): one candidate per combination of this cycle's pointer moves (commit, feed, window start),
     * chosen by them at the end, so the moves' logic and the candidates' compares run side by side. The samples held
     * behind the committed and the speculative write pointer are registers ({@code in_usedw_r}, {@code in_useds_r}),
     * and the write side's n is the header's from two cycles before ({@code in_hdr_n_r} one cycle ahead), so each
     * candidate is one compare of two registers ({@code depth - n}, ± 1). A sample is fed only from a committed window,
     * so the FIFO is never empty when one is.
     */
    private void roomAhead(int fa, int ta) {
        int rw = Math.max(fa + 2, 18);
        String depth = V.lit(rw, 1L << fa);
        String windows = V.lit(ta + 1, s.cfg().inputFifoWindows());
        String one = V.lit(fa + 1, 1);
        String tone = V.lit(ta + 1, 1);
        String n = V.zext("i_hdr_n", 16, rw);
        it.add(V.reg("in_hdr_n_r", 16, "header: input values per window, a cycle late (the write side's next n)"));
        it.add(V.reg("in_hfit_r", 1, "n <= depth: a window fits an empty FIFO"));
        it.add(V.reg("in_hfit1_r", 1, "n < depth"));
        it.add(V.reg("in_lim_r", rw, "depth - n: the most samples the FIFO may hold for a window to fit"));
        it.add(V.reg("in_lim_p1_r", rw, "depth - n + 1"));
        it.add(V.reg("in_lim_m1_r", rw, "depth - n - 1"));
        it.add(V.ff("The write side's n, a cycle late, and what the room test compares with.",
                V.nb("in_hdr_n_r", "i_hdr_n"),
                V.nb("in_hfit_r", n + " <= " + depth), V.nb("in_hfit1_r", n + " < " + depth),
                V.nb("in_lim_r", depth + " - " + n), V.nb("in_lim_p1_r", depth + " - " + n + " + " + V.lit(rw, 1)),
                V.nb("in_lim_m1_r", depth + " - " + n + " - " + V.lit(rw, 1))));
        it.add(V.reg("in_usedw_r", fa + 1, "samples behind the committed write pointer: in_wp_r - in_rp_r"));
        it.add(V.reg("in_useds_r", fa + 1, "samples behind the speculative write pointer: in_sp_r - in_rp_r"));
        it.add(V.wire("sp_up", 1, "the speculative write pointer moves on"));
        it.add(V.wire("sp_back", 1, "the speculative write pointer rewinds to the committed one"));
        it.add(V.assign("sp_up", "in_commit | (~(i_in_valid & i_in_last) & in_accept)"));
        it.add(V.assign("sp_back", "~in_commit & i_in_valid & i_in_last"));
        it.add(V.ff("Samples behind the write pointers, as the pointers move (input FIFO push side, feed).",
                V.when("i_rst", V.nb("in_usedw_r", V.lit(fa + 1, 0)), V.nb("in_useds_r", V.lit(fa + 1, 0)))
                        .orElse(V.nb("in_usedw_r", "in_commit ? (feed ? in_useds_r : in_useds_r + " + one + ")"
                                        + " : (feed ? in_usedw_r - " + one + " : in_usedw_r)"),
                                V.nb("in_useds_r", "sp_up ? (feed ? in_useds_r : in_useds_r + " + one + ")"
                                        + " : sp_back ? (feed ? in_usedw_r - " + one + " : in_usedw_r)"
                                        + " : (feed ? in_useds_r - " + one + " : in_useds_r)"))));
        it.add(V.wire("room_reset", 1, "room after a reset (empty FIFO)"));
        it.add(V.assign("room_reset", "in_hfit_r & (" + V.lit(ta + 1, 0) + " < " + windows + ")"));
        String w = V.zext("in_usedw_r", fa + 1, rw);
        String sp = V.zext("in_useds_r", fa + 1, rw);
        String[][] samples = {
            {"00", w + " <= in_lim_r", "no commit, no feed"},
            {"01", w + " <= in_lim_p1_r", "a sample fed"},
            {"10", "in_hfit1_r & (" + sp + " <= in_lim_m1_r)", "a window committed"},
            {"11", sp + " <= in_lim_r", "a window committed and a sample fed"}};
        for (String[] c : samples) {
            it.add(V.wire("fits_" + c[0], 1, "a window fits next cycle: " + c[2]));
            it.add(V.assign("fits_" + c[0], "in_hfit_r & " + c[1]));
        }
        String[][] tags = {
            {"00", "in_twp_r - in_trp_r", "no commit and no window start, or both"},
            {"01", "in_twp_r - (in_trp_r + " + tone + ")", "a window started"},
            {"10", "(in_twp_r + " + tone + ") - in_trp_r", "a window committed"}};
        for (String[] c : tags) {
            it.add(V.wire("tused_" + c[0], ta + 1, "tag entries used next cycle: " + c[2]));
            it.add(V.assign("tused_" + c[0], c[1]));
            it.add(V.wire("tfree_" + c[0], 1, "a tag entry is free next cycle: " + c[2]));
            it.add(V.assign("tfree_" + c[0], "tused_" + c[0] + " < " + windows));
        }
        it.add(V.wire("room_next", 1, "room for a whole window in the next cycle"));
        it.add(V.assign("room_next", "(in_commit ? (feed ? fits_11 : fits_10) : (feed ? fits_01 : fits_00))"
                + " & (in_commit ? (lstart ? tfree_00 : tfree_10) : (lstart ? tfree_01 : tfree_00))"));
    }

    // ---------------------------------------------------------------------------------------------------------
    private void loader() {
        int pb = s.peBits();
        int vb = pb + 1;
        it.add(CommentBlock.of("Loader (docs 4.5, section 5 rule 4): windows to slots (round, context, PE) in arrival"
                + " order."));
        it.add(V.reg("feeding_r", 1, "feeding a window through the input stage"));
        it.add(V.reg("fj_r", 16, "sample index"));
        it.add(V.reg("fch_r", 16, "channel of the sample"));
        it.add(V.reg("fctx_r", 1, "context of the slot"));
        it.add(V.reg("fpe_r", pb, "PE of the slot"));
        it.add(V.reg("lr_r", 16, "round the loader fills (lr)"));
        it.add(V.reg("lx_r", 1, "context the loader fills (lx)"));
        it.add(V.reg("lk_r", pb, "next PE the loader fills (lk)"));
        it.add(V.reg("staged_a_r", vb, "context A windows staged for the next round"));
        it.add(V.reg("staged_b_r", vb, "context B windows staged for the next round"));
        it.add(V.reg("slot_push_r", 1, "push the started window's tag into the slot-tag FIFO"));
        it.add(V.regArray("slot_count_r", vb, 8, "windows per (round mod 4, context)"));
        it.add(V.wire("lstart", 1, "the loader starts a window"));
        it.add(V.wire("feed", 1, "a sample enters the input stage"));
        it.add(V.wire("f_j", 16, "sample index fed"));
        it.add(V.wire("f_ch", 16, "its channel"));
        it.add(V.wire("f_ctx", 1, "its context"));
        it.add(V.wire("f_pe", pb, "its PE"));
        it.add(V.wire("f_lastw", 1, "last sample of the window"));
        it.add(V.wire("lr_next", 16, "round after lr"));
        it.add(V.assign("lstart", "i_running & ~i_hold & ~feeding_r & ~in_empty & i_stg_free[lx_r]"));
        it.add(V.assign("feed", "lstart | feeding_r"));
        it.add(V.assign("f_j", "lstart ? 16'd0 : fj_r"));
        it.add(V.assign("f_ch", "lstart ? 16'd0 : fch_r"));
        it.add(V.assign("f_ctx", "lstart ? lx_r : fctx_r"));
        it.add(V.assign("f_pe", "lstart ? lk_r : fpe_r"));
        it.add(V.assign("f_lastw", "f_j == i_hdr_n - 16'd1"));
        it.add(V.assign("lr_next", "lr_r + 16'd1"));
        String lastPe = V.lit(pb, s.p() - 1);
        String roundStart = s.pipelinedControl() ? "i_round_started" : "i_round_start";
        List<Stmt> clear = new ArrayList<>(List.of(
                V.nb("feeding_r", "1'b0"), V.nb("fj_r", "16'd0"), V.nb("fch_r", "16'd0"),
                V.nb("fctx_r", "1'b0"), V.nb("fpe_r", V.lit(pb, 0)), V.nb("lr_r", "16'd0"),
                V.nb("lx_r", "1'b0"), V.nb("lk_r", V.lit(pb, 0)), V.nb("staged_a_r", V.lit(vb, 0)),
                V.nb("staged_b_r", V.lit(vb, 0)), V.nb("slot_push_r", "1'b0")));
        for (int k = 0; k < 8; k++) {
            clear.add(V.nb("slot_count_r[" + k + "]", V.lit(vb, 0)));
        }
        it.add(V.ff("Loader state, slot counts and staged-window counts.",
                V.when("i_rst | ~i_running", clear.toArray(Stmt[]::new))
                        .orElse(
                                V.nb("slot_push_r", "lstart"),
                                V.when("feed",
                                        V.nb("feeding_r", "~f_lastw"), V.nb("fj_r", "f_j + 16'd1"),
                                        V.nb("fch_r", "(f_ch == i_hdr_inch - 16'd1) ? 16'd0 : f_ch + 16'd1"),
                                        V.nb("fctx_r", "f_ctx"), V.nb("fpe_r", "f_pe")),
                                V.when("lstart",
                                        V.nb("slot_count_r[{lr_r[1:0], lx_r}]", V.zext("lk_r", pb, vb) + " + "
                                                + V.lit(vb, 1)),
                                        V.when("lk_r == " + lastPe,
                                                V.nb("lk_r", V.lit(pb, 0)), V.nb("lx_r", "~lx_r"),
                                                V.when("lx_r", V.nb("lr_r", "lr_next"),
                                                        V.nb("slot_count_r[{lr_next[1:0], 1'b0}]", V.lit(vb, 0)),
                                                        V.nb("slot_count_r[{lr_next[1:0], 1'b1}]", V.lit(vb, 0))))
                                                .orElse(V.nb("lk_r", "lk_r + " + V.lit(pb, 1)))),
                                V.when(roundStart + " & (lr_r == i_round)",
                                        V.nb("lr_r", "lr_next"), V.nb("lx_r", "1'b0"), V.nb("lk_r", V.lit(pb, 0)),
                                        V.nb("slot_count_r[{lr_next[1:0], 1'b0}]", V.lit(vb, 0)),
                                        V.nb("slot_count_r[{lr_next[1:0], 1'b1}]", V.lit(vb, 0))),
                                V.when(roundStart, V.nb("staged_a_r", V.lit(vb, 0)), V.nb("staged_b_r", V.lit(vb, 0)))
                                        .orElse(V.when(isf("v") + " & " + isf("lastw"),
                                                V.when(isf("ctx"), V.nb("staged_b_r", "staged_b_r + " + V.lit(vb, 1)))
                                                        .orElse(V.nb("staged_a_r", "staged_a_r + " + V.lit(vb, 1))))))));
        it.add(V.assign("o_feeding", "feeding_r"));
        it.add(V.assign("o_window_start", "lstart"));
        it.add(V.assign("o_fill_round", "lr_r"));
        it.add(V.assign("o_fill_ctx", "lx_r"));
        it.add(V.assign("o_fill_pe", "lk_r"));
        it.add(V.assign("o_staged_a", "staged_a_r"));
        it.add(V.assign("o_staged_b", "staged_b_r"));
        it.add(V.assign("o_slot_push", "slot_push_r"));
        it.add(V.assign("o_slot_count", "slot_count_r[i_slot_rec]"));
        it.add(V.assign("o_slot_count_b", "slot_count_r[{i_slot_rec[2:1], 1'b1}]"));
    }

    // ---------------------------------------------------------------------------------------------------------
    /** The input stage (docs 3.5, 4.5): FIFO read, R1, R2, clamp + staging write, with the sample's sideband. */
    private void inputStage() {
        Map<String, String> sb = new LinkedHashMap<>();
        sb.put("v", "feed");
        sb.put("lastw", "f_lastw");
        sb.put("ctx", "f_ctx");
        sb.put("pe", "f_pe");
        sb.put("addr", "f_j");
        it.add(V.reg("in1_r", side.width(), "R1: sideband of the sample in the input stage"));
        it.add(V.ff("Input-stage sideband, stage R1.", V.nb("in1_r", side.pack(sb))));
        int stages = 2 + s.inExtra();
        it.addAll(V.delay("insb", side.width(), "in1_r", stages, "input-stage sideband in the staging write cycle"));
        StringBuilder busy = new StringBuilder(side.field("in1_r", "v"));
        for (int k = 0; k < stages; k++) {
            busy.append(" | ").append(side.field("insb_d" + k + "_r", "v"));
        }
        it.add(V.assign("o_in_busy", busy.toString()));
        it.add(V.assign("o_stg_we", isf("v")));
        it.add(V.assign("o_stg_pe", isf("pe")));
        it.add(V.assign("o_stg_waddr", "{" + isf("ctx") + ", " + V.slice(isf("addr"), s.stgAw() - 1, 0) + "}"));
        it.add(V.wire("unused_sb", 1, "sideband bits not used"));
        it.add(V.assign("unused_sb", "&{1'b0, insb}"));
        if (requantIn == null) {
            // No input stage (input_stage = false): windows arrive quantised and pass with the same latency.
            it.addAll(V.delay("stg_wdata", s.ab(), "inq_rdata_r[" + (s.ab() - 1) + ":0]", stages,
                    "quantised input sample in the staging write cycle"));
            it.add(V.assign("o_stg_wdata", "stg_wdata"));
            it.add(V.wire("unused_in", 1, "channel count and sample bits only the input stage reads"));
            it.add(V.assign("unused_in", "&{1'b0, f_ch" + (s.ab() < 16 ? ", inq_rdata_r[15:" + s.ab() + "]" : "")
                    + "}"));
            return;
        }
        m.port(V.in("i_hdr_instage", 1, "header: input stage enabled"))
                .port(V.in("i_hdr_in16", 1, "header: input is int16"))
                .port(V.in("i_hdr_single", 1, "header: input stage rounds SINGLE"))
                .port(V.in("i_hdr_zin", 16, "header: input zero point"))
                .port(V.in("i_hdr_pbase", 16, "header: first input-stage parameter entry"))
                .port(V.out("o_input_param", s.paramAw(), "parameter entry of the sample's channel"))
                .port(V.in("i_input_bias", 64, "parameter table: folded bias of that entry"))
                .port(V.in("i_input_m", 32, "parameter table: multiplier"))
                .port(V.in("i_input_shr", 6, "parameter table: right shift"))
                .port(V.in("i_input_shl", 5, "parameter table: left shift"));
        it.add(V.wire("in_pidx", 16, "input-stage parameter entry"));
        // Fast-clock build: the same sum with the start decision last. i_hdr_pbase + f_ch put lstart (the run
        // flag from the register block, the FIFO and staging state) in front of a 16-bit carry chain into the
        // parameter block RAM's address: the whole P = 4 x 8 design's critical path on ECP5 (17.0 ns, 58.7 MHz).
        it.add(V.assign("in_pidx", s.pipelinedControl() ? "lstart ? i_hdr_pbase : i_hdr_pbase + fch_r"
                : "i_hdr_pbase + f_ch"));
        it.add(V.assign("o_input_param", V.slice("in_pidx", s.paramAw() - 1, 0)));
        it.add(V.wire("in_value", 64, "input-stage output"));
        it.add(V.wire("unused_in", 1, "input-stage bits not stored"));
        it.add(V.wire("in_clamp_lo", 1, "input stage clamped low"));
        it.add(V.wire("in_clamp_hi", 1, "input stage clamped high"));
        it.add(V.reg("in_mode_r", 3, "R1: input-stage mode"));
        it.add(V.ff("Input-stage mode: DOUBLE or SINGLE with an input stage, else RAW (values pass unchanged).",
                V.nb("in_mode_r", "~i_hdr_instage ? 3'd3 : i_hdr_single ? 3'd1 : 3'd0")));
        it.add(InstanceSpec.of(requantIn, "u_input_stage")
                .connect("i_clk", "i_clk")
                .connect("i_mode", "in_mode_r")
                .connect("i_value", V.sext("inq_rdata_r", 16, 64))
                .connect("i_bias", "(in_mode_r == 3'd3) ? 64'd0 : i_input_bias")
                .connect("i_m", "i_input_m")
                .connect("i_shr", "i_input_shr")
                .connect("i_shl", "i_input_shl")
                .connect("i_count", "5'd0")
                .connect("i_zout", "i_hdr_zin")
                .connect("i_min", "i_hdr_in16 ? 16'h8000 : 16'hff80")
                .connect("i_max", "i_hdr_in16 ? 16'h7fff : 16'h007f")
                .connect("o_value", "in_value")
                .connect("o_clamp_lo", "in_clamp_lo")
                .connect("o_clamp_hi", "in_clamp_hi")
                .comment("Input stage (docs 3.5, 4.5): clamp(z_in + MBQM(code - baseline)) to the input width.")
                .build());
        it.addAll(V.delay("stg_wdata", s.ab(), "in_value[" + (s.ab() - 1) + ":0]", s.inExtra() - s.inCuts(),
                "input-stage value in the staging write cycle"));
        it.add(V.assign("o_stg_wdata", "stg_wdata"));
        it.add(V.assign("unused_in", "&{1'b0, in_value, in_clamp_lo, in_clamp_hi, in_pidx}"));
    }

    /** A field of the input-stage sideband in the staging write cycle. */
    private String isf(String field) {
        return side.field("insb", field);
    }
}
