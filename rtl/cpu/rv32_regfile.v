`default_nettype none
// x1..x31 of rv32_core: one write port, two asynchronous read ports (Xilinx: LUT RAM; x0 reads 0).
module rv32_regfile (
    input  wire        i_clk,
    input  wire        i_we,
    input  wire [4:0]  i_rd,
    input  wire [31:0] i_wdata,
    input  wire [4:0]  i_rs1,
    input  wire [4:0]  i_rs2,
    output wire [31:0] o_rs1,
    output wire [31:0] o_rs2
);
    reg [31:0] regs [0:31];

    always @(posedge i_clk) begin
        if (i_we) begin
            regs[i_rd] <= i_wdata;
        end
    end

    assign o_rs1 = i_rs1 == 5'd0 ? 32'd0 : regs[i_rs1];
    assign o_rs2 = i_rs2 == 5'd0 ? 32'd0 : regs[i_rs2];
endmodule
`default_nettype wire
