// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:128810726c006845fe91ef3be2ac7bb682d500ca4c42effd217ab61014967bc7

`default_nettype none

// pdl_accel: PulseDL accelerator, 28 PEs x 8 lanes (two int8 MACs per DSP); docs/accelerator.md.
// Slave port (same protocol as pdl_accel_regs): a request (i_we or i_re, held or pulsed) is taken when o_ready is low;
// o_ready is high one cycle later. Offsets: registers 0x000-0xFFF, descriptors 0x1000, parameters 0x2000, weights 0x10000.
// Program windows take whole 32-bit words (i_wstrb ignored) and read as 0.
module pdl_accel (
  input  wire        i_clk,         // clock
  input  wire        i_rst,         // synchronous reset, active high
  input  wire [16:0] i_addr,        // byte offset from the accelerator base
  input  wire        i_we,          // write request
  input  wire [3:0]  i_wstrb,       // byte enables (registers only)
  input  wire [31:0] i_wdata,       // write data
  input  wire        i_re,          // read request
  output wire [31:0] o_rdata,       // read data, valid while o_ready
  output wire        o_ready,       // request done (one cycle)
  input  wire        i_in_valid,    // input port: a window sample (ADC trigger FIFO)
  input  wire [15:0] i_in_data,     // input port: sample
  input  wire [7:0]  i_in_tag,      // input port: window tag (ADC channel), with the first sample
  input  wire        i_in_last,     // input port: last sample of the window
  output wire        o_in_room,     // input FIFO has room for a whole window
  output wire        o_res_valid,   // result stream: a word is available
  output wire [31:0] o_res_data,    // result stream: the word
  input  wire        i_res_ready,   // result stream: consumer takes the word
  output wire        o_running,     // streaming
  output wire [31:0] o_cycle,       // trace: cycles since streaming started
  output wire        o_round_start  // trace: a round starts this cycle
);

  wire        sel_regs;   // the request addresses the register file
  wire        mem_take;   // a program-window request is accepted
  wire [14:0] word;       // word offset
  wire [1:0]  prog_sel;   // 0 descriptors, 1 parameters, 2 weights
  wire [19:0] prog_addr;  // word index within the window

  reg mem_ready_r;  // program-window response

  wire [31:0] regs_rdata;             // register read data
  wire        regs_ready;             // register response
  wire        ctrl_start;             // register file / array connection
  wire        ctrl_stop;              // register file / array connection
  wire        ctrl_flush;             // register file / array connection
  wire        ctrl_clear;             // register file / array connection
  wire        ctrl_wr;                // register file / array connection
  wire [15:0] push_sample;            // register file / array connection
  wire [7:0]  push_tag;               // register file / array connection
  wire [7:0]  push_flags;             // register file / array connection
  wire        push_wr;                // register file / array connection
  wire        pop_rd;                 // register file / array connection
  wire        res_valid;              // register file / array connection
  wire [31:0] res_data;               // register file / array connection
  wire [31:0] res_level;              // register file / array connection
  wire        st_idle;                // register file / array connection
  wire        st_in_empty;            // register file / array connection
  wire [7:0]  st_error;               // register file / array connection
  wire [31:0] cnt_windows_in;         // counter windows_in
  wire [31:0] cnt_windows_out;        // counter windows_out
  wire [31:0] cnt_rounds;             // counter rounds
  wire [31:0] cnt_busy_cycles;        // counter busy_cycles
  wire [31:0] cnt_idle_issue_cycles;  // counter idle_issue_cycles
  wire [31:0] cnt_input_drops;        // counter input_drops
  wire [31:0] cnt_result_stalls;      // counter result_stalls
  wire [31:0] cnt_clamp_low;          // counter clamp_low
  wire [31:0] cnt_clamp_high;         // counter clamp_high
  wire        unused_top;             // bits and fields without a function

  assign sel_regs  = i_addr[16:12] == 5'd0;
  assign mem_take  = (i_we | i_re) & ~sel_regs & ~mem_ready_r;
  assign word      = i_addr[16:2];
  assign prog_sel  = (i_addr < 17'd8192) ? 2'd0 : (i_addr < 17'd65536) ? 2'd1 : 2'd2;
  assign prog_addr = (prog_sel == 2'd0) ? ({5'd0, word} - 20'd1024) : (prog_sel == 2'd1) ? ({5'd0, word} - 20'd2048) : ({5'd0, word} - 20'd16384);

  // Program-window response.
  always @(posedge i_clk) begin
    if (i_rst) begin
      mem_ready_r <= 1'b0;
    end else begin
      mem_ready_r <= mem_take;
    end
  end

  assign o_ready    = regs_ready | mem_ready_r;
  assign o_rdata    = regs_ready ? regs_rdata : 32'd0;
  assign unused_top = &{1'b0, ctrl_flush, i_wstrb, word, push_flags[7:1]};

  // Register file generated from AcceleratorRegisters.map (CAPS = 0x1f30081c).
  pdl_accel_regs u_regs (
    .i_clk                 (i_clk),
    .i_rst                 (i_rst),
    .i_addr                (i_addr[11:0]),
    .i_we                  (i_we & sel_regs),
    .i_wstrb               (i_wstrb),
    .i_wdata               (i_wdata),
    .i_re                  (i_re & sel_regs),
    .o_rdata               (regs_rdata),
    .o_ready               (regs_ready),
    .o_ctrl_start          (ctrl_start),
    .o_ctrl_stop           (ctrl_stop),
    .o_ctrl_flush          (ctrl_flush),
    .o_ctrl_clear          (ctrl_clear),
    .o_ctrl_wr             (ctrl_wr),
    .i_status_running      (o_running),
    .i_status_idle         (st_idle),
    .i_status_input_empty  (st_in_empty),
    .i_status_result_empty (~res_valid),
    .i_status_error        (st_error),
    .i_caps_pes            (8'd28),
    .i_caps_lanes          (8'd8),
    .i_caps_a_bits         (5'd16),
    .i_caps_two_macs       (1'b1),
    .i_caps_m_bits         (5'd31),
    .i_caps2_act_depth     (16'd256),
    .i_caps2_staging_depth (16'd64),
    .i_caps3_weight_words  (24'd2048),
    .i_caps3_max_pool      (5'd16),
    .i_windows_in          (cnt_windows_in),
    .i_windows_out         (cnt_windows_out),
    .i_rounds              (cnt_rounds),
    .i_busy_cycles         (cnt_busy_cycles),
    .i_idle_issue_cycles   (cnt_idle_issue_cycles),
    .i_input_drops         (cnt_input_drops),
    .i_result_stalls       (cnt_result_stalls),
    .i_clamp_low           (cnt_clamp_low),
    .i_clamp_high          (cnt_clamp_high),
    .o_input_push_sample   (push_sample),
    .o_input_push_tag      (push_tag),
    .o_input_push_flags    (push_flags),
    .o_input_push_wr       (push_wr),
    .i_result_pop          (res_data),
    .o_result_pop_rd       (pop_rd),
    .i_result_level        (res_level)
  );

  // The array: controller, PEs, FIFOs (docs 4).
  pdl_accel_array u_array (
    .i_clk           (i_clk),
    .i_rst           (i_rst),
    .i_start         (ctrl_start),
    .i_stop          (ctrl_stop),
    .i_clear         (ctrl_wr & ctrl_clear),
    .i_prog_we       (mem_take & i_we),
    .i_prog_sel      (prog_sel),
    .i_prog_addr     (prog_addr),
    .i_prog_wdata    (i_wdata),
    .i_in_valid      (i_in_valid | push_wr),
    .i_in_data       (push_wr ? push_sample : i_in_data),
    .i_in_tag        (push_wr ? push_tag : i_in_tag),
    .i_in_last       (push_wr ? push_flags[0] : i_in_last),
    .o_in_room       (o_in_room),
    .o_res_valid     (res_valid),
    .o_res_data      (res_data),
    .i_res_pop       ((i_res_ready & res_valid) | pop_rd),
    .o_res_level     (res_level),
    .o_running       (o_running),
    .o_idle          (st_idle),
    .o_in_empty      (st_in_empty),
    .o_error         (st_error),
    .o_windows_in    (cnt_windows_in),
    .o_windows_out   (cnt_windows_out),
    .o_rounds        (cnt_rounds),
    .o_busy_cycles   (cnt_busy_cycles),
    .o_idle_issue    (cnt_idle_issue_cycles),
    .o_input_drops   (cnt_input_drops),
    .o_result_stalls (cnt_result_stalls),
    .o_clamp_low     (cnt_clamp_low),
    .o_clamp_high    (cnt_clamp_high),
    .o_cycle         (o_cycle),
    .o_round_start   (o_round_start)
  );

  assign o_res_valid = res_valid;
  assign o_res_data  = res_data;

endmodule

`default_nettype wire
