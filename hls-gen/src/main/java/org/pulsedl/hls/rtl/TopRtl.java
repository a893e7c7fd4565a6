package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.regmap.RegisterMap;
import org.pulsedl.hls.verilog.InstanceSpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;

/**
 * The accelerator's top level (docs/accelerator.md §4.7): the memory-mapped slave port decoding the register file
 * (offsets below 0x1000) and the program windows (descriptors 0x1000, parameter table 0x2000, weights 0x10000), the
 * input port from the ADC trigger FIFO and the result stream.
 */
final class TopRtl {
    private TopRtl() {}

    static ModuleSpec module(RtlShape s, ModuleSpec array, ModuleSpec regs, RegisterMap map) {
        int aw = s.busAw();
        String name = s.prefix();
        ModuleSpec.Builder m = ModuleSpec.builder(name)
                .header(name + ": PulseDL accelerator, " + s.p() + " PEs x " + s.u() + " lanes"
                                + (s.packed() ? " (two int8 MACs per DSP)" : "") + "; docs/accelerator.md.",
                        "Slave port (same protocol as " + regs.name() + "): a request (i_we or i_re, held or pulsed)"
                                + " is taken when o_ready is low;",
                        "o_ready is high one cycle later. Offsets: registers 0x000-0xFFF, descriptors 0x1000,"
                                + " parameters 0x2000, weights 0x10000.",
                        "Program windows take whole 32-bit words (i_wstrb ignored) and read as 0.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_rst", 1, "synchronous reset, active high"))
                .port(V.in("i_addr", aw, "byte offset from the accelerator base"))
                .port(V.in("i_we", 1, "write request"))
                .port(V.in("i_wstrb", 4, "byte enables (registers only)"))
                .port(V.in("i_wdata", 32, "write data"))
                .port(V.in("i_re", 1, "read request"))
                .port(V.out("o_rdata", 32, "read data, valid while o_ready"))
                .port(V.out("o_ready", 1, "request done (one cycle)"))
                .port(V.in("i_in_valid", 1, "input port: a window sample (ADC trigger FIFO)"))
                .port(V.in("i_in_data", 16, "input port: sample"))
                .port(V.in("i_in_tag", 8, "input port: window tag (ADC channel), with the first sample"))
                .port(V.in("i_in_last", 1, "input port: last sample of the window"))
                .port(V.out("o_in_room", 1, "input FIFO has room for a whole window"))
                .port(V.out("o_res_valid", 1, "result stream: a word is available"))
                .port(V.out("o_res_data", 32, "result stream: the word"))
                .port(V.in("i_res_ready", 1, "result stream: consumer takes the word"))
                .port(V.out("o_running", 1, "streaming"))
                .port(V.out("o_cycle", 32, "trace: cycles since streaming started"))
                .port(V.out("o_round_start", 1, "trace: a round starts this cycle"));
        List<ModuleItem> it = new ArrayList<>();
        it.add(V.wire("sel_regs", 1, "the request addresses the register file"));
        it.add(V.wire("mem_take", 1, "a program-window request is accepted"));
        it.add(V.wire("word", aw - 2, "word offset"));
        it.add(V.wire("prog_sel", 2, "0 descriptors, 1 parameters, 2 weights"));
        it.add(V.wire("prog_addr", 20, "word index within the window"));
        it.add(V.reg("mem_ready_r", 1, "program-window response"));
        it.add(V.wire("regs_rdata", 32, "register read data"));
        it.add(V.wire("regs_ready", 1, "register response"));
        String[][] w = {
            {"ctrl_start", "1"}, {"ctrl_stop", "1"}, {"ctrl_flush", "1"}, {"ctrl_clear", "1"}, {"ctrl_wr", "1"},
            {"ctrl_soft_reset", "1"}, {"st_resetting", "1"}, {"in_room_a", "1"},
            {"push_sample", "16"}, {"push_tag", "8"}, {"push_flags", "8"}, {"push_wr", "1"}, {"pop_rd", "1"},
            {"res_valid", "1"}, {"res_data", "32"}, {"res_level", "32"}, {"st_idle", "1"}, {"st_in_empty", "1"},
            {"st_error", "8"},
        };
        for (String[] x : w) {
            it.add(V.wire(x[0], Integer.parseInt(x[1]), "register file / array connection"));
        }
        String[] counters = {"windows_in", "windows_out", "rounds", "busy_cycles", "idle_issue_cycles", "input_drops",
            "result_stalls", "clamp_low", "clamp_high", "stops", "soft_resets", "frame_drops"};
        for (String c : counters) {
            it.add(V.wire("cnt_" + c, 32, "counter " + c));
        }
        it.add(V.wire("unused_top", 1, "bits and fields without a function"));
        it.add(V.assign("sel_regs", "i_addr[" + (aw - 1) + ":12] == " + V.lit(aw - 12, 0)));
        it.add(V.assign("mem_take", "(i_we | i_re) & ~sel_regs & ~mem_ready_r"));
        it.add(V.assign("word", "i_addr[" + (aw - 1) + ":2]"));
        it.add(V.assign("prog_sel", "(i_addr < " + V.lit(aw, 0x2000) + ") ? 2'd0 : (i_addr < " + V.lit(aw, 0x10000)
                + ") ? 2'd1 : 2'd2"));
        String wide = aw - 2 >= 20 ? "word" : V.zext("word", aw - 2, 20);
        String wbits = aw - 2 > 20 ? "[19:0]" : "";
        it.add(V.assign("prog_addr", "(prog_sel == 2'd0) ? " + wrap(wide, wbits, 0x400) + " : (prog_sel == 2'd1) ? "
                + wrap(wide, wbits, 0x800) + " : " + wrap(wide, wbits, 0x4000)));
        it.add(V.ff("Program-window response.", V.when("i_rst", V.nb("mem_ready_r", "1'b0"))
                .orElse(V.nb("mem_ready_r", "mem_take"))));
        it.add(V.assign("o_ready", "regs_ready | mem_ready_r"));
        it.add(V.assign("o_rdata", "regs_ready ? regs_rdata : 32'd0"));
        it.add(V.assign("unused_top", "&{1'b0, ctrl_flush, i_wstrb, word, push_flags[7:1]}"));
        int caps = (s.p() & 0xFF) | (s.u() & 0xFF) << 8 | (s.ab() & 0x1F) << 16 | (s.packed() ? 1 << 21 : 0)
                | (s.m() & 0x1F) << 24;
        InstanceSpec.Builder r = InstanceSpec.of(regs, "u_regs")
                .connect("i_clk", "i_clk").connect("i_rst", "i_rst")
                .connect("i_addr", "i_addr[11:0]")
                .connect("i_we", "i_we & sel_regs").connect("i_wstrb", "i_wstrb").connect("i_wdata", "i_wdata")
                .connect("i_re", "i_re & sel_regs").connect("o_rdata", "regs_rdata").connect("o_ready", "regs_ready")
                .connect("o_ctrl_start", "ctrl_start").connect("o_ctrl_stop", "ctrl_stop")
                .connect("o_ctrl_flush", "ctrl_flush").connect("o_ctrl_clear", "ctrl_clear")
                .connect("o_ctrl_wr", "ctrl_wr").connect("o_ctrl_soft_reset", "ctrl_soft_reset")
                .connect("i_status_resetting", "st_resetting")
                .connect("i_status_running", "o_running").connect("i_status_idle", "st_idle")
                .connect("i_status_input_empty", "st_in_empty").connect("i_status_result_empty", "~res_valid")
                .connect("i_status_error", "st_error")
                .connect("i_caps_pes", V.lit(8, s.p() & 0xFF)).connect("i_caps_lanes", V.lit(8, s.u()))
                .connect("i_caps_a_bits", V.lit(5, s.ab())).connect("i_caps_two_macs", s.packed() ? "1'b1" : "1'b0")
                .connect("i_caps_m_bits", V.lit(5, s.m()))
                .connect("i_caps2_act_depth", V.lit(16, s.cfg().actDepth() & 0xFFFF))
                .connect("i_caps2_staging_depth", V.lit(16, s.cfg().stagingDepth()))
                .connect("i_caps3_weight_words", V.lit(24, s.cfg().weightWords()))
                .connect("i_caps3_max_pool", V.lit(5, s.cfg().maxPool()));
        for (String c : counters) {
            r.connect("i_" + c, "cnt_" + c);
        }
        r.connect("o_input_push_sample", "push_sample").connect("o_input_push_tag", "push_tag")
                .connect("o_input_push_flags", "push_flags").connect("o_input_push_wr", "push_wr")
                .connect("i_result_pop", "res_data").connect("o_result_pop_rd", "pop_rd")
                .connect("i_result_level", "res_level")
                .comment("Register file generated from AcceleratorRegisters.map (CAPS = 0x"
                        + Integer.toHexString(caps) + ").");
        it.add(r.build());
        it.add(InstanceSpec.of(array, "u_array")
                .connect("i_clk", "i_clk").connect("i_rst", "i_rst")
                .connect("i_start", "ctrl_start").connect("i_stop", "ctrl_stop")
                .connect("i_clear", "ctrl_wr & ctrl_clear")
                .connect("i_soft_rst", "ctrl_wr & ctrl_soft_reset").connect("o_resetting", "st_resetting")
                .connect("i_prog_we", "mem_take & i_we").connect("i_prog_sel", "prog_sel")
                .connect("i_prog_addr", "prog_addr").connect("i_prog_wdata", "i_wdata")
                .connect("i_in_valid", "i_in_valid | push_wr")
                .connect("i_in_data", "push_wr ? push_sample : i_in_data")
                .connect("i_in_tag", "push_wr ? push_tag : i_in_tag")
                .connect("i_in_last", "push_wr ? push_flags[0] : i_in_last")
                .connect("o_in_room", "in_room_a")
                .connect("o_res_valid", "res_valid").connect("o_res_data", "res_data")
                .connect("i_res_pop", "(i_res_ready & res_valid) | pop_rd")
                .connect("o_res_level", "res_level")
                .connect("o_running", "o_running").connect("o_idle", "st_idle")
                .connect("o_in_empty", "st_in_empty").connect("o_error", "st_error")
                .connect("o_windows_in", "cnt_windows_in").connect("o_windows_out", "cnt_windows_out")
                .connect("o_rounds", "cnt_rounds").connect("o_busy_cycles", "cnt_busy_cycles")
                .connect("o_idle_issue", "cnt_idle_issue_cycles").connect("o_input_drops", "cnt_input_drops")
                .connect("o_result_stalls", "cnt_result_stalls").connect("o_clamp_low", "cnt_clamp_low")
                .connect("o_clamp_high", "cnt_clamp_high")
                .connect("o_stops", "cnt_stops").connect("o_soft_resets", "cnt_soft_resets")
                .connect("o_frame_drops", "cnt_frame_drops")
                .connect("o_cycle", "o_cycle").connect("o_round_start", "o_round_start")
                .comment("The array: controller, PEs, FIFOs (docs 4).")
                .build());
        it.add(V.assign("o_in_room", "in_room_a & ~st_resetting"));
        it.add(V.assign("o_res_valid", "res_valid"));
        it.add(V.assign("o_res_data", "res_data"));
        return m.add(it).build();
    }

    /** Word index within a window starting at word {@code base}. */
    private static String wrap(String word, String bits, int base) {
        return "(" + word + bits + " - 20'd" + base + ")";
    }
}
