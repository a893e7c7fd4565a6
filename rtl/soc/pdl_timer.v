`default_nettype none
// pdl_timer: the machine timer (registers: pdl_timer_regs, generated from SocRegisters.timer). mtime counts clock
// cycles from reset; the timer interrupt (mip.MTIP) is the registered comparison mtime >= mtimecmp, so it follows
// a write of mtimecmp one cycle later.
module pdl_timer (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire [11:0] i_addr,
    input  wire        i_we,
    input  wire [3:0]  i_wstrb,
    input  wire [31:0] i_wdata,
    input  wire        i_re,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    output reg         o_irq
);
    reg  [63:0] mtime;
    wire [31:0] cmp_lo, cmp_hi;

    pdl_timer_regs regs (
        .i_clk         (i_clk),
        .i_rst         (i_rst),
        .i_addr        (i_addr),
        .i_we          (i_we),
        .i_wstrb       (i_wstrb),
        .i_wdata       (i_wdata),
        .i_re          (i_re),
        .o_rdata       (o_rdata),
        .o_ready       (o_ready),
        .i_mtime_lo    (mtime[31:0]),
        .i_mtime_hi    (mtime[63:32]),
        .o_mtimecmp_lo (cmp_lo),
        .o_mtimecmp_hi (cmp_hi)
    );

    always @(posedge i_clk) begin
        if (i_rst) begin
            mtime <= 64'd0;
            o_irq <= 1'b0;
        end else begin
            mtime <= mtime + 64'd1;
            o_irq <= mtime >= {cmp_hi, cmp_lo};
        end
    end
endmodule
`default_nettype wire
