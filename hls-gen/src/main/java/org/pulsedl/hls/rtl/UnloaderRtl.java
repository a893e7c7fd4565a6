package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.accel.ResultHeader;
import org.pulsedl.hls.verilog.CommentBlock;
import org.pulsedl.hls.verilog.MemorySpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;
import org.pulsedl.hls.verilog.Width;

/**
 * The result drain (docs/accelerator.md §4.6, §5 rule 5, {@code ArraySimulator.unloader}): once a record (round,
 * context) has its last layer written, the unloader reads each window's results from its PE's result buffer, one word
 * per cycle behind a header word with the window's tag and sequence number and a word with its capture timestamp
 * ({@link ResultHeader}), into the result FIFO.
 */
final class UnloaderRtl {
    private final RtlShape s;
    private final List<ModuleItem> it = new ArrayList<>();

    private UnloaderRtl(RtlShape s) {
        this.s = s;
    }

    static ModuleSpec module(RtlShape s) {
        return new UnloaderRtl(s).build();
    }

    private ModuleSpec build() {
        int vb = s.peBits() + 1;
        ModuleSpec.Builder m = ModuleSpec.builder(s.name("unloader"))
                .header(s.name("unloader") + ": result buffers to the result FIFO in slot order;"
                                + " docs/accelerator.md section 4.6.",
                        "Mirrors ArraySimulator.unloader; the result FIFO keeps its contents while stopped.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_rst", 1, "synchronous reset, active high"))
                .port(V.in("i_running", 1, "controller: streaming"))
                .port(V.in("i_results_ready", 8, "controller: last-layer segments written"))
                .port(V.in("i_hdr_words", 17, "header: result words per window"))
                .port(V.in("i_hdr_wide", 1, "header: two words per output"))
                .port(V.in("i_slot_push", 1, "loader: a window started, its tag follows"))
                .port(V.in("i_slot_tag", LoaderRtl.SLOT_TAG_BITS,
                        "loader: the started window's {timestamp, sequence number, tag}"))
                .port(V.in("i_slot_count", vb, "loader: windows in record o_slot_rec"))
                .port(V.in("i_slot_count_b", vb, "loader: windows in context B of that round"))
                .port(V.in("i_pe_results", 64 * s.p(), "result read data of all PEs, PE k in bits 64k+63:64k"))
                .port(V.in("i_res_pop", 1, "pop the result FIFO head"))
                .port(V.out("o_slot_rec", 3, "record being unloaded: {round mod 4, context}"))
                .port(V.out("o_res_raddr", s.resAw() + 2, "result read address {context, parity, index}"))
                .port(V.out("o_unloading", 1, "a record is being unloaded"))
                .port(V.out("o_window_out", 1, "a window's last word is pushed"))
                .port(V.out("o_round_unloaded", 1, "a round's last word is pushed"))
                .port(V.out("o_result_stall", 1, "waiting on a full result FIFO"))
                .port(V.out("o_res_valid", 1, "result FIFO not empty"))
                .port(V.out("o_res_data", 32, "result FIFO head"))
                .port(V.out("o_res_level", 32, "result FIFO words"));
        sequencer();
        resultFifo();
        return m.add(V.declarationsFirst(it)).build();
    }

    private void sequencer() {
        int vb = s.peBits() + 1;
        int pb = s.peBits();
        int sa = s.slotTagAw();
        it.add(CommentBlock.of("Unloader (docs 4.6, section 5 rule 5): records in slot order, windows in PE order."));
        it.add(V.reg("u_active_r", 1, "unloading a record (round, context)"));
        it.add(V.reg("urec_r", 8, "record: {round mod 128, context}"));
        it.add(V.reg("ulane_r", pb, "PE being unloaded"));
        it.add(V.reg("uw_r", 17, "word within the window's record"));
        it.add(V.reg("st_wp_r", sa + 1, "slot-tag FIFO write pointer"));
        it.add(V.reg("st_rp_r", sa + 1, "slot-tag FIFO read pointer"));
        it.add(V.wire("rec_diff", 8, "records written minus record being unloaded"));
        it.add(V.wire("u_ready", 1, "the record's last layer is written"));
        it.add(V.wire("u_go", 1, "the unloader works this cycle"));
        it.add(V.wire("u_push", 1, "a word is pushed"));
        it.add(V.wire("u_w", 17, "word index this cycle"));
        it.add(V.wire("u_lane", pb, "PE this cycle"));
        it.add(V.wire("u_win_done", 1, "last word of a window"));
        it.add(V.wire("u_rec_done", 1, "last word of the record"));
        it.add(V.wire("u_round_done", 1, "last word of the round"));
        it.add(V.wire("u_next_w", 17, "word whose data to read"));
        it.add(V.wire("u_k", 17, "output index of u_next_w"));
        it.add(V.wire("u_out_w", 17, "u_next_w counted from the first output word"));
        it.add(V.wire("u_off", 17, "u_w counted from the first output word"));
        it.add(V.wire("u_word", 32, "the pushed word"));
        it.add(V.assign("rec_diff", "i_results_ready - urec_r"));
        it.add(V.assign("u_ready", "~rec_diff[7] & (rec_diff != 8'd0)"));
        it.add(V.assign("u_go", "u_active_r | (i_running & u_ready)"));
        it.add(V.assign("u_push", "u_go & ~res_full"));
        it.add(V.assign("u_w", "u_active_r ? uw_r : 17'd0"));
        it.add(V.assign("u_lane", "u_active_r ? ulane_r : " + V.lit(pb, 0)));
        it.add(V.assign("u_win_done", "u_push & (u_w == i_hdr_words - 17'd1)"));
        it.add(V.assign("u_rec_done", "u_win_done & (" + V.zext("u_lane", pb, vb) + " == i_slot_count - "
                + V.lit(vb, 1) + ")"));
        it.add(V.assign("u_round_done", "u_rec_done & (urec_r[0] | (i_slot_count_b == " + V.lit(vb, 0) + "))"));
        it.add(V.assign("u_next_w", "u_push ? u_w + 17'd1 : u_w"));
        String words = V.lit(17, ResultHeader.WORDS);
        it.add(V.assign("u_out_w", "u_next_w - " + words));
        it.add(V.assign("u_off", "u_w - " + words));
        it.add(V.assign("u_k", "i_hdr_wide ? u_out_w >> 1 : u_out_w"));
        it.add(V.assign("o_res_raddr", "{urec_r[0], urec_r[1], u_k[" + (s.resAw() - 1) + ":0]}"));
        it.add(V.assign("o_slot_rec", "urec_r[2:0]"));
        Stmt.Case.Builder mux = Stmt.caseOf("u_lane");
        for (int k = 0; k < s.p(); k++) {
            mux.when(V.lit(pb, k), V.bl("u_data", "i_pe_results[" + (64 * k + 63) + ":" + (64 * k) + "]"));
        }
        if ((1 << pb) != s.p()) {
            mux.otherwise(V.bl("u_data", "64'd0"));
        }
        it.add(V.comb("u_data", 64, "result of PE u_lane"));
        it.add(V.comb("PE select of the unloader.", mux.build()));
        it.add(MemorySpec.builder("slottag", Width.bits(LoaderRtl.SLOT_TAG_BITS), 1 << sa).clock("i_clk")
                .comment("Slot tags: {timestamp, sequence number, tag} of each loaded window, in arrival order, for its"
                        + " result header and timestamp words.")
                .readStyle(MemorySpec.ReadStyle.REGISTERED_ADDRESS)
                .write("i_slot_push", "st_wp_r[" + (sa - 1) + ":0]", "i_slot_tag")
                .read("u_win_done ? st_rp_r[" + (sa - 1) + ":0] + " + V.lit(sa, 1) + " : st_rp_r[" + (sa - 1) + ":0]")
                .build());
        int tb = ResultHeader.TAG_BITS;
        int qb = tb + ResultHeader.SEQUENCE_BITS;
        it.add(V.assign("u_word", "(u_w == " + V.lit(17, ResultHeader.HEADER_WORD) + ") ? {"
                + V.lit(8, ResultHeader.MARKER) + ", slottag_rdata[" + (tb - 1) + ":0], slottag_rdata[" + (qb - 1) + ":"
                + tb + "]} : (u_w == " + V.lit(17, ResultHeader.TIMESTAMP_WORD) + ") ? slottag_rdata["
                + (LoaderRtl.SLOT_TAG_BITS - 1) + ":" + qb + "] : (i_hdr_wide & u_off[0]) ? u_data[63:32] : u_data[31:0]"));
        it.add(V.ff("Unloader state.",
                V.when("i_rst | ~i_running",
                        V.nb("u_active_r", "1'b0"), V.nb("urec_r", "8'd0"), V.nb("ulane_r", V.lit(pb, 0)),
                        V.nb("uw_r", "17'd0"))
                        .orElse(
                                V.when("u_go",
                                        V.nb("u_active_r", "~u_rec_done"),
                                        V.nb("uw_r", "u_win_done ? 17'd0 : u_next_w"),
                                        V.nb("ulane_r", "u_rec_done ? " + V.lit(pb, 0) + " : u_win_done ? u_lane + "
                                                + V.lit(pb, 1) + " : u_lane"),
                                        V.when("u_rec_done", V.nb("urec_r", "(~urec_r[0] & (i_slot_count_b == "
                                                + V.lit(vb, 0) + ")) ? urec_r + 8'd2 : urec_r + 8'd1"))))));
        it.add(V.ff("Slot-tag FIFO pointers (kept while stopped, reset with the state).",
                V.when("i_rst | ~i_running", V.nb("st_wp_r", V.lit(sa + 1, 0)), V.nb("st_rp_r", V.lit(sa + 1, 0)))
                        .orElse(V.when("i_slot_push", V.nb("st_wp_r", "st_wp_r + " + V.lit(sa + 1, 1))),
                                V.when("u_win_done", V.nb("st_rp_r", "st_rp_r + " + V.lit(sa + 1, 1))))));
        it.add(V.assign("o_unloading", "u_active_r"));
        it.add(V.assign("o_window_out", "u_win_done"));
        it.add(V.assign("o_round_unloaded", "u_round_done"));
        it.add(V.assign("o_result_stall", "u_go & res_full"));
    }

    private void resultFifo() {
        int ra = s.resFifoAw();
        it.add(CommentBlock.of("Result FIFO (docs 4.6)."));
        it.add(V.reg("rq_wp_r", ra + 1, "result FIFO write pointer"));
        it.add(V.reg("rq_rp_r", ra + 1, "result FIFO read pointer"));
        it.add(V.wire("res_full", 1, "result FIFO full"));
        it.add(V.wire("res_level", ra + 1, "result FIFO words"));
        it.add(V.wire("res_pop", 1, "result FIFO pop"));
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
        it.add(V.wire("unused_unl", 1, "output-index bits above the result buffer"));
        it.add(V.assign("unused_unl", "&{1'b0, u_k, u_off}"));
    }
}
