`default_nettype none
// x0..x31 of rv32_core: one write port, two synchronous read ports, so that it maps to block RAM (iCE40, ECP5;
// Xilinx: LUT RAM with output registers) instead of 1,024 flip-flops and two 32:1 multiplexers.
//
// The read addresses are the rs1/rs2 fields of the instruction word as it arrives from the instruction RAM; the
// values come out during the next cycle, when the instruction is in E. i_hold keeps the outputs (E stalls).
// A read of the register written at the same edge is undefined in some block RAMs (iCE40): the core bypasses
// that case itself, so the result is declared don't-care (no_rw_check; without it Yosys emulates the old value
// with 38 flip-flops and a multiplexer LUT on every output bit, one more LUT level before the ALU). Simulation
// returns the written value inverted, so that a test would fail if the core ever used it. x0 is never written
// (the core never writes rd = 0), so it reads the 0 it starts with.
module rv32_regfile (
    input  wire        i_clk,
    input  wire        i_hold,
    input  wire        i_we,
    input  wire [4:0]  i_rd,
    input  wire [31:0] i_wdata,
    input  wire [4:0]  i_rs1,
    input  wire [4:0]  i_rs2,
    output reg  [31:0] o_rs1,
    output reg  [31:0] o_rs2
);
    (* no_rw_check *) reg [31:0] regs [0:31];

    integer i;
    initial begin
        for (i = 0; i < 32; i = i + 1) begin
            regs[i] = 32'd0;
        end
    end

    always @(posedge i_clk) begin
        if (i_we) begin
            regs[i_rd] <= i_wdata;
        end
        if (!i_hold) begin
            o_rs1 <= regs[i_rs1];
            o_rs2 <= regs[i_rs2];
`ifndef SYNTHESIS
            if (i_we && i_rs1 == i_rd) o_rs1 <= ~i_wdata;
            if (i_we && i_rs2 == i_rd) o_rs2 <= ~i_wdata;
`endif
        end
    end
endmodule
`default_nettype wire
