// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:1cc2acc33407ec34793bc8a1a86e0b5cefaacd10a99f040ebb3ffec194b965c2

`default_nettype none

// pdl_accel_au: two arithmetic units (lanes 2j, 2j+1) sharing one activation operand.
// docs/accelerator.md section 2: two int8 MACs per DSP48 (A = w_hi*2^17 + w_lo, B = a; lo = P[16:0], hi = (P>>>17) + P[16]), 48-bit wrapping accumulators.
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
  output wire [47:0] o_shadow_lo,  // shadow register of lane 2j
  output wire [47:0] o_shadow_hi   // shadow register of lane 2j+1
);

  wire [23:0] prod_lo;   // product of lane 2j
  wire [23:0] prod_hi;   // product of lane 2j+1
  wire [24:0] packed_w;  // A port: w_hi * 2^17 + w_lo (fits 25 bits: |A| < 2^24)
  wire [40:0] packed_p;  // P = A * a
  wire [23:0] plain_p;   // w_lo * a for int16 inputs

  assign packed_w = {i_w_hi, 17'd0} + {{17{i_w_lo[7]}}, i_w_lo};
  assign packed_p = $signed({{16{packed_w[24]}}, packed_w}) * $signed({{25{i_a[15]}}, i_a});
  assign plain_p  = $signed({{16{i_w_lo[7]}}, i_w_lo}) * $signed({{8{i_a[15]}}, i_a});
  assign prod_lo  = i_in16 ? plain_p : {{7{packed_p[16]}}, packed_p[16:0]};
  assign prod_hi  = i_in16 ? 24'd0 : packed_p[40:17] + {23'd0, packed_p[16]};

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

  reg [47:0] acc_lo_r;     // accumulator, lane 2j
  reg [47:0] acc_hi_r;     // accumulator, lane 2j+1
  reg [47:0] shadow_lo_r;  // shadow register, lane 2j
  reg [47:0] shadow_hi_r;  // shadow register, lane 2j+1

  // Accumulate (wrapping mod 2^48, docs 2.1) and capture into the shadow registers.
  always @(posedge i_clk) begin
    if (i_acc_en) begin
      acc_lo_r <= i_acc_first ? {{24{mac_lo[23]}}, mac_lo} : acc_lo_r + {{24{mac_lo[23]}}, mac_lo};
      acc_hi_r <= i_acc_first ? {{24{mac_hi[23]}}, mac_hi} : acc_hi_r + {{24{mac_hi[23]}}, mac_hi};
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
