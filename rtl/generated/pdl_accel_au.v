// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

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

  wire [23:0] fab_p;  // w_hi * a (fabric)

  // Simulation speed under Verilator (docs/performance.md): the rows below as one multiply.
  // Equal to the rows by the fabric rows' proof (hls-gen AuFabricFormalCiTest, testbenches/formal).
  // Synthesis (Yosys, Vivado), Icarus and the formal proofs do not define VERILATOR: they read the rows.
  `ifdef VERILATOR

  wire [23:0] fab_s4;  // the rows' partial sum, as one multiply

  assign fab_s4 = {{8{i_a[15]}}, i_a} * {{16{i_w_hi[7]}}, i_w_hi};

  wire unused_fab_rows;  // the rows' inputs Verilator does not read

  assign unused_fab_rows = &{1'b0, i_a, i_w_hi};

  `else

  wire [16:0] fab_a2;  // i_a, sign-extended by one bit

  assign fab_a2 = {{1{i_a[15]}}, i_a};

  wire        fab_one1;  // digit 0 is +-1
  wire        fab_two1;  // digit 0 is +-2
  wire        fab_neg1;  // digit 0 is negative
  wire [16:0] fab_r1;    // row 0: |digit| * i_a, inverted when negative
  wire [17:0] fab_s1;    // partial product after row 0

  assign fab_one1 = i_w_hi[0] ^ 1'b0;
  assign fab_two1 = i_w_hi[1] ? (~i_w_hi[0] & ~1'b0) : (i_w_hi[0] & 1'b0);
  assign fab_neg1 = i_w_hi[1] & ~(i_w_hi[0] & 1'b0);
  assign fab_r1   = ({17{fab_one1}} & fab_a2 | {17{fab_two1}} & {i_a, 1'b0}) ^ {17{fab_neg1}};
  assign fab_s1   = {{1{fab_r1[16]}}, fab_r1} + {17'd0, fab_neg1};

  wire        fab_one2;  // digit 1 is +-1
  wire        fab_two2;  // digit 1 is +-2
  wire        fab_neg2;  // digit 1 is negative
  wire [16:0] fab_r2;    // row 1: |digit| * i_a, inverted when negative
  wire [18:0] fab_d2;    // row 1: 2 * (upper sum + row) + 1
  wire [19:0] fab_s2;    // partial product after row 1

  assign fab_one2 = i_w_hi[2] ^ i_w_hi[1];
  assign fab_two2 = i_w_hi[3] ? (~i_w_hi[2] & ~i_w_hi[1]) : (i_w_hi[2] & i_w_hi[1]);
  assign fab_neg2 = i_w_hi[3] & ~(i_w_hi[2] & i_w_hi[1]);
  assign fab_r2   = ({17{fab_one2}} & fab_a2 | {17{fab_two2}} & {i_a, 1'b0}) ^ {17{fab_neg2}};
  assign fab_d2   = {{{2{fab_s1[17]}}, fab_s1[17:2]}, fab_neg2} - {~{{1{fab_r2[16]}}, fab_r2}, 1'b1};
  assign fab_s2   = {fab_d2[18:1], fab_s1[1:0]};

  wire        fab_one3;  // digit 2 is +-1
  wire        fab_two3;  // digit 2 is +-2
  wire        fab_neg3;  // digit 2 is negative
  wire [16:0] fab_r3;    // row 2: |digit| * i_a, inverted when negative
  wire [18:0] fab_d3;    // row 2: 2 * (upper sum + row) + 1
  wire [21:0] fab_s3;    // partial product after row 2

  assign fab_one3 = i_w_hi[4] ^ i_w_hi[3];
  assign fab_two3 = i_w_hi[5] ? (~i_w_hi[4] & ~i_w_hi[3]) : (i_w_hi[4] & i_w_hi[3]);
  assign fab_neg3 = i_w_hi[5] & ~(i_w_hi[4] & i_w_hi[3]);
  assign fab_r3   = ({17{fab_one3}} & fab_a2 | {17{fab_two3}} & {i_a, 1'b0}) ^ {17{fab_neg3}};
  assign fab_d3   = {{{2{fab_s2[19]}}, fab_s2[19:4]}, fab_neg3} - {~{{1{fab_r3[16]}}, fab_r3}, 1'b1};
  assign fab_s3   = {fab_d3[18:1], fab_s2[3:0]};

  wire        fab_one4;  // digit 3 is +-1
  wire        fab_two4;  // digit 3 is +-2
  wire        fab_neg4;  // digit 3 is negative
  wire [16:0] fab_r4;    // row 3: |digit| * i_a, inverted when negative
  wire [18:0] fab_d4;    // row 3: 2 * (upper sum + row) + 1
  wire [23:0] fab_s4;    // partial product after row 3

  assign fab_one4 = i_w_hi[6] ^ i_w_hi[5];
  assign fab_two4 = i_w_hi[7] ? (~i_w_hi[6] & ~i_w_hi[5]) : (i_w_hi[6] & i_w_hi[5]);
  assign fab_neg4 = i_w_hi[7] & ~(i_w_hi[6] & i_w_hi[5]);
  assign fab_r4   = ({17{fab_one4}} & fab_a2 | {17{fab_two4}} & {i_a, 1'b0}) ^ {17{fab_neg4}};
  assign fab_d4   = {{{2{fab_s3[21]}}, fab_s3[21:6]}, fab_neg4} - {~{{1{fab_r4[16]}}, fab_r4}, 1'b1};
  assign fab_s4   = {fab_d4[18:1], fab_s3[5:0]};

  wire unused_fab_rows;  // row LSBs (always 1) and row bits above the product

  assign unused_fab_rows = &{1'b0, fab_d2[0], fab_d3[0], fab_d4[0]};

  `endif

  assign fab_p   = fab_s4;
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
