package org.pulsedl.hls.regmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pulsedl.hls.verilog.AlwaysBlock;
import org.pulsedl.hls.verilog.Assign;
import org.pulsedl.hls.verilog.CommentBlock;
import org.pulsedl.hls.verilog.LocalparamSpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.PortSpec;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.RegSpec;
import org.pulsedl.hls.verilog.Stmt;
import org.pulsedl.hls.verilog.VerilogFile;
import org.pulsedl.hls.verilog.WireSpec;
import org.pulsedl.hls.verilog.Width;

/**
 * Emits a register map as a memory-mapped slave register file {@code <map>_regs}.
 *
 * <p>Bus (byte address within the block): a request is {@code i_we} or {@code i_re} held high; it is taken
 * on an edge where {@code o_ready} is low, and {@code o_ready} is high for exactly one cycle after it (with
 * {@code o_rdata} valid for a read). So both one-cycle pulses and PicoRV32-style requests held until ready
 * work, and a held request acts once. {@code i_we} wins if both are high. Per field: RW and WO give an
 * output {@code o_<reg>_<field>}, RO an input {@code i_<reg>_<field>}, W1C an input
 * {@code i_<reg>_<field>_set} (hardware sets, set wins over a same-cycle clear) and an output with the
 * current value. A register without declared fields uses {@code o_<reg>} / {@code i_<reg>}.
 */
public final class RegisterFileVerilog {
    private RegisterFileVerilog() {
    }

    /** The generated file {@code <map>_regs.v}; its banner hashes the map's canonical JSON. */
    public static VerilogFile file(RegisterMap map, Provenance provenance) {
        return new VerilogFile(provenance.banner(RegisterMapJson.canonical(map)), module(map));
    }

    public static String moduleName(RegisterMap map) {
        return map.name() + "_regs";
    }

    /** The register file as a module spec (e.g. to instantiate it with a checked {@code InstanceSpec}). */
    public static ModuleSpec module(RegisterMap map) {
        int aw = map.addressBits();
        boolean anyWritable = map.registers().stream().anyMatch(r -> r.writable() || r.hasWriteStrobe());
        ModuleSpec.Builder m = ModuleSpec.builder(moduleName(map))
                .header(moduleName(map) + ": register file of '" + map.name() + "'"
                                + (map.description().isBlank() ? "" : " - " + map.description()),
                        "Generated from RegisterMap '" + map.name() + "' (base " + Hex.address(map.base()) + ", "
                                + Hex.of(map.size()) + " bytes); the field tables are in " + map.name() + "_regs.md.",
                        "Bus: a request (i_we or i_re, held or pulsed) is taken on an edge where o_ready is low;",
                        "o_ready is high for one cycle after it, with o_rdata valid for a read. i_we wins over i_re.",
                        "Reset is synchronous and active-high.");
        m.port(PortSpec.input("i_clk", Width.ONE).comment("clock").build());
        m.port(PortSpec.input("i_rst", Width.ONE).comment("synchronous reset, active high").build());
        m.port(PortSpec.input("i_addr", Width.bits(aw)).comment("byte address within the block").build());
        m.port(PortSpec.input("i_we", Width.ONE).comment("write request").build());
        m.port(PortSpec.input("i_wstrb", Width.bits(4)).comment("byte enables of i_wdata").build());
        m.port(PortSpec.input("i_wdata", Width.bits(32)).comment("write data").build());
        m.port(PortSpec.input("i_re", Width.ONE).comment("read request").build());
        m.port(PortSpec.output("o_rdata", Width.bits(32)).comment("read data, valid while o_ready").build());
        m.port(PortSpec.output("o_ready", Width.ONE).comment("request done (one cycle)").build());
        for (Register r : map.registers()) {
            m.ports(fieldPorts(r));
        }

        List<ModuleItem> items = new ArrayList<>();
        items.add(CommentBlock.of("Register offsets (bytes within the block)."));
        for (Register r : map.registers()) {
            items.add(LocalparamSpec.sized(offsetName(r), Width.bits(aw), Hex.verilog(aw, r.offset()),
                    r.name() + ": " + r.description()));
        }
        items.add(CommentBlock.of("Bus decode: take a request only when no response is pending."));
        List<WireSpec> bus = new ArrayList<>();
        bus.add(WireSpec.of("bus_take", Width.ONE, "request accepted this cycle"));
        if (anyWritable) {
            bus.add(WireSpec.of("bus_wr", Width.ONE, "write accepted"));
        }
        bus.add(WireSpec.of("bus_rd", Width.ONE, "read accepted"));
        bus.add(WireSpec.of("bus_addr", Width.bits(aw), "word-aligned address"));
        if (anyWritable) {
            bus.add(WireSpec.of("bus_wmask", Width.bits(32), "i_wstrb as a bit mask"));
        }
        bus.add(WireSpec.of("unused_bus", Width.ONE, "bits some maps do not decode"));
        items.addAll(bus);
        items.add(RegSpec.of("bus_ready_r", Width.ONE, "response pending"));
        items.add(RegSpec.of("bus_rdata_r", Width.bits(32), "read data"));
        items.add(RegSpec.comb("bus_rdata", Width.bits(32)).comment("read mux").build());
        items.add(Assign.of("bus_take", "(i_we | i_re) & ~bus_ready_r"));
        if (anyWritable) {
            items.add(Assign.of("bus_wr", "bus_take & i_we"));
        }
        items.add(Assign.of("bus_rd", "bus_take & ~i_we"));
        items.add(Assign.of("bus_addr", "{i_addr[" + (aw - 1) + ":2], 2'b00}"));
        if (anyWritable) {
            items.add(Assign.of("bus_wmask", "{{8{i_wstrb[3]}}, {8{i_wstrb[2]}}, {8{i_wstrb[1]}}, {8{i_wstrb[0]}}}"));
        }
        items.add(Assign.of("unused_bus", "&{1'b0, i_addr[1:0], i_wdata, i_wstrb}"));

        for (Register r : map.registers()) {
            items.addAll(registerItems(r));
        }
        items.addAll(readPath(map));
        return m.add(items).build();
    }

    static String offsetName(Register r) {
        return "ADDR_" + r.name().toUpperCase(java.util.Locale.ROOT);
    }

    /** The stem of a field's signal names: {@code <reg>_<field>}, or {@code <reg>} for a whole register. */
    static String stem(Register r, Field f) {
        return r.isWhole() ? r.name() : r.name() + "_" + f.name();
    }

    private static List<PortSpec> fieldPorts(Register r) {
        List<PortSpec> ports = new ArrayList<>();
        for (Field f : r.fields()) {
            String s = stem(r, f);
            String where = r.name() + (r.isWhole() ? "" : "." + f.name()) + " " + RegisterMapValidator.bits(f) + " "
                    + f.access();
            Width w = Width.bits(f.width());
            switch (f.access()) {
                case RW, WO -> ports.add(PortSpec.output("o_" + s, w).comment(where + ": " + f.description()).build());
                case RO -> ports.add(PortSpec.input("i_" + s, w).comment(where + ": " + f.description()).build());
                case W1C -> {
                    ports.add(PortSpec.input("i_" + s + "_set", w).comment(where + ": set bits (1 = set)").build());
                    ports.add(PortSpec.output("o_" + s, w).comment(where + ": " + f.description()).build());
                }
                default -> throw new IllegalStateException();
            }
        }
        if (r.hasWriteStrobe()) {
            ports.add(PortSpec.output("o_" + r.name() + "_wr", Width.ONE).comment(r.name() + " was written (pulse)").build());
        }
        if (r.readStrobe()) {
            ports.add(PortSpec.output("o_" + r.name() + "_rd", Width.ONE).comment(r.name() + " was read (pulse)").build());
        }
        return ports;
    }

    /** Decode, storage and outputs of one register. */
    private static List<ModuleItem> registerItems(Register r) {
        List<ModuleItem> items = new ArrayList<>();
        List<Field> stored = r.fields().stream().filter(f -> f.access().stored()).toList();
        boolean decodeWrite = !stored.isEmpty() || r.hasWriteStrobe();
        if (!decodeWrite && !r.readStrobe()) {
            return items;
        }
        items.add(CommentBlock.of(r.name() + " @ " + Hex.of(r.offset()) + " (" + r.accessSummary() + "): " + r.description()));
        if (decodeWrite) {
            items.add(WireSpec.of("wr_" + r.name(), Width.ONE, "write to " + r.name()));
        }
        if (r.readStrobe()) {
            items.add(WireSpec.of("rd_" + r.name(), Width.ONE, "read of " + r.name()));
        }
        for (Field f : stored) {
            items.add(RegSpec.of(stem(r, f) + "_r", Width.bits(f.width()), f.access() + " " + RegisterMapValidator.bits(f)));
        }
        if (r.hasWriteStrobe()) {
            items.add(RegSpec.of(r.name() + "_wr_r", Width.ONE, "write strobe"));
        }
        if (r.readStrobe()) {
            items.add(RegSpec.of(r.name() + "_rd_r", Width.ONE, "read strobe"));
        }
        if (decodeWrite) {
            items.add(Assign.of("wr_" + r.name(), "bus_wr & (bus_addr == " + offsetName(r) + ")"));
        }
        if (r.readStrobe()) {
            items.add(Assign.of("rd_" + r.name(), "bus_rd & (bus_addr == " + offsetName(r) + ")"));
        }
        AlwaysBlock.Builder ff = AlwaysBlock.clocked("i_clk").reset("i_rst");
        List<Stmt> onWrite = new ArrayList<>();
        for (Field f : stored) {
            String reg = stem(r, f) + "_r";
            ff.onReset(Stmt.nonBlocking(reg, Hex.verilog(f.width(), f.reset())));
            String data = "i_wdata" + slice(f);
            String mask = "bus_wmask" + slice(f);
            if (f.access() == Access.W1C) {
                String sel = f.width() == 1 ? "wr_" + r.name() : "{" + f.width() + "{wr_" + r.name() + "}}";
                ff.add(Stmt.nonBlocking(reg, "(" + reg + " & ~(" + sel + " & " + data + " & " + mask + ")) | i_" + stem(r, f)
                        + "_set"));
            } else {
                onWrite.add(Stmt.nonBlocking(reg, "(" + reg + " & ~" + mask + ") | (" + data + " & " + mask + ")"));
            }
        }
        if (!onWrite.isEmpty()) {
            ff.add(Stmt.ifThen("wr_" + r.name(), onWrite.toArray(Stmt[]::new)));
        }
        if (r.hasWriteStrobe()) {
            ff.onReset(Stmt.nonBlocking(r.name() + "_wr_r", "1'b0"));
            ff.add(Stmt.nonBlocking(r.name() + "_wr_r", "wr_" + r.name()));
        }
        if (r.readStrobe()) {
            ff.onReset(Stmt.nonBlocking(r.name() + "_rd_r", "1'b0"));
            ff.add(Stmt.nonBlocking(r.name() + "_rd_r", "rd_" + r.name()));
        }
        items.add(ff.build());
        for (Field f : stored) {
            items.add(Assign.of("o_" + stem(r, f), stem(r, f) + "_r"));
        }
        if (r.hasWriteStrobe()) {
            items.add(Assign.of("o_" + r.name() + "_wr", r.name() + "_wr_r"));
        }
        if (r.readStrobe()) {
            items.add(Assign.of("o_" + r.name() + "_rd", r.name() + "_rd_r"));
        }
        return items;
    }

    /** The read mux and the registered response. */
    private static List<ModuleItem> readPath(RegisterMap map) {
        Stmt.Case.Builder mux = Stmt.caseOf("bus_addr");
        for (Register r : map.registers()) {
            if (r.readable()) {
                mux.when(offsetName(r), Stmt.blocking("bus_rdata", readValue(r)));
            }
        }
        mux.otherwise(Stmt.blocking("bus_rdata", "32'h0"));
        List<ModuleItem> items = new ArrayList<>();
        items.add(AlwaysBlock.combinational().comment("Read mux: unmapped offsets and WO fields read as 0.")
                .add(mux.build()).build());
        items.add(AlwaysBlock.clocked("i_clk").reset("i_rst")
                .comment("Response: o_ready one cycle after a request is taken; read data captured with it.")
                .onReset(Stmt.nonBlocking("bus_ready_r", "1'b0"), Stmt.nonBlocking("bus_rdata_r", "32'h0"))
                .add(Stmt.nonBlocking("bus_ready_r", "bus_take"),
                        Stmt.ifThen("bus_rd", Stmt.nonBlocking("bus_rdata_r", "bus_rdata")))
                .build());
        items.add(Assign.of("o_ready", "bus_ready_r"));
        items.add(Assign.of("o_rdata", "bus_rdata_r"));
        return items;
    }

    /** The 32-bit read value of a register as a concatenation, msb first, gaps and WO fields as zeros. */
    static String readValue(Register r) {
        List<Field> fields = new ArrayList<>(r.fields());
        fields.sort(Comparator.comparingInt(Field::lsb).reversed());
        List<String> parts = new ArrayList<>();
        int next = 31;
        for (Field f : fields) {
            if (f.msb() < next) {
                parts.add(Hex.verilog(next - f.msb(), 0));
            }
            String s = stem(r, f);
            parts.add(switch (f.access()) {
                case RO -> "i_" + s;
                case WO -> Hex.verilog(f.width(), 0);
                default -> s + "_r";
            });
            next = f.lsb() - 1;
        }
        if (next >= 0) {
            parts.add(Hex.verilog(next + 1, 0));
        }
        return parts.size() == 1 ? parts.get(0) : "{" + String.join(", ", parts) + "}";
    }

    private static String slice(Field f) {
        return f.msb() == f.lsb() ? "[" + f.msb() + "]" : "[" + f.msb() + ":" + f.lsb() + "]";
    }
}
