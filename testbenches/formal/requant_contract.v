`default_nettype none
// requant_contract: the requantiser's arithmetic contract (DESIGN.md §2, REFERENCES.md §1, docs/accelerator.md
// §3.5), written by hand as a behavioural model for the formal proof (testbenches/formal/README.md). It shares no
// code with the generator: it is the TFLite reference arithmetic on plain integers.
//
// The one product it needs (op_a · op_b) comes in on `prod`: the proof feeds it the implementation's multiplier
// output, after checking that the implementation multiplies the same operands (the multiplier itself is proven
// equal to a plain multiply on its own). Everything else is combinational integer arithmetic.
//
//   acc    = wrap(value + bias, ACC_BITS)
//   RAW    out = acc
//   DOUBLE y = RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(acc32 << shl, m), shr), with the SRDHM
//              divisor 2^M_BITS (2^31 in TFLite; the compiler scales m to M_BITS)
//   SINGLE y = sat32((acc32 · m + 2^(shr−1)) >> shr)
//   INT64  y = ((acc · m + 2^(shr−1)) >> shr) truncated to 32 bits   (16x8: int64 accumulator, 15-bit m)
//   modes DOUBLE, SINGLE, INT64: out = clamp(z_out + y, act_min, act_max); clamp_lo/hi say which bound applied
module requant_contract #(
  parameter ACC_BITS = 48,   // accumulator width (wrap of value + bias)
  parameter M_BITS   = 31    // hardware multiplier bits: the SRDHM divisor is 2^M_BITS
) (
  input  wire [2:0]         mode,      // 0 DOUBLE, 1 SINGLE, 2 INT64, 3 RAW
  input  wire [63:0]        value,     // accumulator or ADC code
  input  wire [63:0]        bias,
  input  wire [31:0]        m,         // multiplier, unsigned
  input  wire [5:0]         shr,
  input  wire [4:0]         shl,
  input  wire signed [15:0] zout,
  input  wire signed [15:0] amin,
  input  wire signed [15:0] amax,
  output reg  signed [63:0] op_a,      // the multiplicand this mode needs
  output wire        [31:0] op_b,      // the multiplier
  input  wire signed [95:0] prod,      // op_a * op_b
  output reg         [63:0] out,
  output reg                clamp_lo,
  output reg                clamp_hi
);
  localparam DOUBLE = 3'd0, SINGLE = 3'd1, INT64 = 3'd2, RAW = 3'd3;

  wire [ACC_BITS-1:0]  acc_w = value[ACC_BITS-1:0] + bias[ACC_BITS-1:0];
  wire signed [63:0]   acc   = {{(64 - ACC_BITS){acc_w[ACC_BITS-1]}}, acc_w};
  wire signed [31:0]   acc32 = acc_w[31:0];
  wire signed [31:0]   t     = acc32 << shl;                  // 32-bit, wraps like TFLite's int32

  assign op_b = m;
  always @* begin
    case (mode)
      DOUBLE:  op_a = t;
      SINGLE:  op_a = acc32;
      default: op_a = acc;
    endcase
  end

  // SaturatingRoundingDoublingHighMul(t, m) with divisor 2^M_BITS: nudge, then divide truncating toward zero.
  // (Its saturating case t = m = INT32_MIN cannot occur: m is unsigned and below 2^31.)
  wire signed [95:0] nudge   = (prod >= 0) ? (96'sd1 <<< (M_BITS - 1)) : (96'sd1 - (96'sd1 <<< (M_BITS - 1)));
  wire signed [95:0] nudged  = prod + nudge;
  wire signed [95:0] mag     = (nudged >= 0) ? nudged : -nudged;
  wire signed [95:0] quo     = mag >>> M_BITS;
  wire signed [31:0] srdhm   = (nudged >= 0) ? quo[31:0] : -quo[31:0];

  // RoundingDivideByPOT(x, e): arithmetic shift, ties away from zero.
  wire signed [31:0] mask      = (32'sd1 <<< shr) - 32'sd1;
  wire signed [31:0] remainder = srdhm & mask;
  wire signed [31:0] threshold = (mask >>> 1) + ((srdhm < 0) ? 32'sd1 : 32'sd0);
  wire signed [31:0] y_double  = (srdhm >>> shr) + ((remainder > threshold) ? 32'sd1 : 32'sd0);

  // SINGLE and INT64: one rounding, ties up.
  wire signed [95:0] rounded  = (prod + (96'sd1 <<< (shr - 6'd1))) >>> shr;
  wire signed [31:0] y_single = (rounded > 96'sd2147483647) ? 32'sh7fffffff
                              : (rounded < -96'sd2147483648) ? 32'sh80000000 : rounded[31:0];
  wire signed [31:0] y_int64  = rounded[31:0];

  reg  signed [31:0] y;
  wire signed [33:0] offset = zout + y;
  always @* begin
    case (mode)
      DOUBLE:  y = y_double;
      SINGLE:  y = y_single;
      default: y = y_int64;
    endcase
    clamp_lo = 1'b0;
    clamp_hi = 1'b0;
    if (mode == RAW) begin
      out = acc;
    end else if (offset < amin) begin
      out = {{48{amin[15]}}, amin};
      clamp_lo = 1'b1;
    end else if (offset > amax) begin
      out = {{48{amax[15]}}, amax};
      clamp_hi = 1'b1;
    end else begin
      out = {{30{offset[33]}}, offset};
    end
  end
endmodule
`default_nettype wire
