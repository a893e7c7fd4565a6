package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.verilog.AlwaysBlock;
import org.pulsedl.hls.verilog.GenerateFor;
import org.pulsedl.hls.verilog.Ifdef;
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
                V.in("i_stop", 1, "CTRL.stop: stop cleanly (as i_start low)"),
                V.in("i_soft_rst", 1, "CTRL.soft_reset: abort, clear all state but programs and counters (pulse)"),
                V.in("i_clear", 1, "clear counters and the error code (pulse)"),
                V.in("i_prog_we", 1, "program write (32-bit word)"),
                V.in("i_prog_sel", 2, "0 descriptors, 1 parameter table, 2 weight memory"),
                V.in("i_prog_addr", 20, "word index within the selected memory"),
                V.in("i_prog_wdata", 32, "program write data"),
                V.out("o_prog_rdata", 32, "program word read back (the request of the cycle before; 0 while running)"),
                V.in("i_in_valid", 1, "input port: a window sample"),
                V.in("i_in_data", 16, "input port: ADC code or quantised value"),
                V.in("i_in_tag", 8, "input port: the window's tag (taken with its first sample)"),
                V.in("i_in_time", 32, "input port: the window's capture timestamp (taken with its first sample)"),
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
                V.out("o_stops", 32, "clean stops completed"),
                V.out("o_soft_resets", 32, "soft resets"),
                V.out("o_frame_drops", 32, "windows dropped for a wrong length"),
                V.out("o_resetting", 1, "a soft reset is in progress"),
                V.out("o_ev_result", 1, "a window's last result word enters the result FIFO (interrupt cause)"),
                V.out("o_ev_drop", 1, "a window is dropped: input FIFO full or wrong length (interrupt cause)"),
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
        runControl(s, it);
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
        Map<String, String> controllerNets = new HashMap<>(decoded);
        controllerNets.putAll(Map.of("i_rst", "unit_rst",
                "i_start", "ctl_start", "i_stop", "1'b0", "i_in_empty", "o_in_empty | stop_req"));
        it.add(nets.instance(units.controller(), "u_controller", controllerNets)
                .comment("Controller (docs 4.4, 5): loop nest, start rules, tap pipeline.").build());
        it.add(nets.instance(units.loader(), "u_loader", Map.of("i_rst", "unit_rst", "i_hold", "stop_req"))
                .comment("Input FIFO, loader and input stage (docs 4.5).").build());
        it.add(nets.instance(units.drain(), "u_drain", Map.of("i_rst", "unit_rst"))
                .comment("Drain sequencer (docs 3.3): shadow registers to the requantisers and the write.").build());
        it.add(nets.instance(units.unloader(), "u_unloader", Map.of("i_rst", "unit_rst"))
                .comment("Unloader and result FIFO (docs 4.6).").build());
        int p = s.p();
        Map<String, String> peNets = new HashMap<>(peClockGate(s, pe, nets, it));
        peNets.putAll(Map.of(
                "o_res_rdata", "pe_results[64*g +: 64]",
                "o_clamp_lo", p == 1 ? "pe_clamp_lo" : "pe_clamp_lo[g]",   // P = 1: a scalar
                "o_clamp_hi", p == 1 ? "pe_clamp_hi" : "pe_clamp_hi[g]"));
        it.add(GenerateFor.builder("g_pe", "g", "0", Integer.toString(p))
                .comment("P processing elements, one window each, in lockstep.")
                .add(nets.instance(pe, "u_pe", peNets).build())
                .build());
        it.add(V.assign("o_idle", "~in_round & ~unloading"));
        counters(s, it);
        List<ModuleItem> body = new ArrayList<>(nets.wires());
        body.addAll(it);
        return ModuleSpec.builder(name)
                .header(name + ": " + s.p() + " PEs x " + s.u() + " lanes with program memories, controller, loader,"
                                + " drain and unloader; docs/accelerator.md section 4.",
                        "Loop nest (4.4): round > layer > context A/B > position > group > tap; start rules of section 5.",
                        "Program memories are written and read back only while stopped; results leave in arrival order.",
                        "State machines reset while stopped; the input and result FIFOs keep their contents.")
                .ports(ports)
                .add(V.declarationsFirst(body))
                .build();
    }

    /**
     * The PEs' clock and inputs (docs/accelerator.md, "Simulation clock gate"); returns the PE's input connections.
     * Every PE input comes from the vector {@code pe_in} (one field per port, and {@code stg_pe}, which decodes the
     * staging write). Synthesis, Icarus and the formal proofs read it and {@code i_clk} directly. Under Verilator,
     * which evaluates every PE at every edge whether it works or not, the clock stops while the PEs are quiescent:
     * {@code pe_in} has not changed for {@link ProcessingElementRtl#settleBound} edges and will not at the next, and
     * the enabling inputs are low. PeQuiescenceProofTest proves that from any state fewer such edges make the PE's
     * state a fixed point, so every stopped edge is one that would have changed nothing. The gate is a latch open in
     * the clock's low phase (it sees the inputs the next edge takes), and the PEs read a copy of {@code pe_in} taken at
     * the falling edge whenever the gate is open, so that the PEs' own combinational logic, like their registers, is
     * evaluated only when they run. An input that changes after the falling edge would be missed; the array then
     * prints a message and calls {@code $stop} instead.
     */
    private static Map<String, String> peClockGate(RtlShape s, ModuleSpec pe, UnitNets nets, List<ModuleItem> it) {
        Map<String, String> gateNets = Map.of("i_w", "weights", "i_stg_we", "stg_we");   // stg_we: any PE's write
        List<String> fields = new ArrayList<>();
        List<PortSpec> ports = new ArrayList<>();
        for (PortSpec port : pe.ports()) {
            if (port.direction() == PortSpec.Direction.INPUT && !port.name().equals("i_clk")) {
                ports.add(port);
                fields.add(nets.source(pe, port, gateNets));
            }
        }
        int peBits = s.peBits();
        fields.add("stg_pe");
        int bits = peBits;
        for (PortSpec port : ports) {
            bits += (int) port.width().knownBits().orElseThrow();
        }
        Map<String, String> connect = new HashMap<>();          // PE port -> its field of pe_in_g
        int hi = bits - 1;
        for (PortSpec port : ports) {
            int w = (int) port.width().knownBits().orElseThrow();
            connect.put(port.name(), "pe_in_g[" + (w == 1 ? hi : hi + ":" + (hi - w + 1)) + "]");
            hi -= w;
        }
        String stgPe = "pe_in_g[" + (peBits == 1 ? "0" : (peBits - 1) + ":0") + "]";
        connect.put("i_stg_we", connect.get("i_stg_we") + " & (" + stgPe + " == g)");
        connect.put("i_clk", "pe_clk");
        it.add(V.wire("pe_in", bits, "every PE input but the clock, and stg_pe (stg_we: any PE's)"));
        it.add(V.assign("pe_in", "{" + String.join(", ", fields) + "}"));
        List<String> enables = new ArrayList<>();
        for (String e : ProcessingElementRtl.STATE_ENABLES) {
            enables.add(nets.source(pe, pe.port(e), gateNets));
        }
        int bound = ProcessingElementRtl.settleBound(s);
        int cb = V.clog2(bound + 1);
        String full = V.lit(cb, bound);
        List<ModuleItem> sim = new ArrayList<>();
        sim.add(V.reg("pe_in_r", bits, "pe_in at the last edge"));
        sim.add(V.reg("pe_still_r", cb, "edges in a row with pe_in unchanged and the enables low (saturates)"));
        sim.add(V.wire("pe_quiet", 1, "pe_in equals the last edge's and the enables are low"));
        sim.add(V.comb("pe_stop_l", 1, "latch, open while i_clk is low: the next edge skips the PEs (0 at start)"));
        sim.add(V.wire("pe_clk", 1, "the PEs' clock"));
        sim.add(V.wire("pe_nclk", 1, "rises at i_clk's falling edge while the PEs run"));
        sim.add(V.reg("pe_in_n_r", bits, "pe_in at the last falling edge of pe_nclk"));
        sim.add(V.reg("pe_in_n_ok_r", 1, "pe_in_n_r has been taken"));
        sim.add(V.wire("pe_in_g", bits, "the PE inputs as the PEs read them"));
        sim.add(V.assign("pe_quiet", "(pe_in == pe_in_r) & ~(" + String.join(" | ", enables) + ")"));
        sim.add(AlwaysBlock.combinational()
                .comment("verilator lint_off LATCH\nThe gate: a latch, so that it holds while the clock is high.")
                .add(V.when("!i_clk", V.bl("pe_stop_l", "pe_quiet & (pe_still_r == " + full + ")")))
                .build());
        sim.add(V.assign("pe_clk", "i_clk & ~pe_stop_l"));
        sim.add(V.assign("pe_nclk", "~i_clk & ~pe_stop_l"));
        sim.add(AlwaysBlock.clocked("pe_nclk").comment("verilator lint_on LATCH\nThe PE inputs the next edge takes.")
                .add(V.nb("pe_in_n_r", "pe_in"), V.nb("pe_in_n_ok_r", "1'b1")).build());
        sim.add(V.assign("pe_in_g", "pe_in_n_r"));
        sim.add(V.ff("Count quiet edges; an input that changed after the falling edge is an error.",
                V.when("pe_in_n_ok_r & (pe_in != pe_in_n_r)",
                        Stmt.call("$display(\"pdl_accel_array: a PE input changed after the falling clock edge, "
                                + "where the simulation clock gate takes it\")"),
                        Stmt.call("$stop")),
                V.nb("pe_in_r", "pe_in"),
                V.nb("pe_still_r", "~pe_quiet ? " + V.lit(cb, 0) + " : (pe_still_r == " + full + ") ? " + full
                        + " : pe_still_r + " + V.lit(cb, 1))));
        List<ModuleItem> synth = List.of(V.wire("pe_clk", 1, "the PEs' clock"),
                V.wire("pe_in_g", bits, "the PE inputs as the PEs read them"),
                V.assign("pe_clk", "i_clk"), V.assign("pe_in_g", "pe_in"));
        it.add(Ifdef.of("VERILATOR", List.of(
                "Simulation speed under Verilator (docs/accelerator.md, \"Simulation clock gate\"): the PEs' clock",
                "stops while their inputs are quiet, after more edges than PeQuiescenceProofTest proves they need to settle.",
                "Synthesis (Yosys, Vivado), Icarus and the formal proofs do not define VERILATOR: the PEs run on i_clk."),
                sim, synth));
        return connect;
    }

    /** Cycles a soft reset holds the units in reset: longer than any pipeline, so nothing in flight survives it. */
    static final int SOFT_RESET_CYCLES = 63;

    /**
     * Stop and soft reset (docs/accelerator.md, "Stop and soft reset"). A stop request (i_start low or i_stop high)
     * lets the loader start no new window; the windows already taken from the input FIFO are computed (a partial
     * round flushes as if the FIFO were empty) and unloaded, and only then does the controller leave streaming, so
     * its state resets with nothing in flight. A soft reset holds every unit but the program memories and the
     * counters in reset for {@link #SOFT_RESET_CYCLES} cycles, so the tap pipeline and drain empty before it ends.
     */
    private static void runControl(RtlShape s, List<ModuleItem> it) {
        it.add(V.reg("srst_cnt_r", 6, "soft-reset cycles left"));
        it.add(V.wire("resetting", 1, "a soft reset holds the units in reset"));
        it.add(V.wire("unit_rst", 1, "reset of controller, loader, drain and unloader"));
        it.add(V.wire("stop_req", 1, "a stop is requested"));
        it.add(V.wire("quiet", 1, "nothing taken from the input FIFO is still in the array"));
        it.add(V.wire("ctl_start", 1, "the controller streams (held until a requested stop is quiet)"));
        it.add(V.wire("stop_done", 1, "a clean stop completes"));
        it.add(V.ff("Soft-reset hold.", V.when("i_rst", V.nb("srst_cnt_r", "6'd0"))
                .orElse(V.when("i_soft_rst", V.nb("srst_cnt_r", V.lit(6, SOFT_RESET_CYCLES)))
                        .orElse(V.when("srst_cnt_r != 6'd0", V.nb("srst_cnt_r", "srst_cnt_r - 6'd1"))))));
        int vb = s.peBits() + 1;
        it.add(V.assign("resetting", "i_soft_rst | (srst_cnt_r != 6'd0)"));
        it.add(V.assign("o_resetting", "resetting"));
        it.add(V.assign("unit_rst", "i_rst | resetting"));
        it.add(V.assign("stop_req", "~i_start | i_stop"));
        it.add(V.assign("quiet", "all_unloaded & ~feeding & ~in_busy & (staged_a == " + V.lit(vb, 0)
                + ") & (staged_b == " + V.lit(vb, 0) + ")"));
        it.add(V.assign("ctl_start", "o_running ? ~(stop_req & quiet) : ~stop_req"));
        it.add(V.assign("stop_done", "o_running & stop_req & quiet"));
        it.add(V.assign("o_ev_result", "window_out"));
        it.add(V.assign("o_ev_drop", "window_drop | frame_drop"));
    }

    /** A status counter (docs 4.7): the register behind an output, counting cycles in which {@code event} holds. */
    private record Counter(String reg, String event, String output) {}

    private static void counters(RtlShape s, List<ModuleItem> it) {
        // the pipelined controller's events arrive registered: counted a cycle later, to the same totals
        boolean late = s.pipelinedControl();
        List<Counter> c = List.of(
                new Counter("cnt_win_in_r", "window_in", "o_windows_in"),
                new Counter("cnt_win_out_r", "window_out", "o_windows_out"),
                new Counter("cnt_rounds_r", late ? "round_started" : "o_round_start", "o_rounds"),
                new Counter("cnt_busy_r", "in_round", "o_busy_cycles"),
                new Counter("cnt_idle_r", late ? "idle_tap" : "in_round & ~issue", "o_idle_issue"),
                new Counter("cnt_drops_r", "window_drop", "o_input_drops"),
                new Counter("cnt_stalls_r", "result_stall", "o_result_stalls"),
                new Counter("cnt_clamp_lo_r", "writing & (|pe_clamp_lo)", "o_clamp_low"),
                new Counter("cnt_clamp_hi_r", "writing & (|pe_clamp_hi)", "o_clamp_high"),
                new Counter("cnt_stops_r", "stop_done", "o_stops"),
                new Counter("cnt_srst_r", "i_soft_rst", "o_soft_resets"),
                new Counter("cnt_frame_r", "frame_drop", "o_frame_drops"));
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
