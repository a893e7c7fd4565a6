`default_nettype none
// requant_miter: the generated requantiser (module rq_impl, renamed by the proof script) against requant_contract
// for one value entering at step 0 and leaving at step LATENCY. The pipeline has no feedback, so that one
// transaction with every input free covers every value at every time. The operands reach the multiplier at step
// OPERAND_STEP (1 when the module registers its inputs), the product leaves it at PRODUCT_STEP. The multiplier output is a cut point: the
// script turns rq_impl's `product` into a free input (`x`, arriving PRODUCT_STEP steps after the operands), and
// this miter checks instead that rq_impl multiplies the contract's operands; BoothMultiplier is proven equal to a
// plain multiply on its own (booth_rows proof). Assumptions are the compiler's and the model validator's
// guarantees (LayerProgram, QModelValidator, QuantizedMultiplier); a violated assumption disables the check.
module requant_miter #(
  parameter PE           = 1,    // 1: the PE's requantiser (DOUBLE folds shl into the shift); 0: the input stage's
  parameter INT64        = 1,    // INT64 (16x8) mode exists
  parameter ACC_BITS     = 48,
  parameter M_BITS       = 31,
  parameter AW           = 48,   // rq_impl's multiplicand width (signed)
  parameter BW           = 31,   // rq_impl's multiplier width (unsigned)
  parameter PW           = 63,   // rq_impl's product width
  parameter LATENCY      = 2,    // steps from the inputs to o_value (at most 62)
  parameter OPERAND_STEP = 0,    // steps from the inputs to mul_a/mul_b (1 behind an input register)
  parameter PRODUCT_STEP = 0,    // steps from the inputs to the product (OPERAND_STEP + the multiplier's cuts)
  // Case split (a proof per case; -1 = any): the mode and the shifts, which turn the shifters into wires
  parameter CASE_MODE    = -1,
  parameter CASE_SHR     = -1,
  parameter CASE_SHL     = -1
) (
  input  wire          i_clk,
  input  wire [2:0]    mode_in,
  input  wire [63:0]   value,
  input  wire [63:0]   bias,
  input  wire [31:0]   m,
  input  wire [5:0]    shr_in,
  input  wire [4:0]    shl_in,
  input  wire [4:0]    count,
  input  wire [15:0]   zout,
  input  wire [15:0]   amin,
  input  wire [15:0]   amax,
  input  wire [PW-1:0] x,         // the cut multiplier output
  // Non-vacuity probe: with probe = 1 the result check fails whenever it is reached, so ABC must find a run in
  // which the assumptions hold and step LATENCY comes (the driver fixes probe = 0 for the proof, 1 for the cover)
  input  wire          probe
);
  wire [2:0] mode = (CASE_MODE < 0) ? mode_in : CASE_MODE;
  wire [5:0] shr  = (CASE_SHR < 0) ? shr_in : CASE_SHR;
  wire [4:0] shl  = (CASE_SHL < 0) ? shl_in : CASE_SHL;

  reg [5:0] step = 6'd0;
  always @(posedge i_clk) if (step != 6'd63) step <= step + 6'd1;

  wire [AW-1:0] mul_a;
  wire [BW-1:0] mul_b;
  wire [63:0]   o_value;
  wire          o_clamp_lo, o_clamp_hi;
  rq_impl impl (
    .i_clk(i_clk), .i_mode(mode), .i_value(value), .i_bias(bias), .i_m(m), .i_shr(shr), .i_shl(shl),
    .i_count(count), .i_zout(zout), .i_min(amin), .i_max(amax),
    .o_value(o_value), .o_clamp_lo(o_clamp_lo), .o_clamp_hi(o_clamp_hi),
    .mul_a(mul_a), .mul_b(mul_b), .\product.i (x));

  // ---- the compiler's guarantees on the inputs of step 0 ----
  wire signed [31:0] acc32   = value[31:0] + bias[31:0];
  wire signed [63:0] acc_w   = value + bias;
  wire signed [63:0] acc     = {{(64 - ACC_BITS){acc_w[ACC_BITS-1]}}, acc_w[ACC_BITS-1:0]};
  wire               m_fits  = (mode == 3'd2) ? (m < 32'd32768) : (m < (33'd1 << M_BITS));
  wire signed [31:0] acc_shl = acc32 << shl;
  wire               g_mode  = (mode == 3'd0) || (mode == 3'd1) || (mode == 3'd3) || (INT64 && mode == 3'd2);
  wire               g_double = mode != 3'd0 || (shr <= 6'd31 && shl <= 5'd30 && (shl == 5'd0 || shr == 6'd0)
                                 && (!PE || (acc_shl >>> shl) == acc32));       // PE: acc << shl fits int32
  wire               g_single = mode != 3'd1 || (shr >= 6'd1 && shr <= M_BITS + 31);
  wire               g_int64  = mode != 3'd2 || (shr >= 6'd1 && shr <= 6'd46
                                 && acc >= -(64'sd1 <<< 47) && acc < (64'sd1 <<< 47));
  wire               g_clamp  = $signed(amin) <= $signed(amax);
  wire               g_code   = PE || (value[63:15] == {49{value[15]}});          // input stage: a 16-bit code
  wire               guaranteed = g_mode && m_fits && g_double && g_single && g_int64 && g_clamp && g_code;

  // ---- the contract on the inputs of step 0 (operands) and on the captured inputs (result) ----
  wire signed [63:0] op_a_now;
  wire        [31:0] op_b_now;
  wire        [63:0] unused_out;
  wire               unused_lo, unused_hi;
  requant_contract #(.ACC_BITS(ACC_BITS), .M_BITS(M_BITS)) now (
    .mode(mode), .value(value), .bias(bias), .m(m), .shr(shr), .shl(shl), .zout(zout), .amin(amin), .amax(amax),
    .op_a(op_a_now), .op_b(op_b_now), .prod(96'sd0), .out(unused_out), .clamp_lo(unused_lo), .clamp_hi(unused_hi));
  // The PE's DOUBLE multiplies acc32 and shifts the product by shl instead (exact: acc << shl fits int32).
  wire [4:0]         k_now    = (PE && mode == 3'd0) ? shl : 5'd0;
  wire               multiplies = mode != 3'd3;
  wire signed [63:0] a_now    = $signed(mul_a);
  reg [2:0]  mode_r;  reg [63:0] value_r, bias_r;  reg [31:0] m_r;  reg [5:0] shr_r;  reg [4:0] shl_r, k_r;
  reg [15:0] zout_r, amin_r, amax_r;  reg ok_r, mul_r;  reg signed [63:0] op_a_r;  reg [31:0] op_b_r;
  always @(posedge i_clk) if (step == 6'd0) begin
    mode_r <= mode; value_r <= value; bias_r <= bias; m_r <= m; shr_r <= shr; shl_r <= shl; k_r <= k_now;
    zout_r <= zout; amin_r <= amin; amax_r <= amax; ok_r <= guaranteed; mul_r <= multiplies;
    op_a_r <= op_a_now; op_b_r <= op_b_now;
  end

  // At OPERAND_STEP the multiplier reads the contract's operands of the step-0 inputs.
  wire               ok_ops   = (OPERAND_STEP == 0) ? (guaranteed && multiplies) : (ok_r && mul_r);
  wire signed [63:0] op_a_ref = (OPERAND_STEP == 0) ? op_a_now : op_a_r;
  wire        [31:0] op_b_ref = (OPERAND_STEP == 0) ? op_b_now : op_b_r;
  wire        [4:0]  k_ref    = (OPERAND_STEP == 0) ? k_now : k_r;
  wire               same_ops = (a_now <<< k_ref) == op_a_ref && {{(64 - BW){1'b0}}, mul_b} == {32'd0, op_b_ref};
  reg signed [AW-1:0] a_r;  reg [BW-1:0] b_r;
  always @(posedge i_clk) if (step == OPERAND_STEP) begin a_r <= mul_a; b_r <= mul_b; end

  // The product arrives at PRODUCT_STEP; its range is that of a_r * b_r (the cut loses only that).
  wire signed [AW-1:0] a_x   = (PRODUCT_STEP == OPERAND_STEP) ? $signed(mul_a) : a_r;
  wire        [BW-1:0] b_x   = (PRODUCT_STEP == OPERAND_STEP) ? mul_b : b_r;
  wire signed [AW+BW+1:0] xs = $signed(x);
  wire signed [AW+BW+1:0] bound = ($signed(a_x) <<< BW) - $signed(a_x);      // a * (2^BW - 1)
  wire               x_in_range = (a_x >= 0) ? (xs >= 0 && xs <= bound) : (xs <= 0 && xs >= bound);
  reg signed [PW-1:0] x_r;  reg x_ok_r;
  always @(posedge i_clk) if (step == PRODUCT_STEP) begin x_r <= x; x_ok_r <= x_in_range; end

  wire signed [95:0] x_wide = x_r;
  wire signed [95:0] x_spec = x_wide <<< k_r;
  wire [63:0] want;
  wire        want_lo, want_hi;
  wire signed [63:0] unused_a;
  wire        [31:0] unused_b;
  requant_contract #(.ACC_BITS(ACC_BITS), .M_BITS(M_BITS)) spec (
    .mode(mode_r), .value(value_r), .bias(bias_r), .m(m_r), .shr(shr_r), .shl(shl_r), .zout(zout_r),
    .amin(amin_r), .amax(amax_r), .op_a(unused_a), .op_b(unused_b), .prod(x_spec),
    .out(want), .clamp_lo(want_lo), .clamp_hi(want_hi));

  always @* begin
    if (step == OPERAND_STEP) assert(!ok_ops || same_ops);
    if (step == LATENCY) assert(!(ok_r && x_ok_r) || (!probe && o_value == want && o_clamp_lo == want_lo
                                                       && o_clamp_hi == want_hi));
  end
endmodule
`default_nettype wire
