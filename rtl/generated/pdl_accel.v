// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

`default_nettype none

// pdl_accel: PulseDL accelerator, 28 PEs x 8 lanes (two int8 MACs per DSP); docs/accelerator.md.
// Slave port (same protocol as pdl_accel_regs): a request (i_we or i_re, held or pulsed) is taken when o_ready is low;
// o_ready is high one cycle later. Offsets: registers 0x000-0xFFF, descriptors 0x1000, parameters 0x2000, weights 0x10000.
// Program windows take and return whole 32-bit words (i_wstrb ignored), while stopped (read as 0 while running). An address with no register or memory gets o_ready with o_err (writes ignored, reads 0).
// An INPUT_PUSH write that would start a window while the input stream is inside one, or while running without room, waits (o_ready low); a RESULT_POP read hides the head from the result stream.
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
  output wire        o_err,         // bus error: the request hit no register or memory (with o_ready)
  output wire        o_irq,         // interrupt: an enabled IRQ_STATUS cause is set (level)
  input  wire        i_in_valid,    // input port: a window sample (ADC trigger FIFO)
  input  wire [15:0] i_in_data,     // input port: sample
  input  wire [7:0]  i_in_tag,      // input port: window tag (ADC channel), with the first sample
  input  wire [31:0] i_in_time,     // input port: the window's capture timestamp, with the first sample
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
  wire        ctrl_soft_reset;        // register file / array connection
  wire        st_resetting;           // register file / array connection
  wire        in_room_a;              // register file / array connection
  wire        ev_result;              // register file / array connection
  wire        ev_drop;                // register file / array connection
  wire [4:0]  irq_status;             // register file / array connection
  wire [4:0]  irq_enable;             // register file / array connection
  wire        arr_res_valid;          // register file / array connection
  wire [31:0] prog_rdata;             // register file / array connection
  wire [15:0] push_sample;            // register file / array connection
  wire [7:0]  push_tag;               // register file / array connection
  wire [31:0] push_time;              // register file / array connection
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
  wire [31:0] cnt_stops;              // counter stops
  wire [31:0] cnt_soft_resets;        // counter soft_resets
  wire [31:0] cnt_frame_drops;        // counter frame_drops
  wire        unused_top;             // bits and fields without a function
  wire        reg_hit;                // a register of the map
  wire        desc_hit;               // the implemented part of the descriptor window
  wire        param_hit;              // the implemented part of the parameter window
  wire        wt_hit;                 // the implemented part of the weight window
  wire        err_take;               // a request to an unmapped address is accepted

  reg        err_ready_r;  // bus-error response
  reg [31:0] err_addr_r;   // offset of the last unmapped access

  wire push_req;    // an INPUT_PUSH write is requested
  wire pop_req;     // a RESULT_POP read is requested
  wire push_stall;  // the INPUT_PUSH write waits for the stream's window to end
  wire stream_ok;   // the stream's sample goes to the input FIFO

  reg stream_mid_r;  // the stream is inside a window
  reg cpu_mid_r;     // the CPU is inside a window

  wire [4:0] irq_set;  // {bus_error, idle, drop, error, results} set this cycle

  reg run_prev_r;  // o_running in the previous cycle
  reg err_prev_r;  // an error code in the previous cycle

  assign sel_regs   = i_addr[16:12] == 5'd0;
  assign reg_hit    = sel_regs & ((i_addr[11:0] == 12'd0) | (i_addr[11:0] == 12'd4) | (i_addr[11:0] == 12'd8) | (i_addr[11:0] == 12'd12) | (i_addr[11:0] == 12'd16) | (i_addr[11:0] == 12'd32) | (i_addr[11:0] == 12'd36) | (i_addr[11:0] == 12'd40) | (i_addr[11:0] == 12'd44) | (i_addr[11:0] == 12'd48) | (i_addr[11:0] == 12'd52) | (i_addr[11:0] == 12'd56) | (i_addr[11:0] == 12'd60) | (i_addr[11:0] == 12'd64) | (i_addr[11:0] == 12'd68) | (i_addr[11:0] == 12'd72) | (i_addr[11:0] == 12'd76) | (i_addr[11:0] == 12'd128) | (i_addr[11:0] == 12'd132) | (i_addr[11:0] == 12'd136) | (i_addr[11:0] == 12'd140) | (i_addr[11:0] == 12'd144) | (i_addr[11:0] == 12'd148) | (i_addr[11:0] == 12'd152));
  assign desc_hit   = (i_addr >= 17'd4096) & ({1'b0, i_addr} < 18'd5152);
  assign param_hit  = (i_addr >= 17'd8192) & ({1'b0, i_addr} < 18'd16384);
  assign wt_hit     = (i_addr >= 17'd65536) & ({1'b0, i_addr} < 18'd81920);
  assign mem_take   = (i_we | i_re) & (desc_hit | param_hit | wt_hit) & ~mem_ready_r;
  assign err_take   = (i_we | i_re) & ~reg_hit & ~desc_hit & ~param_hit & ~wt_hit & ~err_ready_r;
  assign push_req   = i_we & reg_hit & (i_addr[11:0] == 12'h080);
  assign pop_req    = i_re & ~i_we & reg_hit & (i_addr[11:0] == 12'h084);
  assign push_stall = push_req & ~cpu_mid_r & (stream_mid_r | i_in_valid | st_resetting | (o_running & ~in_room_a));
  assign stream_ok  = i_in_valid & ~cpu_mid_r & ~push_wr;

  // Which source is inside a window.
  always @(posedge i_clk) begin
    if (i_rst | st_resetting) begin
      stream_mid_r <= 1'b0;
      cpu_mid_r <= 1'b0;
    end else begin
      if (stream_ok) begin
        stream_mid_r <= ~i_in_last;
      end
      if (push_wr) begin
        cpu_mid_r <= ~push_flags[0];
      end
    end
  end

  assign o_in_room = in_room_a & ~st_resetting & ~cpu_mid_r & ~push_req & ~push_wr;
  assign res_valid = arr_res_valid & ~pop_req & ~pop_rd;

  // Edges of running and the error code.
  always @(posedge i_clk) begin
    if (i_rst) begin
      run_prev_r <= 1'b0;
      err_prev_r <= 1'b0;
    end else begin
      run_prev_r <= o_running;
      err_prev_r <= st_error != 8'd0;
    end
  end

  assign irq_set   = {err_take, run_prev_r & ~o_running, ev_drop, (st_error != 8'd0) & ~err_prev_r, ev_result};
  assign o_irq     = |(irq_status & irq_enable);
  assign word      = i_addr[16:2];
  assign prog_sel  = desc_hit ? 2'd0 : param_hit ? 2'd1 : 2'd2;
  assign prog_addr = (prog_sel == 2'd0) ? ({5'd0, word} - 20'd1024) : (prog_sel == 2'd1) ? ({5'd0, word} - 20'd2048) : ({5'd0, word} - 20'd16384);

  // Program-window and bus-error responses.
  always @(posedge i_clk) begin
    if (i_rst) begin
      mem_ready_r <= 1'b0;
      err_ready_r <= 1'b0;
      err_addr_r <= 32'd0;
    end else begin
      mem_ready_r <= mem_take;
      err_ready_r <= err_take;
      if (err_take) begin
        err_addr_r <= {15'd0, i_addr};
      end
    end
  end

  assign o_ready    = regs_ready | mem_ready_r | err_ready_r;
  assign o_err      = err_ready_r;
  assign o_rdata    = regs_ready ? regs_rdata : mem_ready_r ? prog_rdata : 32'd0;
  assign unused_top = &{1'b0, ctrl_flush, i_wstrb, word, push_flags[7:1]};

  // Register file generated from AcceleratorRegisters.map (CAPS = 0x1f30081c).
  pdl_accel_regs u_regs (
    .i_clk                      (i_clk),
    .i_rst                      (i_rst),
    .i_addr                     (i_addr[11:0]),
    .i_we                       (i_we & reg_hit & ~push_stall),
    .i_wstrb                    (i_wstrb),
    .i_wdata                    (i_wdata),
    .i_re                       (i_re & ~i_we & reg_hit),
    .o_rdata                    (regs_rdata),
    .o_ready                    (regs_ready),
    .o_ctrl_start               (ctrl_start),
    .o_ctrl_stop                (ctrl_stop),
    .o_ctrl_flush               (ctrl_flush),
    .o_ctrl_clear               (ctrl_clear),
    .o_ctrl_soft_reset          (ctrl_soft_reset),
    .o_ctrl_wr                  (ctrl_wr),
    .i_status_running           (o_running),
    .i_status_idle              (st_idle),
    .i_status_input_empty       (st_in_empty),
    .i_status_result_empty      (~arr_res_valid),
    .i_status_resetting         (st_resetting),
    .i_status_input_room        (in_room_a),
    .i_status_error             (st_error),
    .i_caps_pes                 (8'd28),
    .i_caps_lanes               (8'd8),
    .i_caps_a_bits              (5'd16),
    .i_caps_two_macs            (1'b1),
    .i_caps_m_bits              (5'd31),
    .i_caps2_act_depth          (16'd256),
    .i_caps2_staging_depth      (16'd64),
    .i_caps3_weight_words       (24'd2048),
    .i_caps3_max_pool           (5'd16),
    .i_windows_in               (cnt_windows_in),
    .i_windows_out              (cnt_windows_out),
    .i_rounds                   (cnt_rounds),
    .i_busy_cycles              (cnt_busy_cycles),
    .i_idle_issue_cycles        (cnt_idle_issue_cycles),
    .i_input_drops              (cnt_input_drops),
    .i_result_stalls            (cnt_result_stalls),
    .i_clamp_low                (cnt_clamp_low),
    .i_clamp_high               (cnt_clamp_high),
    .i_stops                    (cnt_stops),
    .i_soft_resets              (cnt_soft_resets),
    .i_frame_drops              (cnt_frame_drops),
    .o_input_push_sample        (push_sample),
    .o_input_push_tag           (push_tag),
    .o_input_push_flags         (push_flags),
    .o_input_push_wr            (push_wr),
    .i_result_pop               (res_data),
    .o_result_pop_rd            (pop_rd),
    .i_result_level             (res_level),
    .o_input_time               (push_time),
    .i_irq_status_results_set   (irq_set[0]),
    .o_irq_status_results       (irq_status[0]),
    .i_irq_status_error_set     (irq_set[1]),
    .o_irq_status_error         (irq_status[1]),
    .i_irq_status_drop_set      (irq_set[2]),
    .o_irq_status_drop          (irq_status[2]),
    .i_irq_status_idle_set      (irq_set[3]),
    .o_irq_status_idle          (irq_status[3]),
    .i_irq_status_bus_error_set (irq_set[4]),
    .o_irq_status_bus_error     (irq_status[4]),
    .o_irq_enable_results       (irq_enable[0]),
    .o_irq_enable_error         (irq_enable[1]),
    .o_irq_enable_drop          (irq_enable[2]),
    .o_irq_enable_idle          (irq_enable[3]),
    .o_irq_enable_bus_error     (irq_enable[4]),
    .i_bus_error_addr           (err_addr_r)
  );

  // The array: controller, PEs, FIFOs (docs 4).
  pdl_accel_array u_array (
    .i_clk           (i_clk),
    .i_rst           (i_rst),
    .i_start         (ctrl_start),
    .i_stop          (ctrl_stop),
    .i_soft_rst      (ctrl_wr & ctrl_soft_reset),
    .i_clear         (ctrl_wr & ctrl_clear),
    .i_prog_we       (mem_take & i_we),
    .i_prog_sel      (prog_sel),
    .i_prog_addr     (mem_take ? prog_addr : 20'd0),
    .i_prog_wdata    (i_wdata),
    .o_prog_rdata    (prog_rdata),
    .i_in_valid      (stream_ok | push_wr),
    .i_in_data       (push_wr ? push_sample : i_in_data),
    .i_in_tag        (push_wr ? push_tag : i_in_tag),
    .i_in_time       (push_wr ? push_time : i_in_time),
    .i_in_last       (push_wr ? push_flags[0] : i_in_last),
    .o_in_room       (in_room_a),
    .o_res_valid     (arr_res_valid),
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
    .o_stops         (cnt_stops),
    .o_soft_resets   (cnt_soft_resets),
    .o_frame_drops   (cnt_frame_drops),
    .o_resetting     (st_resetting),
    .o_ev_result     (ev_result),
    .o_ev_drop       (ev_drop),
    .o_cycle         (o_cycle),
    .o_round_start   (o_round_start)
  );

  assign o_res_valid = res_valid;
  assign o_res_data  = res_data;

endmodule

`default_nettype wire
