package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.accel.DescriptorStorage;
import org.pulsedl.hls.accel.ProgramHeader;
import org.pulsedl.hls.accel.ResultHeader;
import org.pulsedl.hls.verilog.CommentBlock;
import org.pulsedl.hls.verilog.MemorySpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Stmt;
import org.pulsedl.hls.verilog.Width;

/**
 * The program memories (docs/accelerator.md §4.1–4.3), written and read back over the slave port only while stopped:
 * the descriptor memory, read as the header's and the current layer's named fields; the parameter table, one copy for
 * the drain and one for the input stage (two read ports); the weight memory with its broadcast register. A bus read
 * borrows the drain's parameter port and the weight port, which only streaming uses. {@code ArraySimulator} reads the
 * same tables straight from the {@code LayerProgram}.
 */
final class ProgramRtl {
    /** The header's product in fabric, with a Verilator twin like the controller's descriptor products. */
    static final DescriptorProduct HEADER_PRODUCT = new DescriptorProduct("hn",
            "desc2_r[0][31:16]", 16, "desc2_r[0][15:0]", 16, 16, "in_len * in_ch (mod 2^16)");

    private final RtlShape s;
    private final ModuleSpec.Builder m;
    private final List<ModuleItem> it = new ArrayList<>();

    private ProgramRtl(RtlShape s) {
        this.s = s;
        this.m = ModuleSpec.builder(s.name("program"));
    }

    static ModuleSpec module(RtlShape s) {
        return new ProgramRtl(s).build();
    }

    private ModuleSpec build() {
        boolean inStage = s.cfg().inputStage();
        m.header(s.name("program") + ": descriptor memory with header and layer decode, parameter table, weight"
                        + " memory; docs/accelerator.md sections 4.1-4.3.",
                "Written and read back only while stopped (i_running low); the descriptor memory reads asynchronously.",
                "o_prog_rdata: the word at i_prog_sel/i_prog_addr of the cycle before (0 while running).")
                .port(V.in("i_clk", 1, "clock"))
                .port(V.in("i_running", 1, "the array streams: program writes are refused"))
                .port(V.in("i_prog_we", 1, "program write (32-bit word)"))
                .port(V.in("i_prog_sel", 2, "0 descriptors, 1 parameter table, 2 weight memory"))
                .port(V.in("i_prog_addr", 20, "word index within the selected memory"))
                .port(V.in("i_prog_wdata", 32, "program write data"))
                .port(V.out("o_prog_rdata", 32, "program word read back: i_prog_sel/i_prog_addr of the cycle before,"
                        + " 0 while running"))
                .port(V.in("i_layer", 8, "controller: the current layer (descriptor line layer + 1)"))
                .port(V.in("i_weight_addr", s.weightAw(), "controller T0: weight word of the tap"))
                .port(V.in("i_drain_param", s.paramAw(), "drain S1: parameter entry of the drained channel"));
        if (inStage) {
            m.port(V.in("i_input_param", s.paramAw(), "loader: parameter entry of the input sample's channel"));
        }
        header(inStage);
        layer();
        parameters(inStage);
        weights();
        readBack();
        return m.add(V.declarationsFirst(it)).build();
    }

    // ---------------------------------------------------------------------------------------------------------
    private void header(boolean inStage) {
        int dl = s.descLines();
        it.add(V.wire("prog_ok", 1, "a program write is accepted"));
        it.add(V.assign("prog_ok", "i_prog_we & ~i_running"));
        Stmt.Case.Builder dc = Stmt.caseOf("i_prog_addr[2:0]");
        for (int k = 0; k < 8; k++) {
            it.add(V.regArray("desc" + k + "_r", 32, dl, "descriptor word w" + k + " (line 0: header h" + k + ")"));
            dc.when(V.lit(3, k), V.nb("desc" + k + "_r[i_prog_addr[" + (s.descAw() + 2) + ":3]]", descStore(k)));
        }
        it.add(V.ff("Descriptor memory: 8 LUTRAM banks of " + dl + " lines (asynchronous read).",
                V.when("prog_ok && i_prog_sel == 2'd0", dc.build())));
        it.add(CommentBlock.of("Program header (line 0), docs 4.1."));
        // in_len * in_ch in fabric (every DSP48 is a MAC).
        it.addAll(HEADER_PRODUCT.rows());
        m.port(V.out("o_hdr_magic_ok", 1, "h0 is the magic word"))
                .port(V.out("o_hdr_layers", 8, "descriptors"))
                .port(V.out("o_hdr_n", 16, "input values per window"))
                .port(V.out("o_hdr_inch", 16, "input channels"))
                .port(V.out("o_hdr_words", 17, "result words per window"))
                .port(V.out("o_hdr_wide", 1, "two words per output"));
        it.add(V.assign("o_hdr_magic_ok", "desc0_r[0] == 32'h" + Integer.toHexString(ProgramHeader.MAGIC)));
        it.add(V.assign("o_hdr_layers", "desc1_r[0][7:0]"));
        it.add(V.assign("o_hdr_n", "hn_p"));
        it.add(V.assign("o_hdr_inch", "desc2_r[0][31:16]"));
        it.add(V.wire("hdr_outputs", 16, "outputs per window"));
        it.add(V.assign("hdr_outputs", "desc4_r[0][15:0]"));
        it.add(V.assign("o_hdr_wide", "desc4_r[0][16]"));
        it.add(V.assign("o_hdr_words", V.lit(17, ResultHeader.WORDS) + " + (o_hdr_wide ? {hdr_outputs, 1'b0} : {1'b0, hdr_outputs})"));
        String[] stage = {"desc1_r[0][8]", "desc1_r[0][9]", "desc1_r[0][10]", "desc3_r[0][15:0]", "desc3_r[0][31:16]"};
        if (inStage) {
            m.port(V.out("o_hdr_instage", 1, "input stage enabled"))
                    .port(V.out("o_hdr_in16", 1, "input is int16"))
                    .port(V.out("o_hdr_single", 1, "input stage rounds SINGLE"))
                    .port(V.out("o_hdr_zin", 16, "input zero point"))
                    .port(V.out("o_hdr_pbase", 16, "first input-stage parameter entry"));
            it.add(V.assign("o_hdr_instage", stage[0]));
            it.add(V.assign("o_hdr_in16", stage[1]));
            it.add(V.assign("o_hdr_single", stage[2]));
            it.add(V.assign("o_hdr_zin", stage[3]));
            it.add(V.assign("o_hdr_pbase", stage[4]));
        } else {
            it.add(V.wire("unused_in", 1, "header fields only the input stage reads"));
            it.add(V.assign("unused_in", "&{1'b0, " + String.join(", ", stage) + "}"));
        }
    }

    /** The current layer's descriptor (line layer + 1), docs 4.2: one output per field. */
    private void layer() {
        int dlb = s.descAw();
        it.add(V.wire("dline", dlb, "descriptor line of the current layer"));
        it.add(V.assign("dline", V.zext("i_layer", 8, dlb) + " + " + V.lit(dlb, 1)));
        for (LayerField f : LAYER_FIELDS) {
            m.port(V.out("o_desc_" + f.name(), f.bits(), "layer: " + f.meaning()));
            it.add(V.assign("o_desc_" + f.name(), "desc" + f.word() + "_r[dline]"
                    + (f.bits() == 1 ? "[" + f.lo() + "]" : "[" + f.hi() + ":" + f.lo() + "]")));
        }
        // The layer index is 8 bits; the descriptor memory holds at most 128 lines (RtlShape).
        it.add(V.wire("unused_desc", 1, "descriptor bits no unit needs, layer-index bits above the memory"));
        it.add(V.assign("unused_desc", "&{1'b0, desc0_r[dline][31:9], desc4_r[dline][31:24], desc3_r[dline][31:24],"
                + " desc1_r[0][31:11], desc4_r[0][31:17], desc5_r[0], desc6_r[0], desc7_r[0], desc0_r[0], desc4_r[dline],"
                + " i_layer[7:" + dlb + "]}"));
    }

    /** A field of a layer descriptor (docs 4.2): bits {@code hi:lo} of word {@code word}. */
    record LayerField(String name, int word, int hi, int lo, String meaning) {
        int bits() { return hi - lo + 1; }
    }

    /** The layer descriptor's fields the array reads; each is an output {@code o_desc_<name>}. */
    static final List<LayerField> LAYER_FIELDS = List.of(
            new LayerField("op", 0, 3, 0, "opcode"),
            new LayerField("src", 0, 5, 4, "source buffer"),
            new LayerField("dst", 0, 7, 6, "destination buffer"),
            new LayerField("in16", 0, 8, 8, "int16 input"),
            new LayerField("rq", 0, 11, 10, "requantiser mode"),
            new LayerField("inlen", 1, 15, 0, "in_len"),
            new LayerField("inch", 1, 31, 16, "in_ch"),
            new LayerField("outlen", 2, 15, 0, "out_len"),
            new LayerField("outch", 2, 31, 16, "out_ch"),
            new LayerField("k", 3, 7, 0, "kernel / pool size"),
            new LayerField("s", 3, 15, 8, "stride"),
            new LayerField("pad", 3, 23, 16, "pad_left"),
            new LayerField("wbase", 4, 23, 0, "weight base"),
            new LayerField("pbase", 5, 15, 0, "parameter base"),
            new LayerField("groups", 5, 31, 16, "lane groups"),
            new LayerField("zin", 6, 15, 0, "input zero point"),
            new LayerField("zout", 6, 31, 16, "output zero point"),
            new LayerField("amin", 7, 15, 0, "act_min"),
            new LayerField("amax", 7, 31, 16, "act_max"));

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

    // ---------------------------------------------------------------------------------------------------------
    /** Parameter table words p0..p3 (docs 4.3): drain copy {@code pd*} to the PEs, input-stage copy {@code pi*}. */
    private void parameters(boolean inStage) {
        copy("pd", "drain copy", "i_drain_param", "rq", "drain S1");
        if (inStage) {
            copy("pi", "input-stage copy", "i_input_param", "input", "input stage");
        }
    }

    private void copy(String mem, String what, String addr, String out, String reader) {
        int pa = s.paramAw();
        String entry = "i_prog_addr[" + (pa + 1) + ":2]";
        // the drain copy is the one read back over the bus while stopped
        String read = mem.equals("pd") ? "i_running ? " + addr + " : " + entry : addr;
        for (int k = 0; k < 4; k++) {
            it.add(MemorySpec.builder(mem + k, Width.bits(32), s.cfg().paramEntries()).clock("i_clk")
                    .comment("Parameter table word p" + k + ", " + what + " (docs 4.3).")
                    .write("prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == " + V.lit(2, k), entry,
                            "i_prog_wdata")
                    .read(read).build());
        }
        m.port(V.out("o_" + out + "_bias", 64, reader + ": folded bias (p1:p0)"))
                .port(V.out("o_" + out + "_m", 32, reader + ": multiplier (p2)"))
                .port(V.out("o_" + out + "_shr", 6, reader + ": right shift (p3[5:0])"))
                .port(V.out("o_" + out + "_shl", 5, reader + ": left shift (p3[12:8])"));
        it.add(V.assign("o_" + out + "_bias", "{" + mem + "1_rdata_r, " + mem + "0_rdata_r}"));
        it.add(V.assign("o_" + out + "_m", mem + "2_rdata_r"));
        it.add(V.assign("o_" + out + "_shr", mem + "3_rdata_r[5:0]"));
        it.add(V.assign("o_" + out + "_shl", mem + "3_rdata_r[12:8]"));
        it.add(V.wire("unused_" + mem, 1, "parameter bits without a function"));
        it.add(V.assign("unused_" + mem, "&{1'b0, " + mem + "3_rdata_r[31:13], " + mem + "3_rdata_r[7:6]}"));
    }

    // ---------------------------------------------------------------------------------------------------------
    /**
     * Read-back of the three memories over the slave port, while stopped: the request's select and address are
     * registered beside the memories' registered reads, and the word is picked in the response cycle.
     */
    private void readBack() {
        int banks = s.u() / 4;
        it.add(CommentBlock.of("Program read-back (docs 4.7): the word addressed in the cycle before."));
        it.add(V.reg("rb_sel_r", 2, "read-back: memory of the request"));
        it.add(V.reg("rb_addr_r", 20, "read-back: word index of the request"));
        it.add(V.reg("rb_bank_r", 20, "read-back: weight bank of the request"));
        it.add(V.reg("rb_ok_r", 1, "read-back: the request came while stopped"));
        it.add(V.ff("Read-back request.", V.nb("rb_sel_r", "i_prog_sel"), V.nb("rb_addr_r", "i_prog_addr"),
                V.nb("rb_bank_r", "wt_bank"), V.nb("rb_ok_r", "~i_running")));
        // each bank read by a continuous assignment (an always @* reading a memory would be sensitive to all of it)
        Stmt.Case.Builder dc = Stmt.caseOf("rb_addr_r[2:0]");
        for (int k = 0; k < 8; k++) {
            it.add(V.wire("rb_d" + k, 32, "descriptor word w" + k + " of the read-back line"));
            it.add(V.assign("rb_d" + k, "desc" + k + "_r[rb_addr_r[" + (s.descAw() + 2) + ":3]]"));
            dc.when(V.lit(3, k), V.bl("rb_desc", "rb_d" + k));
        }
        it.add(V.comb("rb_desc", 32, "descriptor word read back"));
        it.add(V.comb("Descriptor read-back (asynchronous read of the registered address).", dc.build()));
        Stmt.Case.Builder pc = Stmt.caseOf("rb_addr_r[1:0]");
        for (int k = 0; k < 4; k++) {
            pc.when(V.lit(2, k), V.bl("rb_param", "pd" + k + "_rdata_r"));
        }
        it.add(V.comb("rb_param", 32, "parameter word read back"));
        it.add(V.comb("Parameter read-back: the drain copy's read port.", pc.build()));
        String weight = "wt0_rdata_r";
        if (banks > 1) {
            Stmt.Case.Builder wc = Stmt.caseOf("rb_bank_r");
            for (int k = 0; k < banks; k++) {
                wc.when(V.lit(20, k), V.bl("rb_weight", "wt" + k + "_rdata_r"));
            }
            wc.otherwise(V.bl("rb_weight", "32'd0"));
            it.add(V.comb("rb_weight", 32, "weight word read back"));
            it.add(V.comb("Weight read-back: the bank of the request.", wc.build()));
            weight = "rb_weight";
        }
        it.add(V.assign("o_prog_rdata", "~rb_ok_r ? 32'd0 : (rb_sel_r == 2'd0) ? rb_desc : (rb_sel_r == 2'd1) ?"
                + " rb_param : " + weight));
        it.add(V.wire("unused_rb", 1, "read-back address bits above the memories"));
        it.add(V.assign("unused_rb", "&{1'b0, rb_addr_r, rb_bank_r}"));
    }

    // ---------------------------------------------------------------------------------------------------------
    private void weights() {
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
                    .read("i_running ? i_weight_addr : wt_line[" + (wa - 1) + ":0]").build());
            parts.add(0, "wt" + k + "_rdata_r");
        }
        it.add(V.wire("unused_prog", 1, "program address bits above the memories"));
        it.add(V.assign("unused_prog", "&{1'b0, wt_line, wt_bank, i_prog_addr}"));
        m.port(V.out("o_weights", 8 * s.u(), "T2: the tap's weight word, lane u in bits 8u+7:8u"));
        it.add(V.reg("wb_r", 8 * s.u(), "T1: weight word broadcast register (used at T2)"));
        it.add(V.ff("Weight broadcast register.", V.nb("wb_r", parts.size() == 1 ? parts.get(0)
                : "{" + String.join(", ", parts) + "}")));
        it.add(V.assign("o_weights", "wb_r"));
    }
}
