// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

`default_nettype none

// pdl_accel_loader: input FIFO, loader and input stage; docs/accelerator.md section 4.5.
// Mirrors ArraySimulator.loader; the FIFO keeps its contents while stopped.
module pdl_accel_loader (
  input  wire        i_clk,           // clock
  input  wire        i_rst,           // synchronous reset, active high
  input  wire        i_in_valid,      // input port: a window sample
  input  wire [15:0] i_in_data,       // input port: ADC code or quantised value
  input  wire [7:0]  i_in_tag,        // input port: the window's tag (taken with its first sample)
  input  wire [31:0] i_in_time,       // input port: the window's capture timestamp (taken with its first sample)
  input  wire        i_in_last,       // input port: last sample of the window
  input  wire        i_running,       // controller: streaming
  input  wire        i_hold,          // stopping: start no new window (the one being fed finishes)
  input  wire        i_round_start,   // controller: a round's first tap issues
  input  wire [15:0] i_round,         // controller: the round being computed
  input  wire [1:0]  i_stg_free,      // controller: staging buffer of context A/B free
  input  wire [15:0] i_hdr_n,         // header: input values per window
  input  wire [15:0] i_hdr_inch,      // header: input channels
  input  wire [2:0]  i_slot_rec,      // unloader: record {round mod 4, context} it unloads
  output wire        o_in_room,       // the input FIFO has room for a whole window
  output wire        o_in_empty,      // no complete window in the input FIFO
  output wire        o_window_in,     // a window's last sample is stored
  output wire        o_window_drop,   // a window is refused (input FIFO full)
  output wire        o_frame_drop,    // a window ends with the wrong number of samples and is dropped
  output wire        o_feeding,       // a window is entering the input stage
  output wire        o_in_busy,       // samples in the input stage (their staging writes have not landed)
  output wire        o_window_start,  // the loader starts filling a slot
  output wire [15:0] o_fill_round,    // round the loader fills
  output wire        o_fill_ctx,      // context the loader fills
  output wire [4:0]  o_fill_pe,       // next PE the loader fills
  output wire [5:0]  o_staged_a,      // context A windows staged for the next round
  output wire [5:0]  o_staged_b,      // context B windows staged for the next round
  output wire        o_slot_push,     // a window started: push its tag into the slot-tag FIFO
  output wire [55:0] o_slot_tag,      // the started window's {timestamp, sequence number, tag}
  output wire [5:0]  o_slot_count,    // windows in record i_slot_rec
  output wire [5:0]  o_slot_count_b,  // windows in context B of i_slot_rec's round
  output wire        o_stg_we,        // staging write cycle
  output wire [4:0]  o_stg_pe,        // PE whose staging buffer is written
  output wire [6:0]  o_stg_waddr,     // staging write address {context, index}
  output wire [15:0] o_stg_wdata,     // the quantised input sample
  input  wire        i_hdr_instage,   // header: input stage enabled
  input  wire        i_hdr_in16,      // header: input is int16
  input  wire        i_hdr_single,    // header: input stage rounds SINGLE
  input  wire [15:0] i_hdr_zin,       // header: input zero point
  input  wire [15:0] i_hdr_pbase,     // header: first input-stage parameter entry
  output wire [8:0]  o_input_param,   // parameter entry of the sample's channel
  input  wire [63:0] i_input_bias,    // parameter table: folded bias of that entry
  input  wire [31:0] i_input_m,       // parameter table: multiplier
  input  wire [5:0]  i_input_shr,     // parameter table: right shift
  input  wire [4:0]  i_input_shl      // parameter table: left shift
);

  // Input FIFO (docs 4.5): whole windows of samples, with a tag FIFO beside it. A window is framed by i_in_last: its samples are written behind the committed write pointer and committed only when the last one arrives as sample number hdr_n; a shorter or longer window is dropped (counted) and the pointer rewinds, so it never shifts the next window.
  reg [12:0] in_wp_r;     // committed sample write pointer (whole windows)
  reg [12:0] in_sp_r;     // speculative write pointer within the arriving window
  reg [15:0] in_n_r;      // samples of the arriving window so far (saturates)
  reg [12:0] in_rp_r;     // sample read pointer
  reg [6:0]  in_twp_r;    // tag write pointer
  reg [6:0]  in_trp_r;    // tag read pointer
  reg [6:0]  in_cnt_r;    // complete windows waiting
  reg        in_first_r;  // the next sample starts a window
  reg        in_drop_r;   // dropping the current window (no room at its first sample)
  reg [7:0]  in_tag_r;    // tag of the arriving window
  reg [31:0] in_time_r;   // capture timestamp of the arriving window
  reg [15:0] in_seq_r;    // sequence number of the next arriving window (every window counts, so a drop leaves a gap)
  reg [15:0] in_wseq_r;   // sequence number of the arriving window

  wire [12:0] in_used;     // samples in the FIFO
  wire        in_room;     // room for a whole window (samples and tag)
  wire        in_accept;   // the sample is stored
  wire        in_empty;    // no complete window waiting
  wire        in_refused;  // the window is refused: no room at its first sample
  wire [15:0] in_n_next;   // samples of the arriving window including this one
  wire        in_commit;   // the last sample arrives as sample hdr_n of a stored window
  wire [7:0]  in_wtag;     // tag of the arriving window, this cycle
  wire [31:0] in_wtime;    // capture timestamp of the arriving window, this cycle
  wire [15:0] in_wseq;     // sequence number of the arriving window, this cycle

  // Loader (docs 4.5, section 5 rule 4): windows to slots (round, context, PE) in arrival order.
  reg        feeding_r;           // feeding a window through the input stage
  reg [15:0] fj_r;                // sample index
  reg [15:0] fch_r;               // channel of the sample
  reg        fctx_r;              // context of the slot
  reg [4:0]  fpe_r;               // PE of the slot
  reg [15:0] lr_r;                // round the loader fills (lr)
  reg        lx_r;                // context the loader fills (lx)
  reg [4:0]  lk_r;                // next PE the loader fills (lk)
  reg [5:0]  staged_a_r;          // context A windows staged for the next round
  reg [5:0]  staged_b_r;          // context B windows staged for the next round
  reg        slot_push_r;         // push the started window's tag into the slot-tag FIFO
  reg [5:0]  slot_count_r [0:7];  // windows per (round mod 4, context)

  wire        lstart;   // the loader starts a window
  wire        feed;     // a sample enters the input stage
  wire [15:0] f_j;      // sample index fed
  wire [15:0] f_ch;     // its channel
  wire        f_ctx;    // its context
  wire [4:0]  f_pe;     // its PE
  wire        f_lastw;  // last sample of the window
  wire [15:0] lr_next;  // round after lr

  reg [23:0] in1_r;  // R1: sideband of the sample in the input stage

  wire [23:0] insb;  // input-stage sideband in the staging write cycle

  reg [23:0] insb_d0_r;  // delay stage 1 of 2
  reg [23:0] insb_d1_r;  // delay stage 2 of 2

  wire        unused_sb;    // sideband bits not used
  wire [15:0] in_pidx;      // input-stage parameter entry
  wire [63:0] in_value;     // input-stage output
  wire        unused_in;    // input-stage bits not stored
  wire        in_clamp_lo;  // input stage clamped low
  wire        in_clamp_hi;  // input stage clamped high

  reg [2:0] in_mode_r;  // R1: input-stage mode

  wire [15:0] stg_wdata;  // input-stage value in the staging write cycle

  assign in_used       = in_wp_r - in_rp_r;
  assign in_room       = (({5'd0, in_used} + {2'd0, i_hdr_n}) <= 18'd4096) & ((in_twp_r - in_trp_r) < 7'd64);
  assign in_refused    = in_first_r ? ~in_room : in_drop_r;
  assign in_n_next     = in_first_r ? 16'd1 : (in_n_r == 16'hffff) ? in_n_r : in_n_r + 16'd1;
  assign in_accept     = i_in_valid & ~in_refused & (in_n_next <= i_hdr_n);
  assign in_commit     = i_in_valid & i_in_last & ~in_refused & (in_n_next == i_hdr_n);
  assign in_wtag       = in_first_r ? i_in_tag : in_tag_r;
  assign in_wtime      = in_first_r ? i_in_time : in_time_r;
  assign in_wseq       = in_first_r ? in_seq_r : in_wseq_r;
  assign in_empty      = in_cnt_r == 7'd0;
  assign o_in_room     = in_room;
  assign o_in_empty    = in_empty;
  assign o_window_in   = in_commit;
  assign o_window_drop = i_in_valid & in_first_r & ~in_room;
  assign o_frame_drop  = i_in_valid & i_in_last & ~in_refused & (in_n_next != i_hdr_n);

  // Input FIFO samples.
  // 4096 x [15:0] synchronous-read memory, registered read data (infers block RAM).
  reg [15:0] inq [0:4095];
  reg [15:0] inq_rdata_r;

  always @(posedge i_clk) begin
    if (in_accept) begin
      inq[in_sp_r[11:0]] <= i_in_data;
    end
    inq_rdata_r <= inq[in_rp_r[11:0]];
  end

  // Input FIFO tags {timestamp, sequence, tag}, one per committed window.
  // 64 x [55:0] synchronous-read memory, registered read data (infers block RAM).
  reg [55:0] intag [0:63];
  reg [55:0] intag_rdata_r;

  always @(posedge i_clk) begin
    if (in_commit) begin
      intag[in_twp_r[5:0]] <= {in_wtime, in_wseq, in_wtag};
    end
    intag_rdata_r <= intag[in_trp_r[5:0]];
  end

  assign o_slot_tag = intag_rdata_r;

  // Input FIFO push side (framing) and pointers.
  always @(posedge i_clk) begin
    if (i_rst) begin
      in_wp_r <= 13'd0;
      in_sp_r <= 13'd0;
      in_n_r <= 16'd0;
      in_rp_r <= 13'd0;
      in_twp_r <= 7'd0;
      in_trp_r <= 7'd0;
      in_cnt_r <= 7'd0;
      in_first_r <= 1'b1;
      in_drop_r <= 1'b0;
      in_tag_r <= 8'd0;
      in_time_r <= 32'd0;
      in_seq_r <= 16'd0;
      in_wseq_r <= 16'd0;
    end else begin
      if (i_in_valid) begin
        in_first_r <= i_in_last;
        in_n_r <= in_n_next;
        in_tag_r <= in_wtag;
        in_time_r <= in_wtime;
        in_wseq_r <= in_wseq;
        if (in_first_r) begin
          in_seq_r <= in_seq_r + 16'd1;
        end
        if (in_first_r) begin
          in_drop_r <= ~in_room & ~i_in_last;
        end
      end
      if (in_commit) begin
        in_wp_r <= in_sp_r + 13'd1;
        in_sp_r <= in_sp_r + 13'd1;
      end else if (i_in_valid & i_in_last) begin
        in_sp_r <= in_wp_r;
      end else if (in_accept) begin
        in_sp_r <= in_sp_r + 13'd1;
      end
      if (in_commit) begin
        in_twp_r <= in_twp_r + 7'd1;
      end
      if (feed) begin
        in_rp_r <= in_rp_r + 13'd1;
      end
      if (lstart) begin
        in_trp_r <= in_trp_r + 7'd1;
      end
      in_cnt_r <= in_cnt_r + {6'd0, in_commit} - {6'd0, lstart};
    end
  end

  assign lstart  = i_running & ~i_hold & ~feeding_r & ~in_empty & i_stg_free[lx_r];
  assign feed    = lstart | feeding_r;
  assign f_j     = lstart ? 16'd0 : fj_r;
  assign f_ch    = lstart ? 16'd0 : fch_r;
  assign f_ctx   = lstart ? lx_r : fctx_r;
  assign f_pe    = lstart ? lk_r : fpe_r;
  assign f_lastw = f_j == i_hdr_n - 16'd1;
  assign lr_next = lr_r + 16'd1;

  // Loader state, slot counts and staged-window counts.
  always @(posedge i_clk) begin
    if (i_rst | ~i_running) begin
      feeding_r <= 1'b0;
      fj_r <= 16'd0;
      fch_r <= 16'd0;
      fctx_r <= 1'b0;
      fpe_r <= 5'd0;
      lr_r <= 16'd0;
      lx_r <= 1'b0;
      lk_r <= 5'd0;
      staged_a_r <= 6'd0;
      staged_b_r <= 6'd0;
      slot_push_r <= 1'b0;
      slot_count_r[0] <= 6'd0;
      slot_count_r[1] <= 6'd0;
      slot_count_r[2] <= 6'd0;
      slot_count_r[3] <= 6'd0;
      slot_count_r[4] <= 6'd0;
      slot_count_r[5] <= 6'd0;
      slot_count_r[6] <= 6'd0;
      slot_count_r[7] <= 6'd0;
    end else begin
      slot_push_r <= lstart;
      if (feed) begin
        feeding_r <= ~f_lastw;
        fj_r <= f_j + 16'd1;
        fch_r <= (f_ch == i_hdr_inch - 16'd1) ? 16'd0 : f_ch + 16'd1;
        fctx_r <= f_ctx;
        fpe_r <= f_pe;
      end
      if (lstart) begin
        slot_count_r[{lr_r[1:0], lx_r}] <= {1'd0, lk_r} + 6'd1;
        if (lk_r == 5'd27) begin
          lk_r <= 5'd0;
          lx_r <= ~lx_r;
          if (lx_r) begin
            lr_r <= lr_next;
            slot_count_r[{lr_next[1:0], 1'b0}] <= 6'd0;
            slot_count_r[{lr_next[1:0], 1'b1}] <= 6'd0;
          end
        end else begin
          lk_r <= lk_r + 5'd1;
        end
      end
      if (i_round_start & (lr_r == i_round)) begin
        lr_r <= lr_next;
        lx_r <= 1'b0;
        lk_r <= 5'd0;
        slot_count_r[{lr_next[1:0], 1'b0}] <= 6'd0;
        slot_count_r[{lr_next[1:0], 1'b1}] <= 6'd0;
      end
      if (i_round_start) begin
        staged_a_r <= 6'd0;
        staged_b_r <= 6'd0;
      end else if (insb[23] & insb[22]) begin
        if (insb[21]) begin
          staged_b_r <= staged_b_r + 6'd1;
        end else begin
          staged_a_r <= staged_a_r + 6'd1;
        end
      end
    end
  end

  assign o_feeding      = feeding_r;
  assign o_window_start = lstart;
  assign o_fill_round   = lr_r;
  assign o_fill_ctx     = lx_r;
  assign o_fill_pe      = lk_r;
  assign o_staged_a     = staged_a_r;
  assign o_staged_b     = staged_b_r;
  assign o_slot_push    = slot_push_r;
  assign o_slot_count   = slot_count_r[i_slot_rec];
  assign o_slot_count_b = slot_count_r[{i_slot_rec[2:1], 1'b1}];

  // Input-stage sideband, stage R1.
  always @(posedge i_clk) begin
    in1_r <= {feed, f_lastw, f_ctx, f_pe, f_j};
  end

  // Delay line: input-stage sideband in the staging write cycle
  always @(posedge i_clk) begin
    insb_d0_r <= in1_r;
    insb_d1_r <= insb_d0_r;
  end

  assign insb          = insb_d1_r;
  assign o_in_busy     = in1_r[23] | insb_d0_r[23] | insb_d1_r[23];
  assign o_stg_we      = insb[23];
  assign o_stg_pe      = insb[20:16];
  assign o_stg_waddr   = {insb[21], insb[5:0]};
  assign unused_sb     = &{1'b0, insb};
  assign in_pidx       = i_hdr_pbase + f_ch;
  assign o_input_param = in_pidx[8:0];

  // Input-stage mode: DOUBLE or SINGLE with an input stage, else RAW (values pass unchanged).
  always @(posedge i_clk) begin
    in_mode_r <= ~i_hdr_instage ? 3'd3 : i_hdr_single ? 3'd1 : 3'd0;
  end

  // Input stage (docs 3.5, 4.5): clamp(z_in + MBQM(code - baseline)) to the input width.
  pdl_accel_requant_in u_input_stage (
    .i_clk      (i_clk),
    .i_mode     (in_mode_r),
    .i_value    ({{48{inq_rdata_r[15]}}, inq_rdata_r}),
    .i_bias     ((in_mode_r == 3'd3) ? 64'd0 : i_input_bias),
    .i_m        (i_input_m),
    .i_shr      (i_input_shr),
    .i_shl      (i_input_shl),
    .i_count    (5'd0),
    .i_zout     (i_hdr_zin),
    .i_min      (i_hdr_in16 ? 16'h8000 : 16'hff80),
    .i_max      (i_hdr_in16 ? 16'h7fff : 16'h007f),
    .o_value    (in_value),
    .o_clamp_lo (in_clamp_lo),
    .o_clamp_hi (in_clamp_hi)
  );

  assign stg_wdata   = in_value[15:0];
  assign o_stg_wdata = stg_wdata;
  assign unused_in   = &{1'b0, in_value, in_clamp_lo, in_clamp_hi, in_pidx};

endmodule

`default_nettype wire
