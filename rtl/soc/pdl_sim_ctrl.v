`default_nettype none
// pdl_sim_ctrl: simulation control (registers: pdl_sim_ctrl_regs, generated from SocRegisters.simCtrl). The
// console byte and the exit value leave the SoC as ports for the simulation harness; the test interrupt lines let
// the CPU's interrupt tests raise mip.MTIP after a delay and set mip.MEIP. On an FPGA the ports stay unconnected.
module pdl_sim_ctrl (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire [11:0] i_addr,
    input  wire        i_we,
    input  wire [3:0]  i_wstrb,
    input  wire [31:0] i_wdata,
    input  wire        i_re,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    output wire        o_putc_valid,    // a console byte (one-cycle pulse)
    output wire [7:0]  o_putc,
    output wire        o_exit_valid,    // the program wrote its exit value (one-cycle pulse)
    output wire [31:0] o_exit,
    output wire        o_timer_irq,
    output wire        o_ext_irq
);
    wire [31:0] delay;
    wire        delay_wr;
    reg  [31:0] countdown;
    reg         armed;

    pdl_sim_ctrl_regs regs (
        .i_clk           (i_clk),
        .i_rst           (i_rst),
        .i_addr          (i_addr),
        .i_we            (i_we),
        .i_wstrb         (i_wstrb),
        .i_wdata         (i_wdata),
        .i_re            (i_re),
        .o_rdata         (o_rdata),
        .o_ready         (o_ready),
        .o_putchar_char  (o_putc),
        .o_putchar_wr    (o_putc_valid),
        .o_exit          (o_exit),
        .o_exit_wr       (o_exit_valid),
        .o_timer_irq     (delay),
        .o_timer_irq_wr  (delay_wr),
        .o_ext_irq_level (o_ext_irq)
    );

    always @(posedge i_clk) begin
        if (i_rst) begin
            armed <= 1'b0;
            countdown <= 32'd0;
        end else if (delay_wr) begin
            armed <= delay != 32'd0;
            countdown <= delay;
        end else if (armed && countdown != 32'd0) begin
            countdown <= countdown - 32'd1;
        end
    end
    assign o_timer_irq = armed && countdown == 32'd0;
endmodule
`default_nettype wire
