package org.pulsedl.hls.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One negative test per builder rule, asserting the exact message (STYLE item 4). */
class VerilogValidationTest {
    private static void fails(String message, Executable build) {
        VerilogSpecException e = assertThrows(VerilogSpecException.class, build);
        assertEquals(message, e.getMessage());
    }

    private static PortSpec clk() {
        return PortSpec.input("i_clk", Width.ONE).comment("clock").build();
    }

    @Test
    void identifiers() {
        fails("port 'wire': is a Verilog/SystemVerilog keyword", () -> PortSpec.input("wire", Width.ONE).comment("x").build());
        fails("wire 'logic': is a Verilog/SystemVerilog keyword", () -> WireSpec.of("logic", Width.ONE, ""));
        fails("module '3d': not a legal Verilog identifier", () -> ModuleSpec.builder("3d").header("h").build());
        fails("parameter 'Width': constants are UPPER_CASE", () -> ParameterSpec.of("Width", 8, "w"));
        fails("localparam 'addr': constants are UPPER_CASE", () -> LocalparamSpec.of("addr", 0, ""));
    }

    @Test
    void ports() {
        fails("port 'data': input ports start with 'i_'", () -> PortSpec.input("data", Width.bits(8)).comment("d").build());
        fails("port 'i_valid': output ports start with 'o_'", () -> PortSpec.output("i_valid", Width.ONE).comment("v").build());
        fails("port 'i_data': needs a one-line comment saying what it carries",
                () -> PortSpec.input("i_data", Width.bits(8)).build());
        fails("port 'i_data': only outputs can be declared reg", () -> PortSpec.input("i_data", Width.ONE).reg().comment("d").build());
        assertEquals("CLK", PortSpec.input("CLK", Width.ONE).foreign().comment("vendor clock").build().name());
        fails("parameter 'W': needs a one-line comment saying what it sets", () -> ParameterSpec.of("W", 8, " "));
    }

    @Test
    void registersAndWidths() {
        fails("reg 'count': a flip-flop's name ends in '_r'", () -> RegSpec.of("count", Width.bits(4), ""));
        fails("reg 'next_r': a combinational reg's name must not end in '_r'", () -> RegSpec.comb("next_r", Width.ONE).build());
        fails("width: 0 bits (must be at least 1)", () -> Width.bits(0));
    }

    @Test
    void expressions() {
        fails("assign to 'o_x': expression 'a & (b' has unbalanced '('", () -> Assign.of("o_x", "a & (b"));
        fails("assign to 'o_x': expression 'a]' has unbalanced ']'", () -> Assign.of("o_x", "a]"));
        fails("non-blocking assignment to 'x_r': expression 'a; b' must not contain ';'", () -> Stmt.nonBlocking("x_r", "a; b"));
        fails("assign: 'a + b' is not an assignable name or select", () -> Assign.of("a + b", "c"));
        fails("if condition: expression 'a // b' must not contain a comment", () -> Stmt.ifThen("a // b", Stmt.blocking("x", "1")));
        fails("case (s): label 'A' appears twice",
                () -> Stmt.caseOf("s").when("A", Stmt.blocking("x", "1")).when("A", Stmt.blocking("x", "0")));
    }

    @Test
    void alwaysBlocks() {
        fails("always @(posedge i_clk): blocking assignment to 'x_r' in a clocked block (use nonBlocking)",
                () -> AlwaysBlock.clocked("i_clk").add(Stmt.ifThen("a", Stmt.blocking("x_r", "1'b1"))).build());
        fails("always @*: non-blocking assignment to 'x' in a combinational block (use blocking)",
                () -> AlwaysBlock.combinational().add(Stmt.nonBlocking("x", "1'b1")).build());
        fails("always @(posedge i_clk): reset 'i_rst' given but no reset statements",
                () -> AlwaysBlock.clocked("i_clk").reset("i_rst").add(Stmt.nonBlocking("x_r", "1'b1")).build());
        fails("always @*: the block is empty", () -> AlwaysBlock.combinational().build());
    }

    @Test
    void modules() {
        fails("module 'm': header comment is missing (say what it is and where it comes from)",
                () -> ModuleSpec.builder("m").port(clk()).build());
        fails("module 'm': name 'x_r' is declared twice",
                () -> ModuleSpec.builder("m").header("h").add(RegSpec.of("x_r", Width.ONE, ""), RegSpec.of("x_r", Width.ONE, "")).build());
        fails("module 'm': name 'i_clk' is declared twice",
                () -> ModuleSpec.builder("m").header("h").port(clk()).add(WireSpec.of("i_clk", Width.ONE, "")).build());
    }

    @Test
    void instances() {
        ModuleSpec leaf = TestModules.counter();
        fails("instance 'u' of 'counter': no port 'i_foo'", () -> InstanceSpec.of(leaf, "u").connect("i_foo", "x").build());
        fails("instance 'u' of 'counter': no parameter 'DEPTH'", () -> InstanceSpec.of(leaf, "u").param("DEPTH", 4).build());
        fails("instance 'u' of 'counter': port 'o_wrap' is not connected (connect it, or open() an output)",
                () -> InstanceSpec.of(leaf, "u").connect("i_clk", "c").connect("i_rst", "r").connect("i_en", "e")
                        .connect("o_count", "n").build());
        fails("instance 'u' of 'counter': input port 'i_en' cannot be left open",
                () -> InstanceSpec.of(leaf, "u").connect("i_clk", "c").connect("i_rst", "r").open("i_en")
                        .connect("o_count", "n").open("o_wrap").build());
        fails("instance 'u' of 'counter': port 'o_count' is 12 bits wide but 'n' is 8",
                () -> InstanceSpec.of(leaf, "u").param("WIDTH", 12).connect("i_clk", "c").connect("i_rst", "r")
                        .connect("i_en", "e").connect("o_count", WireSpec.of("n", Width.bits(8), "")).open("o_wrap").build());
        fails("instance 'u' of 'counter': port 'i_clk' is connected twice",
                () -> InstanceSpec.of(leaf, "u").connect("i_clk", "c").connect("i_clk", "d"));
    }

    @Test
    void memoriesAndGenerate() {
        fails("memory 'm': read port is missing (a memory nobody reads is removed by synthesis)",
                () -> MemorySpec.builder("m", Width.bits(8), 16).clock("i_clk").write("we", "a", "d").build());
        fails("memory 'm': a memory without a write port needs an init file",
                () -> MemorySpec.builder("m", Width.bits(8), 16).clock("i_clk").read("a").build());
        fails("memory 'm': depth 1 (must be at least 2)",
                () -> MemorySpec.builder("m", Width.bits(8), 1).clock("i_clk").read("a").initFile("m.hex").build());
        fails("memory 'm': clock is missing", () -> MemorySpec.builder("m", Width.bits(8), 16).read("a").initFile("m.hex").build());
        fails("generate 'g_x': the loop body is empty", () -> GenerateFor.builder("g_x", "i", "0", "4").build());
    }

    @Test
    void bannersAndFiles() {
        fails("banner: input hash 'md5:00' is not sha256:<64 hex digits>", () -> new Banner("c", "t", "md5:00"));
        fails("banner: command 'a\nb' must be printable ASCII on one line", () -> new Provenance("a\nb", "t").banner("x"));
        fails("provenance: command is empty", () -> new Provenance("", "t"));
    }
    @Test
    void ifdef() {
        java.util.List<ModuleItem> a = java.util.List.of(WireSpec.of("x", Width.ONE, "x"), Assign.of("x", "1'b0"));
        java.util.List<ModuleItem> b = java.util.List.of(WireSpec.of("x", Width.ONE, "x"), Assign.of("x", "1'b1"));
        fails("`ifdef VERILATOR: say why there are two branches (comment is missing)",
                () -> Ifdef.of("VERILATOR", java.util.List.of(), a, b));
        fails("`ifdef VERILATOR: a branch is empty", () -> Ifdef.of("VERILATOR", java.util.List.of("why"), a,
                java.util.List.of()));
        fails("`ifdef VERILATOR (else): name 'x' is declared twice", () -> Ifdef.of("VERILATOR",
                java.util.List.of("why"), a, java.util.List.of(b.get(0), b.get(0))));
        // one name in both branches is fine: only one branch is ever compiled
        assertEquals(java.util.List.of("x"), Ifdef.of("VERILATOR", java.util.List.of("why"), a, b).declaredNames());
        VerilogWriter w = new VerilogWriter();
        Ifdef.of("VERILATOR", java.util.List.of("why"), a, b).emit(w);
        assertEquals("// why\n`ifdef VERILATOR\n\nwire x;  // x\n\nassign x = 1'b0;\n\n`else\n\nwire x;  // x\n\n"
                + "assign x = 1'b1;\n\n`endif\n", w.toString());
    }
}
