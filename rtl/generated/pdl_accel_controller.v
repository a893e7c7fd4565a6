// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

`default_nettype none

// pdl_accel_controller: the loop nest of docs/accelerator.md section 4.4 under the start rules of section 5, and the tap pipeline.
// Mirrors ArraySimulator.controller; state resets while stopped.
module pdl_accel_controller (
  input  wire        i_clk,             // clock
  input  wire        i_rst,             // synchronous reset, active high
  input  wire        i_start,           // CTRL.start: run in stream mode while high
  input  wire        i_stop,            // CTRL.stop: start no new round
  input  wire        i_clear,           // clear the error code (pulse)
  input  wire        i_prog_we,         // program write (an error while running)
  input  wire        i_hdr_magic_ok,    // header: h0 is the magic word
  input  wire [7:0]  i_hdr_layers,      // header: descriptors
  input  wire [3:0]  i_desc_op,         // layer: opcode
  input  wire [1:0]  i_desc_src,        // layer: source buffer
  input  wire [1:0]  i_desc_dst,        // layer: destination buffer
  input  wire        i_desc_in16,       // layer: int16 input
  input  wire [1:0]  i_desc_rq,         // layer: requantiser mode
  input  wire [15:0] i_desc_inlen,      // layer: in_len
  input  wire [15:0] i_desc_inch,       // layer: in_ch
  input  wire [15:0] i_desc_outlen,     // layer: out_len
  input  wire [15:0] i_desc_outch,      // layer: out_ch
  input  wire [7:0]  i_desc_k,          // layer: kernel / pool size
  input  wire [7:0]  i_desc_s,          // layer: stride
  input  wire [7:0]  i_desc_pad,        // layer: pad_left
  input  wire [23:0] i_desc_wbase,      // layer: weight base
  input  wire [15:0] i_desc_pbase,      // layer: parameter base
  input  wire [15:0] i_desc_groups,     // layer: lane groups
  input  wire [15:0] i_desc_zin,        // layer: input zero point
  input  wire [15:0] i_desc_zout,       // layer: output zero point
  input  wire [15:0] i_desc_amin,       // layer: act_min
  input  wire [15:0] i_desc_amax,       // layer: act_max
  input  wire [5:0]  i_staged_a,        // loader: context A windows staged for the next round
  input  wire [5:0]  i_staged_b,        // loader: context B windows staged for the next round
  input  wire        i_in_empty,        // loader: no complete window in the input FIFO
  input  wire        i_feeding,         // loader: a window is entering the input stage
  input  wire        i_in_busy,         // loader: samples in the input stage
  input  wire        i_window_start,    // loader: starts filling a slot
  input  wire [15:0] i_fill_round,      // loader: round it fills
  input  wire        i_fill_ctx,        // loader: context it fills
  input  wire [4:0]  i_fill_pe,         // loader: PE it fills
  input  wire        i_seg_written,     // drain: a segment's last write lands
  input  wire        i_seg_ctx,         // drain: context of that segment
  input  wire        i_seg_to_results,  // drain: that segment is the last layer's
  input  wire        i_round_unloaded,  // unloader: the last word of a round is pushed
  output wire        o_running,         // streaming
  output wire [7:0]  o_error,           // error code: 1 BAD_PROGRAM, 2 BAD_OPCODE, 4 WRITE_WHILE_RUNNING
  output wire [31:0] o_cycle,           // cycles since streaming started (trace)
  output wire        o_round_start,     // a round's first tap issues this cycle
  output wire        o_in_round,        // a round is in progress
  output wire        o_all_unloaded,    // no round in progress and every started round unloaded (a stop may complete)
  output wire        o_issue,           // a tap issues this cycle
  output wire [15:0] o_round,           // the round being computed
  output wire [7:0]  o_layer,           // the layer being computed
  output wire [1:0]  o_stg_free,        // staging buffer of context A/B free for the loader
  output wire [7:0]  o_results_ready,   // last-layer segments written (result records complete)
  output wire [10:0] o_weight_addr,     // T0: weight word of the tap
  output wire [6:0]  o_stg_raddr,       // T0: staging read address {context, index}
  output wire [9:0]  o_act_raddr,       // T0: activation read address {context, region, index}
  output wire        o_t1_inside,       // T1: the tap is inside the input (else the zero point)
  output wire        o_t1_src_stg,      // T1: the layer reads the staging buffer
  output wire [15:0] o_t1_zin,          // T1: input zero point (padded taps)
  output wire        o_t2_in16,         // T2: int16 input layer
  output wire        o_acc_mac,         // T3: a MAC tap accumulates
  output wire        o_acc_pool,        // T3: a pool tap updates the pool unit
  output wire        o_acc_first,       // T3: first tap of the group
  output wire        o_acc_real,        // T3: pool tap inside the input (counts)
  output wire        o_pool_max,        // T3: max pool (else average)
  output wire        o_capture,         // capture: the last tap accumulated in the previous cycle
  output wire [95:0] o_cap_group        // the captured group (GroupInfo) for the drain
);

  // Layer decode: products of descriptor fields in fabric (every DSP48 is a MAC).
  wire [16:0] kc_ua;       // multiplicand, zero-extended (the Booth rows take it signed)
  wire [7:0]  kc_ub;       // multiplier
  wire [15:0] kc_p;        // K * C_in (mod 2^16)
  wire [16:0] pc_ua;       // multiplicand, zero-extended (the Booth rows take it signed)
  wire [7:0]  pc_ub;       // multiplier
  wire [23:0] pc_p;        // pad_left * C_in
  wire [16:0] sc_ua;       // multiplicand, zero-extended (the Booth rows take it signed)
  wire [7:0]  sc_ub;       // multiplier
  wire [23:0] sc_p;        // S * C_in
  wire        is_mac;      // Conv1D or Dense
  wire        bad_opcode;  // opcode is not 1-4
  wire [15:0] taps;        // F, taps per group: K * C_in, or the pool size
  wire [15:0] groups;      // groups per position: lane groups, or channels for pools
  wire [6:0]  lanes_used;  // lanes used: U, or U/2 for int16 inputs with packing alone

  // Loop nest (docs 4.4): the counters, as in ArraySimulator (cr, ci, cx, co, cg, cf).
  reg        running_r;      // streaming
  reg [31:0] cycle_r;        // cycles since start
  reg [15:0] round_r;        // round (cr)
  reg [7:0]  layer_r;        // layer (ci)
  reg        ctx_r;          // context, 0 A, 1 B (cx)
  reg [15:0] pos_r;          // output position (co)
  reg [15:0] group_r;        // group: lane group or pool channel (cg)
  reg [15:0] tap_r;          // tap within the group (cf)
  reg [15:0] chan_r;         // MAC tap: input channel
  reg [7:0]  kidx_r;         // tap: kernel index
  reg [31:0] row_r;          // tap: input position * C_in
  reg [31:0] pos_base_r;     // o * S - pad_left
  reg [31:0] row_base_r;     // (o * S - pad_left) * C_in
  reg [23:0] waddr_r;        // weight address of the next tap
  reg [15:0] ch0_r;          // first output channel of the group
  reg [15:0] out_base_r;     // o * C_out
  reg        in_round_r;     // a round is in progress
  reg        has_prev_r;     // a group has issued before
  reg [7:0]  since_last_r;   // cycles since the last group's last tap (saturates)
  reg [6:0]  prev_drains_r;  // values the last group drains
  reg [1:0]  stg_free_r;     // staging of A/B free for the loader

  // Start rules (section 5) and this cycle's tap.
  wire        seg_start;     // first tap of a layer segment
  wire        grp_start;     // first tap of a group
  wire        gap_ok;        // rule 1: the shadow register has drained far enough
  wire        dep_ok;        // rule 2: the layer before (same context) is written
  wire        unl_ok;        // rule 3b: round r-2 is unloaded
  wire        full;          // rule 3a: both contexts hold P windows
  wire        flush;         // rule 3a: partial round
  wire        may_start;     // the next group may start
  wire        issue;         // a tap issues this cycle
  wire        start_round;   // the round's first tap issues
  wire        bad_op;        // the next layer has an illegal opcode
  wire [31:0] eff_pos_base;  // o*S - pad of this tap
  wire [31:0] eff_row_base;  // row base of this tap
  wire [31:0] eff_row;       // row of this tap
  wire [15:0] eff_chan;      // input channel of this tap
  wire [7:0]  eff_kidx;      // kernel index of this tap
  wire [23:0] eff_waddr;     // weight address of this tap
  wire [15:0] eff_ch0;       // first channel of this group
  wire [15:0] eff_out_base;  // o * C_out of this tap
  wire [31:0] tap_pos;       // input position of this tap
  wire        tap_in;        // 0 <= tap_pos < in_len
  wire [31:0] tap_addr;      // buffer index of this tap
  wire        last_tap;      // last tap of the group
  wire        last_group;    // last group of the position
  wire        last_pos;      // last position of the segment
  wire        seg_end;       // last tap of the segment
  wire [15:0] rem_ch;        // channels from ch0 on
  wire [6:0]  group_drains;  // values this group drains
  wire        last_layer;    // the layer is the last
  wire        unused_addr;   // address bits above the buffers and the weight memory

  // Run control, error code, pending segments (rule 2), unload progress (rule 3b).
  reg [7:0]  err_r;              // error code
  reg [2:0]  pending_a_r;        // context A segments issued, not written
  reg [2:0]  pending_b_r;        // context B segments issued, not written
  reg [15:0] rounds_unloaded_r;  // rounds fully unloaded
  reg [7:0]  results_ready_r;    // last-layer segments written

  wire pend_inc_a;  // a context-A segment finishes issuing
  wire pend_inc_b;  // a context-B segment finishes issuing
  wire pend_dec_a;  // a context-A segment's last write lands
  wire pend_dec_b;  // a context-B segment's last write lands

  // Tap pipeline (docs 3.2, 3.3): T1 operand select, T2 multiply, T3 accumulate, capture.
  reg [7:0]  t1_ctl_r;  // T1: {valid, mac, first, last, in16, inside, src_stg, max}
  reg [15:0] t1_zin_r;  // T1: zero point of padded taps
  reg [95:0] t1_grp_r;  // T1: group information for the drain
  reg [7:0]  t2_ctl_r;  // T2: control
  reg [95:0] t2_grp_r;  // T2: group information

  wire [7:0] t3_ctl;  // control at the accumulate stage T3

  reg [7:0] t3_ctl_d0_r;  // delay stage 1 of 1

  wire [95:0] cap_grp;  // group information at the capture

  reg [95:0] cap_grp_d0_r;  // delay stage 1 of 2
  reg [95:0] cap_grp_d1_r;  // delay stage 2 of 2
  reg        cap_r;         // capture: the last tap accumulated in the previous cycle

  wire unused_t3;  // control bits not used at T3

  assign kc_ua = {1'b0, i_desc_inch};
  assign kc_ub = i_desc_k;

  // Simulation speed under Verilator (docs/performance.md): the rows below as one multiply.
  // Equal to the rows by the descriptor products' proof (hls-gen DescriptorProductFormalCiTest).
  // Synthesis (Yosys, Vivado), Icarus and the formal proofs do not define VERILATOR: they read the rows.
  `ifdef VERILATOR

  wire [15:0] kc_s4;  // the rows' partial sum, as one multiply

  assign kc_s4 = kc_ua[15:0] * {8'd0, kc_ub};

  wire unused_kc_rows;  // the rows' inputs Verilator does not read

  assign unused_kc_rows = &{1'b0, kc_ua, kc_ub};

  `else

  wire [15:0] kc_s0;  // multiplier row 0: kc_ub[0] * kc_ua

  assign kc_s0 = {16{kc_ub[0]}} & kc_ua[15:0];

  wire [17:0] kc_a2;  // kc_ua, sign-extended by one bit

  assign kc_a2 = {{1{kc_ua[16]}}, kc_ua};

  wire        kc_one1;  // digit 0 is +-1
  wire        kc_two1;  // digit 0 is +-2
  wire        kc_neg1;  // digit 0 is negative
  wire [17:0] kc_r1;    // row 1: |digit| * kc_ua, inverted when negative
  wire [15:0] kc_d1;    // row 1: 2 * (upper sum + row) + 1
  wire [15:0] kc_s1;    // partial product after row 1

  assign kc_one1 = kc_ub[1] ^ 1'b0;
  assign kc_two1 = kc_ub[2] ? (~kc_ub[1] & ~1'b0) : (kc_ub[1] & 1'b0);
  assign kc_neg1 = kc_ub[2] & ~(kc_ub[1] & 1'b0);
  assign kc_r1   = ({18{kc_one1}} & kc_a2 | {18{kc_two1}} & {kc_ua, 1'b0}) ^ {18{kc_neg1}};
  assign kc_d1   = {kc_s0[15:1], kc_neg1} - {~kc_r1[14:0], 1'b1};
  assign kc_s1   = {kc_d1[15:1], kc_s0[0:0]};

  wire        kc_one2;  // digit 1 is +-1
  wire        kc_two2;  // digit 1 is +-2
  wire        kc_neg2;  // digit 1 is negative
  wire [17:0] kc_r2;    // row 2: |digit| * kc_ua, inverted when negative
  wire [13:0] kc_d2;    // row 2: 2 * (upper sum + row) + 1
  wire [15:0] kc_s2;    // partial product after row 2

  assign kc_one2 = kc_ub[3] ^ kc_ub[2];
  assign kc_two2 = kc_ub[4] ? (~kc_ub[3] & ~kc_ub[2]) : (kc_ub[3] & kc_ub[2]);
  assign kc_neg2 = kc_ub[4] & ~(kc_ub[3] & kc_ub[2]);
  assign kc_r2   = ({18{kc_one2}} & kc_a2 | {18{kc_two2}} & {kc_ua, 1'b0}) ^ {18{kc_neg2}};
  assign kc_d2   = {kc_s1[15:3], kc_neg2} - {~kc_r2[12:0], 1'b1};
  assign kc_s2   = {kc_d2[13:1], kc_s1[2:0]};

  wire        kc_one3;  // digit 2 is +-1
  wire        kc_two3;  // digit 2 is +-2
  wire        kc_neg3;  // digit 2 is negative
  wire [17:0] kc_r3;    // row 3: |digit| * kc_ua, inverted when negative
  wire [11:0] kc_d3;    // row 3: 2 * (upper sum + row) + 1
  wire [15:0] kc_s3;    // partial product after row 3

  assign kc_one3 = kc_ub[5] ^ kc_ub[4];
  assign kc_two3 = kc_ub[6] ? (~kc_ub[5] & ~kc_ub[4]) : (kc_ub[5] & kc_ub[4]);
  assign kc_neg3 = kc_ub[6] & ~(kc_ub[5] & kc_ub[4]);
  assign kc_r3   = ({18{kc_one3}} & kc_a2 | {18{kc_two3}} & {kc_ua, 1'b0}) ^ {18{kc_neg3}};
  assign kc_d3   = {kc_s2[15:5], kc_neg3} - {~kc_r3[10:0], 1'b1};
  assign kc_s3   = {kc_d3[11:1], kc_s2[4:0]};

  wire        kc_one4;  // digit 3 is +-1
  wire        kc_two4;  // digit 3 is +-2
  wire        kc_neg4;  // digit 3 is negative
  wire [17:0] kc_r4;    // row 4: |digit| * kc_ua, inverted when negative
  wire [9:0]  kc_d4;    // row 4: 2 * (upper sum + row) + 1
  wire [15:0] kc_s4;    // partial product after row 4

  assign kc_one4 = kc_ub[7] ^ kc_ub[6];
  assign kc_two4 = 1'b0 ? (~kc_ub[7] & ~kc_ub[6]) : (kc_ub[7] & kc_ub[6]);
  assign kc_neg4 = 1'b0 & ~(kc_ub[7] & kc_ub[6]);
  assign kc_r4   = ({18{kc_one4}} & kc_a2 | {18{kc_two4}} & {kc_ua, 1'b0}) ^ {18{kc_neg4}};
  assign kc_d4   = {kc_s3[15:7], kc_neg4} - {~kc_r4[8:0], 1'b1};
  assign kc_s4   = {kc_d4[9:1], kc_s3[6:0]};

  wire unused_kc_rows;  // row LSBs (always 1) and row bits above the product

  assign unused_kc_rows = &{1'b0, kc_d1[0], kc_r1[17:15], kc_d2[0], kc_r2[17:13], kc_d3[0], kc_r3[17:11], kc_d4[0], kc_r4[17:9]};

  `endif

  assign kc_p  = kc_s4;
  assign pc_ua = {1'b0, i_desc_inch};
  assign pc_ub = i_desc_pad;

  // Simulation speed under Verilator (docs/performance.md): the rows below as one multiply.
  // Equal to the rows by the descriptor products' proof (hls-gen DescriptorProductFormalCiTest).
  // Synthesis (Yosys, Vivado), Icarus and the formal proofs do not define VERILATOR: they read the rows.
  `ifdef VERILATOR

  wire [23:0] pc_s4;  // the rows' partial sum, as one multiply

  assign pc_s4 = {{7{pc_ua[16]}}, pc_ua} * {16'd0, pc_ub};

  wire unused_pc_rows;  // the rows' inputs Verilator does not read

  assign unused_pc_rows = &{1'b0, pc_ua, pc_ub};

  `else

  wire [16:0] pc_s0;  // multiplier row 0: pc_ub[0] * pc_ua

  assign pc_s0 = {17{pc_ub[0]}} & pc_ua;

  wire [17:0] pc_a2;  // pc_ua, sign-extended by one bit

  assign pc_a2 = {{1{pc_ua[16]}}, pc_ua};

  wire        pc_one1;  // digit 0 is +-1
  wire        pc_two1;  // digit 0 is +-2
  wire        pc_neg1;  // digit 0 is negative
  wire [17:0] pc_r1;    // row 1: |digit| * pc_ua, inverted when negative
  wire [19:0] pc_d1;    // row 1: 2 * (upper sum + row) + 1
  wire [19:0] pc_s1;    // partial product after row 1

  assign pc_one1 = pc_ub[1] ^ 1'b0;
  assign pc_two1 = pc_ub[2] ? (~pc_ub[1] & ~1'b0) : (pc_ub[1] & 1'b0);
  assign pc_neg1 = pc_ub[2] & ~(pc_ub[1] & 1'b0);
  assign pc_r1   = ({18{pc_one1}} & pc_a2 | {18{pc_two1}} & {pc_ua, 1'b0}) ^ {18{pc_neg1}};
  assign pc_d1   = {{{3{pc_s0[16]}}, pc_s0[16:1]}, pc_neg1} - {~{{1{pc_r1[17]}}, pc_r1}, 1'b1};
  assign pc_s1   = {pc_d1[19:1], pc_s0[0:0]};

  wire        pc_one2;  // digit 1 is +-1
  wire        pc_two2;  // digit 1 is +-2
  wire        pc_neg2;  // digit 1 is negative
  wire [17:0] pc_r2;    // row 2: |digit| * pc_ua, inverted when negative
  wire [19:0] pc_d2;    // row 2: 2 * (upper sum + row) + 1
  wire [21:0] pc_s2;    // partial product after row 2

  assign pc_one2 = pc_ub[3] ^ pc_ub[2];
  assign pc_two2 = pc_ub[4] ? (~pc_ub[3] & ~pc_ub[2]) : (pc_ub[3] & pc_ub[2]);
  assign pc_neg2 = pc_ub[4] & ~(pc_ub[3] & pc_ub[2]);
  assign pc_r2   = ({18{pc_one2}} & pc_a2 | {18{pc_two2}} & {pc_ua, 1'b0}) ^ {18{pc_neg2}};
  assign pc_d2   = {{{2{pc_s1[19]}}, pc_s1[19:3]}, pc_neg2} - {~{{1{pc_r2[17]}}, pc_r2}, 1'b1};
  assign pc_s2   = {pc_d2[19:1], pc_s1[2:0]};

  wire        pc_one3;  // digit 2 is +-1
  wire        pc_two3;  // digit 2 is +-2
  wire        pc_neg3;  // digit 2 is negative
  wire [17:0] pc_r3;    // row 3: |digit| * pc_ua, inverted when negative
  wire [19:0] pc_d3;    // row 3: 2 * (upper sum + row) + 1
  wire [23:0] pc_s3;    // partial product after row 3

  assign pc_one3 = pc_ub[5] ^ pc_ub[4];
  assign pc_two3 = pc_ub[6] ? (~pc_ub[5] & ~pc_ub[4]) : (pc_ub[5] & pc_ub[4]);
  assign pc_neg3 = pc_ub[6] & ~(pc_ub[5] & pc_ub[4]);
  assign pc_r3   = ({18{pc_one3}} & pc_a2 | {18{pc_two3}} & {pc_ua, 1'b0}) ^ {18{pc_neg3}};
  assign pc_d3   = {{{2{pc_s2[21]}}, pc_s2[21:5]}, pc_neg3} - {~{{1{pc_r3[17]}}, pc_r3}, 1'b1};
  assign pc_s3   = {pc_d3[19:1], pc_s2[4:0]};

  wire        pc_one4;  // digit 3 is +-1
  wire        pc_two4;  // digit 3 is +-2
  wire        pc_neg4;  // digit 3 is negative
  wire [17:0] pc_r4;    // row 4: |digit| * pc_ua, inverted when negative
  wire [17:0] pc_d4;    // row 4: 2 * (upper sum + row) + 1
  wire [23:0] pc_s4;    // partial product after row 4

  assign pc_one4 = pc_ub[7] ^ pc_ub[6];
  assign pc_two4 = 1'b0 ? (~pc_ub[7] & ~pc_ub[6]) : (pc_ub[7] & pc_ub[6]);
  assign pc_neg4 = 1'b0 & ~(pc_ub[7] & pc_ub[6]);
  assign pc_r4   = ({18{pc_one4}} & pc_a2 | {18{pc_two4}} & {pc_ua, 1'b0}) ^ {18{pc_neg4}};
  assign pc_d4   = {pc_s3[23:7], pc_neg4} - {~pc_r4[16:0], 1'b1};
  assign pc_s4   = {pc_d4[17:1], pc_s3[6:0]};

  wire unused_pc_rows;  // row LSBs (always 1) and row bits above the product

  assign unused_pc_rows = &{1'b0, pc_d1[0], pc_d2[0], pc_d3[0], pc_d4[0], pc_r4[17:17]};

  `endif

  assign pc_p  = pc_s4;
  assign sc_ua = {1'b0, i_desc_inch};
  assign sc_ub = i_desc_s;

  // Simulation speed under Verilator (docs/performance.md): the rows below as one multiply.
  // Equal to the rows by the descriptor products' proof (hls-gen DescriptorProductFormalCiTest).
  // Synthesis (Yosys, Vivado), Icarus and the formal proofs do not define VERILATOR: they read the rows.
  `ifdef VERILATOR

  wire [23:0] sc_s4;  // the rows' partial sum, as one multiply

  assign sc_s4 = {{7{sc_ua[16]}}, sc_ua} * {16'd0, sc_ub};

  wire unused_sc_rows;  // the rows' inputs Verilator does not read

  assign unused_sc_rows = &{1'b0, sc_ua, sc_ub};

  `else

  wire [16:0] sc_s0;  // multiplier row 0: sc_ub[0] * sc_ua

  assign sc_s0 = {17{sc_ub[0]}} & sc_ua;

  wire [17:0] sc_a2;  // sc_ua, sign-extended by one bit

  assign sc_a2 = {{1{sc_ua[16]}}, sc_ua};

  wire        sc_one1;  // digit 0 is +-1
  wire        sc_two1;  // digit 0 is +-2
  wire        sc_neg1;  // digit 0 is negative
  wire [17:0] sc_r1;    // row 1: |digit| * sc_ua, inverted when negative
  wire [19:0] sc_d1;    // row 1: 2 * (upper sum + row) + 1
  wire [19:0] sc_s1;    // partial product after row 1

  assign sc_one1 = sc_ub[1] ^ 1'b0;
  assign sc_two1 = sc_ub[2] ? (~sc_ub[1] & ~1'b0) : (sc_ub[1] & 1'b0);
  assign sc_neg1 = sc_ub[2] & ~(sc_ub[1] & 1'b0);
  assign sc_r1   = ({18{sc_one1}} & sc_a2 | {18{sc_two1}} & {sc_ua, 1'b0}) ^ {18{sc_neg1}};
  assign sc_d1   = {{{3{sc_s0[16]}}, sc_s0[16:1]}, sc_neg1} - {~{{1{sc_r1[17]}}, sc_r1}, 1'b1};
  assign sc_s1   = {sc_d1[19:1], sc_s0[0:0]};

  wire        sc_one2;  // digit 1 is +-1
  wire        sc_two2;  // digit 1 is +-2
  wire        sc_neg2;  // digit 1 is negative
  wire [17:0] sc_r2;    // row 2: |digit| * sc_ua, inverted when negative
  wire [19:0] sc_d2;    // row 2: 2 * (upper sum + row) + 1
  wire [21:0] sc_s2;    // partial product after row 2

  assign sc_one2 = sc_ub[3] ^ sc_ub[2];
  assign sc_two2 = sc_ub[4] ? (~sc_ub[3] & ~sc_ub[2]) : (sc_ub[3] & sc_ub[2]);
  assign sc_neg2 = sc_ub[4] & ~(sc_ub[3] & sc_ub[2]);
  assign sc_r2   = ({18{sc_one2}} & sc_a2 | {18{sc_two2}} & {sc_ua, 1'b0}) ^ {18{sc_neg2}};
  assign sc_d2   = {{{2{sc_s1[19]}}, sc_s1[19:3]}, sc_neg2} - {~{{1{sc_r2[17]}}, sc_r2}, 1'b1};
  assign sc_s2   = {sc_d2[19:1], sc_s1[2:0]};

  wire        sc_one3;  // digit 2 is +-1
  wire        sc_two3;  // digit 2 is +-2
  wire        sc_neg3;  // digit 2 is negative
  wire [17:0] sc_r3;    // row 3: |digit| * sc_ua, inverted when negative
  wire [19:0] sc_d3;    // row 3: 2 * (upper sum + row) + 1
  wire [23:0] sc_s3;    // partial product after row 3

  assign sc_one3 = sc_ub[5] ^ sc_ub[4];
  assign sc_two3 = sc_ub[6] ? (~sc_ub[5] & ~sc_ub[4]) : (sc_ub[5] & sc_ub[4]);
  assign sc_neg3 = sc_ub[6] & ~(sc_ub[5] & sc_ub[4]);
  assign sc_r3   = ({18{sc_one3}} & sc_a2 | {18{sc_two3}} & {sc_ua, 1'b0}) ^ {18{sc_neg3}};
  assign sc_d3   = {{{2{sc_s2[21]}}, sc_s2[21:5]}, sc_neg3} - {~{{1{sc_r3[17]}}, sc_r3}, 1'b1};
  assign sc_s3   = {sc_d3[19:1], sc_s2[4:0]};

  wire        sc_one4;  // digit 3 is +-1
  wire        sc_two4;  // digit 3 is +-2
  wire        sc_neg4;  // digit 3 is negative
  wire [17:0] sc_r4;    // row 4: |digit| * sc_ua, inverted when negative
  wire [17:0] sc_d4;    // row 4: 2 * (upper sum + row) + 1
  wire [23:0] sc_s4;    // partial product after row 4

  assign sc_one4 = sc_ub[7] ^ sc_ub[6];
  assign sc_two4 = 1'b0 ? (~sc_ub[7] & ~sc_ub[6]) : (sc_ub[7] & sc_ub[6]);
  assign sc_neg4 = 1'b0 & ~(sc_ub[7] & sc_ub[6]);
  assign sc_r4   = ({18{sc_one4}} & sc_a2 | {18{sc_two4}} & {sc_ua, 1'b0}) ^ {18{sc_neg4}};
  assign sc_d4   = {sc_s3[23:7], sc_neg4} - {~sc_r4[16:0], 1'b1};
  assign sc_s4   = {sc_d4[17:1], sc_s3[6:0]};

  wire unused_sc_rows;  // row LSBs (always 1) and row bits above the product

  assign unused_sc_rows = &{1'b0, sc_d1[0], sc_d2[0], sc_d3[0], sc_d4[0], sc_r4[17:17]};

  `endif

  assign sc_p          = sc_s4;
  assign is_mac        = (i_desc_op == 4'd1) | (i_desc_op == 4'd2);
  assign bad_opcode    = (i_desc_op == 4'd0) | (i_desc_op > 4'd4);
  assign taps          = is_mac ? kc_p : {8'd0, i_desc_k};
  assign groups        = is_mac ? i_desc_groups : i_desc_outch;
  assign lanes_used    = 7'd8;
  assign seg_start     = (pos_r == 16'd0) & (group_r == 16'd0) & (tap_r == 16'd0);
  assign grp_start     = tap_r == 16'd0;
  assign gap_ok        = ~has_prev_r | (({9'd0, since_last_r} + {1'b0, taps}) >= {10'd0, prev_drains_r});
  assign dep_ok        = (ctx_r ? pending_b_r : pending_a_r) == 3'd0;
  assign unl_ok        = (round_r - rounds_unloaded_r) <= 16'd1;
  assign full          = (i_staged_a == 6'd28) & (i_staged_b == 6'd28);
  assign flush         = i_in_empty & ~i_feeding & ~i_in_busy & (i_staged_a != 6'd0);
  assign may_start     = gap_ok & ((seg_start & (layer_r != 8'd0)) ? dep_ok : (~in_round_r ? (unl_ok & (full | flush) & ~i_stop) : 1'b1));
  assign bad_op        = running_r & seg_start & bad_opcode & may_start;
  assign issue         = running_r & ((tap_r != 16'd0) | may_start) & ~(seg_start & bad_opcode);
  assign start_round   = issue & ~in_round_r;
  assign eff_pos_base  = seg_start ? 32'd0 - {24'd0, i_desc_pad} : pos_base_r;
  assign eff_row_base  = seg_start ? 32'd0 - {8'd0, pc_p} : row_base_r;
  assign eff_row       = grp_start ? eff_row_base : row_r;
  assign eff_chan      = grp_start ? 16'd0 : chan_r;
  assign eff_kidx      = grp_start ? 8'd0 : kidx_r;
  assign eff_waddr     = seg_start ? i_desc_wbase : waddr_r;
  assign eff_ch0       = (group_r == 16'd0) ? 16'd0 : ch0_r;
  assign eff_out_base  = seg_start ? 16'd0 : out_base_r;
  assign tap_pos       = eff_pos_base + {24'd0, eff_kidx};
  assign tap_in        = ~tap_pos[31] & (tap_pos < {16'd0, i_desc_inlen});
  assign tap_addr      = eff_row + {16'd0, is_mac ? eff_chan : group_r};
  assign last_tap      = tap_r == taps - 16'd1;
  assign last_group    = group_r == groups - 16'd1;
  assign last_pos      = pos_r == i_desc_outlen - 16'd1;
  assign seg_end       = last_tap & last_group & last_pos;
  assign rem_ch        = i_desc_outch - eff_ch0;
  assign group_drains  = ~is_mac ? 7'd1 : (rem_ch < {9'd0, lanes_used}) ? rem_ch[6:0] : lanes_used;
  assign last_layer    = layer_r == i_hdr_layers - 8'd1;
  assign o_stg_raddr   = {ctx_r, tap_addr[5:0]};
  assign o_act_raddr   = {ctx_r, i_desc_src == 2'd2, tap_addr[7:0]};
  assign o_weight_addr = eff_waddr[10:0];
  assign unused_addr   = &{1'b0, tap_addr, eff_waddr};

  // Controller: walks the loop nest, one tap per cycle when the start rules allow.
  always @(posedge i_clk) begin
    if (i_rst | ~running_r) begin
      round_r <= 16'd0;
      layer_r <= 8'd0;
      ctx_r <= 1'b0;
      pos_r <= 16'd0;
      group_r <= 16'd0;
      tap_r <= 16'd0;
      chan_r <= 16'd0;
      kidx_r <= 8'd0;
      row_r <= 32'd0;
      pos_base_r <= 32'd0;
      row_base_r <= 32'd0;
      waddr_r <= 24'd0;
      ch0_r <= 16'd0;
      out_base_r <= 16'd0;
      in_round_r <= 1'b0;
      has_prev_r <= 1'b0;
      since_last_r <= 8'hff;
      prev_drains_r <= 7'd0;
      stg_free_r <= 2'b11;
      cycle_r <= 32'd0;
    end else begin
      cycle_r <= cycle_r + 32'd1;
      if (issue) begin
        tap_r <= last_tap ? 16'd0 : tap_r + 16'd1;
        pos_base_r <= eff_pos_base;
        row_base_r <= eff_row_base;
        out_base_r <= eff_out_base;
        ch0_r <= eff_ch0;
        waddr_r <= eff_waddr + 24'd1;
        if (is_mac) begin
          if (eff_chan == i_desc_inch - 16'd1) begin
            chan_r <= 16'd0;
            kidx_r <= eff_kidx + 8'd1;
            row_r <= eff_row + {16'd0, i_desc_inch};
          end else begin
            chan_r <= eff_chan + 16'd1;
            kidx_r <= eff_kidx;
            row_r <= eff_row;
          end
        end else begin
          chan_r <= 16'd0;
          kidx_r <= eff_kidx + 8'd1;
          row_r <= eff_row + {16'd0, i_desc_inch};
        end
        if (start_round) begin
          in_round_r <= 1'b1;
        end
        if (last_tap) begin
          since_last_r <= 8'd0;
          prev_drains_r <= group_drains;
          has_prev_r <= 1'b1;
          if (last_group) begin
            group_r <= 16'd0;
            waddr_r <= i_desc_wbase;
            if (last_pos) begin
              pos_r <= 16'd0;
              ctx_r <= ~ctx_r;
              if (ctx_r) begin
                layer_r <= last_layer ? 8'd0 : layer_r + 8'd1;
              end
              if (ctx_r & last_layer) begin
                round_r <= round_r + 16'd1;
                in_round_r <= 1'b0;
              end
            end else begin
              pos_r <= pos_r + 16'd1;
              pos_base_r <= eff_pos_base + {24'd0, i_desc_s};
              row_base_r <= eff_row_base + {8'd0, sc_p};
              out_base_r <= eff_out_base + i_desc_outch;
            end
          end else begin
            group_r <= group_r + 16'd1;
            ch0_r <= eff_ch0 + {9'd0, lanes_used};
          end
        end else begin
          since_last_r <= (since_last_r == 8'hff) ? since_last_r : since_last_r + 8'd1;
        end
      end else begin
        since_last_r <= (since_last_r == 8'hff) ? since_last_r : since_last_r + 8'd1;
      end
      if (issue & seg_end & (layer_r == 8'd0)) begin
        stg_free_r[ctx_r] <= 1'b1;
      end
      if (start_round & (i_fill_round == round_r)) begin
        stg_free_r <= 2'b00;
      end
      if (i_window_start & (i_fill_pe == 5'd27)) begin
        stg_free_r[i_fill_ctx] <= 1'b0;
      end
    end
  end

  assign o_round_start = start_round;
  assign o_in_round    = in_round_r;
  assign o_issue       = issue;
  assign o_round       = round_r;
  assign o_layer       = layer_r;
  assign o_stg_free    = stg_free_r;
  assign o_cycle       = cycle_r;
  assign pend_inc_a    = issue & seg_end & ~ctx_r;
  assign pend_inc_b    = issue & seg_end & ctx_r;
  assign pend_dec_a    = i_seg_written & ~i_seg_ctx;
  assign pend_dec_b    = i_seg_written & i_seg_ctx;

  // Run control, errors, pending segments, unload progress.
  always @(posedge i_clk) begin
    if (i_rst) begin
      running_r <= 1'b0;
      err_r <= 8'd0;
      pending_a_r <= 3'd0;
      pending_b_r <= 3'd0;
      rounds_unloaded_r <= 16'd0;
      results_ready_r <= 8'd0;
    end else begin
      if (~running_r) begin
        pending_a_r <= 3'd0;
        pending_b_r <= 3'd0;
        rounds_unloaded_r <= 16'd0;
        results_ready_r <= 8'd0;
        if (i_start & (err_r == 8'd0)) begin
          if (i_hdr_magic_ok & (i_hdr_layers != 8'd0)) begin
            running_r <= 1'b1;
          end else begin
            err_r <= 8'd1;
          end
        end
      end
      if (running_r) begin
        if (~i_start) begin
          running_r <= 1'b0;
        end
        if (bad_op) begin
          err_r <= 8'd2;
          running_r <= 1'b0;
        end
        pending_a_r <= pending_a_r + {2'd0, pend_inc_a} - {2'd0, pend_dec_a};
        pending_b_r <= pending_b_r + {2'd0, pend_inc_b} - {2'd0, pend_dec_b};
        if (i_seg_written & i_seg_to_results) begin
          results_ready_r <= results_ready_r + 8'd1;
        end
        if (i_round_unloaded) begin
          rounds_unloaded_r <= rounds_unloaded_r + 16'd1;
        end
      end
      if (i_prog_we & running_r) begin
        err_r <= 8'd4;
      end
      if (i_clear & ~running_r) begin
        err_r <= 8'd0;
      end
    end
  end

  assign o_running       = running_r;
  assign o_error         = err_r;
  assign o_results_ready = results_ready_r;
  assign o_all_unloaded  = ~in_round_r & (round_r == rounds_unloaded_r);

  // Tap pipeline registers.
  always @(posedge i_clk) begin
    t1_ctl_r <= {issue, is_mac, grp_start, last_tap, i_desc_in16, tap_in, i_desc_src == 2'd0, i_desc_op == 4'd3};
    t1_zin_r <= i_desc_zin[15:0];
    t1_grp_r <= {seg_end, ctx_r, round_r[0], i_desc_dst, is_mac ? {1'b0, i_desc_rq} : (i_desc_op == 4'd3) ? 3'd4 : 3'd5, 1'b0, group_drains, i_desc_pbase + eff_ch0, eff_out_base + (is_mac ? eff_ch0 : group_r), i_desc_zout, i_desc_amin, i_desc_amax};
    t2_ctl_r <= t1_ctl_r;
    t2_grp_r <= t1_grp_r;
  end

  // Delay line: control at the accumulate stage T3
  always @(posedge i_clk) begin
    t3_ctl_d0_r <= t2_ctl_r;
  end

  assign t3_ctl = t3_ctl_d0_r;

  // Delay line: group information at the capture
  always @(posedge i_clk) begin
    cap_grp_d0_r <= t2_grp_r;
    cap_grp_d1_r <= cap_grp_d0_r;
  end

  assign cap_grp = cap_grp_d1_r;

  // Capture strobe (docs 3.3): the cycle after the last tap's accumulate.
  always @(posedge i_clk) begin
    cap_r <= t3_ctl[7] & t3_ctl[4];
  end

  assign o_t1_inside  = t1_ctl_r[2];
  assign o_t1_src_stg = t1_ctl_r[1];
  assign o_t1_zin     = t1_zin_r;
  assign o_t2_in16    = t2_ctl_r[3];
  assign o_acc_mac    = t3_ctl[7] & t3_ctl[6];
  assign o_acc_pool   = t3_ctl[7] & ~t3_ctl[6];
  assign o_acc_first  = t3_ctl[5];
  assign o_acc_real   = t3_ctl[2];
  assign o_pool_max   = t3_ctl[0];
  assign o_capture    = cap_r;
  assign o_cap_group  = cap_grp;
  assign unused_t3    = &{1'b0, t3_ctl[3], t3_ctl[1], t2_ctl_r[7:4], t2_ctl_r[2:0], t1_ctl_r[7:3], t1_ctl_r[0]};

endmodule

`default_nettype wire
