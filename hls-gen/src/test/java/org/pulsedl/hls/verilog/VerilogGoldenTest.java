package org.pulsedl.hls.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Layer 1 (STYLE item 11): tiny modules against exact expected text. */
class VerilogGoldenTest {
    @Test
    void counterModule() throws Exception {
        List<VerilogFile> files = TestModules.lanesFiles(2, 16, 8, MemorySpec.ReadStyle.REGISTERED_DATA, "trace.hex");
        Golden.assertMatches("org/pulsedl/hls/verilog/counter.v", files.get(0).text());
    }

    @Test
    void lanesWithGenerateInstanceMemoryAndCase() throws Exception {
        List<VerilogFile> files = TestModules.lanesFiles(2, 16, 8, MemorySpec.ReadStyle.REGISTERED_DATA, "trace.hex");
        Golden.assertMatches("org/pulsedl/hls/verilog/lanes.v", files.get(1).text());
    }

    @Test
    void memoryWithRegisteredAddress() throws Exception {
        MemorySpec m = MemorySpec.builder("wmem", Width.bits(8), 64).clock("i_clk").write("we", "waddr", "wdata")
                .read("raddr").readStyle(MemorySpec.ReadStyle.REGISTERED_ADDRESS).build();
        VerilogWriter w = new VerilogWriter();
        m.emit(w);
        assertEquals("""
                // 64 x [7:0] synchronous-read memory, registered read address (infers block RAM).
                reg  [7:0] wmem [0:63];
                reg  [5:0] wmem_raddr_r;
                wire [7:0] wmem_rdata;

                always @(posedge i_clk) begin
                  if (we) begin
                    wmem[waddr] <= wdata;
                  end
                  wmem_raddr_r <= raddr;
                end

                assign wmem_rdata = wmem[wmem_raddr_r];
                """, w.toString());
    }

    @Test
    void ifElseChainsAndCaseBranches() {
        Stmt s = Stmt.ifThen("a", Stmt.blocking("x", "1'b1"))
                .orElse(Stmt.ifThen("b", Stmt.blocking("x", "1'b0")).orElse(Stmt.blocking("x", "y")));
        Stmt c = Stmt.caseOf("state")
                .when("IDLE", Stmt.blocking("next", "RUN"))
                .when("RUN", Stmt.comment("stay until done"), Stmt.blocking("next", "done ? IDLE : RUN"))
                .otherwise(Stmt.blocking("next", "IDLE"))
                .build();
        VerilogWriter w = new VerilogWriter();
        s.emit(w);
        c.emit(w);
        assertEquals("""
                if (a) begin
                  x = 1'b1;
                end else if (b) begin
                  x = 1'b0;
                end else begin
                  x = y;
                end
                case (state)
                  IDLE:    next = RUN;
                  RUN: begin
                    // stay until done
                    next = done ? IDLE : RUN;
                  end
                  default: next = IDLE;
                endcase
                """, w.toString());
    }

    @Test
    void instanceWithoutParametersAndSignedPorts() {
        ModuleSpec leaf = ModuleSpec.builder("mac")
                .header("mac: test leaf.")
                .port(PortSpec.input("i_a", Width.bits(8)).signed().comment("operand").build())
                .port(PortSpec.output("o_p", Width.bits(16)).signed().reg().comment("product").build())
                .build();
        VerilogWriter w = new VerilogWriter();
        leaf.emit(w);
        InstanceSpec.of(leaf, "u_mac").connect("o_p", "p").connect("i_a", "a").build().emit(w);
        assertEquals("""
                // mac: test leaf.
                module mac (
                  input  wire signed [7:0]  i_a,  // operand
                  output reg  signed [15:0] o_p   // product
                );
                endmodule
                mac u_mac (
                  .i_a (a),
                  .o_p (p)
                );
                """, w.toString());
    }
}
