// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:1cc2acc33407ec34793bc8a1a86e0b5cefaacd10a99f040ebb3ffec194b965c2

`default_nettype none

// pdl_accel_requant: requantiser, docs/accelerator.md sections 3.5 and 3.6 (RequantUnit in Java).
// Modes: 0 DOUBLE (SRDHM with 2^31, then RoundingDivideByPOT), 1 SINGLE, 2 INT64 (16x8),
// 3 RAW (wrap(value + bias)), 4 MAX (pass), 5 AVG (((|sum| + n/2) * ceil(2^24/n)) >> 24).
// Stage R1: bias add, wrap to 48 bits, multiply. Stage R2: round and shift.
// Output (combinational, cycle t+2): clamp(z_out + y, act_min, act_max) for modes 0-2.
module pdl_accel_requant (
  input  wire        i_clk,       // clock
  input  wire [2:0]  i_mode,      // mode, see header (stage R1)
  input  wire [63:0] i_value,     // accumulator, pool value or ADC code, sign-extended (stage R1)
  input  wire [63:0] i_bias,      // folded bias (parameter entry p1:p0)
  input  wire [31:0] i_m,         // multiplier m (parameter entry p2), unsigned
  input  wire [5:0]  i_shr,       // right shift (p3[5:0])
  input  wire [4:0]  i_shl,       // left shift, DOUBLE only (p3[12:8])
  input  wire [4:0]  i_count,     // real samples of an average pool (1..16)
  input  wire [15:0] i_zout,      // output zero point (signed)
  input  wire [15:0] i_min,       // act_min (signed)
  input  wire [15:0] i_max,       // act_max (signed)
  output wire [63:0] o_value,     // result, two cycles after the inputs
  output wire        o_clamp_lo,  // the result was clamped at act_min
  output wire        o_clamp_hi   // the result was clamped at act_max
);

  wire [63:0] sum;        // value + bias
  wire [63:0] acc;        // wrap(value + bias, acc_bits), sign-extended
  wire [31:0] acc_shl;    // DOUBLE: acc[31:0] << shl
  wire [63:0] abs_value;  // AVG: |sum|
  wire [63:0] avg_a;      // AVG: |sum| + n/2

  reg [24:0] recip;  // AVG: ceil(2^24 / n), docs 3.6
  reg [63:0] mul_a;  // multiplicand

  wire [63:0] mul_b;    // multiplier, zero-extended
  wire [63:0] product;  // mul_a * mul_b mod 2^64 (as Java's long arithmetic)

  assign sum = i_value + i_bias;
  assign acc = {{16{sum[47]}}, sum[47:0]};

  wire unused_sum;  // sum bits above acc_bits (wrapped away)

  assign unused_sum = &{1'b0, sum[63:48]};
  assign acc_shl    = acc[31:0] << i_shl;
  assign abs_value  = i_value[63] ? 64'd0 - i_value : i_value;
  assign avg_a      = abs_value + {60'd0, i_count[4:1]};

  // Reciprocal ROM of the average divider.
  always @* begin
    case (i_count)
      5'd1:    recip = 25'd16777216;
      5'd2:    recip = 25'd8388608;
      5'd3:    recip = 25'd5592406;
      5'd4:    recip = 25'd4194304;
      5'd5:    recip = 25'd3355444;
      5'd6:    recip = 25'd2796203;
      5'd7:    recip = 25'd2396746;
      5'd8:    recip = 25'd2097152;
      5'd9:    recip = 25'd1864136;
      5'd10:   recip = 25'd1677722;
      5'd11:   recip = 25'd1525202;
      5'd12:   recip = 25'd1398102;
      5'd13:   recip = 25'd1290556;
      5'd14:   recip = 25'd1198373;
      5'd15:   recip = 25'd1118482;
      5'd16:   recip = 25'd1048576;
      default: recip = 25'd0;
    endcase
  end

  // Multiplicand by mode.
  always @* begin
    case (i_mode)
      3'd0:    mul_a = {{32{acc_shl[31]}}, acc_shl};
      3'd1:    mul_a = {{32{acc[31]}}, acc[31:0]};
      3'd2:    mul_a = acc;
      3'd5:    mul_a = avg_a;
      default: mul_a = 64'd0;
    endcase
  end

  assign mul_b   = (i_mode == 3'd5) ? {39'd0, recip} : {32'd0, i_m};
  assign product = mul_a * mul_b;

  reg [63:0] x_r;     // R1: product
  reg [63:0] keep_r;  // R1: RAW accumulator or pool value
  reg        neg_r;   // R1: AVG sum is negative
  reg [2:0]  mode_r;  // R1: mode
  reg [5:0]  shr_r;   // R1: right shift
  reg [15:0] zout_r;  // R1: z_out
  reg [15:0] min_r;   // R1: act_min
  reg [15:0] max_r;   // R1: act_max

  // Stage R1 registers.
  always @(posedge i_clk) begin
    x_r <= product;
    keep_r <= (i_mode == 3'd4 || i_mode == 3'd5) ? i_value : acc;
    neg_r <= i_value[63];
    mode_r <= i_mode;
    shr_r <= i_shr;
    zout_r <= i_zout;
    min_r <= i_min;
    max_r <= i_max;
  end

  wire [63:0] nudge;     // SRDHM nudge: 2^(M-1), or 1 - 2^(M-1) for a negative product
  wire [63:0] xn;        // product + nudge
  wire [63:0] xn_neg;    // -(product + nudge)
  wire [63:0] q64;       // (product + nudge) / 2^31, truncated toward zero
  wire [31:0] q;         // SRDHM result (int32)
  wire [31:0] rd_mask;   // 2^shr - 1
  wire [31:0] rd_rem;    // q & mask
  wire [31:0] rd_thr;    // (mask >> 1) + (q < 0)
  wire [31:0] q_sh;      // q >>> shr (arithmetic)
  wire [31:0] y_double;  // RoundingDivideByPOT(q, shr): ties away from zero
  wire [63:0] rnd;       // 2^(shr-1) (2^63 for shr = 0, as Java's 1L << -1)
  wire [63:0] xr;        // (product + rnd) >>> shr
  wire [31:0] y_single;  // sat32(xr)
  wire [63:0] avg_q;     // (|sum| + n/2) * R >> 24

  reg [63:0] y;  // stage R2 result by mode

  assign nudge    = x_r[63] ? 64'd1 - 64'd1073741824 : 64'd1073741824;
  assign xn       = x_r + nudge;
  assign xn_neg   = 64'd0 - xn;
  assign q64      = xn[63] ? 64'd0 - (xn_neg >> 31) : (xn >> 31);
  assign q        = q64[31:0];
  assign rd_mask  = (32'd1 << shr_r[4:0]) - 32'd1;
  assign rd_rem   = q & rd_mask;
  assign rd_thr   = (rd_mask >> 1) + {31'd0, q[31]};
  assign q_sh     = $signed(q) >>> shr_r[4:0];
  assign y_double = q_sh + {31'd0, rd_rem > rd_thr};
  assign rnd      = (shr_r == 6'd0) ? 64'h8000000000000000 : (64'd1 << (shr_r - 6'd1));
  assign xr       = $signed(x_r + rnd) >>> shr_r;
  assign y_single = ($signed(xr) > $signed(64'h000000007fffffff)) ? 32'h7fffffff : ($signed(xr) < $signed(64'hffffffff80000000)) ? 32'h80000000 : xr[31:0];
  assign avg_q    = x_r >> 24;

  // Rounding and shift by mode.
  always @* begin
    case (mode_r)
      3'd0:    y = {{32{y_double[31]}}, y_double};
      3'd1:    y = {{32{y_single[31]}}, y_single};
      3'd2:    y = {{32{xr[31]}}, xr[31:0]};
      3'd5:    y = neg_r ? 64'd0 - avg_q : avg_q;
      default: y = keep_r;
    endcase
  end

  reg [63:0] y_r;       // R2: result before offset and clamp
  reg        scaled_r;  // R2: modes 0-2 (offset and clamp apply)
  reg [15:0] zout2_r;   // R2: z_out
  reg [15:0] min2_r;    // R2: act_min
  reg [15:0] max2_r;    // R2: act_max

  // Stage R2 registers.
  always @(posedge i_clk) begin
    y_r <= y;
    scaled_r <= mode_r < 3'd3;
    zout2_r <= zout_r;
    min2_r <= min_r;
    max2_r <= max_r;
  end

  wire unused_r2;  // x bits the modes do not use

  assign unused_r2 = &{1'b0, q64[63:32], xr[63:32]};

  wire [63:0] offset;  // z_out + y
  wire [63:0] lo;      // act_min, sign-extended
  wire [63:0] hi;      // act_max, sign-extended
  wire        below;   // offset < act_min
  wire        above;   // offset > act_max

  assign offset     = {{48{zout2_r[15]}}, zout2_r} + y_r;
  assign lo         = {{48{min2_r[15]}}, min2_r};
  assign hi         = {{48{max2_r[15]}}, max2_r};
  assign below      = $signed(offset) < $signed(lo);
  assign above      = $signed(offset) > $signed(hi);
  assign o_value    = !scaled_r ? y_r : below ? lo : above ? hi : offset;
  assign o_clamp_lo = scaled_r & below;
  assign o_clamp_hi = scaled_r & above;

endmodule

`default_nettype wire
