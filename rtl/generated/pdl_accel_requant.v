// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:aa043e963052ef54fc6966fb1c8b19f89836dd78cc3448ffec4993afc7b4b058

`default_nettype none

// pdl_accel_requant: requantiser, docs/accelerator.md sections 3.5 and 3.6 (RequantUnit in Java).
// Modes: 0 DOUBLE (SRDHM with 2^31, then RoundingDivideByPOT), 1 SINGLE, 2 INT64 (16x8),
// 3 RAW (wrap(value + bias)), 4 MAX (pass), 5 AVG (((|sum| + n/2) * ceil(2^24/n)) >> 24).
// Stage R1: bias add, wrap to 48 bits, multiply (48x31 fabric shift-and-add rows). Stage R2: round and shift.
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
  reg [47:0] mul_a;  // multiplicand, signed

  wire [30:0] mul_b;    // multiplier, unsigned
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
      3'd0:    mul_a = {{16{acc_shl[31]}}, acc_shl};
      3'd1:    mul_a = {{16{acc[31]}}, acc[31:0]};
      3'd2:    mul_a = acc[47:0];
      3'd5:    mul_a = avg_a[47:0];
      default: mul_a = 48'd0;
    endcase
  end

  assign mul_b = (i_mode == 3'd5) ? {6'd0, recip} : i_m[30:0];

  wire unused_mul;  // operand bits above the multiplier widths (zero for valid parameters)

  assign unused_mul = &{1'b0, avg_a[63:48], i_m[31:31]};

  wire [48:0] mul_s0;  // multiplier row 0

  assign mul_s0 = {49{mul_b[0]}} & {{1{mul_a[47]}}, mul_a};

  wire [47:0] mul_u1;  // row 0 bits 48:1
  wire [49:0] mul_d1;  // row 1: 2 * (upper sum) + 1
  wire [49:0] mul_s1;  // partial product after mul_b[1]

  assign mul_u1 = mul_s0[48:1];
  assign mul_d1 = {{{1{mul_u1[47]}}, mul_u1}, 1'b0} - {~({49{mul_b[1]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s1 = {mul_d1[49:1], mul_s0[0:0]};

  wire [47:0] mul_u2;  // row 1 bits 49:2
  wire [49:0] mul_d2;  // row 2: 2 * (upper sum) + 1
  wire [50:0] mul_s2;  // partial product after mul_b[2]

  assign mul_u2 = mul_s1[49:2];
  assign mul_d2 = {{{1{mul_u2[47]}}, mul_u2}, 1'b0} - {~({49{mul_b[2]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s2 = {mul_d2[49:1], mul_s1[1:0]};

  wire [47:0] mul_u3;  // row 2 bits 50:3
  wire [49:0] mul_d3;  // row 3: 2 * (upper sum) + 1
  wire [51:0] mul_s3;  // partial product after mul_b[3]

  assign mul_u3 = mul_s2[50:3];
  assign mul_d3 = {{{1{mul_u3[47]}}, mul_u3}, 1'b0} - {~({49{mul_b[3]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s3 = {mul_d3[49:1], mul_s2[2:0]};

  wire [47:0] mul_u4;  // row 3 bits 51:4
  wire [49:0] mul_d4;  // row 4: 2 * (upper sum) + 1
  wire [52:0] mul_s4;  // partial product after mul_b[4]

  assign mul_u4 = mul_s3[51:4];
  assign mul_d4 = {{{1{mul_u4[47]}}, mul_u4}, 1'b0} - {~({49{mul_b[4]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s4 = {mul_d4[49:1], mul_s3[3:0]};

  wire [47:0] mul_u5;  // row 4 bits 52:5
  wire [49:0] mul_d5;  // row 5: 2 * (upper sum) + 1
  wire [53:0] mul_s5;  // partial product after mul_b[5]

  assign mul_u5 = mul_s4[52:5];
  assign mul_d5 = {{{1{mul_u5[47]}}, mul_u5}, 1'b0} - {~({49{mul_b[5]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s5 = {mul_d5[49:1], mul_s4[4:0]};

  wire [47:0] mul_u6;  // row 5 bits 53:6
  wire [49:0] mul_d6;  // row 6: 2 * (upper sum) + 1
  wire [54:0] mul_s6;  // partial product after mul_b[6]

  assign mul_u6 = mul_s5[53:6];
  assign mul_d6 = {{{1{mul_u6[47]}}, mul_u6}, 1'b0} - {~({49{mul_b[6]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s6 = {mul_d6[49:1], mul_s5[5:0]};

  wire [47:0] mul_u7;  // row 6 bits 54:7
  wire [49:0] mul_d7;  // row 7: 2 * (upper sum) + 1
  wire [55:0] mul_s7;  // partial product after mul_b[7]

  assign mul_u7 = mul_s6[54:7];
  assign mul_d7 = {{{1{mul_u7[47]}}, mul_u7}, 1'b0} - {~({49{mul_b[7]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s7 = {mul_d7[49:1], mul_s6[6:0]};

  wire [47:0] mul_u8;  // row 7 bits 55:8
  wire [49:0] mul_d8;  // row 8: 2 * (upper sum) + 1
  wire [56:0] mul_s8;  // partial product after mul_b[8]

  assign mul_u8 = mul_s7[55:8];
  assign mul_d8 = {{{1{mul_u8[47]}}, mul_u8}, 1'b0} - {~({49{mul_b[8]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s8 = {mul_d8[49:1], mul_s7[7:0]};

  wire [47:0] mul_u9;  // row 8 bits 56:9
  wire [49:0] mul_d9;  // row 9: 2 * (upper sum) + 1
  wire [57:0] mul_s9;  // partial product after mul_b[9]

  assign mul_u9 = mul_s8[56:9];
  assign mul_d9 = {{{1{mul_u9[47]}}, mul_u9}, 1'b0} - {~({49{mul_b[9]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s9 = {mul_d9[49:1], mul_s8[8:0]};

  wire [47:0] mul_u10;  // row 9 bits 57:10
  wire [49:0] mul_d10;  // row 10: 2 * (upper sum) + 1
  wire [58:0] mul_s10;  // partial product after mul_b[10]

  assign mul_u10 = mul_s9[57:10];
  assign mul_d10 = {{{1{mul_u10[47]}}, mul_u10}, 1'b0} - {~({49{mul_b[10]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s10 = {mul_d10[49:1], mul_s9[9:0]};

  wire [47:0] mul_u11;  // row 10 bits 58:11
  wire [49:0] mul_d11;  // row 11: 2 * (upper sum) + 1
  wire [59:0] mul_s11;  // partial product after mul_b[11]

  assign mul_u11 = mul_s10[58:11];
  assign mul_d11 = {{{1{mul_u11[47]}}, mul_u11}, 1'b0} - {~({49{mul_b[11]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s11 = {mul_d11[49:1], mul_s10[10:0]};

  wire [47:0] mul_u12;  // row 11 bits 59:12
  wire [49:0] mul_d12;  // row 12: 2 * (upper sum) + 1
  wire [60:0] mul_s12;  // partial product after mul_b[12]

  assign mul_u12 = mul_s11[59:12];
  assign mul_d12 = {{{1{mul_u12[47]}}, mul_u12}, 1'b0} - {~({49{mul_b[12]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s12 = {mul_d12[49:1], mul_s11[11:0]};

  wire [47:0] mul_u13;  // row 12 bits 60:13
  wire [49:0] mul_d13;  // row 13: 2 * (upper sum) + 1
  wire [61:0] mul_s13;  // partial product after mul_b[13]

  assign mul_u13 = mul_s12[60:13];
  assign mul_d13 = {{{1{mul_u13[47]}}, mul_u13}, 1'b0} - {~({49{mul_b[13]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s13 = {mul_d13[49:1], mul_s12[12:0]};

  wire [47:0] mul_u14;  // row 13 bits 61:14
  wire [49:0] mul_d14;  // row 14: 2 * (upper sum) + 1
  wire [62:0] mul_s14;  // partial product after mul_b[14]

  assign mul_u14 = mul_s13[61:14];
  assign mul_d14 = {{{1{mul_u14[47]}}, mul_u14}, 1'b0} - {~({49{mul_b[14]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s14 = {mul_d14[49:1], mul_s13[13:0]};

  wire [47:0] mul_u15;  // row 14 bits 62:15
  wire [49:0] mul_d15;  // row 15: 2 * (upper sum) + 1
  wire [63:0] mul_s15;  // partial product after mul_b[15]

  assign mul_u15 = mul_s14[62:15];
  assign mul_d15 = {{{1{mul_u15[47]}}, mul_u15}, 1'b0} - {~({49{mul_b[15]}} & {{1{mul_a[47]}}, mul_a}), 1'b1};
  assign mul_s15 = {mul_d15[49:1], mul_s14[14:0]};

  wire [47:0] mul_u16;  // row 15 bits 63:16
  wire [48:0] mul_d16;  // row 16: 2 * (upper sum) + 1
  wire [63:0] mul_s16;  // partial product after mul_b[16]

  assign mul_u16 = mul_s15[63:16];
  assign mul_d16 = {mul_u16, 1'b0} - {~({48{mul_b[16]}} & mul_a), 1'b1};
  assign mul_s16 = {mul_d16[48:1], mul_s15[15:0]};

  wire [46:0] mul_u17;  // row 16 bits 63:17
  wire [47:0] mul_d17;  // row 17: 2 * (upper sum) + 1
  wire [63:0] mul_s17;  // partial product after mul_b[17]

  assign mul_u17 = mul_s16[63:17];
  assign mul_d17 = {mul_u17, 1'b0} - {~({47{mul_b[17]}} & mul_a[46:0]), 1'b1};
  assign mul_s17 = {mul_d17[47:1], mul_s16[16:0]};

  wire [45:0] mul_u18;  // row 17 bits 63:18
  wire [46:0] mul_d18;  // row 18: 2 * (upper sum) + 1
  wire [63:0] mul_s18;  // partial product after mul_b[18]

  assign mul_u18 = mul_s17[63:18];
  assign mul_d18 = {mul_u18, 1'b0} - {~({46{mul_b[18]}} & mul_a[45:0]), 1'b1};
  assign mul_s18 = {mul_d18[46:1], mul_s17[17:0]};

  wire [44:0] mul_u19;  // row 18 bits 63:19
  wire [45:0] mul_d19;  // row 19: 2 * (upper sum) + 1
  wire [63:0] mul_s19;  // partial product after mul_b[19]

  assign mul_u19 = mul_s18[63:19];
  assign mul_d19 = {mul_u19, 1'b0} - {~({45{mul_b[19]}} & mul_a[44:0]), 1'b1};
  assign mul_s19 = {mul_d19[45:1], mul_s18[18:0]};

  wire [43:0] mul_u20;  // row 19 bits 63:20
  wire [44:0] mul_d20;  // row 20: 2 * (upper sum) + 1
  wire [63:0] mul_s20;  // partial product after mul_b[20]

  assign mul_u20 = mul_s19[63:20];
  assign mul_d20 = {mul_u20, 1'b0} - {~({44{mul_b[20]}} & mul_a[43:0]), 1'b1};
  assign mul_s20 = {mul_d20[44:1], mul_s19[19:0]};

  wire [42:0] mul_u21;  // row 20 bits 63:21
  wire [43:0] mul_d21;  // row 21: 2 * (upper sum) + 1
  wire [63:0] mul_s21;  // partial product after mul_b[21]

  assign mul_u21 = mul_s20[63:21];
  assign mul_d21 = {mul_u21, 1'b0} - {~({43{mul_b[21]}} & mul_a[42:0]), 1'b1};
  assign mul_s21 = {mul_d21[43:1], mul_s20[20:0]};

  wire [41:0] mul_u22;  // row 21 bits 63:22
  wire [42:0] mul_d22;  // row 22: 2 * (upper sum) + 1
  wire [63:0] mul_s22;  // partial product after mul_b[22]

  assign mul_u22 = mul_s21[63:22];
  assign mul_d22 = {mul_u22, 1'b0} - {~({42{mul_b[22]}} & mul_a[41:0]), 1'b1};
  assign mul_s22 = {mul_d22[42:1], mul_s21[21:0]};

  wire [40:0] mul_u23;  // row 22 bits 63:23
  wire [41:0] mul_d23;  // row 23: 2 * (upper sum) + 1
  wire [63:0] mul_s23;  // partial product after mul_b[23]

  assign mul_u23 = mul_s22[63:23];
  assign mul_d23 = {mul_u23, 1'b0} - {~({41{mul_b[23]}} & mul_a[40:0]), 1'b1};
  assign mul_s23 = {mul_d23[41:1], mul_s22[22:0]};

  wire [39:0] mul_u24;  // row 23 bits 63:24
  wire [40:0] mul_d24;  // row 24: 2 * (upper sum) + 1
  wire [63:0] mul_s24;  // partial product after mul_b[24]

  assign mul_u24 = mul_s23[63:24];
  assign mul_d24 = {mul_u24, 1'b0} - {~({40{mul_b[24]}} & mul_a[39:0]), 1'b1};
  assign mul_s24 = {mul_d24[40:1], mul_s23[23:0]};

  wire [38:0] mul_u25;  // row 24 bits 63:25
  wire [39:0] mul_d25;  // row 25: 2 * (upper sum) + 1
  wire [63:0] mul_s25;  // partial product after mul_b[25]

  assign mul_u25 = mul_s24[63:25];
  assign mul_d25 = {mul_u25, 1'b0} - {~({39{mul_b[25]}} & mul_a[38:0]), 1'b1};
  assign mul_s25 = {mul_d25[39:1], mul_s24[24:0]};

  wire [37:0] mul_u26;  // row 25 bits 63:26
  wire [38:0] mul_d26;  // row 26: 2 * (upper sum) + 1
  wire [63:0] mul_s26;  // partial product after mul_b[26]

  assign mul_u26 = mul_s25[63:26];
  assign mul_d26 = {mul_u26, 1'b0} - {~({38{mul_b[26]}} & mul_a[37:0]), 1'b1};
  assign mul_s26 = {mul_d26[38:1], mul_s25[25:0]};

  wire [36:0] mul_u27;  // row 26 bits 63:27
  wire [37:0] mul_d27;  // row 27: 2 * (upper sum) + 1
  wire [63:0] mul_s27;  // partial product after mul_b[27]

  assign mul_u27 = mul_s26[63:27];
  assign mul_d27 = {mul_u27, 1'b0} - {~({37{mul_b[27]}} & mul_a[36:0]), 1'b1};
  assign mul_s27 = {mul_d27[37:1], mul_s26[26:0]};

  wire [35:0] mul_u28;  // row 27 bits 63:28
  wire [36:0] mul_d28;  // row 28: 2 * (upper sum) + 1
  wire [63:0] mul_s28;  // partial product after mul_b[28]

  assign mul_u28 = mul_s27[63:28];
  assign mul_d28 = {mul_u28, 1'b0} - {~({36{mul_b[28]}} & mul_a[35:0]), 1'b1};
  assign mul_s28 = {mul_d28[36:1], mul_s27[27:0]};

  wire [34:0] mul_u29;  // row 28 bits 63:29
  wire [35:0] mul_d29;  // row 29: 2 * (upper sum) + 1
  wire [63:0] mul_s29;  // partial product after mul_b[29]

  assign mul_u29 = mul_s28[63:29];
  assign mul_d29 = {mul_u29, 1'b0} - {~({35{mul_b[29]}} & mul_a[34:0]), 1'b1};
  assign mul_s29 = {mul_d29[35:1], mul_s28[28:0]};

  wire [33:0] mul_u30;  // row 29 bits 63:30
  wire [34:0] mul_d30;  // row 30: 2 * (upper sum) + 1
  wire [63:0] mul_s30;  // partial product after mul_b[30]

  assign mul_u30 = mul_s29[63:30];
  assign mul_d30 = {mul_u30, 1'b0} - {~({34{mul_b[30]}} & mul_a[33:0]), 1'b1};
  assign mul_s30 = {mul_d30[34:1], mul_s29[29:0]};
  assign product = mul_s30;

  wire unused_mul_rows;  // row LSBs (always 1)

  assign unused_mul_rows = &{1'b0, mul_d1[0], mul_d2[0], mul_d3[0], mul_d4[0], mul_d5[0], mul_d6[0], mul_d7[0], mul_d8[0], mul_d9[0], mul_d10[0], mul_d11[0], mul_d12[0], mul_d13[0], mul_d14[0], mul_d15[0], mul_d16[0], mul_d17[0], mul_d18[0], mul_d19[0], mul_d20[0], mul_d21[0], mul_d22[0], mul_d23[0], mul_d24[0], mul_d25[0], mul_d26[0], mul_d27[0], mul_d28[0], mul_d29[0], mul_d30[0]};

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
