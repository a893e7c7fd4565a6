package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.verilog.GenerateFor;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.PortSpec;
import org.pulsedl.hls.verilog.Stmt;

/**
 * The array (docs/accelerator.md §4): one module per hardware unit, as {@code ArraySimulator} has one method per unit —
 * program memories ({@link ProgramRtl}), controller with the tap pipeline ({@link ControllerRtl}), drain sequencer
 * ({@link DrainRtl}), input FIFO, loader and input stage ({@link LoaderRtl}), unloader and result FIFO
 * ({@link UnloaderRtl}) — around P {@link ProcessingElementRtl}s, plus the status counters. Units meet on nets named
 * after their ports ({@link UnitNets}). Every decision reads registers set in earlier cycles, so the cycle of every
 * issue, write and push equals the Java reference's.
 */
final class ArrayRtl {
    private ArrayRtl() {}

    /** The unit modules below the array, leaf first (a valid compile order), without the PE and requantisers. */
    record Units(ModuleSpec program, ModuleSpec layerDecode, ModuleSpec controller, ModuleSpec drain,
                 ModuleSpec loader, ModuleSpec unloader) {
        static Units of(RtlShape s, ModuleSpec requantIn) {
            return new Units(ProgramRtl.module(s), s.pipelinedControl() ? LayerDecodeRtl.module(s) : null,
                    ControllerRtl.module(s), DrainRtl.module(s), LoaderRtl.module(s, requantIn),
                    UnloaderRtl.module(s));
        }

        List<ModuleSpec> all() {
            List<ModuleSpec> all = new ArrayList<>(List.of(program));
            if (layerDecode != null) {
                all.add(layerDecode);
            }
            all.addAll(List.of(controller, drain, loader, unloader));
            return all;
        }
    }

    static ModuleSpec module(RtlShape s, ModuleSpec pe, Units units) {
        String name = s.name("array");
        List<PortSpec> ports = List.of(
                V.in("i_clk", 1, "clock"),
                V.in("i_rst", 1, "synchronous reset, active high"),
                V.in("i_start", 1, "CTRL.start: run in stream mode while high"),
                V.in("i_stop", 1, "CTRL.stop: start no new round"),
                V.in("i_clear", 1, "clear counters and the error code (pulse)"),
                V.in("i_prog_we", 1, "program write (32-bit word)"),
                V.in("i_prog_sel", 2, "0 descriptors, 1 parameter table, 2 weight memory"),
                V.in("i_prog_addr", 20, "word index within the selected memory"),
                V.in("i_prog_wdata", 32, "program write data"),
                V.in("i_in_valid", 1, "input port: a window sample"),
                V.in("i_in_data", 16, "input port: ADC code or quantised value"),
                V.in("i_in_tag", 8, "input port: the window's tag (taken with its first sample)"),
                V.in("i_in_last", 1, "input port: last sample of the window"),
                V.out("o_in_room", 1, "the input FIFO has room for a whole window"),
                V.out("o_res_valid", 1, "result FIFO not empty"),
                V.out("o_res_data", 32, "result FIFO head"),
                V.in("i_res_pop", 1, "pop the result FIFO head"),
                V.out("o_res_level", 32, "result FIFO words"),
                V.out("o_running", 1, "streaming"),
                V.out("o_idle", 1, "no round in progress and the unloader idle"),
                V.out("o_in_empty", 1, "no complete window in the input FIFO"),
                V.out("o_error", 8, "error code: 1 BAD_PROGRAM, 2 BAD_OPCODE, 4 WRITE_WHILE_RUNNING"),
                V.out("o_windows_in", 32, "windows accepted by the input FIFO"),
                V.out("o_windows_out", 32, "windows unloaded"),
                V.out("o_rounds", 32, "rounds started"),
                V.out("o_busy_cycles", 32, "cycles with a round in progress"),
                V.out("o_idle_issue", 32, "cycles in a round without an issued tap"),
                V.out("o_input_drops", 32, "windows refused by a full input FIFO"),
                V.out("o_result_stalls", 32, "unloader cycles waiting on a full result FIFO"),
                V.out("o_clamp_low", 32, "write cycles with a value clamped at act_min"),
                V.out("o_clamp_high", 32, "write cycles with a value clamped at act_max"),
                V.out("o_cycle", 32, "cycles since streaming started (trace)"),
                V.out("o_round_start", 1, "a round's first tap issues this cycle (trace)"));
        UnitNets nets = new UnitNets(ports);
        for (ModuleSpec u : units.all()) {
            nets.drives(u);
        }
        nets.declare("pe_results", 64 * s.p(), "result read data of all PEs, PE k in bits 64k+63:64k");
        nets.declare("pe_clamp_lo", s.p(), "per PE: clamped low in the write cycle");
        nets.declare("pe_clamp_hi", s.p(), "per PE: clamped high in the write cycle");
        List<ModuleItem> it = new ArrayList<>();
        it.add(nets.instance(units.program(), "u_program", Map.of())
                .comment("Program memories (docs 4.1-4.3): descriptors, parameter table, weights.").build());
        Map<String, String> decoded = new HashMap<>();
        if (units.layerDecode() != null) {
            // the controller reads the registered decode, not the descriptor memory
            it.add(nets.instance(units.layerDecode(), "u_layer_decode", Map.of())
                    .comment("Registered layer decode of the pipelined controller (docs/accelerator.md, timing).")
                    .build());
            for (PortSpec p : units.controller().ports()) {
                if (p.name().startsWith("i_desc_")) {
                    decoded.put(p.name(), "ld_" + p.name().substring("i_desc_".length()));
                }
            }
        }
        it.add(nets.instance(units.controller(), "u_controller", decoded)
                .comment("Controller (docs 4.4, 5): loop nest, start rules, tap pipeline.").build());
        it.add(nets.instance(units.loader(), "u_loader", Map.of())
                .comment("Input FIFO, loader and input stage (docs 4.5).").build());
        it.add(nets.instance(units.drain(), "u_drain", Map.of())
                .comment("Drain sequencer (docs 3.3): shadow registers to the requantisers and the write.").build());
        it.add(nets.instance(units.unloader(), "u_unloader", Map.of())
                .comment("Unloader and result FIFO (docs 4.6).").build());
        int p = s.p();
        it.add(GenerateFor.builder("g_pe", "g", "0", Integer.toString(p))
                .comment("P processing elements, one window each, in lockstep.")
                .add(nets.instance(pe, "u_pe", Map.of(
                                "i_w", "weights",
                                "i_stg_we", "stg_we & (stg_pe == g)",
                                "o_res_rdata", "pe_results[64*g +: 64]",
                                "o_clamp_lo", p == 1 ? "pe_clamp_lo" : "pe_clamp_lo[g]",   // P = 1: a scalar
                                "o_clamp_hi", p == 1 ? "pe_clamp_hi" : "pe_clamp_hi[g]"))
                        .build())
                .build());
        it.add(V.assign("o_idle", "~in_round & ~unloading"));
        counters(it);
        List<ModuleItem> body = new ArrayList<>(nets.wires());
        body.addAll(it);
        return ModuleSpec.builder(name)
                .header(name + ": " + s.p() + " PEs x " + s.u() + " lanes with program memories, controller, loader,"
                                + " drain and unloader; docs/accelerator.md section 4.",
                        "Loop nest (4.4): round > layer > context A/B > position > group > tap; start rules of section 5.",
                        "Program memories are written only while stopped (i_start low); results leave in arrival order.",
                        "State machines reset while stopped; the input and result FIFOs keep their contents.")
                .ports(ports)
                .add(V.declarationsFirst(body))
                .build();
    }

    /** A status counter (docs 4.7): the register behind an output, counting cycles in which {@code event} holds. */
    private record Counter(String reg, String event, String output) {}

    private static void counters(List<ModuleItem> it) {
        List<Counter> c = List.of(
                new Counter("cnt_win_in_r", "window_in", "o_windows_in"),
                new Counter("cnt_win_out_r", "window_out", "o_windows_out"),
                new Counter("cnt_rounds_r", "o_round_start", "o_rounds"),
                new Counter("cnt_busy_r", "in_round", "o_busy_cycles"),
                new Counter("cnt_idle_r", "in_round & ~issue", "o_idle_issue"),
                new Counter("cnt_drops_r", "window_drop", "o_input_drops"),
                new Counter("cnt_stalls_r", "result_stall", "o_result_stalls"),
                new Counter("cnt_clamp_lo_r", "writing & (|pe_clamp_lo)", "o_clamp_low"),
                new Counter("cnt_clamp_hi_r", "writing & (|pe_clamp_hi)", "o_clamp_high"));
        List<Stmt> rst = new ArrayList<>();
        List<Stmt> inc = new ArrayList<>();
        for (Counter x : c) {
            it.add(V.reg(x.reg(), 32, "counter behind " + x.output()));
            rst.add(V.nb(x.reg(), "32'd0"));
            inc.add(V.when(x.event(), V.nb(x.reg(), x.reg() + " + 32'd1")));
        }
        it.add(V.ff("Status and error counters (docs 4.7); CTRL.clear resets them.",
                V.when("i_rst | i_clear", rst.toArray(Stmt[]::new)).orElse(inc.toArray(Stmt[]::new))));
        for (Counter x : c) {
            it.add(V.assign(x.output(), x.reg()));
        }
    }
}
