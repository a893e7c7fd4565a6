`default_nettype none
// Timing and size harness for rv32_core (not a SoC): the core with 4 KiB of block RAM on both ports, so the
// paths place-and-route times are the real ones (RAM output -> decode/forwarding/branch -> RAM address), and a
// store to any address below 0x8000_0000 drives o_port, which keeps the design from being optimised away.
module rv32_ram_top #(
    parameter FAST_MUL = 0,
    parameter WORDS    = 1024
) (
    input  wire       i_clk,
    input  wire       i_rst,
    input  wire       i_timer_irq,
    input  wire       i_ext_irq,
    output reg  [7:0] o_port
);
    /* verilator lint_off UNUSEDSIGNAL */
    wire [31:0] imem_addr, dmem_addr;       // only the RAM's word address bits and bit 31 are decoded
    /* verilator lint_on UNUSEDSIGNAL */
    wire [31:0] dmem_wdata;
    wire [3:0]  dmem_wstrb;
    wire        dmem_valid, dmem_we;
    reg  [31:0] imem_rdata, dmem_rdata;
    // A read of the word written at the same edge is don't-care (no_rw_check: no emulation logic). The fetch
    // reads it only in self-modifying code before its fence.i, and the data port only for the store itself.
    (* no_rw_check *) reg [31:0] ram [0:WORDS-1];

    rv32_core #(.FAST_MUL(FAST_MUL)) core (
        .i_clk        (i_clk),
        .i_rst        (i_rst),
        .o_imem_addr  (imem_addr),
        .i_imem_rdata (imem_rdata),
        .o_dmem_valid (dmem_valid),
        .o_dmem_we    (dmem_we),
        .o_dmem_wstrb (dmem_wstrb),
        .o_dmem_addr  (dmem_addr),
        .o_dmem_wdata (dmem_wdata),
        .i_dmem_rdata (dmem_rdata),
        .i_dmem_busy  (1'b0),         // one-cycle RAM; a SoC bus adds a registered busy
        .i_dmem_fault (1'b0),         // and a fault decoded from the address (docs/soc.md)
        .i_timer_irq  (i_timer_irq),
        .i_ext_irq    (i_ext_irq)
    );

    localparam AW = $clog2(WORDS);
    wire [AW-1:0] iword = imem_addr[AW+1:2];
    wire [AW-1:0] dword = dmem_addr[AW+1:2];
    wire          in_ram = dmem_addr[31];   // RAM in the upper half, the port below: a one-LUT store decode

    // the byte-lane write enables without the address decode, which comes last (the sum's top bit: kept apart so
    // that synthesis leaves it for the last LUT)
    (* keep *) wire [3:0] lane_we;
    assign lane_we = {4{dmem_valid && dmem_we}} & dmem_wstrb;

    always @(posedge i_clk) begin
        imem_rdata <= ram[iword];
        if (in_ram && lane_we[0]) ram[dword][7:0]   <= dmem_wdata[7:0];
        if (in_ram && lane_we[1]) ram[dword][15:8]  <= dmem_wdata[15:8];
        if (in_ram && lane_we[2]) ram[dword][23:16] <= dmem_wdata[23:16];
        if (in_ram && lane_we[3]) ram[dword][31:24] <= dmem_wdata[31:24];
        dmem_rdata <= ram[dword];
        if (dmem_valid && !in_ram && dmem_we) begin
            o_port <= dmem_wdata[7:0];
        end
    end
endmodule
`default_nettype wire
