`default_nettype none
// pdl_adc: the ADC capture's control side (registers: pdl_adc_regs, generated from SocRegisters.adc). It gates
// the SoC's window port: the window source may start a window only while ctrl.enable is 1 (o_enable), so windows
// reach the accelerator only between the firmware's START and STOP. It counts clock cycles and the windows that
// passed the port since enable was last set (both restart at 0 on the 0 -> 1 edge). Its clock stamps the windows:
// o_time is the capture clock; its low word is what the accelerator takes with a window's first sample (i_in_time,
// like the tag) and returns in the window's timestamp result word (docs/soc.md "ADC capture"). The gate opens one
// cycle after ctrl.enable rises, once the clock has restarted, so the first window after it is stamped 0 or later
// (never with the previous run's count).
module pdl_adc (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire [15:0] i_addr,
    input  wire        i_we,
    input  wire [3:0]  i_wstrb,
    input  wire [31:0] i_wdata,
    input  wire        i_re,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    // the window port, observed
    input  wire        i_win_valid,
    input  wire        i_win_last,
    output wire        o_enable,
    output wire [63:0] o_time           // the capture clock: cycles since enable rose (result records' timestamps)
);
    reg  [63:0] time_r;
    reg  [31:0] triggers;
    reg         enable_q;   // enable one cycle ago: its rising edge restarts the counters
    wire        enable;     // ctrl.enable

    pdl_adc_regs regs (
        .i_clk         (i_clk),
        .i_rst         (i_rst),
        .i_addr        (i_addr),
        .i_we          (i_we),
        .i_wstrb       (i_wstrb),
        .i_wdata       (i_wdata),
        .i_re          (i_re),
        .o_rdata       (o_rdata),
        .o_ready       (o_ready),
        .o_ctrl_enable (enable),
        .i_time_lo     (time_r[31:0]),
        .i_time_hi     (time_r[63:32]),
        .i_triggers    (triggers)
    );

    assign o_enable = enable && enable_q;
    assign o_time = time_r;

    always @(posedge i_clk) begin
        if (i_rst) begin
            time_r   <= 64'd0;
            triggers <= 32'd0;
            enable_q <= 1'b0;
        end else begin
            enable_q <= enable;
            if (enable && !enable_q) begin
                time_r   <= 64'd0;
                triggers <= 32'd0;
            end else begin
                time_r   <= time_r + 64'd1;
                triggers <= triggers + {31'd0, i_win_valid && i_win_last};
            end
        end
    end
endmodule
`default_nettype wire
