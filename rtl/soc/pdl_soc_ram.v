`default_nettype none
// pdl_soc_ram: the SoC's RAM (code, data, stack), a true dual-port synchronous block RAM (DESIGN §4 dialect: Yosys
// and Vivado infer block RAM). Port A fetches instructions, port B serves the data bus with byte lanes. Both
// return the word one cycle after the address, as rv32_core expects. INIT_FILE (a $readmemh image of 32-bit words
// from the RAM base) preloads the firmware; empty leaves the RAM undefined (a simulation harness loads it).
module pdl_soc_ram #(
    parameter ADDR_BITS = 14,           // word address bits: 2^14 words = 64 KiB
    parameter INIT_FILE = ""
) (
    input  wire                 i_clk,
    input  wire [ADDR_BITS-1:0] i_a_addr,   // fetch word address
    output reg  [31:0]          o_a_rdata,
    input  wire                 i_b_en,     // data access this cycle
    input  wire [3:0]           i_b_we,     // byte lanes written
    input  wire [ADDR_BITS-1:0] i_b_addr,
    input  wire [31:0]          i_b_wdata,
    output reg  [31:0]          o_b_rdata
);
    reg [31:0] mem [0:(1 << ADDR_BITS) - 1];

    initial begin
        if (INIT_FILE != "") $readmemh(INIT_FILE, mem);
    end

    always @(posedge i_clk) begin
        o_a_rdata <= mem[i_a_addr];
    end

    always @(posedge i_clk) begin
        if (i_b_en) begin
            if (i_b_we[0]) mem[i_b_addr][7:0]   <= i_b_wdata[7:0];
            if (i_b_we[1]) mem[i_b_addr][15:8]  <= i_b_wdata[15:8];
            if (i_b_we[2]) mem[i_b_addr][23:16] <= i_b_wdata[23:16];
            if (i_b_we[3]) mem[i_b_addr][31:24] <= i_b_wdata[31:24];
            o_b_rdata <= mem[i_b_addr];
        end
    end
endmodule
`default_nettype wire
