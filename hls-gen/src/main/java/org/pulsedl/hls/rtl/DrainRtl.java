package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;

/**
 * The drain sequencer (docs/accelerator.md §3.3, {@code ArraySimulator.drainReads}): after a capture, one value per
 * cycle leaves the shadow registers (S1: lane select, parameter read), passes the PEs' requantisers (R1 ...) and is
 * written to an activation region or the result buffer; the write's sideband rides along in a delay line.
 */
final class DrainRtl {
    private final RtlShape s;
    private final Bundle group = GroupInfo.layout();
    private final Bundle write = new Bundle().add("v", 1).add("seglast", 1).add("ctx", 1).add("rpar", 1).add("dst", 2)
            .add("addr", 16);
    private final List<ModuleItem> it = new ArrayList<>();

    private DrainRtl(RtlShape s) {
        this.s = s;
    }

    static ModuleSpec module(RtlShape s) {
        return new DrainRtl(s).build();
    }

    private ModuleSpec build() {
        ModuleSpec.Builder m = ModuleSpec.builder(s.name("drain"))
                .header(s.name("drain") + ": shadow registers to the requantisers, one value per cycle, and the"
                                + " write that follows; docs/accelerator.md section 3.3.",
                        "Mirrors ArraySimulator.drainReads and landWrites.")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_rst", 1, "synchronous reset, active high"))
                .port(V.in("i_capture", 1, "controller: the shadow registers take a group this cycle"))
                .port(V.in("i_cap_group", group.width(), "controller: the captured group (GroupInfo)"))
                .port(V.out("o_drain_param", s.paramAw(), "S1: parameter entry of the drained channel"))
                .port(V.out("o_drain_lane", s.laneBits(), "S1: lane the PEs read"))
                .port(V.out("o_drain_pool", 1, "S1: the drained value comes from the pool unit"))
                .port(V.out("o_rq_mode", 3, "R1: requantiser mode"))
                .port(V.out("o_rq_zout", 16, "R1: output zero point"))
                .port(V.out("o_rq_min", 16, "R1: act_min"))
                .port(V.out("o_rq_max", 16, "R1: act_max"))
                .port(V.out("o_act_we", 1, "write cycle: activation write"))
                .port(V.out("o_act_waddr", s.actAw() + 2, "activation write address {context, region, index}"))
                .port(V.out("o_res_we", 1, "write cycle: result write"))
                .port(V.out("o_res_waddr", s.resAw() + 2, "result write address {context, parity, index}"))
                .port(V.out("o_writing", 1, "write cycle: a value is written"))
                .port(V.out("o_seg_written", 1, "a segment's last write lands"))
                .port(V.out("o_seg_ctx", 1, "context of that segment"))
                .port(V.out("o_seg_to_results", 1, "that segment writes the result buffer"));
        sequencer();
        requantiserStage();
        return m.add(V.declarationsFirst(it)).build();
    }

    private void sequencer() {
        it.add(V.reg("dr_active_r", 1, "draining"));
        it.add(V.reg("dr_j_r", 7, "value index j"));
        it.add(V.reg("dr_grp_r", group.width(), "the drained group"));
        it.add(V.ff("Drain sequencer.",
                V.when("i_rst", V.nb("dr_active_r", "1'b0"))
                        .orElse(V.when("i_capture", V.nb("dr_active_r", "1'b1"), V.nb("dr_j_r", "7'd0"),
                                V.nb("dr_grp_r", "i_cap_group"))
                        .orElse(V.when("dr_active_r",
                                V.nb("dr_j_r", "dr_j_r + 7'd1"),
                                V.when("dr_j_r == " + gf("n") + " - 7'd1", V.nb("dr_active_r", "1'b0")))))));
        it.add(V.wire("drain_pidx", 16, "S1: parameter entry of the drained channel"));
        it.add(V.assign("drain_pidx", gf("pidx") + " + {9'd0, dr_j_r}"));
        it.add(V.assign("o_drain_param", V.slice("drain_pidx", s.paramAw() - 1, 0)));
        String lane = s.int16HalfLanes() ? "(" + gf("spread") + " ? {dr_j_r[5:0], 1'b0} : dr_j_r)" : "dr_j_r";
        it.add(V.wire("drain_lane7", 7, "lane of value j, 7 bits"));
        it.add(V.assign("drain_lane7", lane));
        it.add(V.assign("o_drain_lane", V.zext("drain_lane7", 7, s.laneBits())));
        if (s.laneBits() < 7) {
            it.add(V.wire("unused_lane", 1, "lane bits above U"));
            it.add(V.assign("unused_lane", "&{1'b0, drain_lane7[6:" + s.laneBits() + "]}"));
        }
        it.add(V.assign("o_drain_pool", gf("mode") + " >= 3'd4"));
    }

    /** R1 takes the group's requantiser settings; the write sideband is delayed to the write cycle. */
    private void requantiserStage() {
        Map<String, String> w = new LinkedHashMap<>();
        w.put("v", "dr_active_r");
        w.put("seglast", gf("seglast") + " & (dr_j_r == " + gf("n") + " - 7'd1)");
        w.put("ctx", gf("ctx"));
        w.put("rpar", gf("rpar"));
        w.put("dst", gf("dst"));
        w.put("addr", gf("waddr") + " + {9'd0, dr_j_r}");
        it.add(V.reg("r1_wr_r", write.width(), "R1: write sideband"));
        it.add(V.reg("r1_mode_r", 3, "R1: requantiser mode"));
        it.add(V.reg("r1_zout_r", 16, "R1: z_out"));
        it.add(V.reg("r1_min_r", 16, "R1: act_min"));
        it.add(V.reg("r1_max_r", 16, "R1: act_max"));
        it.add(V.ff("Drain sideband into the requantiser stage R1.", V.nb("r1_wr_r", write.pack(w)),
                V.nb("r1_mode_r", gf("mode")), V.nb("r1_zout_r", gf("zout")), V.nb("r1_min_r", gf("amin")),
                V.nb("r1_max_r", gf("amax"))));
        it.add(V.assign("o_rq_mode", "r1_mode_r"));
        it.add(V.assign("o_rq_zout", "r1_zout_r"));
        it.add(V.assign("o_rq_min", "r1_min_r"));
        it.add(V.assign("o_rq_max", "r1_max_r"));
        it.addAll(V.delay("dwr", write.width(), "r1_wr_r", 2 + s.rqExtra(), "write sideband in the write cycle"));
        it.add(V.assign("o_writing", wf("v")));
        it.add(V.assign("o_act_we", wf("v") + " & (" + wf("dst") + " != 2'd3)"));
        it.add(V.assign("o_res_we", wf("v") + " & (" + wf("dst") + " == 2'd3)"));
        it.add(V.assign("o_act_waddr", "{" + wf("ctx") + ", " + wf("dst") + " == 2'd2, "
                + V.slice(wf("addr"), s.actAw() - 1, 0) + "}"));
        it.add(V.assign("o_res_waddr", "{" + wf("ctx") + ", " + wf("rpar") + ", "
                + V.slice(wf("addr"), s.resAw() - 1, 0) + "}"));
        it.add(V.assign("o_seg_written", wf("v") + " & " + wf("seglast")));
        it.add(V.assign("o_seg_ctx", wf("ctx")));
        it.add(V.assign("o_seg_to_results", wf("dst") + " == 2'd3"));
        it.add(V.wire("unused_dwr", 1, "write address bits above the buffers"));
        it.add(V.assign("unused_dwr", "&{1'b0, dwr, dr_grp_r, drain_pidx}"));
    }

    /** A field of the drained group. */
    private String gf(String field) {
        return group.field("dr_grp_r", field);
    }

    /** A field of the write sideband in the write cycle. */
    private String wf(String field) {
        return write.field("dwr", field);
    }
}
