// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

`default_nettype none

// pdl_accel_pe: processing element, docs/accelerator.md section 3 (one window per PE).
// Memories: staging 2 x 64 (context, index), activations 4 x 256 (context, region, index), results 4 x 16 x 64 bit (context, round parity, index).
// Issue (T0) addresses the memories; T1 selects the operand (buffer or zero point); T2 multiplies;
// T3 accumulates / pools; the capture copies into the shadow registers; the drain selects one lane
// per cycle (S1) into the requantiser (R1, R2), whose result is written after 2 more stage(s).
module pdl_accel_pe (
  input  wire        i_clk,         // clock
  input  wire [6:0]  i_stg_raddr,   // T0: staging read address {context, index}
  input  wire [9:0]  i_act_raddr,   // T0: activation read address {context, region, index}
  input  wire        i_t1_inside,   // T1: the tap is inside the input (else the zero point)
  input  wire        i_t1_src_stg,  // T1: the layer reads the staging buffer
  input  wire [15:0] i_t1_zin,      // T1: input zero point (padded taps)
  input  wire [63:0] i_w,           // T2: weight word, lane u in bits 8u+7:8u
  input  wire        i_t2_in16,     // T2: int16 input layer
  input  wire        i_acc_mac,     // T3: a MAC tap accumulates
  input  wire        i_acc_pool,    // T3: a pool tap updates the pool unit
  input  wire        i_acc_first,   // T3: first tap of the group
  input  wire        i_acc_real,    // T3: pool tap inside the input (counts)
  input  wire        i_pool_max,    // T3: max pool (else average)
  input  wire        i_capture,     // copy accumulators and pool unit into the shadow registers
  input  wire [2:0]  i_drain_lane,  // S1: lane the drain reads
  input  wire        i_drain_pool,  // S1: the drained value comes from the pool unit
  input  wire [2:0]  i_rq_mode,     // R1: requantiser mode
  input  wire [63:0] i_rq_bias,     // R1: folded bias
  input  wire [31:0] i_rq_m,        // R1: multiplier
  input  wire [5:0]  i_rq_shr,      // R1: right shift
  input  wire [4:0]  i_rq_shl,      // R1: left shift
  input  wire [15:0] i_rq_zout,     // R1: output zero point
  input  wire [15:0] i_rq_min,      // R1: act_min
  input  wire [15:0] i_rq_max,      // R1: act_max
  input  wire        i_act_we,      // write cycle: write the drained value to an activation region
  input  wire [9:0]  i_act_waddr,   // activation write address {context, region, index}
  input  wire        i_res_we,      // write cycle: write the drained value to the result buffer
  input  wire [5:0]  i_res_waddr,   // result write address {context, parity, index}
  input  wire        i_stg_we,      // loader: write a staged input sample
  input  wire [6:0]  i_stg_waddr,   // loader: staging write address {context, index}
  input  wire [15:0] i_stg_wdata,   // loader: the input-stage output
  input  wire [5:0]  i_res_raddr,   // unloader: result read address {context, parity, index}
  output wire [63:0] o_res_rdata,   // unloader: result read data (one cycle after the address)
  output wire        o_clamp_lo,    // write cycle: the value was clamped at act_min
  output wire        o_clamp_hi     // write cycle: the value was clamped at act_max
);

  wire [63:0] rq_value;     // requantiser output
  wire        rq_clamp_lo;  // requantiser clamped low
  wire        rq_clamp_hi;  // requantiser clamped high
  wire [63:0] wr_value;     // the value written in the write cycle

  assign wr_value = rq_value;

  // Input staging, contexts A and B (docs 3.1).
  // 128 x [15:0] synchronous-read memory, registered read data (infers block RAM).
  reg [15:0] stg [0:127];
  reg [15:0] stg_rdata_r;

  always @(posedge i_clk) begin
    if (i_stg_we) begin
      stg[i_stg_waddr] <= i_stg_wdata;
    end
    stg_rdata_r <= stg[i_stg_raddr];
  end

  // Activation memory: regions 0/1 of contexts A/B (docs 3.1).
  // 1024 x [15:0] synchronous-read memory, registered read data (infers block RAM).
  reg [15:0] act [0:1023];
  reg [15:0] act_rdata_r;

  always @(posedge i_clk) begin
    if (i_act_we) begin
      act[i_act_waddr] <= wr_value[15:0];
    end
    act_rdata_r <= act[i_act_raddr];
  end

  // Result buffers: contexts A/B, two banks by round parity (docs 3.1).
  // 64 x [63:0] synchronous-read memory, registered read data (infers block RAM).
  reg [63:0] res [0:63];
  reg [63:0] res_rdata_r;

  always @(posedge i_clk) begin
    if (i_res_we) begin
      res[i_res_waddr] <= wr_value;
    end
    res_rdata_r <= res[i_res_raddr];
  end

  assign o_res_rdata = res_rdata_r;

  reg [15:0] a_r;   // T1: the broadcast operand
  reg [15:0] a2_r;  // T2: operand for the pool unit

  // Operand select (docs 3.2): buffer value, or the zero point for a padded tap.
  always @(posedge i_clk) begin
    a_r <= i_t1_inside ? (i_t1_src_stg ? stg_rdata_r : act_rdata_r) : i_t1_zin;
    a2_r <= a_r;
  end

  wire [15:0] pool_a;  // operand at stage T3

  assign pool_a = a2_r;

  wire [263:0] shadow_all;  // shadow registers, lane u in bits 33u+32:33u

  // U/2 arithmetic-unit pairs sharing the operand.
  genvar j;
  generate
    for (j = 0; j < 4; j = j + 1) begin : g_pair
      pdl_accel_au u_au (
        .i_clk       (i_clk),
        .i_w_lo      (i_w[16*j +: 8]),
        .i_w_hi      (i_w[16*j+8 +: 8]),
        .i_a         (a_r),
        .i_in16      (i_t2_in16),
        .i_acc_en    (i_acc_mac),
        .i_acc_first (i_acc_first),
        .i_capture   (i_capture),
        .o_shadow_lo (shadow_all[33*(2*j) +: 33]),
        .o_shadow_hi (shadow_all[33*(2*j+1) +: 33])
      );
    end
  endgenerate

  wire [23:0] pool_x;  // operand, sign-extended

  assign pool_x = {{8{pool_a[15]}}, pool_a};

  reg [23:0] pool_acc_r;  // pool unit: running max or sum
  reg [4:0]  pool_cnt_r;  // pool unit: real taps
  reg [23:0] pool_sh_r;   // pool shadow: value
  reg [4:0]  pool_shn_r;  // pool shadow: real taps

  // Pool unit (docs 3.4): reset at tap 0, update on real taps; captured with the accumulators.
  always @(posedge i_clk) begin
    if (i_acc_pool) begin
      if (i_acc_first) begin
        pool_acc_r <= i_acc_real ? pool_x : i_pool_max ? {1'b1, 23'd0} : 24'd0;
        pool_cnt_r <= {4'd0, i_acc_real};
      end else if (i_acc_real) begin
        pool_acc_r <= !i_pool_max ? pool_acc_r + pool_x : ($signed(pool_x) > $signed(pool_acc_r)) ? pool_x : pool_acc_r;
        pool_cnt_r <= pool_cnt_r + 5'd1;
      end
    end
    if (i_capture) begin
      pool_sh_r <= pool_acc_r;
      pool_shn_r <= pool_cnt_r;
    end
  end

  reg [32:0] lane_value;  // shadow register of the drained lane

  // Drain lane select.
  always @* begin
    case (i_drain_lane)
      3'd0: lane_value = shadow_all[32:0];
      3'd1: lane_value = shadow_all[65:33];
      3'd2: lane_value = shadow_all[98:66];
      3'd3: lane_value = shadow_all[131:99];
      3'd4: lane_value = shadow_all[164:132];
      3'd5: lane_value = shadow_all[197:165];
      3'd6: lane_value = shadow_all[230:198];
      3'd7: lane_value = shadow_all[263:231];
    endcase
  end

  reg [63:0] drain_v_r;  // S1: drained value, sign-extended
  reg [4:0]  drain_n_r;  // S1: pool count

  // Drain stage S1.
  always @(posedge i_clk) begin
    drain_v_r <= i_drain_pool ? {{40{pool_sh_r[23]}}, pool_sh_r} : {{31{lane_value[32]}}, lane_value};
    drain_n_r <= pool_shn_r;
  end

  // Requantiser of the drain path (docs 3.5).
  pdl_accel_requant u_requant (
    .i_clk      (i_clk),
    .i_mode     (i_rq_mode),
    .i_value    (drain_v_r),
    .i_bias     (i_rq_bias),
    .i_m        (i_rq_m),
    .i_shr      (i_rq_shr),
    .i_shl      (i_rq_shl),
    .i_count    (drain_n_r),
    .i_zout     (i_rq_zout),
    .i_min      (i_rq_min),
    .i_max      (i_rq_max),
    .o_value    (rq_value),
    .o_clamp_lo (rq_clamp_lo),
    .o_clamp_hi (rq_clamp_hi)
  );

  wire [1:0] wr_clamp;  // clamp flags in the write cycle

  assign wr_clamp   = {rq_clamp_hi, rq_clamp_lo};
  assign o_clamp_lo = wr_clamp[0];
  assign o_clamp_hi = wr_clamp[1];

endmodule

`default_nettype wire
