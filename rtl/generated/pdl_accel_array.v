// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

`default_nettype none

// pdl_accel_array: 28 PEs x 8 lanes with program memories, controller, loader, drain and unloader; docs/accelerator.md section 4.
// Loop nest (4.4): round > layer > context A/B > position > group > tap; start rules of section 5.
// Program memories are written and read back only while stopped; results leave in arrival order.
// State machines reset while stopped; the input and result FIFOs keep their contents.
module pdl_accel_array (
  input  wire        i_clk,            // clock
  input  wire        i_rst,            // synchronous reset, active high
  input  wire        i_start,          // CTRL.start: run in stream mode while high
  input  wire        i_stop,           // CTRL.stop: stop cleanly (as i_start low)
  input  wire        i_soft_rst,       // CTRL.soft_reset: abort, clear all state but programs and counters (pulse)
  input  wire        i_clear,          // clear counters and the error code (pulse)
  input  wire        i_prog_we,        // program write (32-bit word)
  input  wire [1:0]  i_prog_sel,       // 0 descriptors, 1 parameter table, 2 weight memory
  input  wire [19:0] i_prog_addr,      // word index within the selected memory
  input  wire [31:0] i_prog_wdata,     // program write data
  output wire [31:0] o_prog_rdata,     // program word read back (the request of the cycle before; 0 while running)
  input  wire        i_in_valid,       // input port: a window sample
  input  wire [15:0] i_in_data,        // input port: ADC code or quantised value
  input  wire [7:0]  i_in_tag,         // input port: the window's tag (taken with its first sample)
  input  wire [31:0] i_in_time,        // input port: the window's capture timestamp (taken with its first sample)
  input  wire        i_in_last,        // input port: last sample of the window
  output wire        o_in_room,        // the input FIFO has room for a whole window
  output wire        o_res_valid,      // result FIFO not empty
  output wire [31:0] o_res_data,       // result FIFO head
  input  wire        i_res_pop,        // pop the result FIFO head
  output wire [31:0] o_res_level,      // result FIFO words
  output wire        o_running,        // streaming
  output wire        o_idle,           // no round in progress and the unloader idle
  output wire        o_in_empty,       // no complete window in the input FIFO
  output wire [7:0]  o_error,          // error code: 1 BAD_PROGRAM, 2 BAD_OPCODE, 4 WRITE_WHILE_RUNNING
  output wire [31:0] o_windows_in,     // windows accepted by the input FIFO
  output wire [31:0] o_windows_out,    // windows unloaded
  output wire [31:0] o_rounds,         // rounds started
  output wire [31:0] o_busy_cycles,    // cycles with a round in progress
  output wire [31:0] o_idle_issue,     // cycles in a round without an issued tap
  output wire [31:0] o_input_drops,    // windows refused by a full input FIFO
  output wire [31:0] o_result_stalls,  // unloader cycles waiting on a full result FIFO
  output wire [31:0] o_clamp_low,      // write cycles with a value clamped at act_min
  output wire [31:0] o_clamp_high,     // write cycles with a value clamped at act_max
  output wire [31:0] o_stops,          // clean stops completed
  output wire [31:0] o_soft_resets,    // soft resets
  output wire [31:0] o_frame_drops,    // windows dropped for a wrong length
  output wire        o_resetting,      // a soft reset is in progress
  output wire        o_ev_result,      // a window's last result word enters the result FIFO (interrupt cause)
  output wire        o_ev_drop,        // a window is dropped: input FIFO full or wrong length (interrupt cause)
  output wire [31:0] o_cycle,          // cycles since streaming started (trace)
  output wire        o_round_start     // a round's first tap issues this cycle (trace)
);

  wire          hdr_magic_ok;    // h0 is the magic word
  wire [7:0]    hdr_layers;      // descriptors
  wire [15:0]   hdr_n;           // input values per window
  wire [15:0]   hdr_inch;        // input channels
  wire [16:0]   hdr_words;       // result words per window
  wire          hdr_wide;        // two words per output
  wire          hdr_instage;     // input stage enabled
  wire          hdr_in16;        // input is int16
  wire          hdr_single;      // input stage rounds SINGLE
  wire [15:0]   hdr_zin;         // input zero point
  wire [15:0]   hdr_pbase;       // first input-stage parameter entry
  wire [3:0]    desc_op;         // layer: opcode
  wire [1:0]    desc_src;        // layer: source buffer
  wire [1:0]    desc_dst;        // layer: destination buffer
  wire          desc_in16;       // layer: int16 input
  wire [1:0]    desc_rq;         // layer: requantiser mode
  wire [15:0]   desc_inlen;      // layer: in_len
  wire [15:0]   desc_inch;       // layer: in_ch
  wire [15:0]   desc_outlen;     // layer: out_len
  wire [15:0]   desc_outch;      // layer: out_ch
  wire [7:0]    desc_k;          // layer: kernel / pool size
  wire [7:0]    desc_s;          // layer: stride
  wire [7:0]    desc_pad;        // layer: pad_left
  wire [23:0]   desc_wbase;      // layer: weight base
  wire [15:0]   desc_pbase;      // layer: parameter base
  wire [15:0]   desc_groups;     // layer: lane groups
  wire [15:0]   desc_zin;        // layer: input zero point
  wire [15:0]   desc_zout;       // layer: output zero point
  wire [15:0]   desc_amin;       // layer: act_min
  wire [15:0]   desc_amax;       // layer: act_max
  wire [63:0]   rq_bias;         // drain S1: folded bias (p1:p0)
  wire [31:0]   rq_m;            // drain S1: multiplier (p2)
  wire [5:0]    rq_shr;          // drain S1: right shift (p3[5:0])
  wire [4:0]    rq_shl;          // drain S1: left shift (p3[12:8])
  wire [63:0]   input_bias;      // input stage: folded bias (p1:p0)
  wire [31:0]   input_m;         // input stage: multiplier (p2)
  wire [5:0]    input_shr;       // input stage: right shift (p3[5:0])
  wire [4:0]    input_shl;       // input stage: left shift (p3[12:8])
  wire [63:0]   weights;         // T2: the tap's weight word, lane u in bits 8u+7:8u
  wire          in_round;        // a round is in progress
  wire          all_unloaded;    // no round in progress and every started round unloaded (a stop may complete)
  wire          issue;           // a tap issues this cycle
  wire [15:0]   round;           // the round being computed
  wire [7:0]    layer;           // the layer being computed
  wire [1:0]    stg_free;        // staging buffer of context A/B free for the loader
  wire [7:0]    results_ready;   // last-layer segments written (result records complete)
  wire [10:0]   weight_addr;     // T0: weight word of the tap
  wire [6:0]    stg_raddr;       // T0: staging read address {context, index}
  wire [9:0]    act_raddr;       // T0: activation read address {context, region, index}
  wire          t1_inside;       // T1: the tap is inside the input (else the zero point)
  wire          t1_src_stg;      // T1: the layer reads the staging buffer
  wire [15:0]   t1_zin;          // T1: input zero point (padded taps)
  wire          t2_in16;         // T2: int16 input layer
  wire          acc_mac;         // T3: a MAC tap accumulates
  wire          acc_pool;        // T3: a pool tap updates the pool unit
  wire          acc_first;       // T3: first tap of the group
  wire          acc_real;        // T3: pool tap inside the input (counts)
  wire          pool_max;        // T3: max pool (else average)
  wire          capture;         // capture: the last tap accumulated in the previous cycle
  wire [95:0]   cap_group;       // the captured group (GroupInfo) for the drain
  wire [8:0]    drain_param;     // S1: parameter entry of the drained channel
  wire [2:0]    drain_lane;      // S1: lane the PEs read
  wire          drain_pool;      // S1: the drained value comes from the pool unit
  wire [2:0]    rq_mode;         // R1: requantiser mode
  wire [15:0]   rq_zout;         // R1: output zero point
  wire [15:0]   rq_min;          // R1: act_min
  wire [15:0]   rq_max;          // R1: act_max
  wire          act_we;          // write cycle: activation write
  wire [9:0]    act_waddr;       // activation write address {context, region, index}
  wire          res_we;          // write cycle: result write
  wire [5:0]    res_waddr;       // result write address {context, parity, index}
  wire          writing;         // write cycle: a value is written
  wire          seg_written;     // a segment's last write lands
  wire          seg_ctx;         // context of that segment
  wire          seg_to_results;  // that segment writes the result buffer
  wire          window_in;       // a window's last sample is stored
  wire          window_drop;     // a window is refused (input FIFO full)
  wire          frame_drop;      // a window ends with the wrong number of samples and is dropped
  wire          feeding;         // a window is entering the input stage
  wire          in_busy;         // samples in the input stage (their staging writes have not landed)
  wire          window_start;    // the loader starts filling a slot
  wire [15:0]   fill_round;      // round the loader fills
  wire          fill_ctx;        // context the loader fills
  wire [4:0]    fill_pe;         // next PE the loader fills
  wire [5:0]    staged_a;        // context A windows staged for the next round
  wire [5:0]    staged_b;        // context B windows staged for the next round
  wire          slot_push;       // a window started: push its tag into the slot-tag FIFO
  wire [55:0]   slot_tag;        // the started window's {timestamp, sequence number, tag}
  wire [5:0]    slot_count;      // windows in record i_slot_rec
  wire [5:0]    slot_count_b;    // windows in context B of i_slot_rec's round
  wire          stg_we;          // staging write cycle
  wire [4:0]    stg_pe;          // PE whose staging buffer is written
  wire [6:0]    stg_waddr;       // staging write address {context, index}
  wire [15:0]   stg_wdata;       // the quantised input sample
  wire [8:0]    input_param;     // parameter entry of the sample's channel
  wire [2:0]    slot_rec;        // record being unloaded: {round mod 4, context}
  wire [5:0]    res_raddr;       // result read address {context, parity, index}
  wire          unloading;       // a record is being unloaded
  wire          window_out;      // a window's last word is pushed
  wire          round_unloaded;  // a round's last word is pushed
  wire          result_stall;    // waiting on a full result FIFO
  wire [1791:0] pe_results;      // result read data of all PEs, PE k in bits 64k+63:64k
  wire [27:0]   pe_clamp_lo;     // per PE: clamped low in the write cycle
  wire [27:0]   pe_clamp_hi;     // per PE: clamped high in the write cycle

  reg [5:0] srst_cnt_r;  // soft-reset cycles left

  wire         resetting;  // a soft reset holds the units in reset
  wire         unit_rst;   // reset of controller, loader, drain and unloader
  wire         stop_req;   // a stop is requested
  wire         quiet;      // nothing taken from the input FIFO is still in the array
  wire         ctl_start;  // the controller streams (held until a requested stop is quiet)
  wire         stop_done;  // a clean stop completes
  wire [320:0] pe_in;      // every PE input but the clock, and stg_pe (stg_we: any PE's)

  reg [31:0] cnt_win_in_r;    // counter behind o_windows_in
  reg [31:0] cnt_win_out_r;   // counter behind o_windows_out
  reg [31:0] cnt_rounds_r;    // counter behind o_rounds
  reg [31:0] cnt_busy_r;      // counter behind o_busy_cycles
  reg [31:0] cnt_idle_r;      // counter behind o_idle_issue
  reg [31:0] cnt_drops_r;     // counter behind o_input_drops
  reg [31:0] cnt_stalls_r;    // counter behind o_result_stalls
  reg [31:0] cnt_clamp_lo_r;  // counter behind o_clamp_low
  reg [31:0] cnt_clamp_hi_r;  // counter behind o_clamp_high
  reg [31:0] cnt_stops_r;     // counter behind o_stops
  reg [31:0] cnt_srst_r;      // counter behind o_soft_resets
  reg [31:0] cnt_frame_r;     // counter behind o_frame_drops

  // Soft-reset hold.
  always @(posedge i_clk) begin
    if (i_rst) begin
      srst_cnt_r <= 6'd0;
    end else if (i_soft_rst) begin
      srst_cnt_r <= 6'd63;
    end else if (srst_cnt_r != 6'd0) begin
      srst_cnt_r <= srst_cnt_r - 6'd1;
    end
  end

  assign resetting   = i_soft_rst | (srst_cnt_r != 6'd0);
  assign o_resetting = resetting;
  assign unit_rst    = i_rst | resetting;
  assign stop_req    = ~i_start | i_stop;
  assign quiet       = all_unloaded & ~feeding & ~in_busy & (staged_a == 6'd0) & (staged_b == 6'd0);
  assign ctl_start   = o_running ? ~(stop_req & quiet) : ~stop_req;
  assign stop_done   = o_running & stop_req & quiet;
  assign o_ev_result = window_out;
  assign o_ev_drop   = window_drop | frame_drop;

  // Program memories (docs 4.1-4.3): descriptors, parameter table, weights.
  pdl_accel_program u_program (
    .i_clk          (i_clk),
    .i_running      (o_running),
    .i_prog_we      (i_prog_we),
    .i_prog_sel     (i_prog_sel),
    .i_prog_addr    (i_prog_addr),
    .i_prog_wdata   (i_prog_wdata),
    .o_prog_rdata   (o_prog_rdata),
    .i_layer        (layer),
    .i_weight_addr  (weight_addr),
    .i_drain_param  (drain_param),
    .i_input_param  (input_param),
    .o_hdr_magic_ok (hdr_magic_ok),
    .o_hdr_layers   (hdr_layers),
    .o_hdr_n        (hdr_n),
    .o_hdr_inch     (hdr_inch),
    .o_hdr_words    (hdr_words),
    .o_hdr_wide     (hdr_wide),
    .o_hdr_instage  (hdr_instage),
    .o_hdr_in16     (hdr_in16),
    .o_hdr_single   (hdr_single),
    .o_hdr_zin      (hdr_zin),
    .o_hdr_pbase    (hdr_pbase),
    .o_desc_op      (desc_op),
    .o_desc_src     (desc_src),
    .o_desc_dst     (desc_dst),
    .o_desc_in16    (desc_in16),
    .o_desc_rq      (desc_rq),
    .o_desc_inlen   (desc_inlen),
    .o_desc_inch    (desc_inch),
    .o_desc_outlen  (desc_outlen),
    .o_desc_outch   (desc_outch),
    .o_desc_k       (desc_k),
    .o_desc_s       (desc_s),
    .o_desc_pad     (desc_pad),
    .o_desc_wbase   (desc_wbase),
    .o_desc_pbase   (desc_pbase),
    .o_desc_groups  (desc_groups),
    .o_desc_zin     (desc_zin),
    .o_desc_zout    (desc_zout),
    .o_desc_amin    (desc_amin),
    .o_desc_amax    (desc_amax),
    .o_rq_bias      (rq_bias),
    .o_rq_m         (rq_m),
    .o_rq_shr       (rq_shr),
    .o_rq_shl       (rq_shl),
    .o_input_bias   (input_bias),
    .o_input_m      (input_m),
    .o_input_shr    (input_shr),
    .o_input_shl    (input_shl),
    .o_weights      (weights)
  );

  // Controller (docs 4.4, 5): loop nest, start rules, tap pipeline.
  pdl_accel_controller u_controller (
    .i_clk            (i_clk),
    .i_rst            (unit_rst),
    .i_start          (ctl_start),
    .i_stop           (1'b0),
    .i_clear          (i_clear),
    .i_prog_we        (i_prog_we),
    .i_hdr_magic_ok   (hdr_magic_ok),
    .i_hdr_layers     (hdr_layers),
    .i_desc_op        (desc_op),
    .i_desc_src       (desc_src),
    .i_desc_dst       (desc_dst),
    .i_desc_in16      (desc_in16),
    .i_desc_rq        (desc_rq),
    .i_desc_inlen     (desc_inlen),
    .i_desc_inch      (desc_inch),
    .i_desc_outlen    (desc_outlen),
    .i_desc_outch     (desc_outch),
    .i_desc_k         (desc_k),
    .i_desc_s         (desc_s),
    .i_desc_pad       (desc_pad),
    .i_desc_wbase     (desc_wbase),
    .i_desc_pbase     (desc_pbase),
    .i_desc_groups    (desc_groups),
    .i_desc_zin       (desc_zin),
    .i_desc_zout      (desc_zout),
    .i_desc_amin      (desc_amin),
    .i_desc_amax      (desc_amax),
    .i_staged_a       (staged_a),
    .i_staged_b       (staged_b),
    .i_in_empty       (o_in_empty | stop_req),
    .i_feeding        (feeding),
    .i_in_busy        (in_busy),
    .i_window_start   (window_start),
    .i_fill_round     (fill_round),
    .i_fill_ctx       (fill_ctx),
    .i_fill_pe        (fill_pe),
    .i_seg_written    (seg_written),
    .i_seg_ctx        (seg_ctx),
    .i_seg_to_results (seg_to_results),
    .i_round_unloaded (round_unloaded),
    .o_running        (o_running),
    .o_error          (o_error),
    .o_cycle          (o_cycle),
    .o_round_start    (o_round_start),
    .o_in_round       (in_round),
    .o_all_unloaded   (all_unloaded),
    .o_issue          (issue),
    .o_round          (round),
    .o_layer          (layer),
    .o_stg_free       (stg_free),
    .o_results_ready  (results_ready),
    .o_weight_addr    (weight_addr),
    .o_stg_raddr      (stg_raddr),
    .o_act_raddr      (act_raddr),
    .o_t1_inside      (t1_inside),
    .o_t1_src_stg     (t1_src_stg),
    .o_t1_zin         (t1_zin),
    .o_t2_in16        (t2_in16),
    .o_acc_mac        (acc_mac),
    .o_acc_pool       (acc_pool),
    .o_acc_first      (acc_first),
    .o_acc_real       (acc_real),
    .o_pool_max       (pool_max),
    .o_capture        (capture),
    .o_cap_group      (cap_group)
  );

  // Input FIFO, loader and input stage (docs 4.5).
  pdl_accel_loader u_loader (
    .i_clk          (i_clk),
    .i_rst          (unit_rst),
    .i_in_valid     (i_in_valid),
    .i_in_data      (i_in_data),
    .i_in_tag       (i_in_tag),
    .i_in_time      (i_in_time),
    .i_in_last      (i_in_last),
    .i_running      (o_running),
    .i_hold         (stop_req),
    .i_round_start  (o_round_start),
    .i_round        (round),
    .i_stg_free     (stg_free),
    .i_hdr_n        (hdr_n),
    .i_hdr_inch     (hdr_inch),
    .i_slot_rec     (slot_rec),
    .o_in_room      (o_in_room),
    .o_in_empty     (o_in_empty),
    .o_window_in    (window_in),
    .o_window_drop  (window_drop),
    .o_frame_drop   (frame_drop),
    .o_feeding      (feeding),
    .o_in_busy      (in_busy),
    .o_window_start (window_start),
    .o_fill_round   (fill_round),
    .o_fill_ctx     (fill_ctx),
    .o_fill_pe      (fill_pe),
    .o_staged_a     (staged_a),
    .o_staged_b     (staged_b),
    .o_slot_push    (slot_push),
    .o_slot_tag     (slot_tag),
    .o_slot_count   (slot_count),
    .o_slot_count_b (slot_count_b),
    .o_stg_we       (stg_we),
    .o_stg_pe       (stg_pe),
    .o_stg_waddr    (stg_waddr),
    .o_stg_wdata    (stg_wdata),
    .i_hdr_instage  (hdr_instage),
    .i_hdr_in16     (hdr_in16),
    .i_hdr_single   (hdr_single),
    .i_hdr_zin      (hdr_zin),
    .i_hdr_pbase    (hdr_pbase),
    .o_input_param  (input_param),
    .i_input_bias   (input_bias),
    .i_input_m      (input_m),
    .i_input_shr    (input_shr),
    .i_input_shl    (input_shl)
  );

  // Drain sequencer (docs 3.3): shadow registers to the requantisers and the write.
  pdl_accel_drain u_drain (
    .i_clk            (i_clk),
    .i_rst            (unit_rst),
    .i_capture        (capture),
    .i_cap_group      (cap_group),
    .o_drain_param    (drain_param),
    .o_drain_lane     (drain_lane),
    .o_drain_pool     (drain_pool),
    .o_rq_mode        (rq_mode),
    .o_rq_zout        (rq_zout),
    .o_rq_min         (rq_min),
    .o_rq_max         (rq_max),
    .o_act_we         (act_we),
    .o_act_waddr      (act_waddr),
    .o_res_we         (res_we),
    .o_res_waddr      (res_waddr),
    .o_writing        (writing),
    .o_seg_written    (seg_written),
    .o_seg_ctx        (seg_ctx),
    .o_seg_to_results (seg_to_results)
  );

  // Unloader and result FIFO (docs 4.6).
  pdl_accel_unloader u_unloader (
    .i_clk            (i_clk),
    .i_rst            (unit_rst),
    .i_running        (o_running),
    .i_results_ready  (results_ready),
    .i_hdr_words      (hdr_words),
    .i_hdr_wide       (hdr_wide),
    .i_slot_push      (slot_push),
    .i_slot_tag       (slot_tag),
    .i_slot_count     (slot_count),
    .i_slot_count_b   (slot_count_b),
    .i_pe_results     (pe_results),
    .i_res_pop        (i_res_pop),
    .o_slot_rec       (slot_rec),
    .o_res_raddr      (res_raddr),
    .o_unloading      (unloading),
    .o_window_out     (window_out),
    .o_round_unloaded (round_unloaded),
    .o_result_stall   (result_stall),
    .o_res_valid      (o_res_valid),
    .o_res_data       (o_res_data),
    .o_res_level      (o_res_level)
  );

  assign pe_in = {stg_raddr, act_raddr, t1_inside, t1_src_stg, t1_zin, weights, t2_in16, acc_mac, acc_pool, acc_first, acc_real, pool_max, capture, drain_lane, drain_pool, rq_mode, rq_bias, rq_m, rq_shr, rq_shl, rq_zout, rq_min, rq_max, act_we, act_waddr, res_we, res_waddr, stg_we, stg_waddr, stg_wdata, res_raddr, stg_pe};

  // Simulation speed under Verilator (docs/accelerator.md, "Simulation clock gate"): the PEs' clock
  // stops while their inputs are quiet, after more edges than PeQuiescenceProofTest proves they need to settle.
  // Synthesis (Yosys, Vivado), Icarus and the formal proofs do not define VERILATOR: the PEs run on i_clk.
  `ifdef VERILATOR

  reg [320:0] pe_in_r;     // pe_in at the last edge
  reg [5:0]   pe_still_r;  // edges in a row with pe_in unchanged and the enables low (saturates)

  wire pe_quiet;  // pe_in equals the last edge's and the enables are low

  reg pe_stop_l;  // latch, open while i_clk is low: the next edge skips the PEs (0 at start)

  wire pe_clk;   // the PEs' clock
  wire pe_nclk;  // rises at i_clk's falling edge while the PEs run

  reg [320:0] pe_in_n_r;     // pe_in at the last falling edge of pe_nclk
  reg         pe_in_n_ok_r;  // pe_in_n_r has been taken

  wire [320:0] pe_in_g;  // the PE inputs as the PEs read them

  assign pe_quiet = (pe_in == pe_in_r) & ~(acc_mac | acc_pool | capture | act_we | res_we | stg_we);

  // verilator lint_off LATCH
  // The gate: a latch, so that it holds while the clock is high.
  always @* begin
    if (!i_clk) begin
      pe_stop_l = pe_quiet & (pe_still_r == 6'd36);
    end
  end

  assign pe_clk  = i_clk & ~pe_stop_l;
  assign pe_nclk = ~i_clk & ~pe_stop_l;

  // verilator lint_on LATCH
  // The PE inputs the next edge takes.
  always @(posedge pe_nclk) begin
    pe_in_n_r <= pe_in;
    pe_in_n_ok_r <= 1'b1;
  end

  assign pe_in_g = pe_in_n_r;

  // Count quiet edges; an input that changed after the falling edge is an error.
  always @(posedge i_clk) begin
    if (pe_in_n_ok_r & (pe_in != pe_in_n_r)) begin
      $display("pdl_accel_array: a PE input changed after the falling clock edge, where the simulation clock gate takes it");
      $stop;
    end
    pe_in_r <= pe_in;
    pe_still_r <= ~pe_quiet ? 6'd0 : (pe_still_r == 6'd36) ? 6'd36 : pe_still_r + 6'd1;
  end

  `else

  wire         pe_clk;   // the PEs' clock
  wire [320:0] pe_in_g;  // the PE inputs as the PEs read them

  assign pe_clk  = i_clk;
  assign pe_in_g = pe_in;

  `endif

  // P processing elements, one window each, in lockstep.
  genvar g;
  generate
    for (g = 0; g < 28; g = g + 1) begin : g_pe
      pdl_accel_pe u_pe (
        .i_clk        (pe_clk),
        .i_stg_raddr  (pe_in_g[320:314]),
        .i_act_raddr  (pe_in_g[313:304]),
        .i_t1_inside  (pe_in_g[303]),
        .i_t1_src_stg (pe_in_g[302]),
        .i_t1_zin     (pe_in_g[301:286]),
        .i_w          (pe_in_g[285:222]),
        .i_t2_in16    (pe_in_g[221]),
        .i_acc_mac    (pe_in_g[220]),
        .i_acc_pool   (pe_in_g[219]),
        .i_acc_first  (pe_in_g[218]),
        .i_acc_real   (pe_in_g[217]),
        .i_pool_max   (pe_in_g[216]),
        .i_capture    (pe_in_g[215]),
        .i_drain_lane (pe_in_g[214:212]),
        .i_drain_pool (pe_in_g[211]),
        .i_rq_mode    (pe_in_g[210:208]),
        .i_rq_bias    (pe_in_g[207:144]),
        .i_rq_m       (pe_in_g[143:112]),
        .i_rq_shr     (pe_in_g[111:106]),
        .i_rq_shl     (pe_in_g[105:101]),
        .i_rq_zout    (pe_in_g[100:85]),
        .i_rq_min     (pe_in_g[84:69]),
        .i_rq_max     (pe_in_g[68:53]),
        .i_act_we     (pe_in_g[52]),
        .i_act_waddr  (pe_in_g[51:42]),
        .i_res_we     (pe_in_g[41]),
        .i_res_waddr  (pe_in_g[40:35]),
        .i_stg_we     (pe_in_g[34] & (pe_in_g[4:0] == g)),
        .i_stg_waddr  (pe_in_g[33:27]),
        .i_stg_wdata  (pe_in_g[26:11]),
        .i_res_raddr  (pe_in_g[10:5]),
        .o_res_rdata  (pe_results[64*g +: 64]),
        .o_clamp_lo   (pe_clamp_lo[g]),
        .o_clamp_hi   (pe_clamp_hi[g])
      );
    end
  endgenerate

  assign o_idle = ~in_round & ~unloading;

  // Status and error counters (docs 4.7); CTRL.clear resets them.
  always @(posedge i_clk) begin
    if (i_rst | i_clear) begin
      cnt_win_in_r <= 32'd0;
      cnt_win_out_r <= 32'd0;
      cnt_rounds_r <= 32'd0;
      cnt_busy_r <= 32'd0;
      cnt_idle_r <= 32'd0;
      cnt_drops_r <= 32'd0;
      cnt_stalls_r <= 32'd0;
      cnt_clamp_lo_r <= 32'd0;
      cnt_clamp_hi_r <= 32'd0;
      cnt_stops_r <= 32'd0;
      cnt_srst_r <= 32'd0;
      cnt_frame_r <= 32'd0;
    end else begin
      if (window_in) begin
        cnt_win_in_r <= cnt_win_in_r + 32'd1;
      end
      if (window_out) begin
        cnt_win_out_r <= cnt_win_out_r + 32'd1;
      end
      if (o_round_start) begin
        cnt_rounds_r <= cnt_rounds_r + 32'd1;
      end
      if (in_round) begin
        cnt_busy_r <= cnt_busy_r + 32'd1;
      end
      if (in_round & ~issue) begin
        cnt_idle_r <= cnt_idle_r + 32'd1;
      end
      if (window_drop) begin
        cnt_drops_r <= cnt_drops_r + 32'd1;
      end
      if (result_stall) begin
        cnt_stalls_r <= cnt_stalls_r + 32'd1;
      end
      if (writing & (|pe_clamp_lo)) begin
        cnt_clamp_lo_r <= cnt_clamp_lo_r + 32'd1;
      end
      if (writing & (|pe_clamp_hi)) begin
        cnt_clamp_hi_r <= cnt_clamp_hi_r + 32'd1;
      end
      if (stop_done) begin
        cnt_stops_r <= cnt_stops_r + 32'd1;
      end
      if (i_soft_rst) begin
        cnt_srst_r <= cnt_srst_r + 32'd1;
      end
      if (frame_drop) begin
        cnt_frame_r <= cnt_frame_r + 32'd1;
      end
    end
  end

  assign o_windows_in    = cnt_win_in_r;
  assign o_windows_out   = cnt_win_out_r;
  assign o_rounds        = cnt_rounds_r;
  assign o_busy_cycles   = cnt_busy_r;
  assign o_idle_issue    = cnt_idle_r;
  assign o_input_drops   = cnt_drops_r;
  assign o_result_stalls = cnt_stalls_r;
  assign o_clamp_low     = cnt_clamp_lo_r;
  assign o_clamp_high    = cnt_clamp_hi_r;
  assign o_stops         = cnt_stops_r;
  assign o_soft_resets   = cnt_srst_r;
  assign o_frame_drops   = cnt_frame_r;

endmodule

`default_nettype wire
