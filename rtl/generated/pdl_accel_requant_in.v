// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

`default_nettype none

// pdl_accel_requant_in: requantiser, docs/accelerator.md sections 3.5 and 3.6 (RequantUnit in Java).
// Input-stage variant: 0 DOUBLE (SRDHM with 2^31), 1 SINGLE, 3 RAW.
// Exact for any 16-bit code and 64-bit bias.
// Stage R1: bias add, wrap to 48 bits, multiply (32x31 radix-4 Booth rows in fabric). Stage R2: round and shift.
// Output (combinational, cycle t+2): clamp(z_out + y, act_min, act_max) for modes 0-2.
module pdl_accel_requant_in (
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
  output wire [63:0] o_value,     // result, 2 cycles after the inputs
  output wire        o_clamp_lo,  // the result was clamped at act_min
  output wire        o_clamp_hi   // the result was clamped at act_max
);

  wire [47:0] acc;  // wrap(value + bias, acc_bits)

  assign acc = i_value[47:0] + i_bias[47:0];

  wire [31:0] acc32;  // acc[31:0] (int32 paths)

  assign acc32 = acc[31:0];

  reg [31:0] mul_a;  // multiplicand, signed

  wire [30:0] mul_b;    // multiplier, unsigned
  wire [62:0] product;  // mul_a * mul_b (fits 63 bits signed)
  wire [31:0] acc_shl;  // DOUBLE: acc[31:0] << shl (wraps like Java's int)

  assign acc_shl = acc32 << i_shl;

  // Multiplicand by mode: the reciprocal for AVG.
  always @* begin
    case (i_mode)
      3'd0:    mul_a = acc_shl;
      3'd1:    mul_a = acc32;
      default: mul_a = 32'd0;
    endcase
  end

  assign mul_b = i_m[30:0];

  // Simulation speed under Verilator (docs/performance.md): the rows below as one multiply.
  // Equal to the rows by the Booth proof, row by row (hls-gen RequantFormalCiTest for the shipped depths, RequantFormalTest for every depth; testbenches/formal).
  // Synthesis (Yosys, Vivado), Icarus and the formal proofs do not define VERILATOR: they read the rows.
  `ifdef VERILATOR

  wire [62:0] mul_s16;  // the rows' partial sum, as one multiply

  assign mul_s16 = {{31{mul_a[31]}}, mul_a} * {32'd0, mul_b};

  wire unused_mul_rows;  // the rows' inputs Verilator does not read

  assign unused_mul_rows = &{1'b0, mul_a, mul_b};

  `else

  wire [31:0] mul_s0;  // multiplier row 0: mul_b[0] * mul_a

  assign mul_s0 = {32{mul_b[0]}} & mul_a;

  wire [32:0] mul_a2;  // mul_a, sign-extended by one bit

  assign mul_a2 = {{1{mul_a[31]}}, mul_a};

  wire        mul_one1;  // digit 0 is +-1
  wire        mul_two1;  // digit 0 is +-2
  wire        mul_neg1;  // digit 0 is negative
  wire [32:0] mul_r1;    // row 1: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d1;    // row 1: 2 * (upper sum + row) + 1
  wire [34:0] mul_s1;    // partial product after row 1

  assign mul_one1 = mul_b[1] ^ 1'b0;
  assign mul_two1 = mul_b[2] ? (~mul_b[1] & ~1'b0) : (mul_b[1] & 1'b0);
  assign mul_neg1 = mul_b[2] & ~(mul_b[1] & 1'b0);
  assign mul_r1   = ({33{mul_one1}} & mul_a2 | {33{mul_two1}} & {mul_a, 1'b0}) ^ {33{mul_neg1}};
  assign mul_d1   = {{{3{mul_s0[31]}}, mul_s0[31:1]}, mul_neg1} - {~{{1{mul_r1[32]}}, mul_r1}, 1'b1};
  assign mul_s1   = {mul_d1[34:1], mul_s0[0:0]};

  wire        mul_one2;  // digit 1 is +-1
  wire        mul_two2;  // digit 1 is +-2
  wire        mul_neg2;  // digit 1 is negative
  wire [32:0] mul_r2;    // row 2: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d2;    // row 2: 2 * (upper sum + row) + 1
  wire [36:0] mul_s2;    // partial product after row 2

  assign mul_one2 = mul_b[3] ^ mul_b[2];
  assign mul_two2 = mul_b[4] ? (~mul_b[3] & ~mul_b[2]) : (mul_b[3] & mul_b[2]);
  assign mul_neg2 = mul_b[4] & ~(mul_b[3] & mul_b[2]);
  assign mul_r2   = ({33{mul_one2}} & mul_a2 | {33{mul_two2}} & {mul_a, 1'b0}) ^ {33{mul_neg2}};
  assign mul_d2   = {{{2{mul_s1[34]}}, mul_s1[34:3]}, mul_neg2} - {~{{1{mul_r2[32]}}, mul_r2}, 1'b1};
  assign mul_s2   = {mul_d2[34:1], mul_s1[2:0]};

  wire        mul_one3;  // digit 2 is +-1
  wire        mul_two3;  // digit 2 is +-2
  wire        mul_neg3;  // digit 2 is negative
  wire [32:0] mul_r3;    // row 3: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d3;    // row 3: 2 * (upper sum + row) + 1
  wire [38:0] mul_s3;    // partial product after row 3

  assign mul_one3 = mul_b[5] ^ mul_b[4];
  assign mul_two3 = mul_b[6] ? (~mul_b[5] & ~mul_b[4]) : (mul_b[5] & mul_b[4]);
  assign mul_neg3 = mul_b[6] & ~(mul_b[5] & mul_b[4]);
  assign mul_r3   = ({33{mul_one3}} & mul_a2 | {33{mul_two3}} & {mul_a, 1'b0}) ^ {33{mul_neg3}};
  assign mul_d3   = {{{2{mul_s2[36]}}, mul_s2[36:5]}, mul_neg3} - {~{{1{mul_r3[32]}}, mul_r3}, 1'b1};
  assign mul_s3   = {mul_d3[34:1], mul_s2[4:0]};

  wire        mul_one4;  // digit 3 is +-1
  wire        mul_two4;  // digit 3 is +-2
  wire        mul_neg4;  // digit 3 is negative
  wire [32:0] mul_r4;    // row 4: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d4;    // row 4: 2 * (upper sum + row) + 1
  wire [40:0] mul_s4;    // partial product after row 4

  assign mul_one4 = mul_b[7] ^ mul_b[6];
  assign mul_two4 = mul_b[8] ? (~mul_b[7] & ~mul_b[6]) : (mul_b[7] & mul_b[6]);
  assign mul_neg4 = mul_b[8] & ~(mul_b[7] & mul_b[6]);
  assign mul_r4   = ({33{mul_one4}} & mul_a2 | {33{mul_two4}} & {mul_a, 1'b0}) ^ {33{mul_neg4}};
  assign mul_d4   = {{{2{mul_s3[38]}}, mul_s3[38:7]}, mul_neg4} - {~{{1{mul_r4[32]}}, mul_r4}, 1'b1};
  assign mul_s4   = {mul_d4[34:1], mul_s3[6:0]};

  wire        mul_one5;  // digit 4 is +-1
  wire        mul_two5;  // digit 4 is +-2
  wire        mul_neg5;  // digit 4 is negative
  wire [32:0] mul_r5;    // row 5: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d5;    // row 5: 2 * (upper sum + row) + 1
  wire [42:0] mul_s5;    // partial product after row 5

  assign mul_one5 = mul_b[9] ^ mul_b[8];
  assign mul_two5 = mul_b[10] ? (~mul_b[9] & ~mul_b[8]) : (mul_b[9] & mul_b[8]);
  assign mul_neg5 = mul_b[10] & ~(mul_b[9] & mul_b[8]);
  assign mul_r5   = ({33{mul_one5}} & mul_a2 | {33{mul_two5}} & {mul_a, 1'b0}) ^ {33{mul_neg5}};
  assign mul_d5   = {{{2{mul_s4[40]}}, mul_s4[40:9]}, mul_neg5} - {~{{1{mul_r5[32]}}, mul_r5}, 1'b1};
  assign mul_s5   = {mul_d5[34:1], mul_s4[8:0]};

  wire        mul_one6;  // digit 5 is +-1
  wire        mul_two6;  // digit 5 is +-2
  wire        mul_neg6;  // digit 5 is negative
  wire [32:0] mul_r6;    // row 6: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d6;    // row 6: 2 * (upper sum + row) + 1
  wire [44:0] mul_s6;    // partial product after row 6

  assign mul_one6 = mul_b[11] ^ mul_b[10];
  assign mul_two6 = mul_b[12] ? (~mul_b[11] & ~mul_b[10]) : (mul_b[11] & mul_b[10]);
  assign mul_neg6 = mul_b[12] & ~(mul_b[11] & mul_b[10]);
  assign mul_r6   = ({33{mul_one6}} & mul_a2 | {33{mul_two6}} & {mul_a, 1'b0}) ^ {33{mul_neg6}};
  assign mul_d6   = {{{2{mul_s5[42]}}, mul_s5[42:11]}, mul_neg6} - {~{{1{mul_r6[32]}}, mul_r6}, 1'b1};
  assign mul_s6   = {mul_d6[34:1], mul_s5[10:0]};

  wire        mul_one7;  // digit 6 is +-1
  wire        mul_two7;  // digit 6 is +-2
  wire        mul_neg7;  // digit 6 is negative
  wire [32:0] mul_r7;    // row 7: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d7;    // row 7: 2 * (upper sum + row) + 1
  wire [46:0] mul_s7;    // partial product after row 7

  assign mul_one7 = mul_b[13] ^ mul_b[12];
  assign mul_two7 = mul_b[14] ? (~mul_b[13] & ~mul_b[12]) : (mul_b[13] & mul_b[12]);
  assign mul_neg7 = mul_b[14] & ~(mul_b[13] & mul_b[12]);
  assign mul_r7   = ({33{mul_one7}} & mul_a2 | {33{mul_two7}} & {mul_a, 1'b0}) ^ {33{mul_neg7}};
  assign mul_d7   = {{{2{mul_s6[44]}}, mul_s6[44:13]}, mul_neg7} - {~{{1{mul_r7[32]}}, mul_r7}, 1'b1};
  assign mul_s7   = {mul_d7[34:1], mul_s6[12:0]};

  wire        mul_one8;  // digit 7 is +-1
  wire        mul_two8;  // digit 7 is +-2
  wire        mul_neg8;  // digit 7 is negative
  wire [32:0] mul_r8;    // row 8: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d8;    // row 8: 2 * (upper sum + row) + 1
  wire [48:0] mul_s8;    // partial product after row 8

  assign mul_one8 = mul_b[15] ^ mul_b[14];
  assign mul_two8 = mul_b[16] ? (~mul_b[15] & ~mul_b[14]) : (mul_b[15] & mul_b[14]);
  assign mul_neg8 = mul_b[16] & ~(mul_b[15] & mul_b[14]);
  assign mul_r8   = ({33{mul_one8}} & mul_a2 | {33{mul_two8}} & {mul_a, 1'b0}) ^ {33{mul_neg8}};
  assign mul_d8   = {{{2{mul_s7[46]}}, mul_s7[46:15]}, mul_neg8} - {~{{1{mul_r8[32]}}, mul_r8}, 1'b1};
  assign mul_s8   = {mul_d8[34:1], mul_s7[14:0]};

  wire        mul_one9;  // digit 8 is +-1
  wire        mul_two9;  // digit 8 is +-2
  wire        mul_neg9;  // digit 8 is negative
  wire [32:0] mul_r9;    // row 9: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d9;    // row 9: 2 * (upper sum + row) + 1
  wire [50:0] mul_s9;    // partial product after row 9

  assign mul_one9 = mul_b[17] ^ mul_b[16];
  assign mul_two9 = mul_b[18] ? (~mul_b[17] & ~mul_b[16]) : (mul_b[17] & mul_b[16]);
  assign mul_neg9 = mul_b[18] & ~(mul_b[17] & mul_b[16]);
  assign mul_r9   = ({33{mul_one9}} & mul_a2 | {33{mul_two9}} & {mul_a, 1'b0}) ^ {33{mul_neg9}};
  assign mul_d9   = {{{2{mul_s8[48]}}, mul_s8[48:17]}, mul_neg9} - {~{{1{mul_r9[32]}}, mul_r9}, 1'b1};
  assign mul_s9   = {mul_d9[34:1], mul_s8[16:0]};

  wire        mul_one10;  // digit 9 is +-1
  wire        mul_two10;  // digit 9 is +-2
  wire        mul_neg10;  // digit 9 is negative
  wire [32:0] mul_r10;    // row 10: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d10;    // row 10: 2 * (upper sum + row) + 1
  wire [52:0] mul_s10;    // partial product after row 10

  assign mul_one10 = mul_b[19] ^ mul_b[18];
  assign mul_two10 = mul_b[20] ? (~mul_b[19] & ~mul_b[18]) : (mul_b[19] & mul_b[18]);
  assign mul_neg10 = mul_b[20] & ~(mul_b[19] & mul_b[18]);
  assign mul_r10   = ({33{mul_one10}} & mul_a2 | {33{mul_two10}} & {mul_a, 1'b0}) ^ {33{mul_neg10}};
  assign mul_d10   = {{{2{mul_s9[50]}}, mul_s9[50:19]}, mul_neg10} - {~{{1{mul_r10[32]}}, mul_r10}, 1'b1};
  assign mul_s10   = {mul_d10[34:1], mul_s9[18:0]};

  wire        mul_one11;  // digit 10 is +-1
  wire        mul_two11;  // digit 10 is +-2
  wire        mul_neg11;  // digit 10 is negative
  wire [32:0] mul_r11;    // row 11: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d11;    // row 11: 2 * (upper sum + row) + 1
  wire [54:0] mul_s11;    // partial product after row 11

  assign mul_one11 = mul_b[21] ^ mul_b[20];
  assign mul_two11 = mul_b[22] ? (~mul_b[21] & ~mul_b[20]) : (mul_b[21] & mul_b[20]);
  assign mul_neg11 = mul_b[22] & ~(mul_b[21] & mul_b[20]);
  assign mul_r11   = ({33{mul_one11}} & mul_a2 | {33{mul_two11}} & {mul_a, 1'b0}) ^ {33{mul_neg11}};
  assign mul_d11   = {{{2{mul_s10[52]}}, mul_s10[52:21]}, mul_neg11} - {~{{1{mul_r11[32]}}, mul_r11}, 1'b1};
  assign mul_s11   = {mul_d11[34:1], mul_s10[20:0]};

  wire        mul_one12;  // digit 11 is +-1
  wire        mul_two12;  // digit 11 is +-2
  wire        mul_neg12;  // digit 11 is negative
  wire [32:0] mul_r12;    // row 12: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d12;    // row 12: 2 * (upper sum + row) + 1
  wire [56:0] mul_s12;    // partial product after row 12

  assign mul_one12 = mul_b[23] ^ mul_b[22];
  assign mul_two12 = mul_b[24] ? (~mul_b[23] & ~mul_b[22]) : (mul_b[23] & mul_b[22]);
  assign mul_neg12 = mul_b[24] & ~(mul_b[23] & mul_b[22]);
  assign mul_r12   = ({33{mul_one12}} & mul_a2 | {33{mul_two12}} & {mul_a, 1'b0}) ^ {33{mul_neg12}};
  assign mul_d12   = {{{2{mul_s11[54]}}, mul_s11[54:23]}, mul_neg12} - {~{{1{mul_r12[32]}}, mul_r12}, 1'b1};
  assign mul_s12   = {mul_d12[34:1], mul_s11[22:0]};

  wire        mul_one13;  // digit 12 is +-1
  wire        mul_two13;  // digit 12 is +-2
  wire        mul_neg13;  // digit 12 is negative
  wire [32:0] mul_r13;    // row 13: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d13;    // row 13: 2 * (upper sum + row) + 1
  wire [58:0] mul_s13;    // partial product after row 13

  assign mul_one13 = mul_b[25] ^ mul_b[24];
  assign mul_two13 = mul_b[26] ? (~mul_b[25] & ~mul_b[24]) : (mul_b[25] & mul_b[24]);
  assign mul_neg13 = mul_b[26] & ~(mul_b[25] & mul_b[24]);
  assign mul_r13   = ({33{mul_one13}} & mul_a2 | {33{mul_two13}} & {mul_a, 1'b0}) ^ {33{mul_neg13}};
  assign mul_d13   = {{{2{mul_s12[56]}}, mul_s12[56:25]}, mul_neg13} - {~{{1{mul_r13[32]}}, mul_r13}, 1'b1};
  assign mul_s13   = {mul_d13[34:1], mul_s12[24:0]};

  wire        mul_one14;  // digit 13 is +-1
  wire        mul_two14;  // digit 13 is +-2
  wire        mul_neg14;  // digit 13 is negative
  wire [32:0] mul_r14;    // row 14: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d14;    // row 14: 2 * (upper sum + row) + 1
  wire [60:0] mul_s14;    // partial product after row 14

  assign mul_one14 = mul_b[27] ^ mul_b[26];
  assign mul_two14 = mul_b[28] ? (~mul_b[27] & ~mul_b[26]) : (mul_b[27] & mul_b[26]);
  assign mul_neg14 = mul_b[28] & ~(mul_b[27] & mul_b[26]);
  assign mul_r14   = ({33{mul_one14}} & mul_a2 | {33{mul_two14}} & {mul_a, 1'b0}) ^ {33{mul_neg14}};
  assign mul_d14   = {{{2{mul_s13[58]}}, mul_s13[58:27]}, mul_neg14} - {~{{1{mul_r14[32]}}, mul_r14}, 1'b1};
  assign mul_s14   = {mul_d14[34:1], mul_s13[26:0]};

  wire        mul_one15;  // digit 14 is +-1
  wire        mul_two15;  // digit 14 is +-2
  wire        mul_neg15;  // digit 14 is negative
  wire [32:0] mul_r15;    // row 15: |digit| * mul_a, inverted when negative
  wire [34:0] mul_d15;    // row 15: 2 * (upper sum + row) + 1
  wire [62:0] mul_s15;    // partial product after row 15

  assign mul_one15 = mul_b[29] ^ mul_b[28];
  assign mul_two15 = mul_b[30] ? (~mul_b[29] & ~mul_b[28]) : (mul_b[29] & mul_b[28]);
  assign mul_neg15 = mul_b[30] & ~(mul_b[29] & mul_b[28]);
  assign mul_r15   = ({33{mul_one15}} & mul_a2 | {33{mul_two15}} & {mul_a, 1'b0}) ^ {33{mul_neg15}};
  assign mul_d15   = {{{2{mul_s14[60]}}, mul_s14[60:29]}, mul_neg15} - {~{{1{mul_r15[32]}}, mul_r15}, 1'b1};
  assign mul_s15   = {mul_d15[34:1], mul_s14[28:0]};

  wire        mul_one16;  // digit 15 is +-1
  wire        mul_two16;  // digit 15 is +-2
  wire        mul_neg16;  // digit 15 is negative
  wire [32:0] mul_r16;    // row 16: |digit| * mul_a, inverted when negative
  wire [32:0] mul_d16;    // row 16: 2 * (upper sum + row) + 1
  wire [62:0] mul_s16;    // partial product after row 16

  assign mul_one16 = 1'b0 ^ mul_b[30];
  assign mul_two16 = 1'b0 ? (~1'b0 & ~mul_b[30]) : (1'b0 & mul_b[30]);
  assign mul_neg16 = 1'b0 & ~(1'b0 & mul_b[30]);
  assign mul_r16   = ({33{mul_one16}} & mul_a2 | {33{mul_two16}} & {mul_a, 1'b0}) ^ {33{mul_neg16}};
  assign mul_d16   = {mul_s15[62:31], mul_neg16} - {~mul_r16[31:0], 1'b1};
  assign mul_s16   = {mul_d16[32:1], mul_s15[30:0]};

  wire unused_mul_rows;  // row LSBs (always 1) and row bits above the product

  assign unused_mul_rows = &{1'b0, mul_d1[0], mul_d2[0], mul_d3[0], mul_d4[0], mul_d5[0], mul_d6[0], mul_d7[0], mul_d8[0], mul_d9[0], mul_d10[0], mul_d11[0], mul_d12[0], mul_d13[0], mul_d14[0], mul_d15[0], mul_d16[0], mul_r16[32:32]};

  `endif

  assign product = mul_s16;

  wire [5:0] sh;   // R2 shift: SINGLE/INT64 shr - 1; DOUBLE shr (after the first rounding)
  wire       two;  // DOUBLE with two roundings (SRDHM, then RoundingDivideByPOT)

  assign two = (i_mode == 3'd0);
  assign sh  = two ? i_shr : i_shr - 6'd1;

  reg [62:0] x_r;        // R1: product
  reg [47:0] keep_r;     // R1: RAW accumulator
  reg [5:0]  sh_r;       // R1: R2 shift
  reg        two_r;      // R1: DOUBLE, two roundings
  reg        sat_r;      // R1: SINGLE (saturates)
  reg        pass_r;     // R1: RAW or MAX (keep_r passes)
  reg        scaled1_r;  // R1: modes 0-2 (offset and clamp apply)
  reg [15:0] zout_r;     // R1: z_out
  reg [15:0] min_r;      // R1: act_min
  reg [15:0] max_r;      // R1: act_max

  // Stage R1 registers.
  always @(posedge i_clk) begin
    x_r <= product;
    keep_r <= acc;
    sh_r <= sh;
    two_r <= two;
    sat_r <= i_mode == 3'd1;
    pass_r <= i_mode == 3'd3;
    scaled1_r <= i_mode < 3'd3;
    zout_r <= i_zout;
    min_r <= i_min;
    max_r <= i_max;
  end

  wire [33:0] xs;     // DOUBLE: x >> (M - 1)
  wire        xs_dn;  // DOUBLE: q < 0 (xs <= -2) and shr > 0
  wire [33:0] xt;     // DOUBLE: 2q' + (0 or 1) = xs +- 1
  wire [33:0] xd;     // DOUBLE: 2q'
  wire [62:0] xx;     // shifter input: 2q' (DOUBLE, two roundings), else the product
  wire [32:0] sa;     // xx >>> sh
  wire [33:0] sb;     // sa + 1
  wire        ovf;    // SINGLE: xx >>> sh does not fit 33 bits (saturate)
  wire [31:0] y32;    // stage R2 result of modes 0-2

  reg [47:0] y;  // stage R2 result by mode

  assign xs    = {{1{x_r[62]}}, x_r[62:30]};
  assign xs_dn = xs[33] & ~(&xs) & (sh_r != 6'd0);
  assign xt    = xs + {{33{xs_dn}}, 1'b1};
  assign xd    = {xt[33:1], 1'b0};
  assign xx    = two_r ? {{29{xd[33]}}, xd} : x_r;

  wire [62:0] xx_sh;  // xx >>> sh (upper bits unused)

  assign xx_sh = $signed(xx) >>> sh_r;
  assign sa    = xx_sh[32:0];
  assign ovf   = 1'b0 | ((x_r[32] ^ x_r[62]) & (sh_r <= 6'd0)) | ((x_r[33] ^ x_r[62]) & (sh_r <= 6'd1)) | ((x_r[34] ^ x_r[62]) & (sh_r <= 6'd2)) | ((x_r[35] ^ x_r[62]) & (sh_r <= 6'd3)) | ((x_r[36] ^ x_r[62]) & (sh_r <= 6'd4)) | ((x_r[37] ^ x_r[62]) & (sh_r <= 6'd5)) | ((x_r[38] ^ x_r[62]) & (sh_r <= 6'd6)) | ((x_r[39] ^ x_r[62]) & (sh_r <= 6'd7)) | ((x_r[40] ^ x_r[62]) & (sh_r <= 6'd8)) | ((x_r[41] ^ x_r[62]) & (sh_r <= 6'd9)) | ((x_r[42] ^ x_r[62]) & (sh_r <= 6'd10)) | ((x_r[43] ^ x_r[62]) & (sh_r <= 6'd11)) | ((x_r[44] ^ x_r[62]) & (sh_r <= 6'd12)) | ((x_r[45] ^ x_r[62]) & (sh_r <= 6'd13)) | ((x_r[46] ^ x_r[62]) & (sh_r <= 6'd14)) | ((x_r[47] ^ x_r[62]) & (sh_r <= 6'd15)) | ((x_r[48] ^ x_r[62]) & (sh_r <= 6'd16)) | ((x_r[49] ^ x_r[62]) & (sh_r <= 6'd17)) | ((x_r[50] ^ x_r[62]) & (sh_r <= 6'd18)) | ((x_r[51] ^ x_r[62]) & (sh_r <= 6'd19)) | ((x_r[52] ^ x_r[62]) & (sh_r <= 6'd20)) | ((x_r[53] ^ x_r[62]) & (sh_r <= 6'd21)) | ((x_r[54] ^ x_r[62]) & (sh_r <= 6'd22)) | ((x_r[55] ^ x_r[62]) & (sh_r <= 6'd23)) | ((x_r[56] ^ x_r[62]) & (sh_r <= 6'd24)) | ((x_r[57] ^ x_r[62]) & (sh_r <= 6'd25)) | ((x_r[58] ^ x_r[62]) & (sh_r <= 6'd26)) | ((x_r[59] ^ x_r[62]) & (sh_r <= 6'd27)) | ((x_r[60] ^ x_r[62]) & (sh_r <= 6'd28)) | ((x_r[61] ^ x_r[62]) & (sh_r <= 6'd29));
  assign sb    = {sa[32], sa} + 34'd1;
  assign y32   = (sat_r && (ovf || (sb[33] != sb[32]))) ? ((ovf && x_r[62]) ? 32'h80000000 : 32'h7fffffff) : sb[32:1];

  // Result by mode: kept value or the rounded shift.
  always @* begin
    y = pass_r ? keep_r : {{16{y32[31]}}, y32};
  end

  reg [47:0] y_r;       // R2: result before offset and clamp
  reg        scaled_r;  // R2: modes 0-2 (offset and clamp apply)
  reg [15:0] zout2_r;   // R2: z_out
  reg [15:0] min2_r;    // R2: act_min
  reg [15:0] max2_r;    // R2: act_max

  // Stage R2 registers.
  always @(posedge i_clk) begin
    y_r <= y;
    scaled_r <= scaled1_r;
    zout2_r <= zout_r;
    min2_r <= min_r;
    max2_r <= max_r;
  end

  wire [32:0] offset;   // z_out + y
  wire        below;    // offset < act_min
  wire        above;    // offset > act_max
  wire [15:0] clamped;  // clamp(offset, act_min, act_max)

  assign offset     = {{17{zout2_r[15]}}, zout2_r} + {{1{y_r[31]}}, y_r[31:0]};
  assign below      = $signed(offset) < $signed({{17{min2_r[15]}}, min2_r});
  assign above      = $signed(offset) > $signed({{17{max2_r[15]}}, max2_r});
  assign clamped    = below ? min2_r : above ? max2_r : offset[15:0];
  assign o_value    = scaled_r ? {{48{clamped[15]}}, clamped} : {{16{y_r[47]}}, y_r};
  assign o_clamp_lo = scaled_r & below;
  assign o_clamp_hi = scaled_r & above;

  wire unused_rq;  // input bits above the widths the modes use

  assign unused_rq = &{1'b0, i_m[31:31], xx_sh[62:33], sb[0], xt[0], i_bias[63:48], i_value[63:48], i_count};

endmodule

`default_nettype wire
