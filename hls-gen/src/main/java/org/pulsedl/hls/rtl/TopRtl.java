package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.regmap.Register;
import org.pulsedl.hls.regmap.RegisterMap;
import org.pulsedl.hls.verilog.InstanceSpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;

/**
 * The accelerator's top level (docs/accelerator.md §4.7, "The accelerator as a peripheral"): the memory-mapped slave
 * port decoding the register file (offsets below 0x1000) and the program windows (descriptors 0x1000, parameter table
 * 0x2000, weights 0x10000) exactly — every other address ends with a bus error — the interrupt, the input port from
 * the ADC trigger FIFO and the result stream, each shared with the CPU's INPUT_PUSH and RESULT_POP registers without
 * losing or duplicating a word.
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
                        "Program windows take and return whole 32-bit words (i_wstrb ignored), while stopped (read as 0"
                                + " while running). An address with no register or memory gets o_ready with o_err"
                                + " (writes ignored, reads 0).",
                        "An INPUT_PUSH write that would start a window while the input stream is inside one, or while"
                                + " running without room, waits (o_ready low); a RESULT_POP read hides the head from the"
                                + " result stream.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_rst", 1, "synchronous reset, active high"))
                .port(V.in("i_addr", aw, "byte offset from the accelerator base"))
                .port(V.in("i_we", 1, "write request"))
                .port(V.in("i_wstrb", 4, "byte enables (registers only)"))
                .port(V.in("i_wdata", 32, "write data"))
                .port(V.in("i_re", 1, "read request"))
                .port(V.out("o_rdata", 32, "read data, valid while o_ready"))
                .port(V.out("o_ready", 1, "request done (one cycle)"))
                .port(V.out("o_err", 1, "bus error: the request hit no register or memory (with o_ready)"))
                .port(V.out("o_irq", 1, "interrupt: an enabled IRQ_STATUS cause is set (level)"))
                .port(V.in("i_in_valid", 1, "input port: a window sample (ADC trigger FIFO)"))
                .port(V.in("i_in_data", 16, "input port: sample"))
                .port(V.in("i_in_tag", 8, "input port: window tag (ADC channel), with the first sample"))
                .port(V.in("i_in_time", 32, "input port: the window's capture timestamp, with the first sample"))
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
            {"ctrl_soft_reset", "1"}, {"st_resetting", "1"}, {"in_room_a", "1"}, {"ev_result", "1"},
            {"ev_drop", "1"}, {"irq_status", "5"}, {"irq_enable", "5"}, {"arr_res_valid", "1"},
            {"prog_rdata", "32"}, {"push_sample", "16"}, {"push_tag", "8"}, {"push_time", "32"}, {"push_flags", "8"}, {"push_wr", "1"}, {"pop_rd", "1"},
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
        decode(s, map, it);
        streams(it);
        interrupts(it);
        it.add(V.assign("word", "i_addr[" + (aw - 1) + ":2]"));
        it.add(V.assign("prog_sel", "desc_hit ? 2'd0 : param_hit ? 2'd1 : 2'd2"));
        String wide = aw - 2 >= 20 ? "word" : V.zext("word", aw - 2, 20);
        String wbits = aw - 2 > 20 ? "[19:0]" : "";
        it.add(V.assign("prog_addr", "(prog_sel == 2'd0) ? " + wrap(wide, wbits, 0x400) + " : (prog_sel == 2'd1) ? "
                + wrap(wide, wbits, 0x800) + " : " + wrap(wide, wbits, 0x4000)));
        it.add(V.ff("Program-window and bus-error responses.",
                V.when("i_rst", V.nb("mem_ready_r", "1'b0"), V.nb("err_ready_r", "1'b0"),
                                V.nb("err_addr_r", "32'd0"))
                        .orElse(V.nb("mem_ready_r", "mem_take"), V.nb("err_ready_r", "err_take"),
                                V.when("err_take", V.nb("err_addr_r", V.zext("i_addr", aw, 32))))));
        it.add(V.assign("o_ready", "regs_ready | mem_ready_r | err_ready_r"));
        it.add(V.assign("o_err", "err_ready_r"));
        it.add(V.assign("o_rdata", "regs_ready ? regs_rdata : mem_ready_r ? prog_rdata : 32'd0"));
        it.add(V.assign("unused_top", "&{1'b0, ctrl_flush, i_wstrb, word, push_flags[7:1]}"));
        int caps = (s.p() & 0xFF) | (s.u() & 0xFF) << 8 | (s.ab() & 0x1F) << 16 | (s.packed() ? 1 << 21 : 0)
                | (s.m() & 0x1F) << 24;
        InstanceSpec.Builder r = InstanceSpec.of(regs, "u_regs")
                .connect("i_clk", "i_clk").connect("i_rst", "i_rst")
                .connect("i_addr", "i_addr[11:0]")
                .connect("i_we", "i_we & reg_hit & ~push_stall").connect("i_wstrb", "i_wstrb")
                .connect("i_wdata", "i_wdata")
                .connect("i_re", "i_re & ~i_we & reg_hit").connect("o_rdata", "regs_rdata")
                .connect("o_ready", "regs_ready")
                .connect("o_ctrl_start", "ctrl_start").connect("o_ctrl_stop", "ctrl_stop")
                .connect("o_ctrl_flush", "ctrl_flush").connect("o_ctrl_clear", "ctrl_clear")
                .connect("o_ctrl_wr", "ctrl_wr").connect("o_ctrl_soft_reset", "ctrl_soft_reset")
                .connect("i_status_resetting", "st_resetting").connect("i_status_input_room", "in_room_a")
                .connect("i_status_running", "o_running").connect("i_status_idle", "st_idle")
                .connect("i_status_input_empty", "st_in_empty").connect("i_status_result_empty", "~arr_res_valid")
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
                .connect("o_input_time", "push_time")
                .connect("i_result_pop", "res_data").connect("o_result_pop_rd", "pop_rd")
                .connect("i_result_level", "res_level")
                .connect("i_bus_error_addr", "err_addr_r");
        String[] causes = {"results", "error", "drop", "idle", "bus_error"};
        for (int k = 0; k < causes.length; k++) {
            r.connect("i_irq_status_" + causes[k] + "_set", "irq_set[" + k + "]")
                    .connect("o_irq_status_" + causes[k], "irq_status[" + k + "]")
                    .connect("o_irq_enable_" + causes[k], "irq_enable[" + k + "]");
        }
        r
                .comment("Register file generated from AcceleratorRegisters.map (CAPS = 0x"
                        + Integer.toHexString(caps) + ").");
        it.add(r.build());
        it.add(InstanceSpec.of(array, "u_array")
                .connect("i_clk", "i_clk").connect("i_rst", "i_rst")
                .connect("i_start", "ctrl_start").connect("i_stop", "ctrl_stop")
                .connect("i_clear", "ctrl_wr & ctrl_clear")
                .connect("i_soft_rst", "ctrl_wr & ctrl_soft_reset").connect("o_resetting", "st_resetting")
                .connect("i_prog_we", "mem_take & i_we").connect("i_prog_sel", "prog_sel")
                // the address only while a program request is taken: the weight memory's read port follows it while
                // stopped, and any other bus traffic (RAM, UART) would otherwise move the PEs' weight input (and
                // keep the PEs' simulation clock gate open); the read-back reads the request cycle's address as before
                .connect("i_prog_addr", "mem_take ? prog_addr : 20'd0").connect("i_prog_wdata", "i_wdata")
                .connect("o_prog_rdata", "prog_rdata")
                .connect("i_in_valid", "stream_ok | push_wr")
                .connect("i_in_data", "push_wr ? push_sample : i_in_data")
                .connect("i_in_tag", "push_wr ? push_tag : i_in_tag")
                .connect("i_in_time", "push_wr ? push_time : i_in_time")
                .connect("i_in_last", "push_wr ? push_flags[0] : i_in_last")
                .connect("o_in_room", "in_room_a")
                .connect("o_res_valid", "arr_res_valid").connect("o_res_data", "res_data")
                .connect("i_res_pop", "(i_res_ready & res_valid) | pop_rd")
                .connect("o_ev_result", "ev_result").connect("o_ev_drop", "ev_drop")
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
        it.add(V.assign("o_res_valid", "res_valid"));
        it.add(V.assign("o_res_data", "res_data"));
        return m.add(V.declarationsFirst(it)).build();
    }

    /**
     * Exact decode: a register offset of the map, or a window offset below the end of its memory. Anything else is
     * unmapped and answered with a bus error; nothing aliases.
     */
    private static void decode(RtlShape s, RegisterMap map, List<ModuleItem> it) {
        int aw = s.busAw();
        AcceleratorConfig c = s.cfg();
        it.add(V.wire("reg_hit", 1, "a register of the map"));
        it.add(V.wire("desc_hit", 1, "the implemented part of the descriptor window"));
        it.add(V.wire("param_hit", 1, "the implemented part of the parameter window"));
        it.add(V.wire("wt_hit", 1, "the implemented part of the weight window"));
        it.add(V.wire("err_take", 1, "a request to an unmapped address is accepted"));
        it.add(V.reg("err_ready_r", 1, "bus-error response"));
        it.add(V.reg("err_addr_r", 32, "offset of the last unmapped access"));
        StringBuilder regs = new StringBuilder();
        for (Register r : map.registers()) {
            regs.append(regs.length() == 0 ? "" : " | ").append("(i_addr[11:0] == ").append(V.lit(12, r.offset()))
                    .append(")");
        }
        it.add(V.assign("sel_regs", "i_addr[" + (aw - 1) + ":12] == " + V.lit(aw - 12, 0)));
        it.add(V.assign("reg_hit", "sel_regs & (" + regs + ")"));
        it.add(V.assign("desc_hit", window(aw, AcceleratorRegisters.DESCRIPTOR_WINDOW,
                AcceleratorRegisters.descriptorBytes(c))));
        it.add(V.assign("param_hit", window(aw, AcceleratorRegisters.PARAMETER_WINDOW,
                AcceleratorRegisters.parameterBytes(c))));
        it.add(V.assign("wt_hit", window(aw, AcceleratorRegisters.WEIGHT_WINDOW, AcceleratorRegisters.weightBytes(c))));
        it.add(V.assign("mem_take", "(i_we | i_re) & (desc_hit | param_hit | wt_hit) & ~mem_ready_r"));
        it.add(V.assign("err_take", "(i_we | i_re) & ~reg_hit & ~desc_hit & ~param_hit & ~wt_hit & ~err_ready_r"));
    }

    private static String window(int aw, long offset, long bytes) {
        return "(i_addr >= " + V.lit(aw, offset) + ") & ({1'b0, i_addr} < " + V.lit(aw + 1, offset + bytes) + ")";
    }

    /**
     * The CPU's INPUT_PUSH and RESULT_POP beside the streams. Input: windows never interleave; the stream cannot wait,
     * so a CPU push that would start a window while the stream is inside one (or sends), or while running without
     * room for a window, is held on the bus, and o_in_room is low while the CPU is inside a window (a stream sample then is ignored). Results: from the cycle a
     * RESULT_POP read is requested until its pop, the head is hidden from the stream, so each word leaves once.
     */
    private static void streams(List<ModuleItem> it) {
        it.add(V.wire("push_req", 1, "an INPUT_PUSH write is requested"));
        it.add(V.wire("pop_req", 1, "a RESULT_POP read is requested"));
        it.add(V.wire("push_stall", 1, "the INPUT_PUSH write waits for the stream's window to end"));
        it.add(V.wire("stream_ok", 1, "the stream's sample goes to the input FIFO"));
        it.add(V.reg("stream_mid_r", 1, "the stream is inside a window"));
        it.add(V.reg("cpu_mid_r", 1, "the CPU is inside a window"));
        it.add(V.assign("push_req", "i_we & reg_hit & (i_addr[11:0] == 12'h080)"));
        it.add(V.assign("pop_req", "i_re & ~i_we & reg_hit & (i_addr[11:0] == 12'h084)"));
        it.add(V.assign("push_stall", "push_req & ~cpu_mid_r & (stream_mid_r | i_in_valid | st_resetting"
                + " | (o_running & ~in_room_a))"));
        it.add(V.assign("stream_ok", "i_in_valid & ~cpu_mid_r & ~push_wr"));
        it.add(V.ff("Which source is inside a window.",
                V.when("i_rst | st_resetting", V.nb("stream_mid_r", "1'b0"), V.nb("cpu_mid_r", "1'b0"))
                        .orElse(V.when("stream_ok", V.nb("stream_mid_r", "~i_in_last")),
                                V.when("push_wr", V.nb("cpu_mid_r", "~push_flags[0]")))));
        it.add(V.assign("o_in_room", "in_room_a & ~st_resetting & ~cpu_mid_r & ~push_req & ~push_wr"));
        it.add(V.assign("res_valid", "arr_res_valid & ~pop_req & ~pop_rd"));
    }

    /** IRQ_STATUS causes (set for one cycle each) and the interrupt line. */
    private static void interrupts(List<ModuleItem> it) {
        it.add(V.wire("irq_set", 5, "{bus_error, idle, drop, error, results} set this cycle"));
        it.add(V.reg("run_prev_r", 1, "o_running in the previous cycle"));
        it.add(V.reg("err_prev_r", 1, "an error code in the previous cycle"));
        it.add(V.ff("Edges of running and the error code.",
                V.when("i_rst", V.nb("run_prev_r", "1'b0"), V.nb("err_prev_r", "1'b0"))
                        .orElse(V.nb("run_prev_r", "o_running"), V.nb("err_prev_r", "st_error != 8'd0"))));
        it.add(V.assign("irq_set", "{err_take, run_prev_r & ~o_running, ev_drop, (st_error != 8'd0) & ~err_prev_r,"
                + " ev_result}"));
        it.add(V.assign("o_irq", "|(irq_status & irq_enable)"));
    }

    /** Word index within a window starting at word {@code base}. */
    private static String wrap(String word, String bits, int base) {
        return "(" + word + bits + " - 20'd" + base + ")";
    }
}
