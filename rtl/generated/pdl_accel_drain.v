// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

`default_nettype none

// pdl_accel_drain: shadow registers to the requantisers, one value per cycle, and the write that follows; docs/accelerator.md section 3.3.
// Mirrors ArraySimulator.drainReads and landWrites.
module pdl_accel_drain (
  input  wire        i_clk,            // clock
  input  wire        i_rst,            // synchronous reset, active high
  input  wire        i_capture,        // controller: the shadow registers take a group this cycle
  input  wire [95:0] i_cap_group,      // controller: the captured group (GroupInfo)
  output wire [8:0]  o_drain_param,    // S1: parameter entry of the drained channel
  output wire [2:0]  o_drain_lane,     // S1: lane the PEs read
  output wire        o_drain_pool,     // S1: the drained value comes from the pool unit
  output wire [2:0]  o_rq_mode,        // R1: requantiser mode
  output wire [15:0] o_rq_zout,        // R1: output zero point
  output wire [15:0] o_rq_min,         // R1: act_min
  output wire [15:0] o_rq_max,         // R1: act_max
  output wire        o_act_we,         // write cycle: activation write
  output wire [9:0]  o_act_waddr,      // activation write address {context, region, index}
  output wire        o_res_we,         // write cycle: result write
  output wire [5:0]  o_res_waddr,      // result write address {context, parity, index}
  output wire        o_writing,        // write cycle: a value is written
  output wire        o_seg_written,    // a segment's last write lands
  output wire        o_seg_ctx,        // context of that segment
  output wire        o_seg_to_results  // that segment writes the result buffer
);

  reg        dr_active_r;  // draining
  reg [6:0]  dr_j_r;       // value index j
  reg [95:0] dr_grp_r;     // the drained group

  wire [15:0] drain_pidx;   // S1: parameter entry of the drained channel
  wire [6:0]  drain_lane7;  // lane of value j, 7 bits
  wire        unused_lane;  // lane bits above U

  reg [21:0] r1_wr_r;    // R1: write sideband
  reg [2:0]  r1_mode_r;  // R1: requantiser mode
  reg [15:0] r1_zout_r;  // R1: z_out
  reg [15:0] r1_min_r;   // R1: act_min
  reg [15:0] r1_max_r;   // R1: act_max

  wire [21:0] dwr;  // write sideband in the write cycle

  reg [21:0] dwr_d0_r;  // delay stage 1 of 4
  reg [21:0] dwr_d1_r;  // delay stage 2 of 4
  reg [21:0] dwr_d2_r;  // delay stage 3 of 4
  reg [21:0] dwr_d3_r;  // delay stage 4 of 4

  wire unused_dwr;  // write address bits above the buffers

  // Drain sequencer.
  always @(posedge i_clk) begin
    if (i_rst) begin
      dr_active_r <= 1'b0;
    end else if (i_capture) begin
      dr_active_r <= 1'b1;
      dr_j_r <= 7'd0;
      dr_grp_r <= i_cap_group;
    end else if (dr_active_r) begin
      dr_j_r <= dr_j_r + 7'd1;
      if (dr_j_r == dr_grp_r[86:80] - 7'd1) begin
        dr_active_r <= 1'b0;
      end
    end
  end

  assign drain_pidx    = dr_grp_r[79:64] + {9'd0, dr_j_r};
  assign o_drain_param = drain_pidx[8:0];
  assign drain_lane7   = dr_j_r;
  assign o_drain_lane  = drain_lane7[2:0];
  assign unused_lane   = &{1'b0, drain_lane7[6:3]};
  assign o_drain_pool  = dr_grp_r[90:88] >= 3'd4;

  // Drain sideband into the requantiser stage R1.
  always @(posedge i_clk) begin
    r1_wr_r <= {dr_active_r, dr_grp_r[95] & (dr_j_r == dr_grp_r[86:80] - 7'd1), dr_grp_r[94], dr_grp_r[93], dr_grp_r[92:91], dr_grp_r[63:48] + {9'd0, dr_j_r}};
    r1_mode_r <= dr_grp_r[90:88];
    r1_zout_r <= dr_grp_r[47:32];
    r1_min_r <= dr_grp_r[31:16];
    r1_max_r <= dr_grp_r[15:0];
  end

  assign o_rq_mode = r1_mode_r;
  assign o_rq_zout = r1_zout_r;
  assign o_rq_min  = r1_min_r;
  assign o_rq_max  = r1_max_r;

  // Delay line: write sideband in the write cycle
  always @(posedge i_clk) begin
    dwr_d0_r <= r1_wr_r;
    dwr_d1_r <= dwr_d0_r;
    dwr_d2_r <= dwr_d1_r;
    dwr_d3_r <= dwr_d2_r;
  end

  assign dwr              = dwr_d3_r;
  assign o_writing        = dwr[21];
  assign o_act_we         = dwr[21] & (dwr[17:16] != 2'd3);
  assign o_res_we         = dwr[21] & (dwr[17:16] == 2'd3);
  assign o_act_waddr      = {dwr[19], dwr[17:16] == 2'd2, dwr[7:0]};
  assign o_res_waddr      = {dwr[19], dwr[18], dwr[3:0]};
  assign o_seg_written    = dwr[21] & dwr[20];
  assign o_seg_ctx        = dwr[19];
  assign o_seg_to_results = dwr[17:16] == 2'd3;
  assign unused_dwr       = &{1'b0, dwr, dr_grp_r, drain_pidx};

endmodule

`default_nettype wire
