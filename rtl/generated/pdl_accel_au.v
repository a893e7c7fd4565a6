// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:aa043e963052ef54fc6966fb1c8b19f89836dd78cc3448ffec4993afc7b4b058

`default_nettype none

// pdl_accel_au: two arithmetic units (lanes 2j, 2j+1) sharing one activation operand.
// docs/accelerator.md section 2: two int8 MACs per DSP48 (A = w_hi*2^17 + w_lo, B = a; lo = P[16:0], hi = (P>>>17) + P[16]), 33-bit wrapping accumulators.
// Timing: weights and activation arrive registered (stage T2), the product is registered,
// the accumulator updates in stage T3; i_capture copies it to the shadow register.
module pdl_accel_au (
  input  wire        i_clk,        // clock
  input  wire [7:0]  i_w_lo,       // weight of lane 2j (int8), stage T2
  input  wire [7:0]  i_w_hi,       // weight of lane 2j+1 (int8), stage T2
  input  wire [15:0] i_a,          // activation code (broadcast operand), stage T2
  input  wire        i_in16,       // the layer's input is int16 (no packing), stage T2
  input  wire        i_acc_en,     // accumulate this cycle (a MAC tap reaches stage T3)
  input  wire        i_acc_first,  // first tap of a group: load instead of add
  input  wire        i_capture,    // copy the accumulators into the shadow registers
  output wire [32:0] o_shadow_lo,  // shadow register of lane 2j
  output wire [32:0] o_shadow_hi   // shadow register of lane 2j+1
);

  wire [23:0] prod_lo;   // product of lane 2j
  wire [23:0] prod_hi;   // product of lane 2j+1
  wire [24:0] packed_w;  // A port: w_hi * 2^17 + w_lo (fits 25 bits: |A| < 2^24); w_lo for int16
  wire [40:0] packed_p;  // P = A * a

  assign packed_w = i_in16 ? {{17{i_w_lo[7]}}, i_w_lo} : {i_w_hi, 17'd0} + {{17{i_w_lo[7]}}, i_w_lo};
  assign packed_p = $signed({{16{packed_w[24]}}, packed_w}) * $signed({{25{i_a[15]}}, i_a});
  assign prod_lo  = i_in16 ? packed_p[23:0] : {{7{packed_p[16]}}, packed_p[16:0]};

  wire [15:0] fab_r0;  // row 0: w_hi[0] ? a : 0

  assign fab_r0 = {16{i_w_hi[0]}} & i_a;

  wire [15:0] fab_r1;  // row 1: w_hi[1] ? a : 0

  assign fab_r1 = {16{i_w_hi[1]}} & i_a;

  wire [15:0] fab_r2;  // row 2: w_hi[2] ? a : 0

  assign fab_r2 = {16{i_w_hi[2]}} & i_a;

  wire [15:0] fab_r3;  // row 3: w_hi[3] ? a : 0

  assign fab_r3 = {16{i_w_hi[3]}} & i_a;

  wire [15:0] fab_r4;  // row 4: w_hi[4] ? a : 0

  assign fab_r4 = {16{i_w_hi[4]}} & i_a;

  wire [15:0] fab_r5;  // row 5: w_hi[5] ? a : 0

  assign fab_r5 = {16{i_w_hi[5]}} & i_a;

  wire [15:0] fab_r6;  // row 6: w_hi[6] ? a : 0

  assign fab_r6 = {16{i_w_hi[6]}} & i_a;

  wire [15:0] fab_r7;  // row 7: w_hi[7] ? a : 0

  assign fab_r7 = {16{i_w_hi[7]}} & i_a;

  wire [17:0] fab_s01;  // rows 0, 1: a * (w[0] + 2 w[1])

  assign fab_s01 = {{2{fab_r0[15]}}, fab_r0} + {{{1{fab_r1[15]}}, fab_r1}, 1'b0};

  wire [17:0] fab_s23;  // rows 2, 3: a * (w[2] + 2 w[3])

  assign fab_s23 = {{2{fab_r2[15]}}, fab_r2} + {{{1{fab_r3[15]}}, fab_r3}, 1'b0};

  wire [17:0] fab_s45;  // rows 4, 5: a * (w[4] + 2 w[5])

  assign fab_s45 = {{2{fab_r4[15]}}, fab_r4} + {{{1{fab_r5[15]}}, fab_r5}, 1'b0};

  wire [17:0] fab_s67;  // rows 6, 7: a * (w[6] - 2 w[7])

  assign fab_s67 = {{2{fab_r6[15]}}, fab_r6} - {{{1{fab_r7[15]}}, fab_r7}, 1'b0};

  wire [19:0] fab_s03;  // rows 0-3
  wire [19:0] fab_s47;  // rows 4-7
  wire [23:0] fab_p;    // w_hi * a

  assign fab_s03 = {{2{fab_s01[17]}}, fab_s01} + {fab_s23, 2'b00};
  assign fab_s47 = {{2{fab_s45[17]}}, fab_s45} + {fab_s67, 2'b00};
  assign fab_p   = {{4{fab_s03[19]}}, fab_s03} + {fab_s47, 4'b0000};
  assign prod_hi = i_in16 ? fab_p : packed_p[40:17] + {23'd0, packed_p[16]};

  reg [23:0] prod_lo_r;  // product register, lane 2j
  reg [23:0] prod_hi_r;  // product register, lane 2j+1

  // Multiplier output register (DSP MREG).
  always @(posedge i_clk) begin
    prod_lo_r <= prod_lo;
    prod_hi_r <= prod_hi;
  end

  wire [23:0] mac_lo;  // product of lane 2j at stage T3

  assign mac_lo = prod_lo_r;

  wire [23:0] mac_hi;  // product of lane 2j+1 at stage T3

  assign mac_hi = prod_hi_r;

  reg [32:0] acc_lo_r;     // accumulator, lane 2j
  reg [32:0] acc_hi_r;     // accumulator, lane 2j+1
  reg [32:0] shadow_lo_r;  // shadow register, lane 2j
  reg [32:0] shadow_hi_r;  // shadow register, lane 2j+1

  // Accumulate (wrapping mod 2^33, docs 2.1) and capture into the shadow registers.
  always @(posedge i_clk) begin
    if (i_acc_en) begin
      acc_lo_r <= i_acc_first ? {{9{mac_lo[23]}}, mac_lo} : acc_lo_r + {{9{mac_lo[23]}}, mac_lo};
      acc_hi_r <= i_acc_first ? {{9{mac_hi[23]}}, mac_hi} : acc_hi_r + {{9{mac_hi[23]}}, mac_hi};
    end
    if (i_capture) begin
      shadow_lo_r <= acc_lo_r;
      shadow_hi_r <= acc_hi_r;
    end
  end

  assign o_shadow_lo = shadow_lo_r;
  assign o_shadow_hi = shadow_hi_r;

endmodule

`default_nettype wire
